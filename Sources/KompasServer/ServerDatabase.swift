import Foundation
import KompasCrypto
import KompasStore
import KompasSync

/// Who is calling: a client (`klant`) sees and writes only its own objects; a klantmanager reads
/// the objects of its caseload and publishes `verrekening` and `bericht` objects for it.
public struct Principal: Sendable, Equatable {
    public enum Role: String, Sendable { case klant, klantmanager }
    public let id: String
    public let role: Role
    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }
}

/// An outcome of the objects API that is not a success: the handler turns it into a problem.
public enum APIFailure: Error, Equatable, Sendable {
    case notFound
    case forbidden(String)
    case conflict(String, currentIndex: Int?)
    case invalid(String)
}

/// The endpoint's persistence: one SQLite file in the data folder, through the store's SQLite
/// owner class (`KompasStore.SQLiteConnection`).
///
/// Not encrypted by Kompas: it is the
/// municipality's system and disk encryption is theirs (man page). Tokens are stored only as
/// SHA-256 hashes. Every write is one `BEGIN IMMEDIATE … COMMIT` in WAL mode with
/// `synchronous=FULL`, and the HTTP answer is sent only after the commit, so an acknowledged
/// write survives SIGKILL and power loss. One connection, serialised by a lock: SQLite writes are
/// serial anyway, and the reads are short.
public final class ServerDatabase: @unchecked Sendable {
    private let db: SQLiteConnection
    private let lock = NSLock()
    private let batchLock = NSCondition()
    private var queue: [WriteJob] = []
    private var leaderActive = false
    public let path: String
    /// Key of the object ids (``objectKey(klant:uuid:)``), random per database.
    private let objectIDKey: SecretBytes

    public static let fileName = "kompas-gemeente.db"

    public init(directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        path = directory.appendingPathComponent(Self.fileName).path
        db = try SQLiteConnection(path: path, create: true)
        db.setBusyTimeout(milliseconds: 5000)
        _ = try db.query("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS principal(
              id TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('klant','klantmanager')),
              label TEXT NOT NULL, klantmanager TEXT REFERENCES principal(id), created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS token(
              id TEXT PRIMARY KEY, hash BLOB NOT NULL, principal TEXT NOT NULL REFERENCES principal(id),
              expires_at INTEGER, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS object(
              uuid TEXT PRIMARY KEY, type TEXT NOT NULL, klant TEXT NOT NULL REFERENCES principal(id),
              latest INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
            CREATE INDEX IF NOT EXISTS object_klant ON object(klant, type, seq);
            CREATE TABLE IF NOT EXISTS record(
              object TEXT NOT NULL REFERENCES object(uuid), idx INTEGER NOT NULL, type_version INTEGER NOT NULL,
              data TEXT NOT NULL, start_at TEXT NOT NULL, end_at TEXT, registration_at TEXT NOT NULL,
              correction_for INTEGER, corrected_by INTEGER, author TEXT NOT NULL,
              PRIMARY KEY (object, idx)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS server_meta(name TEXT PRIMARY KEY, value BLOB NOT NULL);
            """)
        // Issue 18: objects are stored under a keyed hash of (client, client's uuid) and found by
        // the client's uuid within what the caller may see. A database from before gets the
        // column; its objects keep their stored key (the client's uuid) and are found the same way.
        let columns = try db.query("PRAGMA table_info(object)").compactMap { $0[1].string }
        if !columns.contains("client_uuid") {
            try db.execute(
                "ALTER TABLE object ADD COLUMN client_uuid TEXT; UPDATE object SET client_uuid = uuid;"
            )
        }
        try db.execute("CREATE INDEX IF NOT EXISTS object_client ON object(client_uuid, klant);")
        _ = try db.query(
            "INSERT OR IGNORE INTO server_meta(name, value) VALUES ('object_key', ?)",
            [.blob(try SecureRandom.bytes(32))])
        guard
            let key = try db.query("SELECT value FROM server_meta WHERE name = 'object_key'")
                .first?[0].bytes, key.count == 32
        else { throw AdminError.damagedDatabase(path) }
        objectIDKey = SecretBytes(key)
    }

    /// The stored id of client `klant`'s object `uuid`: an HMAC-SHA-256 of both under this
    /// database's key, written as a UUID (RFC 9562 version 8).
    ///
    /// Two clients that send the same uuid get two objects, so a create with another client's
    /// uuid is answered exactly as one with a uuid nobody has: no existence oracle.
    func objectKey(klant: String, uuid: String) throws -> String {
        try Self.objectKey(klant: klant, uuid: uuid, key: objectIDKey)
    }

    /// The keyed object id of ``objectKey(klant:uuid:)`` under a given key: also the uuid under
    /// which the Open Object backend stores an object, with a key all gateway instances share.
    static func objectKey(klant: String, uuid: String, key objectIDKey: SecretBytes) throws
        -> String
    {
        var message = Array("kompas-gemeente/object/v1".utf8) + [0]
        message += Array(klant.utf8) + [0] + Array(uuid.utf8)
        var b = Array(try HMACSHA256.authenticate(message, key: objectIDKey).prefix(16))
        b[6] = (b[6] & 0x0F) | 0x80
        b[8] = (b[8] & 0x3F) | 0x80
        let h = Hex.encode(b)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
            String(h.dropFirst(r.lowerBound).prefix(r.count))
        }
        return parts.joined(separator: "-")
    }

    /// Flushes the WAL into the main file; called on graceful shutdown.
    public func checkpoint() {
        lock.lock()
        defer { lock.unlock() }
        _ = try? db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// One write.
    ///
    /// Writes that arrive while another batch is being committed are committed
    /// together (group commit): each runs in its own SAVEPOINT, so one failing rolls back only
    /// itself, and one `COMMIT` (one fsync of the WAL) covers the batch. Every caller returns only
    /// after that commit, so an acknowledged write is durable exactly as with one transaction each.
    private func transaction<R>(_ body: () throws -> R) throws -> R {
        // The job never outlives this call: it returns only when the job has run.
        try withoutActuallyEscaping(body) { try enqueue($0) }
    }

    private func enqueue<R>(_ body: @escaping () throws -> R) throws -> R {
        let job = WriteJob { try body() }
        batchLock.lock()
        queue.append(job)
        while job.result == nil {
            if leaderActive {
                batchLock.wait()
                continue
            }
            leaderActive = true
            let batch = queue
            queue.removeAll()
            batchLock.unlock()
            let results = locked { runBatch(batch) }
            batchLock.lock()
            for (j, r) in zip(batch, results) { j.result = r }
            leaderActive = false
            batchLock.broadcast()
        }
        guard let result = job.result else {
            preconditionFailure(
                "the batch leader sets every job's result before it wakes the waiters")
        }
        batchLock.unlock()
        guard let value = try result.get() as? R else {
            preconditionFailure("a write job returns the type its caller asked for")
        }
        return value
    }

    private func runBatch(_ batch: [WriteJob]) -> [Result<Any, Error>] {
        do {
            try db.execute("BEGIN IMMEDIATE")
            var results: [Result<Any, Error>] = []
            for job in batch {
                do {
                    try db.execute("SAVEPOINT job")
                    let r = try job.body()
                    try db.execute("RELEASE job")
                    results.append(.success(r))
                } catch {
                    try? db.execute("ROLLBACK TO job; RELEASE job")
                    results.append(.failure(error))
                }
            }
            try db.execute("COMMIT")
            return results
        } catch {
            try? db.execute("ROLLBACK")
            return batch.map { _ in .failure(error) }
        }
    }

    private final class WriteJob {
        let body: () throws -> Any
        var result: Result<Any, Error>?
        init(_ body: @escaping () throws -> Any) { self.body = body }
    }

    // MARK: Principals and tokens (the admin subcommand)

    public func addPrincipal(role: Principal.Role, label: String, klantmanager: String?) throws
        -> String
    {
        let id = UUID().uuidString.lowercased()
        try transaction {
            if let km = klantmanager {
                let r = try db.query(
                    "SELECT 1 FROM principal WHERE id = ? AND role = 'klantmanager'", [.text(km)])
                guard !r.isEmpty else { throw AdminError.unknownKlantmanager(km) }
            }
            try db.query(
                "INSERT INTO principal(id, role, label, klantmanager, created_at) VALUES (?,?,?,?,?)",
                [
                    .text(id), .text(role.rawValue), .text(label),
                    klantmanager.map { .text($0) } ?? .null,
                    .text(WireTime.string(Date())),
                ])
        }
        return id
    }

    /// Creates a token for a principal and returns it; only its hash is kept.
    ///
    /// The token is
    /// `kgm_<id>_<secret>`: the id finds the row, the secret's SHA-256 is compared in constant time.
    public func createToken(for principal: String, expiresAt: Date?) throws -> String {
        let id = Hex.encode(try SecureRandom.bytes(8))
        let secret = Hex.encode(try SecureRandom.bytes(32))
        let hash = try SHA256.hash(Array(secret.utf8))
        try transaction {
            let r = try db.query("SELECT 1 FROM principal WHERE id = ?", [.text(principal)])
            guard !r.isEmpty else { throw AdminError.unknownPrincipal(principal) }
            try db.query(
                "INSERT INTO token(id, hash, principal, expires_at, created_at) VALUES (?,?,?,?,?)",
                [
                    .text(id), .blob(hash), .text(principal),
                    expiresAt.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
                    .text(WireTime.string(Date())),
                ])
        }
        return "kgm_\(id)_\(secret)"
    }

    public func principals() throws -> [(
        id: String, role: String, label: String, klantmanager: String?
    )] {
        try locked {
            try db.query(
                "SELECT id, role, label, klantmanager FROM principal ORDER BY created_at, id"
            ).map {
                ($0[0].string ?? "", $0[1].string ?? "", $0[2].string ?? "", $0[3].string)
            }
        }
    }

    public enum TokenCheck: Equatable, Sendable {
        case valid(Principal)
        case invalid, expired
        /// The backend that keeps the revocations could not be asked (Open Object down): the
        /// request is answered 503 and the client retries later.
        case unavailable
    }

    /// Checks a presented token.
    ///
    /// Unknown id, wrong secret and malformed tokens are all `invalid`.
    public func authenticate(_ token: String, now: Date = Date()) -> TokenCheck {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "kgm", parts[1].count == 16, parts[2].count == 64,
            let presented = try? SHA256.hash(Array(parts[2].utf8))
        else { return .invalid }
        let rows =
            (try? locked {
                try db.query(
                    "SELECT t.hash, t.expires_at, p.id, p.role FROM token t JOIN principal p ON p.id = t.principal WHERE t.id = ?",
                    [.text(String(parts[1]))])
            }) ?? []
        // Compare against a dummy hash when the id is unknown, so both paths do the same work.
        let stored = rows.first?[0].bytes ?? [UInt8](repeating: 0, count: 32)
        guard ConstantTime.equal(stored, presented), let row = rows.first,
            let id = row[2].string, let role = row[3].string.flatMap(Principal.Role.init)
        else { return .invalid }
        if let exp = row[1].int, Double(exp) <= now.timeIntervalSince1970 { return .expired }
        return .valid(Principal(id: id, role: role))
    }

    // MARK: Objects

    private func visibility(_ p: Principal) -> (sql: String, value: SQLValue) {
        switch p.role {
        case .klant: ("o.klant = ?", .text(p.id))
        case .klantmanager:
            ("o.klant IN (SELECT id FROM principal WHERE klantmanager = ?)", .text(p.id))
        }
    }

    private static let objectColumns = """
        o.client_uuid, o.type, o.klant, r.idx, r.type_version, r.data, r.start_at, r.end_at, r.registration_at,
        r.correction_for, r.corrected_by
        """

    private func resource(_ row: [SQLValue], baseURL: String) -> ObjectResource {
        let uuid = row[0].string ?? ""
        return ObjectResource(
            url: "\(baseURL)/api/v2/objects/\(uuid)", uuid: uuid, type: row[1].string ?? "",
            klant: row[2].string ?? "", record: record(Array(row[3...])))
    }

    private func record(_ c: [SQLValue]) -> ObjectRecord {
        ObjectRecord(
            index: Int(c[0].int ?? 0), typeVersion: Int(c[1].int ?? 1),
            data: JSONValue.parse(Data((c[2].string ?? "null").utf8)) ?? .null,
            startAt: c[3].string ?? "", endAt: c[4].string, registrationAt: c[5].string ?? "",
            correctionFor: c[6].int.map(Int.init), correctedBy: c[7].int.map(Int.init))
    }

    /// The stored key of the object the caller means by `uuid`, among the objects it may see
    /// (the oldest, should two clients of one caseload have chosen the same uuid).
    private func key(_ uuid: String, visibleTo p: Principal) throws -> String? {
        let v = visibility(p)
        return try db.query(
            "SELECT o.uuid FROM object o WHERE o.client_uuid = ? AND \(v.sql) ORDER BY o.seq LIMIT 1",
            [.text(uuid), v.value]
        ).first?[0].string
    }

    private func fetch(key: String, baseURL: String) throws -> ObjectResource? {
        try db.query(
            "SELECT \(Self.objectColumns) FROM object o JOIN record r ON r.object = o.uuid AND r.idx = o.latest WHERE o.uuid = ?",
            [.text(key)]
        ).first.map { resource($0, baseURL: baseURL) }
    }

    private func fetch(_ uuid: String, visibleTo p: Principal, baseURL: String) throws
        -> ObjectResource?
    {
        guard let k = try key(uuid, visibleTo: p) else { return nil }
        return try fetch(key: k, baseURL: baseURL)
    }

    public func object(_ uuid: String, for p: Principal, baseURL: String) throws -> ObjectResource {
        guard let o = try locked({ try fetch(uuid, visibleTo: p, baseURL: baseURL) }) else {
            throw APIFailure.notFound
        }
        return o
    }

    public func history(_ uuid: String, for p: Principal) throws -> [ObjectRecord] {
        try locked {
            guard let k = try key(uuid, visibleTo: p) else { throw APIFailure.notFound }
            return try db.query(
                "SELECT r.idx, r.type_version, r.data, r.start_at, r.end_at, r.registration_at, r.correction_for, r.corrected_by FROM record r WHERE r.object = ? ORDER BY r.idx",
                [.text(k)]
            ).map(record)
        }
    }

    /// Whether `klant` is a client this principal may write for.
    private func mayWrite(for klant: String, _ p: Principal) throws -> Bool {
        switch p.role {
        case .klant: return klant == p.id
        case .klantmanager:
            return
                !(try db.query(
                    "SELECT 1 FROM principal WHERE id = ? AND role = 'klant' AND klantmanager = ?",
                    [.text(klant), .text(p.id)])).isEmpty
        }
    }

    /// Creates an object with its first record.
    ///
    /// A create whose uuid exists already for the same
    /// client with the same first record is a retry: it answers the existing object (`created`
    /// false), never a second one. The same uuid with other content is a conflict; a uuid of an
    /// object the caller may not see answers "not found", exactly as an unknown one would.
    public func create(_ new: NewObject, type: ObjectType, by p: Principal, baseURL: String) throws
        -> (ObjectResource, created: Bool)
    {
        let klant = try p.owner(of: new)
        let data = new.record.data.canonicalString
        return try transaction {
            // May this caller write for this client at all? Asked first, so the answer never
            // depends on what exists.
            guard try mayWrite(for: klant, p) else {
                throw p.role == .klantmanager
                    ? APIFailure.forbidden("Deze klant hoort niet bij uw caseload.")
                    : APIFailure.notFound
            }
            // Only this client's own objects can make a create a retry or a conflict.
            let existing = try db.query(
                "SELECT o.uuid, o.type, r.data, r.start_at, r.type_version FROM object o JOIN record r ON r.object = o.uuid AND r.idx = 1 WHERE o.klant = ? AND o.client_uuid = ?",
                [.text(klant), .text(new.uuid)])
            if let row = existing.first {
                guard let k = row[0].string, let o = try fetch(key: k, baseURL: baseURL) else {
                    throw APIFailure.notFound
                }
                guard row[1].string == type.rawValue, row[2].string == data,
                    row[3].string == new.record.startAt,
                    row[4].int == Int64(new.record.typeVersion)
                else {
                    throw APIFailure.conflict(
                        "Er bestaat al een object met deze uuid en een andere inhoud.",
                        currentIndex: nil)
                }
                return (o, false)
            }
            let k = try objectKey(klant: klant, uuid: new.uuid)
            let seq =
                (try db.query("SELECT coalesce(max(seq), 0) + 1 FROM object").first?[0].int) ?? 1
            try db.query(
                "INSERT INTO object(uuid, client_uuid, type, klant, latest, seq) VALUES (?,?,?,?,1,?)",
                [
                    .text(k), .text(new.uuid), .text(type.rawValue), .text(klant),
                    .integer(seq),
                ])
            try db.query(
                "INSERT INTO record(object, idx, type_version, data, start_at, registration_at, author) VALUES (?,1,?,?,?,?,?)",
                [
                    .text(k), .integer(Int64(new.record.typeVersion)), .text(data),
                    .text(new.record.startAt),
                    .text(WireTime.string(Date())), .text(p.id),
                ])
            guard let o = try fetch(key: k, baseURL: baseURL) else {
                throw APIFailure.notFound
            }
            return (o, true)
        }
    }

    /// Adds a record (a correction) to an object.
    ///
    /// `correctionFor` must be the latest index: a
    /// record built on an older one would silently overwrite a change the caller has not seen.
    /// A repeat of the record that is already the latest (same base, same content) is a retry
    /// and answers the object unchanged.
    public func addRecord(
        _ uuid: String, _ new: NewRecord, by p: Principal, writable: (ObjectType) -> Bool,
        baseURL: String
    ) throws -> (ObjectResource, created: Bool) {
        let data = new.data.canonicalString
        return try transaction {
            guard let k = try key(uuid, visibleTo: p),
                let current = try fetch(key: k, baseURL: baseURL)
            else {
                throw APIFailure.notFound
            }
            guard let type = ObjectType(rawValue: current.type), writable(type) else {
                throw APIFailure.forbidden("U mag dit soort object niet wijzigen.")
            }
            guard try mayWrite(for: current.klant, p) else {
                throw APIFailure.forbidden("U mag dit object niet wijzigen.")
            }
            let latest = current.record
            if latest.index > 1, latest.correctionFor == new.correctionFor,
                latest.data.canonicalString == data,
                latest.startAt == new.startAt, latest.typeVersion == new.typeVersion
            {
                return (current, false)
            }
            guard let base = new.correctionFor else {
                throw APIFailure.invalid(
                    "record.correctionFor is verplicht: het nummer van het record dat u verbetert.")
            }
            guard base == latest.index else {
                throw APIFailure.conflict(
                    "Het object is gewijzigd sinds u het zag.", currentIndex: latest.index)
            }
            let idx = latest.index + 1
            let now = WireTime.string(Date())
            try db.query(
                "INSERT INTO record(object, idx, type_version, data, start_at, registration_at, correction_for, author) VALUES (?,?,?,?,?,?,?,?)",
                [
                    .text(k), .integer(Int64(idx)), .integer(Int64(new.typeVersion)),
                    .text(data), .text(new.startAt),
                    .text(now), .integer(Int64(base)), .text(p.id),
                ])
            try db.query(
                "UPDATE record SET corrected_by = ?, end_at = ? WHERE object = ? AND idx = ?",
                [.integer(Int64(idx)), .text(new.startAt), .text(k), .integer(Int64(base))])
            try db.query(
                "UPDATE object SET latest = ? WHERE uuid = ?", [.integer(Int64(idx)), .text(k)])
            guard let o = try fetch(key: k, baseURL: baseURL) else {
                throw APIFailure.notFound
            }
            return (o, true)
        }
    }

    /// A filter on a data attribute (`data_attrs=maand__exact__2026-03`).
    public struct DataFilter: Sendable, Equatable {
        public enum Op: String, Sendable { case exact, gt, gte, lt, lte, icontains }
        public var path: [String]
        public var op: Op
        public var value: String
    }

    public struct ListQuery: Sendable {
        public var type: ObjectType?
        public var klant: String?
        public var filters: [DataFilter] = []
        public var page = 1
        public var pageSize = 100
    }

    public func list(_ q: ListQuery, for p: Principal, baseURL: String) throws -> (
        count: Int, results: [ObjectResource]
    ) {
        let v = visibility(p)
        var clauses = [v.sql]
        var values: [SQLValue] = [v.value]
        if let t = q.type {
            clauses.append("o.type = ?")
            values.append(.text(t.rawValue))
        }
        if let k = q.klant {
            clauses.append("o.klant = ?")
            values.append(.text(k))
        }
        for f in q.filters {
            // Keys are checked to be [A-Za-z0-9_] by the handler; the path is bound, not spliced.
            let expr = "json_extract(r.data, ?)"
            values.append(.text("$." + f.path.joined(separator: ".")))
            let numeric = Int64(f.value)
            switch f.op {
            case .exact: clauses.append("\(expr) = ?")
            case .gt: clauses.append("\(expr) > ?")
            case .gte: clauses.append("\(expr) >= ?")
            case .lt: clauses.append("\(expr) < ?")
            case .lte: clauses.append("\(expr) <= ?")
            case .icontains: clauses.append("instr(lower(\(expr)), lower(?)) > 0")
            }
            values.append(
                f.op != .icontains ? numeric.map { .integer($0) } ?? .text(f.value) : .text(f.value)
            )
        }
        let whereSQL = clauses.joined(separator: " AND ")
        let from =
            "FROM object o JOIN record r ON r.object = o.uuid AND r.idx = o.latest WHERE \(whereSQL)"
        return try locked {
            let count = Int(try db.query("SELECT count(*) \(from)", values).first?[0].int ?? 0)
            let rows = try db.query(
                "SELECT \(Self.objectColumns) \(from) ORDER BY o.seq LIMIT ? OFFSET ?",
                values + [.integer(Int64(q.pageSize)), .integer(Int64((q.page - 1) * q.pageSize))])
            return (count, rows.map { resource($0, baseURL: baseURL) })
        }
    }

    /// Counts for the admin listing and tests: objects and records in total.
    public func totals() throws -> (objects: Int, records: Int) {
        try locked {
            (
                Int(try db.query("SELECT count(*) FROM object").first?[0].int ?? 0),
                Int(try db.query("SELECT count(*) FROM record").first?[0].int ?? 0)
            )
        }
    }
}

public enum AdminError: Error, Equatable {
    case unknownKlantmanager(String)
    case unknownPrincipal(String)
    case unknownToken(String)
    case damagedDatabase(String)
}

extension ServerDatabase {
    /// A token as the admin listing shows it: never its secret or hash.
    public struct TokenInfo: Sendable, Equatable {
        public let id: String
        public let principal: String
        public let role: String
        public let label: String
        public let expiresAt: Date?
        public let createdAt: String
    }

    /// Every token (of one principal when given), oldest first.
    public func tokens(for principal: String? = nil) throws -> [TokenInfo] {
        try locked {
            try db.query(
                "SELECT t.id, t.principal, p.role, p.label, t.expires_at, t.created_at FROM token t JOIN principal p ON p.id = t.principal WHERE ? IS NULL OR t.principal = ? ORDER BY t.created_at, t.id",
                [principal.map { .text($0) } ?? .null, principal.map { .text($0) } ?? .null]
            ).map {
                TokenInfo(
                    id: $0[0].string ?? "", principal: $0[1].string ?? "", role: $0[2].string ?? "",
                    label: $0[3].string ?? "",
                    expiresAt: $0[4].int.map { Date(timeIntervalSince1970: Double($0)) },
                    createdAt: $0[5].string ?? "")
            }
        }
    }

    /// Revokes a token, given by its id (the 16 hexadecimal digits after `kgm_`) or whole: the
    /// row is deleted, so the next request with it gets 401.
    ///
    /// - Returns: the revoked token's id.
    @discardableResult
    public func revokeToken(_ given: String) throws -> String {
        let parts = given.split(separator: "_", omittingEmptySubsequences: false)
        let id = parts.count == 3 && parts[0] == "kgm" ? String(parts[1]) : given
        try transaction {
            try db.query("DELETE FROM token WHERE id = ?", [.text(id)])
            guard db.changes == 1 else { throw AdminError.unknownToken(id) }
        }
        return id
    }
}

/// Comparison whose duration does not depend on where two byte strings first differ.
public enum ConstantTime {
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}
