import Foundation
import KompasCrypto
import KompasSync

/// The gateway's Open Object backend (`serve --objects-api URL`): every Kompas object is an
/// object of the project's objecttypes (``OpenObjectTypes``) in the municipality's Objects API.
///
/// What the gateway adds that the Objects API lacks, and where it keeps it, so that any number
/// of gateway instances can serve one municipality with no state of their own:
/// - **Scoping**: Open Object's token reaches every citizen's objects of a type; the gateway
///   writes the citizen into `data.klant` and filters every read on it (`data_attr`).
/// - **Idempotency**: the object's uuid in Open Object is a keyed hash of citizen and the
///   client's uuid (the key shared by all instances, ``ServerDatabase/objectKey(klant:uuid:key:)``),
///   so a retried create meets its own object: the real API's `400 unique` becomes the gateway's
///   idempotent 200 (same content) or 409 (other content), and no client can learn that another
///   client's uuid exists. A correction is sent with `correctionFor` = the latest index; the real
///   API's 500 on a second correction of one record becomes 200 (it was this same correction,
///   retried) or 409 (someone else's).
/// - **Receipts**: the moment of receipt is kept in `data.kompasOntvangen`.
/// - **Tokens**: signed by the gateway (HMAC-SHA-256 under the shared key) with an expiry, so
///   every instance verifies them; each is also an object (``OpenObjectTypes/tokenType``) whose
///   `ingetrokken` flag is the revocation list, looked up at most every `revocationCacheSeconds`.
public final class OpenObjectStore: GatewayStore, GatewayAdministration, @unchecked Sendable {
    public let api: OpenObjectClient
    private let objectIDKey: SecretBytes
    private let tokenKey: SecretBytes
    private let typeURLs: [String: String]
    private let typeNames: [String: String]
    public let revocationCacheSeconds: Double
    private let cacheLock = NSLock()
    private var tokenCache: [String: (ok: Bool, until: Double)] = [:]
    /// Where backend failures are told (status and path only: never the token, never data).
    let log: @Sendable (String) -> Void

    /// A backend on one Objects API.
    ///
    /// - Parameters:
    ///   - client: the HTTP client to the Objects API (it holds the application token).
    ///   - sharedKey: the key all gateway instances share (at least 32 random bytes): object
    ///     uuids and token signatures are derived from it.
    ///   - typesBaseURL: where the objecttypes live (default: the Objects API root, as in
    ///     Open Object, which serves both APIs).
    ///   - revocationCacheSeconds: how long a token's revocation check is reused.
    ///   - log: where backend failures are told (never the token).
    /// - Throws: ``OpenObjectStoreError/keyTooShort`` for a key under 32 bytes.
    public init(
        client: OpenObjectClient, sharedKey: [UInt8], typesBaseURL: String? = nil,
        revocationCacheSeconds: Double = 10, log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        api = client
        guard sharedKey.count >= 32 else { throw OpenObjectStoreError.keyTooShort }
        let prk = SecretBytes(sharedKey)
        objectIDKey = try HMACSHA256.expand(prk: prk, info: Array("kompas-gemeente/object-id".utf8))
        tokenKey = try HMACSHA256.expand(prk: prk, info: Array("kompas-gemeente/token".utf8))
        let base = typesBaseURL ?? client.baseURL
        var urls: [String: String] = [:]
        for (name, uuid) in OpenObjectTypes.uuids { urls[name] = "\(base)/objecttypes/\(uuid)" }
        typeURLs = urls
        typeNames = Dictionary(uniqueKeysWithValues: urls.map { ($0.value, $0.key) })
        self.revocationCacheSeconds = revocationCacheSeconds
        self.log = log
    }

    /// Reads the shared key file: hexadecimal (`openssl rand -hex 32`), at least 32 bytes.
    public static func readKey(_ path: String) throws -> [UInt8] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw OpenObjectStoreError.unreadable(path)
        }
        guard let key = Hex.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            key.count >= 32
        else { throw OpenObjectStoreError.keyTooShort }
        return key
    }

    // MARK: Wire helpers

    private func unavailable(_ what: String, _ a: OpenObjectClient.Answer? = nil) -> Error {
        log("open-object: \(what)\(a.map { " -> \($0.status)" } ?? "")")
        return ObjectsAPI.StoreUnavailable()
    }

    private func call(_ method: String, _ target: String, body: JSONValue? = nil) throws
        -> OpenObjectClient.Answer
    {
        do { return try api.call(method, target, body: body) } catch {
            // The log names the call, never an object id or a query (which holds citizen ids).
            let path = (target.split(separator: "?").first.map(String.init) ?? "")
                .replacingOccurrences(
                    of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    with: "{uuid}", options: .regularExpression)
            throw unavailable("\(method) \(path): network error or timeout")
        }
    }

    private func key(_ scope: String, _ id: String) throws -> String {
        try ServerDatabase.objectKey(klant: scope, uuid: id, key: objectIDKey)
    }

    /// The Open Object object stored under `key` (nil when it does not exist).
    private func fetch(_ key: String) throws -> JSONValue? {
        let a = try call("GET", "/objects/\(key)")
        switch a.status {
        case 200: return a.json
        case 404: return nil
        default: throw unavailable("GET /objects/{uuid}", a)
        }
    }

    /// Every result of a list, following `next`.
    private func all(_ target: String) throws -> [JSONValue] {
        var out: [JSONValue] = []
        var next: String? = target
        var pages = 0
        while let t = next, pages < 10_000 {
            let a = try call("GET", t)
            guard a.status == 200, case .array(let results)? = a.json?["results"] else {
                throw unavailable("GET \(t.split(separator: "?").first ?? "")", a)
            }
            out += results
            next = a.json?["next"]?.stringValue.flatMap { api.target(of: $0) }
            pages += 1
        }
        return out
    }

    private static func query(_ items: [(String, String)]) -> String {
        items.map { "\($0.0)=\(OpenObjectClient.encode($0.1))" }.joined(separator: "&")
    }

    private static func isUnique(_ j: JSONValue?) -> Bool {
        guard case .array(let ps)? = j?["invalid_params"] else { return false }
        return ps.contains {
            $0["name"]?.stringValue == "uuid" && $0["code"]?.stringValue == "unique"
        }
    }

    // MARK: Mapping

    private func stripped(_ data: JSONValue?) -> JSONValue {
        guard case .object(var o)? = data else { return data ?? .null }
        for k in OpenObjectTypes.reserved { o[k] = nil }
        return .object(o)
    }

    private func record(_ r: JSONValue) -> ObjectRecord {
        ObjectRecord(
            index: Int(r["index"]?.intValue ?? 0),
            typeVersion: Int(r["typeVersion"]?.intValue ?? 1),
            data: stripped(r["data"]), startAt: r["startAt"]?.stringValue ?? "",
            endAt: r["endAt"]?.stringValue,
            registrationAt: r["data"]?[OpenObjectTypes.receivedField]?.stringValue
                ?? r["registrationAt"]?.stringValue ?? "",
            correctionFor: r["correctionFor"]?.intValue.map(Int.init),
            correctedBy: r["correctedBy"]?.intValue.map(Int.init))
    }

    /// The gateway's resource for an Open Object object, or nil when it is not a Kompas object.
    private func resource(_ o: JSONValue, baseURL: String) -> ObjectResource? {
        guard let typeURL = o["type"]?.stringValue, let name = typeNames[typeURL],
            ObjectType(rawValue: name) != nil, let r = o["record"],
            let klant = r["data"]?[OpenObjectTypes.klantField]?.stringValue,
            let uuid = r["data"]?[OpenObjectTypes.clientUUIDField]?.stringValue
        else { return nil }
        return ObjectResource(
            url: "\(baseURL)/api/v2/objects/\(uuid)", uuid: uuid, type: name, klant: klant,
            record: record(r))
    }

    private func ooData(_ data: JSONValue, klant: String, uuid: String) throws -> JSONValue {
        guard case .object(var o) = data else {
            throw APIFailure.invalid("record.data moet een object zijn.")
        }
        guard OpenObjectTypes.reserved.allSatisfy({ o[$0] == nil }) else {
            throw APIFailure.invalid(
                "record.data mag de velden klant, kompasUuid en kompasOntvangen niet bevatten.")
        }
        o[OpenObjectTypes.klantField] = .string(klant)
        o[OpenObjectTypes.clientUUIDField] = .string(uuid)
        o[OpenObjectTypes.receivedField] = .string(WireTime.string(Date()))
        return .object(o)
    }

    // MARK: Principals and caseloads

    private func principal(_ id: String) throws -> JSONValue? {
        guard ObjectsAPI.isUUID(id), let o = try fetch(try key("#deelnemer", id)),
            o["record"]?["data"]?["id"]?.stringValue == id
        else { return nil }
        return o["record"]?["data"]
    }

    /// The clients in a klantmanager's caseload.
    private func caseload(_ km: String) throws -> [String] {
        guard let t = typeURLs[OpenObjectTypes.principalType] else { return [] }
        return try all(
            "/objects?"
                + Self.query([
                    ("type", t), ("data_attr", "klantmanager__exact__\(km)"), ("pageSize", "500"),
                ])
        ).compactMap { $0["record"]?["data"]?["id"]?.stringValue }
    }

    private func mayWrite(for klant: String, _ p: Principal) throws -> Bool {
        switch p.role {
        case .klant: return klant == p.id
        case .klantmanager:
            guard let d = try principal(klant) else { return false }
            return d["rol"]?.stringValue == "klant" && d["klantmanager"]?.stringValue == p.id
        }
    }

    /// The Open Object object the caller means by `uuid`, among those it may see.
    private func resolve(_ uuid: String, _ p: Principal) throws -> JSONValue? {
        switch p.role {
        case .klant:
            guard let o = try fetch(try key(p.id, uuid)),
                o["record"]?["data"]?[OpenObjectTypes.klantField]?.stringValue == p.id
            else { return nil }
            return o
        case .klantmanager:
            let klanten = try caseload(p.id)
            guard !klanten.isEmpty else { return nil }
            let found = try all(
                "/objects?"
                    + Self.query([
                        ("data_attr", "\(OpenObjectTypes.clientUUIDField)__exact__\(uuid)"),
                        ("data_attr", "klant__in__\(klanten.joined(separator: "|"))"),
                    ]))
            // The oldest, should two clients of one caseload have chosen the same uuid.
            return found.last { resource($0, baseURL: "") != nil }
        }
    }

    // MARK: GatewayStore

    public func object(_ uuid: String, for p: Principal, baseURL: String) throws -> ObjectResource {
        guard let o = try resolve(uuid, p), let r = resource(o, baseURL: baseURL) else {
            throw APIFailure.notFound
        }
        return r
    }

    public func history(_ uuid: String, for p: Principal) throws -> [ObjectRecord] {
        guard let o = try resolve(uuid, p), let k = o["uuid"]?.stringValue else {
            throw APIFailure.notFound
        }
        let a = try call("GET", "/objects/\(k)/history")
        guard a.status == 200 else { throw unavailable("GET /objects/{uuid}/history", a) }
        let items: [JSONValue]
        if case .array(let list)? = a.json {
            items = list
        } else if case .array(let list)? = a.json?["results"] {
            items = list
        } else {
            throw unavailable("GET /objects/{uuid}/history: no records", a)
        }
        return items.map(record).sorted { $0.index < $1.index }
    }

    public func create(_ new: NewObject, type: ObjectType, by p: Principal, baseURL: String) throws
        -> (ObjectResource, created: Bool)
    {
        let klant = try p.owner(of: new)
        guard try mayWrite(for: klant, p) else {
            throw p.role == .klantmanager
                ? APIFailure.forbidden("Deze klant hoort niet bij uw caseload.")
                : APIFailure.notFound
        }
        guard let typeURL = typeURLs[type.rawValue] else {
            throw APIFailure.invalid("Onbekend objecttype.")
        }
        let k = try key(klant, new.uuid)
        let body: JSONValue = .object([
            "uuid": .string(k), "type": .string(typeURL),
            "record": .object([
                "typeVersion": .integer(Int64(new.record.typeVersion)),
                "data": try ooData(new.record.data, klant: klant, uuid: new.uuid),
                "startAt": .string(new.record.startAt),
            ]),
        ])
        let a = try call("POST", "/objects", body: body)
        switch a.status {
        case 201:
            guard let j = a.json, let o = resource(j, baseURL: baseURL) else {
                throw unavailable("POST /objects: answer without a Kompas object", a)
            }
            return (o, true)
        case 400 where Self.isUnique(a.json):
            // Our own object under our own key: a retry if its first record is this one.
            guard let j = try fetch(k), let current = resource(j, baseURL: baseURL),
                current.klant == klant
            else { throw unavailable("GET /objects/{uuid} after 400 unique") }
            let first =
                current.record.index == 1
                ? current.record : try history(new.uuid, for: p).first { $0.index == 1 }
            guard current.type == type.rawValue, let first, first.data == new.record.data,
                first.startAt == new.record.startAt, first.typeVersion == new.record.typeVersion
            else {
                throw APIFailure.conflict(
                    "Er bestaat al een object met deze uuid en een andere inhoud.",
                    currentIndex: nil)
            }
            return (current, false)
        case 400:
            // The gateway checked the record against the same schema first; Open Object
            // refusing it means the municipality's objecttype differs.
            log("open-object: POST /objects -> 400 (\(Self.reason(a.json)))")
            throw APIFailure.invalid("Het record past niet bij het objecttype van de gemeente.")
        default:
            throw unavailable("POST /objects", a)
        }
    }

    /// The first reason Open Object gives (a field name and code, no values), for the log.
    private static func reason(_ j: JSONValue?) -> String {
        guard case .array(let ps)? = j?["invalid_params"], let f = ps.first else { return "-" }
        return "\(f["name"]?.stringValue ?? "?"): \(f["code"]?.stringValue ?? "?")"
    }

    public func addRecord(
        _ uuid: String, _ new: NewRecord, by p: Principal, writable: (ObjectType) -> Bool,
        baseURL: String
    ) throws -> (ObjectResource, created: Bool) {
        guard let j = try resolve(uuid, p), let k = j["uuid"]?.stringValue,
            let current = resource(j, baseURL: baseURL), let typeURL = j["type"]?.stringValue
        else { throw APIFailure.notFound }
        guard let type = ObjectType(rawValue: current.type), writable(type) else {
            throw APIFailure.forbidden("U mag dit soort object niet wijzigen.")
        }
        guard try mayWrite(for: current.klant, p) else {
            throw APIFailure.forbidden("U mag dit object niet wijzigen.")
        }
        func isThis(_ r: ObjectRecord) -> Bool {
            r.index > 1 && r.correctionFor == new.correctionFor && r.data == new.data
                && r.startAt == new.startAt && r.typeVersion == new.typeVersion
        }
        if isThis(current.record) { return (current, false) }
        guard let base = new.correctionFor else {
            throw APIFailure.invalid(
                "record.correctionFor is verplicht: het nummer van het record dat u verbetert.")
        }
        guard base == current.record.index else {
            throw APIFailure.conflict(
                "Het object is gewijzigd sinds u het zag.", currentIndex: current.record.index)
        }
        let body: JSONValue = .object([
            "type": .string(typeURL),
            "record": .object([
                "typeVersion": .integer(Int64(new.typeVersion)),
                "data": try ooData(new.data, klant: current.klant, uuid: current.uuid),
                "startAt": .string(new.startAt), "correctionFor": .integer(Int64(base)),
            ]),
        ])
        let a = try call("PUT", "/objects/\(k)", body: body)
        if a.status == 200, let j2 = a.json, let o = resource(j2, baseURL: baseURL) {
            return (o, true)
        }
        guard [400, 500].contains(a.status) else { throw unavailable("PUT /objects/{uuid}", a) }
        // A second correction of one record is Open Object's 500 (IntegrityError): see what is
        // there now. Our own earlier attempt (a retry) is success; anyone else's is a conflict.
        guard let now = try fetch(k), let latest = resource(now, baseURL: baseURL) else {
            throw unavailable("GET /objects/{uuid} after PUT", a)
        }
        if isThis(latest.record) { return (latest, false) }
        if latest.record.index != base {
            throw APIFailure.conflict(
                "Het object is gewijzigd sinds u het zag.", currentIndex: latest.record.index)
        }
        if a.status == 400 {
            log("open-object: PUT /objects/{uuid} -> 400 (\(Self.reason(a.json)))")
            throw APIFailure.invalid("Het record past niet bij het objecttype van de gemeente.")
        }
        throw unavailable("PUT /objects/{uuid}", a)
    }

    public func list(_ q: ServerDatabase.ListQuery, for p: Principal, baseURL: String) throws -> (
        count: Int, results: [ObjectResource]
    ) {
        var items: [(String, String)] = []
        if let t = q.type {
            guard let u = typeURLs[t.rawValue] else { return (0, []) }
            items.append(("type", u))
        }
        switch p.role {
        case .klant:
            if let k = q.klant, k != p.id { return (0, []) }
            items.append(("data_attr", "klant__exact__\(p.id)"))
        case .klantmanager:
            let klanten = try caseload(p.id)
            if let k = q.klant {
                guard klanten.contains(k) else { return (0, []) }
                items.append(("data_attr", "klant__exact__\(k)"))
            } else {
                guard !klanten.isEmpty else { return (0, []) }
                items.append(("data_attr", "klant__in__\(klanten.joined(separator: "|"))"))
            }
        }
        for f in q.filters {
            items.append(
                ("data_attr", "\(f.path.joined(separator: "__"))__\(f.op.rawValue)__\(f.value)"))
        }
        // Oldest first, as the SQLite backend answers (Open Object's default is newest first,
        // which would shift the pages of a client reading while others write).
        items.append(("ordering", "object"))
        let filters = items
        items += [("pageSize", String(q.pageSize)), ("page", String(q.page))]
        let a = try call("GET", "/objects?" + Self.query(items))
        switch a.status {
        case 200:
            guard case .array(let results)? = a.json?["results"] else {
                throw unavailable("GET /objects: no results", a)
            }
            return (
                Int(a.json?["count"]?.intValue ?? 0),
                results.compactMap { resource($0, baseURL: baseURL) }
            )
        case 404:
            // A page past the end: Open Object answers 404, the gateway an empty page.
            let c = try call(
                "GET", "/objects?" + Self.query(filters + [("pageSize", "1"), ("page", "1")]))
            guard c.status == 200 else { throw unavailable("GET /objects (count)", c) }
            return (Int(c.json?["count"]?.intValue ?? 0), [])
        case 400:
            throw APIFailure.invalid("Deze filter kan de gemeente niet toepassen.")
        default:
            throw unavailable("GET /objects", a)
        }
    }

    // MARK: Tokens

    private func mac(_ fields: [String]) throws -> String {
        Hex.encode(
            try HMACSHA256.authenticate(Array(fields.joined(separator: "|").utf8), key: tokenKey))
    }

    /// Verifies the signature and expiry locally, then asks Open Object (or the short cache)
    /// whether the token still exists and is not revoked.
    ///
    /// The token is `kgo_<id>_<principal>_<role>_<expiry>_<mac>`.
    public func authenticate(_ token: String, now: Date) -> ServerDatabase.TokenCheck {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "kgo", parts[1].count == 16,
            Hex.decode(parts[1]) != nil, ObjectsAPI.isUUID(parts[2]),
            let role = Principal.Role(rawValue: parts[3]), let exp = Int64(parts[4]), exp >= 0,
            parts[5].count == 64, let expected = try? mac(Array(parts[0..<5]))
        else { return .invalid }
        guard ConstantTime.equal(Array(expected.utf8), Array(parts[5].utf8)) else {
            return .invalid
        }
        if exp > 0, Double(exp) <= now.timeIntervalSince1970 { return .expired }
        let tid = parts[1]
        let t = monotonicSeconds()
        cacheLock.lock()
        let cached = tokenCache[tid]
        cacheLock.unlock()
        let ok: Bool
        if let c = cached, c.until > t {
            ok = c.ok
        } else {
            let o: JSONValue?
            do { o = try fetch(try key("#token", tid)) } catch { return .unavailable }
            let d = o?["record"]?["data"]
            ok = d?["tokenId"]?.stringValue == tid && d?["ingetrokken"] != .bool(true)
            cacheLock.lock()
            tokenCache[tid] = (ok, t + revocationCacheSeconds)
            cacheLock.unlock()
        }
        return ok ? .valid(Principal(id: parts[2], role: role)) : .invalid
    }

    // MARK: GatewayAdministration

    private func post(_ typeName: String, key k: String, _ data: JSONValue) throws {
        guard let t = typeURLs[typeName] else { throw unavailable("no objecttype \(typeName)") }
        let a = try call(
            "POST", "/objects",
            body: .object([
                "uuid": .string(k), "type": .string(t),
                "record": .object([
                    "typeVersion": .integer(1), "data": data,
                    "startAt": .string(String(WireTime.string(Date()).prefix(10))),
                ]),
            ]))
        guard a.status == 201 else { throw unavailable("POST /objects (\(typeName))", a) }
    }

    public func addPrincipal(role: Principal.Role, label: String, klantmanager: String?) throws
        -> String
    {
        if let km = klantmanager {
            guard try principal(km)?["rol"]?.stringValue == "klantmanager" else {
                throw AdminError.unknownKlantmanager(km)
            }
        }
        let id = UUID().uuidString.lowercased()
        var d: [String: JSONValue] = [
            "id": .string(id), "rol": .string(role.rawValue), "label": .string(label),
            "aangemaakt": .string(WireTime.string(Date())),
        ]
        if let km = klantmanager { d["klantmanager"] = .string(km) }
        try post(OpenObjectTypes.principalType, key: try key("#deelnemer", id), .object(d))
        return id
    }

    public func createToken(for principalID: String, expiresAt: Date?) throws -> String {
        guard let p = try principal(principalID), let role = p["rol"]?.stringValue else {
            throw AdminError.unknownPrincipal(principalID)
        }
        let tid = Hex.encode(try SecureRandom.bytes(8))
        let exp = expiresAt.map { max(1, Int64($0.timeIntervalSince1970)) } ?? 0
        var d: [String: JSONValue] = [
            "tokenId": .string(tid), "principal": .string(principalID),
            "aangemaakt": .string(WireTime.string(Date())), "ingetrokken": .bool(false),
        ]
        if exp > 0 { d["verlooptOp"] = .integer(exp) }
        try post(OpenObjectTypes.tokenType, key: try key("#token", tid), .object(d))
        let fields = ["kgo", tid, principalID, role, String(exp)]
        return (fields + [try mac(fields)]).joined(separator: "_")
    }

    public func principals() throws -> [(
        id: String, role: String, label: String, klantmanager: String?
    )] {
        guard let t = typeURLs[OpenObjectTypes.principalType] else { return [] }
        return try all("/objects?" + Self.query([("type", t), ("pageSize", "500")]))
            .compactMap { $0["record"]?["data"] }
            .sorted {
                ($0["aangemaakt"]?.stringValue ?? "", $0["id"]?.stringValue ?? "")
                    < ($1["aangemaakt"]?.stringValue ?? "", $1["id"]?.stringValue ?? "")
            }
            .map {
                (
                    $0["id"]?.stringValue ?? "", $0["rol"]?.stringValue ?? "",
                    $0["label"]?.stringValue ?? "", $0["klantmanager"]?.stringValue
                )
            }
    }

    public func tokens(for principalID: String?) throws -> [ServerDatabase.TokenInfo] {
        guard let t = typeURLs[OpenObjectTypes.tokenType] else { return [] }
        var items = [("type", t), ("pageSize", "500")]
        if let p = principalID { items.append(("data_attr", "principal__exact__\(p)")) }
        let people = Dictionary(
            try principals().map { ($0.id, ($0.role, $0.label)) }, uniquingKeysWith: { a, _ in a })
        return try all("/objects?" + Self.query(items))
            .compactMap { $0["record"]?["data"] }
            .filter { $0["ingetrokken"] != .bool(true) }
            .map { d in
                let who = d["principal"]?.stringValue ?? ""
                return ServerDatabase.TokenInfo(
                    id: d["tokenId"]?.stringValue ?? "", principal: who,
                    role: people[who]?.0 ?? "", label: people[who]?.1 ?? "",
                    expiresAt: d["verlooptOp"]?.intValue.map {
                        Date(timeIntervalSince1970: Double($0))
                    },
                    createdAt: d["aangemaakt"]?.stringValue ?? "")
            }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Revokes a token: its object gets a record with `ingetrokken: true`, which every instance
    /// sees within `revocationCacheSeconds`.
    @discardableResult
    public func revokeToken(_ given: String) throws -> String {
        let parts = given.split(separator: "_", omittingEmptySubsequences: false)
        let id = parts.count == 6 && parts[0] == "kgo" ? String(parts[1]) : given
        guard id.count == 16, Hex.decode(id) != nil else { throw AdminError.unknownToken(id) }
        let k = try key("#token", id)
        guard let o = try fetch(k), case .object(var d)? = o["record"]?["data"],
            d["ingetrokken"] != .bool(true), let index = o["record"]?["index"]?.intValue,
            let t = o["type"]?.stringValue
        else { throw AdminError.unknownToken(id) }
        d["ingetrokken"] = .bool(true)
        let a = try call(
            "PUT", "/objects/\(k)",
            body: .object([
                "type": .string(t),
                "record": .object([
                    "typeVersion": .integer(1), "data": .object(d),
                    "startAt": .string(String(WireTime.string(Date()).prefix(10))),
                    "correctionFor": .integer(index),
                ]),
            ]))
        guard a.status == 200 else { throw unavailable("PUT /objects/{uuid} (token)", a) }
        cacheLock.lock()
        tokenCache[id] = nil
        cacheLock.unlock()
        return id
    }
}

public enum OpenObjectStoreError: Error, Equatable {
    case keyTooShort
    case unreadable(String)
}
