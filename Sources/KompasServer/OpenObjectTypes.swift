import Foundation
import KompasSync

/// The project's own objecttypes in Open Object: the four Kompas object types with the gateway's
/// bookkeeping fields added, plus the gateway's principals and tokens.
///
/// A municipality registers them in its Objecttypes API with these uuids and schemas
/// (`Fixtures/open-object/objecttypes.json`, checked against this file by the tests); the
/// gateway's Open Object token needs `read_and_write` on each. Why extra fields in `data`:
/// Open Object has no notion of a citizen or of an idempotency key, but it can filter on `data`
/// (`data_attr=klant__exact__…`), so the gateway keeps both there, where every gateway instance
/// can query them.
public enum OpenObjectTypes {
    /// The citizen an object belongs to (a principal id): every read is filtered on it.
    public static let klantField = "klant"
    /// The client's own uuid of the object (its idempotency key); the stored uuid is a keyed hash
    /// of citizen and this uuid.
    public static let clientUUIDField = "kompasUuid"
    /// When the gateway received the record (UTC, milliseconds): the receipt the client shows.
    ///
    /// Open Object's own `registrationAt` is only a date.
    public static let receivedField = "kompasOntvangen"
    public static let reserved: Set<String> = [klantField, clientUUIDField, receivedField]

    /// The gateway's principals (klant, klantmanager and the caseload).
    public static let principalType = "kompasdeelnemer"
    /// The gateway's tokens: their id, owner and expiry, and whether they are revoked.
    public static let tokenType = "kompastoken"

    /// Fixed uuids of the objecttypes (the first four are the fixture's own; `sollicitatie` is
    /// the project's, from issue 21).
    public static let uuids: [String: String] = [
        "loonstrook": "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d41",
        "inkomstenopgave": "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d42",
        "verrekening": "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d43",
        "bericht": "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d44",
        // The application log (issue 21): what the client chose to send to the klantmanager.
        "sollicitatie": "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d47",
        principalType: "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d45",
        tokenType: "6f1d3c4e-2b1a-4c8e-9a57-0d6a1b2c3d46",
    ]

    static let uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

    /// The JSON schema of a Kompas object type in Open Object: the gateway's own schema plus the
    /// three bookkeeping fields, required.
    public static func schema(for type: ObjectType) -> JSONValue {
        guard case .object(var s) = ObjectSchemas.parsed[type] ?? .null else { return .null }
        var props = s["properties"]?.objectValue ?? [:]
        props[klantField] = .object(["type": .string("string"), "pattern": .string(uuidPattern)])
        props[clientUUIDField] = .object([
            "type": .string("string"), "pattern": .string(uuidPattern),
        ])
        props[receivedField] = .object(["type": .string("string"), "maxLength": .integer(40)])
        s["properties"] = .object(props)
        var required: [JSONValue] = []
        if case .array(let r)? = s["required"] { required = r }
        required += [.string(klantField), .string(clientUUIDField), .string(receivedField)]
        s["required"] = .array(required)
        return .object(s)
    }

    static let principalSchema: JSONValue = .object([
        "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
        "title": .string(principalType), "type": .string("object"),
        "required": .array(["id", "rol", "label", "aangemaakt"].map { .string($0) }),
        "properties": .object([
            "id": .object(["type": .string("string"), "pattern": .string(uuidPattern)]),
            "rol": .object([
                "type": .string("string"),
                "enum": .array([.string("klant"), .string("klantmanager")]),
            ]),
            "label": .object(["type": .string("string"), "maxLength": .integer(200)]),
            "klantmanager": .object(["type": .string("string"), "pattern": .string(uuidPattern)]),
            "aangemaakt": .object(["type": .string("string"), "maxLength": .integer(40)]),
        ]),
        "additionalProperties": .bool(false),
    ])

    static let tokenSchema: JSONValue = .object([
        "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
        "title": .string(tokenType), "type": .string("object"),
        "required": .array(
            ["tokenId", "principal", "aangemaakt", "ingetrokken"].map { .string($0) }),
        "properties": .object([
            "tokenId": .object(["type": .string("string"), "pattern": .string("^[0-9a-f]{16}$")]),
            "principal": .object(["type": .string("string"), "pattern": .string(uuidPattern)]),
            "verlooptOp": .object(["type": .string("integer"), "minimum": .integer(0)]),
            "aangemaakt": .object(["type": .string("string"), "maxLength": .integer(40)]),
            "ingetrokken": .object(["type": .string("boolean")]),
        ]),
        "additionalProperties": .bool(false),
    ])

    /// The whole objecttypes file as `run-open-object.sh` takes it (`OO_OBJECTTYPES_FILE`):
    /// `{name: {uuid, schema}}`.
    public static var fixture: JSONValue {
        var out: [String: JSONValue] = [:]
        for t in ObjectType.allCases {
            out[t.rawValue] = .object([
                "uuid": .string(uuids[t.rawValue] ?? ""), "schema": schema(for: t),
            ])
        }
        out[principalType] = .object([
            "uuid": .string(uuids[principalType] ?? ""), "schema": principalSchema,
        ])
        out[tokenType] = .object(["uuid": .string(uuids[tokenType] ?? ""), "schema": tokenSchema])
        return .object(out)
    }
}
