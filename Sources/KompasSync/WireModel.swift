import Foundation

/// The wire model: the VNG Objects API v2 resource model (maykinmedia/objects-api,
/// `src/objects/api/v2/openapi.yaml`): an OBJECT of an object type holds append-only RECORDs.
///
/// A change never rewrites a record; it adds one, and a correction names the record it corrects
/// (`correctionFor`). Kompas adds what that API lacks for an offline client (design decision 7):
/// the client chooses the object's `uuid`, so a retried create is recognised, and a new record
/// must say which record it builds on, so a lost update becomes a visible conflict.
///
/// Deviations, documented in the OpenAPI document: `type` is the object type's name
/// (`loonstrook`) rather than a URL into an Objecttypes API, and `klant` names the client the
/// object belongs to (set by the endpoint from the token for a client).
public enum ObjectType: String, Sendable, CaseIterable, Codable {
    /// A payslip the client received from an employer.
    case loonstrook
    /// The monthly income statement (inkomstenopgave / "inlichtingenformulier").
    case inkomstenopgave
    /// The municipality's settlement decision for a month; read-only for clients.
    case verrekening
    /// A message between the client and the contact person (klantmanager).
    case bericht
    /// An entry of the client's application log (issue 21), sent only when the client chooses to.
    case sollicitatie

    /// Types the client pushes from its outbox; `verrekening` only ever comes from the municipality.
    public var clientWritable: Bool { self != .verrekening }
    /// Types a klantmanager publishes.
    public var klantmanagerWritable: Bool { self == .verrekening || self == .bericht }
}

public struct ObjectRecord: Codable, Sendable, Equatable {
    /// Incremental number of the record within its object, from 1 (read-only).
    public var index: Int
    public var typeVersion: Int
    public var data: JSONValue
    /// Legal start (formal time), a date `JJJJ-MM-DD`, inclusive.
    public var startAt: String
    /// Set on a record when a later one takes over (exclusive), read-only.
    public var endAt: String?
    /// When the endpoint registered the record: the moment of receipt, UTC, ISO 8601 (read-only).
    public var registrationAt: String
    public var correctionFor: Int?
    public var correctedBy: Int?
    public init(
        index: Int, typeVersion: Int, data: JSONValue, startAt: String, endAt: String? = nil,
        registrationAt: String, correctionFor: Int? = nil, correctedBy: Int? = nil
    ) {
        self.index = index
        self.typeVersion = typeVersion
        self.data = data
        self.startAt = startAt
        self.endAt = endAt
        self.registrationAt = registrationAt
        self.correctionFor = correctionFor
        self.correctedBy = correctedBy
    }
}

public struct ObjectResource: Codable, Sendable, Equatable {
    public var url: String
    public var uuid: String
    public var type: String
    public var klant: String
    /// The current (latest) record.
    public var record: ObjectRecord
    public init(url: String, uuid: String, type: String, klant: String, record: ObjectRecord) {
        self.url = url
        self.uuid = uuid
        self.type = type
        self.klant = klant
        self.record = record
    }
}

/// A page of results (`count`, `next`, `previous`, `results`), as in the Objects API.
public struct ResultPage<Item: Codable & Sendable>: Codable, Sendable {
    public var count: Int
    public var next: String?
    public var previous: String?
    public var results: [Item]
    public init(count: Int, next: String?, previous: String?, results: [Item]) {
        self.count = count
        self.next = next
        self.previous = previous
        self.results = results
    }
}

/// The body of `POST /api/v2/objects` and `PUT /api/v2/objects/{uuid}`.
public struct NewRecord: Codable, Sendable, Equatable {
    public var typeVersion: Int
    public var data: JSONValue
    public var startAt: String
    /// On PUT: the index of the record this one builds on and corrects.
    ///
    /// It must be the object's
    /// latest record, or the endpoint answers 409 (someone else changed the object meanwhile).
    public var correctionFor: Int?
    public init(typeVersion: Int = 1, data: JSONValue, startAt: String, correctionFor: Int? = nil) {
        self.typeVersion = typeVersion
        self.data = data
        self.startAt = startAt
        self.correctionFor = correctionFor
    }
}

public struct NewObject: Codable, Sendable, Equatable {
    /// Client-generated UUID: the idempotency key of the create.
    public var uuid: String
    public var type: String
    /// Required for a klantmanager (whose client); ignored for a client (the token decides).
    public var klant: String?
    public var record: NewRecord
    public init(uuid: String, type: String, klant: String? = nil, record: NewRecord) {
        self.uuid = uuid
        self.type = type
        self.klant = klant
        self.record = record
    }
}

public struct PutRecordBody: Codable, Sendable, Equatable {
    public var record: NewRecord
    public init(record: NewRecord) { self.record = record }
}

/// RFC 9457 problem details, the body of every error (`application/problem+json`).
public struct Problem: Codable, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    /// With 409 on a record: the object's current latest index, so the client can show the conflict.
    public var currentIndex: Int?
    public init(
        type: String = "about:blank", title: String, status: Int, detail: String? = nil,
        currentIndex: Int? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.currentIndex = currentIndex
    }
}

/// Timestamp formats on the wire: UTC ISO 8601 with seconds and milliseconds.
public enum WireTime {
    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, the same text `ISO8601DateFormatter` with
    /// `.withInternetDateTime` and `.withFractionalSeconds` gives (a test compares them).
    ///
    /// Written out by hand because a new formatter per timestamp was 27 % of the endpoint's
    /// CPU (issue 23): the server stamps every write and every log line. Milliseconds since
    /// 1970 are rounded half up, as Foundation does.
    public static func string(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down)
        guard ms.isFinite, abs(ms) < 1e15 else { return "1970-01-01T00:00:00.000Z" }
        let total = Int64(ms)
        let days = total >= 0 ? total / 86_400_000 : (total - 86_399_999) / 86_400_000
        let inDay = Int(total - days * 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
                divisor /= 10
            }
        }
        if y > 9999 { put(Int(y), 5) } else { put(Int(max(0, y)), 4) }
        out.append(UInt8(ascii: "-"))
        put(m, 2)
        out.append(UInt8(ascii: "-"))
        put(d, 2)
        out.append(UInt8(ascii: "T"))
        put(inDay / 3_600_000, 2)
        out.append(UInt8(ascii: ":"))
        put(inDay / 60_000 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(inDay / 1000 % 60, 2)
        out.append(UInt8(ascii: "."))
        put(inDay % 1000, 3)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Year, month and day of a day count since 1970-01-01 in the proleptic Gregorian calendar
    /// (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int64) -> (Int64, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
    public static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }
}
