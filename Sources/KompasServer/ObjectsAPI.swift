import Foundation
import KompasSync

/// The routes of `kompas-gemeente`, modelled on the VNG Objects API v2 (`/api/v2/objects`), with
/// the documented deviations (see ``ObjectType`` and the OpenAPI document).
///
/// Every error is an
/// RFC 9457 `application/problem+json` body; nothing in an error names another client's object.
public struct ObjectsAPI: Sendable {
    public let database: any GatewayStore
    /// Base of the URLs in answers (`url`, `next`, `previous`): the public address.
    public let baseURL: String
    public let now: @Sendable () -> Date

    public init(
        database: any GatewayStore, baseURL: String,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.baseURL = baseURL
        self.now = now
    }

    static let prefix = "/api/v2"

    public func handle(_ req: HTTPRequest) -> Routed {
        let path = req.path
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "" "api" "v2" "objects" …
        guard parts.count >= 4, parts[0] == "", parts[1] == "api", parts[2] == "v2" else {
            return Routed(Self.problem(404, "Dit adres bestaat niet."), "(onbekend)")
        }
        let rest = Array(parts[3...])
        switch rest.count {
        case 1 where rest[0] == "openapi.json":
            return only(["GET"], req, "/api/v2/openapi.json") {
                HTTPResponse.json(
                    200, Data(OpenAPIDocument.json.utf8),
                    contentType: "application/vnd.oai.openapi+json")
            }
        case 1 where rest[0] == "objecttypes":
            return only(["GET"], req, "/api/v2/objecttypes") { objectTypes() }
        case 1 where rest[0] == "objects":
            return only(["GET", "POST"], req, "/api/v2/objects") {
                try authenticated(req) { p in
                    req.method == "GET" ? try list(req, p) : try create(req, p)
                }
            }
        case 2 where rest[0] == "objects":
            return only(["GET", "PUT"], req, "/api/v2/objects/{uuid}") {
                try authenticated(req) { p in
                    guard Self.isUUID(rest[1]) else { throw APIFailure.notFound }
                    return req.method == "GET" ? try get(rest[1], p) : try put(rest[1], req, p)
                }
            }
        case 3 where rest[0] == "objects" && rest[2] == "history":
            return only(["GET"], req, "/api/v2/objects/{uuid}/history") {
                try authenticated(req) { p in
                    guard Self.isUUID(rest[1]) else { throw APIFailure.notFound }
                    let records = try database.history(rest[1], for: p)
                    return HTTPResponse.json(200, WireJSON.encode(records))
                }
            }
        default:
            return Routed(Self.problem(404, "Dit adres bestaat niet."), "(onbekend)")
        }
    }

    // MARK: Plumbing

    private func only(
        _ methods: [String], _ req: HTTPRequest, _ template: String,
        _ body: () throws -> HTTPResponse
    ) -> Routed {
        guard methods.contains(req.method) else {
            var r = Self.problem(405, "Deze methode kan hier niet.")
            r.headers.set("Allow", methods.joined(separator: ", "))
            return Routed(r, template)
        }
        do { return Routed(try body(), template) } catch let f as APIFailure {
            switch f {
            case .notFound: return Routed(Self.problem(404, "Niet gevonden."), template)
            case .forbidden(let d):
                return Routed(Self.problem(403, "Geen toegang.", detail: d), template)
            case .conflict(let d, let idx):
                return Routed(
                    Self.problem(409, "Conflict.", detail: d, currentIndex: idx), template)
            case .invalid(let d):
                return Routed(Self.problem(400, "Ongeldig verzoek.", detail: d), template)
            }
        } catch let a as AuthFailure {
            var r = Self.problem(
                401, a == .expired ? "Het token is verlopen." : "Geen geldig token.")
            r.headers.set(
                "WWW-Authenticate",
                a == .expired
                    ? "Bearer error=\"invalid_token\", error_description=\"expired\"" : "Bearer")
            return Routed(r, template)
        } catch is StoreUnavailable {
            var r = Self.problem(
                503, "De gemeente is even niet bereikbaar. Probeer het later opnieuw.")
            r.headers.set("Retry-After", "2")
            return Routed(r, template)
        } catch {
            // A storage failure: nothing was acknowledged; the client retries.
            return Routed(
                Self.problem(500, "Er ging iets mis bij de gemeente. Probeer het later opnieuw."),
                template)
        }
    }

    enum AuthFailure: Error { case missing, invalid, expired }

    /// The backend could not be reached or answered with an error: nothing was stored, and the
    /// client is told to try again later (503), never what went wrong behind the gateway.
    public struct StoreUnavailable: Error {
        public init() {}
    }

    private func authenticated(_ req: HTTPRequest, _ body: (Principal) throws -> HTTPResponse)
        throws -> HTTPResponse
    {
        guard let header = req.headers["Authorization"] else { throw AuthFailure.missing }
        let token: String
        if header.hasPrefix("Bearer ") {
            token = String(header.dropFirst(7))
        } else if header.hasPrefix("Token ") {
            token = String(header.dropFirst(6))
        }  // the Objects API's own scheme
        else {
            throw AuthFailure.invalid
        }
        switch database.authenticate(token.trimmingCharacters(in: .whitespaces), now: now()) {
        case .valid(let p): return try body(p)
        case .expired: throw AuthFailure.expired
        case .invalid: throw AuthFailure.invalid
        case .unavailable: throw StoreUnavailable()
        }
    }

    public static func problem(
        _ status: Int, _ title: String, detail: String? = nil, currentIndex: Int? = nil
    ) -> HTTPResponse {
        HTTPResponse.json(
            status,
            WireJSON.encode(
                Problem(title: title, status: status, detail: detail, currentIndex: currentIndex)),
            contentType: "application/problem+json")
    }

    static func isUUID(_ s: String) -> Bool {
        s.utf8.count == 36 && UUID(uuidString: s) != nil && s == s.lowercased()
    }

    private func jsonBody<T: Decodable>(_ req: HTTPRequest, _ type: T.Type) throws -> T {
        let ct = req.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(
            in: .whitespaces
        ).lowercased()
        guard ct == "application/json" else {
            throw APIFailure.invalid("Content-Type moet application/json zijn.")
        }
        guard JSONValue.parse(req.body) != nil else {
            throw APIFailure.invalid("De inhoud is geen geldige JSON.")
        }
        do { return try WireJSON.decode(type, req.body) } catch {
            throw APIFailure.invalid("De JSON heeft niet de verwachte velden of typen.")
        }
    }

    private func checkRecord(_ r: NewRecord, type: ObjectType, _ p: Principal) throws {
        guard r.typeVersion == 1 else {
            throw APIFailure.invalid("typeVersion \(r.typeVersion) bestaat niet; gebruik 1.")
        }
        guard SchemaValidator.isDate(r.startAt) else {
            throw APIFailure.invalid("startAt moet een datum zijn (JJJJ-MM-DD).")
        }
        let errors = SchemaValidator.validate(r.data, against: ObjectSchemas.parsed[type] ?? .null)
        guard errors.isEmpty else {
            throw APIFailure.invalid(
                "record.data past niet bij het schema van \(type.rawValue): "
                    + errors.joined(separator: "; "))
        }
        if type == .bericht, r.data["van"]?.stringValue != p.role.rawValue {
            throw APIFailure.invalid("Het veld van moet \(p.role.rawValue) zijn.")
        }
    }

    private func writable(_ p: Principal) -> (ObjectType) -> Bool {
        p.role == .klant ? { $0.clientWritable } : { $0.klantmanagerWritable }
    }

    // MARK: Handlers

    private func objectTypes() -> HTTPResponse {
        let items: [JSONValue] = ObjectType.allCases.map {
            .object([
                "name": .string($0.rawValue), "version": .integer(1),
                "jsonSchema": ObjectSchemas.parsed[$0] ?? .null,
            ])
        }
        return HTTPResponse.json(200, JSONValue.array(items).canonicalData)
    }

    private func create(_ req: HTTPRequest, _ p: Principal) throws -> HTTPResponse {
        let new = try jsonBody(req, NewObject.self)
        guard Self.isUUID(new.uuid) else {
            throw APIFailure.invalid("uuid moet een UUID in kleine letters zijn.")
        }
        guard let type = ObjectType(rawValue: new.type) else {
            throw APIFailure.invalid("Onbekend objecttype.")
        }
        guard writable(p)(type) else {
            throw APIFailure.forbidden("U mag dit soort object niet aanmaken.")
        }
        guard new.record.correctionFor == nil else {
            throw APIFailure.invalid("Een nieuw object heeft geen correctionFor.")
        }
        try checkRecord(new.record, type: type, p)
        let (o, created) = try database.create(new, type: type, by: p, baseURL: baseURL)
        var r = HTTPResponse.json(created ? 201 : 200, WireJSON.encode(o))
        r.headers.set("Location", o.url)
        return r
    }

    private func get(_ uuid: String, _ p: Principal) throws -> HTTPResponse {
        HTTPResponse.json(200, WireJSON.encode(try database.object(uuid, for: p, baseURL: baseURL)))
    }

    private func put(_ uuid: String, _ req: HTTPRequest, _ p: Principal) throws -> HTTPResponse {
        let body = try jsonBody(req, PutRecordBody.self)
        // Type and visibility first (404 before anything else), then the record.
        let current = try database.object(uuid, for: p, baseURL: baseURL)
        guard let type = ObjectType(rawValue: current.type) else { throw APIFailure.notFound }
        guard writable(p)(type) else {
            throw APIFailure.forbidden("U mag dit soort object niet wijzigen.")
        }
        try checkRecord(body.record, type: type, p)
        let (o, _) = try database.addRecord(
            uuid, body.record, by: p, writable: writable(p), baseURL: baseURL)
        return HTTPResponse.json(200, WireJSON.encode(o))
    }

    private func list(_ req: HTTPRequest, _ p: Principal) throws -> HTTPResponse {
        var q = ServerDatabase.ListQuery()
        for (k, v) in req.query {
            switch k {
            case "type":
                guard let t = ObjectType(rawValue: v) else {
                    throw APIFailure.invalid("Onbekend objecttype.")
                }
                q.type = t
            case "klant":
                guard Self.isUUID(v) else { throw APIFailure.invalid("klant moet een UUID zijn.") }
                q.klant = v
            case "page":
                guard let n = Int(v), n >= 1, n <= 1_000_000 else {
                    throw APIFailure.invalid("page moet een getal vanaf 1 zijn.")
                }
                q.page = n
            case "pageSize":
                guard let n = Int(v), (1...500).contains(n) else {
                    throw APIFailure.invalid("pageSize moet tussen 1 en 500 liggen.")
                }
                q.pageSize = n
            case "data_attrs":
                for item in v.split(separator: ",") {
                    q.filters.append(try Self.filter(String(item)))
                }
            default:
                throw APIFailure.invalid("Onbekende parameter.")
            }
        }
        let (count, results) = try database.list(q, for: p, baseURL: baseURL)
        func link(_ page: Int) -> String {
            var items = req.query.filter { $0.0 != "page" }.map {
                "\(Self.encode($0.0))=\(Self.encode($0.1))"
            }
            items.append("page=\(page)")
            return "\(baseURL)/api/v2/objects?" + items.joined(separator: "&")
        }
        let next = q.page * q.pageSize < count ? link(q.page + 1) : nil
        let previous = q.page > 1 ? link(q.page - 1) : nil
        return HTTPResponse.json(
            200,
            WireJSON.encode(
                ResultPage(count: count, next: next, previous: previous, results: results)))
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// `key__op__value`, nested keys joined with `__` (Objects API `data_attrs`).
    static func filter(_ text: String) throws -> ServerDatabase.DataFilter {
        let parts = text.components(separatedBy: "__")
        let ops: [String: ServerDatabase.DataFilter.Op] = [
            "exact": .exact, "gt": .gt, "gte": .gte, "lt": .lt, "lte": .lte,
            "icontains": .icontains,
        ]
        guard parts.count >= 3, let opIndex = parts.lastIndex(where: { ops[$0] != nil }),
            opIndex >= 1,
            opIndex == parts.count - 2, let op = ops[parts[opIndex]]
        else {
            throw APIFailure.invalid("data_attrs moet de vorm sleutel__operator__waarde hebben.")
        }
        let path = Array(parts[..<opIndex])
        guard
            path.allSatisfy({
                !$0.isEmpty
                    && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            })
        else {
            throw APIFailure.invalid("data_attrs: ongeldige sleutel.")
        }
        return ServerDatabase.DataFilter(path: path, op: op, value: parts[parts.count - 1])
    }
}
