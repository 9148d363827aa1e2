import Foundation
import KompasCore
import KompasCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// How long to wait for a store another process is using.
public struct StoreOptions: Sendable {
    /// Seconds to wait for the lock file and, as SQLite's busy timeout, for another writer.
    public var waitSeconds: Double
    public init(waitSeconds: Double = 5) { self.waitSeconds = waitSeconds }
}

/// One record as stored: its place and its decrypted bytes.
public struct StoredRecord: Sendable, Equatable {
    public let collection: StoreCollection
    public let id: String
    /// Starts at 1 and goes up by one on every `put` of the same id; bound into the seal.
    public let version: Int
    public let data: Data
}

/// A decoded record.
public struct StoredValue<Value> {
    public let id: String
    public let version: Int
    public let value: Value
}
extension StoredValue: Sendable where Value: Sendable {}

/// The outcome of reading every record: what could be read, and which records are damaged.
public struct IntegrityReport: Sendable, Equatable {
    public let readable: [StoredRecord]
    public let damaged: [RecordRef]
    /// `PRAGMA integrity_check` said "ok".
    public let fileStructureOK: Bool
    public var isIntact: Bool { damaged.isEmpty && fileStructureOK }
}

/// The encrypted local store: one SQLite file, every personal value sealed.
///
/// **Keys.** A random 256-bit data key seals every value with AES-256-GCM under a fresh random
/// nonce. The associated data binds the seal to this store (a random store id), the collection,
/// the record id and the record's version, so a sealed value moved to another row, another store
/// or an old version number no longer opens. The data key itself is sealed under a key derived
/// from the passphrase with scrypt (RFC 7914); the parameters and salt sit in the `keyslot` row so
/// they can be raised later. A verifier (SHA-256 of a second derived half) tells a wrong
/// passphrase (exit 77) from a replaced or damaged key slot (exit 65).
///
/// **SQLite settings**, each chosen for a reason:
/// - `journal_mode=WAL`, set once at creation (it is persistent): a reader never blocks the
///   writer, so two Kompas processes can use the store at once; commits need fewer fsyncs. The WAL
///   and the `-shm` index only ever hold pages of this file: sealed blobs and non-personal columns.
/// - `synchronous=FULL`: the WAL is fsynced at every commit, so a commit that returned survives
///   power loss, not only a crash of the process (in WAL mode `NORMAL` could lose the last ones).
/// - `secure_delete=ON`: deleted and overwritten content is zeroed, so an old key slot (after
///   `wachtwoord wijzigen`) or a deleted record does not linger in free pages.
/// - `temp_store=MEMORY`: sorts and temporary tables never go to a temp file.
/// - busy timeout = ``StoreOptions/waitSeconds``: a second writer waits, then gets
///   ``StoreError/inUse(path:)`` (exit 75) instead of a corrupt file or a hang.
/// - `trusted_schema=OFF`, `cell_size_check=ON` and SQLite's defensive mode: a tampered file can
///   not run functions through its schema, and damaged pages are noticed early.
///
/// What is *not* hidden: the number of records per collection, their ids (random UUIDs, fixed
/// words, or keyed hashes of a natural key: ``recordID(forKey:in:)``) and sizes, and the scrypt
/// parameters. A rollback of one record to an older sealed value *together
/// with* its older version number is not detected (that would need a signed manifest).
public final class Store {
    public let url: URL
    let db: SQLiteConnection
    let lock: StoreLock
    let dataKey: SecretBytes
    let storeID: [UInt8]
    private var depth = 0
    /// Whether a read leaves out a record that does not open or decode (the commands set it).
    ///
    /// Such a record is remembered in ``skippedRecords`` so the command can name it, instead of
    /// failing the whole read. The library default stays strict.
    public var skipsDamagedRecords = false
    /// Records left out by reads since the store was opened (with ``skipsDamagedRecords``), in
    /// the order they were met, each once.
    public private(set) var skippedRecords: [RecordRef] = []

    func skip(_ ref: RecordRef) {
        if !skippedRecords.contains(ref) { skippedRecords.append(ref) }
    }

    /// The verdict of SQLite's `quick_check` on this handle, once it ran (``structureIsIntact()``
    /// or ``check(full:)``).
    public internal(set) var structureVerdict: Bool?
    /// Set by whoever told the person about a failed structure check, so it is said once.
    public var structureDamageNamed = false

    /// Forgets the skipped records once they were reported.
    public func clearSkippedRecords() { skippedRecords = [] }

    private init(
        url: URL, db: SQLiteConnection, lock: StoreLock, dataKey: SecretBytes, storeID: [UInt8]
    ) {
        self.url = url
        self.db = db
        self.lock = lock
        self.dataKey = dataKey
        self.storeID = storeID
    }

    static let formatName = "kompas-store"
    static let kdfName = "scrypt"

    public static func exists(at url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    // MARK: Opening and creating

    /// Creates a new store at `url` (its directory is created with mode 0700, the file with 0600).
    public static func create(
        at url: URL, passphrase: Passphrase, kdf: ScryptParameters = .standard,
        options: StoreOptions = StoreOptions()
    ) throws -> Store {
        let path = url.path
        let dir = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: dir.path) {
            do {
                try FileManager.default.createDirectory(
                    at: dir, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch { throw StoreError.io(path: dir.path, detail: "\(error.localizedDescription)") }
        }
        let lock = try StoreLock(storePath: path, exclusive: true, waitSeconds: options.waitSeconds)
        if exists(at: url) { throw StoreError.alreadyExists(path: path) }
        // Make the file ourselves with 0600 before SQLite touches it; SQLite gives its -wal and
        // -shm files the same mode as the main file.
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw StoreError.io(path: path, detail: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        close(fd)
        do {
            let db = try SQLiteConnection(path: path, create: false)
            let mode = try db.query("PRAGMA journal_mode=WAL").first?.first?.string
            guard mode == "wal" else {
                throw StoreError.io(path: path, detail: "journal_mode=\(mode ?? "?")")
            }
            try configure(db, options)
            let storeID = try SecureRandom.bytes(16)
            let dataKey = try SecretBytes.random(count: AESGCM.keyByteCount)
            try db.execute("BEGIN IMMEDIATE")
            try Migrations.migrate(db)
            try db.query(
                "INSERT INTO kompas_meta (name, value) VALUES ('format', ?), ('store_id', ?)",
                [.blob(Array(formatName.utf8)), .blob(storeID)])
            try writeKeySlot(
                db, dataKey: dataKey, storeID: storeID, passphrase: passphrase, kdf: kdf,
                insert: true)
            try db.execute("COMMIT")
            return Store(url: url, db: db, lock: lock, dataKey: dataKey, storeID: storeID)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            throw mapped(error, path: path)
        }
    }

    /// Opens an existing store.
    ///
    /// A wrong passphrase throws ``StoreError/wrongPassphrase`` before
    /// anything is written.
    public static func open(
        at url: URL, passphrase: Passphrase, options: StoreOptions = StoreOptions()
    ) throws -> Store {
        try open(at: url, passphrase: passphrase, options: options, migrations: Migrations.all)
    }

    static func open(
        at url: URL, passphrase: Passphrase, options: StoreOptions, migrations: [Migration]
    ) throws -> Store {
        let path = url.path
        guard exists(at: url) else { throw StoreError.notFound(path: path) }
        let lock = try StoreLock(
            storePath: path, exclusive: false, waitSeconds: options.waitSeconds)
        do {
            let db = try SQLiteConnection(path: path, create: false)
            try configure(db, options)
            let version = try Migrations.currentVersion(db)
            let latest = migrations.map(\.version).max() ?? 0
            guard version >= 1 else { throw StoreError.damagedFile(path: path) }
            guard version <= latest else {
                throw StoreError.newerSchema(found: version, supported: latest)
            }
            var meta: [String: [UInt8]] = [:]
            for row in try db.query("SELECT name, value FROM kompas_meta") {
                if let n = row[0].string, let v = row[1].bytes { meta[n] = v }
            }
            guard meta["format"] == Array(formatName.utf8), let storeID = meta["store_id"],
                storeID.count == 16
            else {
                throw StoreError.damagedFile(path: path)
            }
            let dataKey = try unlock(db, storeID: storeID, passphrase: passphrase, path: path)
            var compact = meta[Self.compactPending] != nil
            if version < latest {
                try db.execute("BEGIN IMMEDIATE")
                do {
                    try Migrations.migrate(db, migrations: migrations)
                    // Version 2 (issue 18): ids made of employer and dates become keyed hashes.
                    if version < 2, latest >= 2 {
                        let moved = try rekeyLegacyRecords(db, dataKey: dataKey, storeID: storeID)
                        if moved > 0 {
                            try db.query(
                                "INSERT OR REPLACE INTO kompas_meta (name, value) VALUES (?, ?)",
                                [.text(Self.compactPending), .blob([1])])
                            compact = true
                        }
                    }
                    try db.execute("COMMIT")
                } catch {
                    try? db.execute("ROLLBACK")
                    throw error
                }
            }
            if compact { compactAfterRekey(db) }
            return Store(url: url, db: db, lock: lock, dataKey: dataKey, storeID: storeID)
        } catch {
            throw mapped(error, path: path)
        }
    }

    static func configure(_ db: SQLiteConnection, _ options: StoreOptions) throws {
        db.setBusyTimeout(milliseconds: Int32(max(0, min(options.waitSeconds * 1000, 600_000))))
        try db.execute(
            """
            PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;
            PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA foreign_keys=ON;
            """)
    }

    // MARK: Key slot

    static func keySlotAAD(storeID: [UInt8], kdf: ScryptParameters, salt: [UInt8]) -> [UInt8] {
        var w = ByteWriter()
        w.field("kompas/keyslot/v1")
        w.field(storeID)
        w.field(kdfName)
        w.u8(kdf.logN)
        w.u32(kdf.r)
        w.u32(kdf.p)
        w.field(salt)
        return w.bytes
    }

    /// scrypt → 64 bytes: the first half is the key-encryption key, the SHA-256 of the second half
    /// is the stored verifier.
    ///
    /// Knowing the verifier does not help to find the first half.
    static func deriveKeys(_ passphrase: Passphrase, salt: [UInt8], kdf: ScryptParameters) throws
        -> (kek: SecretBytes, verifier: [UInt8])
    {
        let derived = try Scrypt.derive(
            passphrase: passphrase.secret, salt: salt, parameters: kdf, length: 64)
        let verifier = try derived.withBytes { try SHA256.hash($0[32..<64]) }
        return (derived.slice(0..<32), verifier)
    }

    static func writeKeySlot(
        _ db: SQLiteConnection, dataKey: SecretBytes, storeID: [UInt8], passphrase: Passphrase,
        kdf: ScryptParameters, insert: Bool
    ) throws {
        let salt = try SecureRandom.bytes(32)
        let (kek, verifier) = try deriveKeys(passphrase, salt: salt, kdf: kdf)
        let wrapped = try dataKey.withBytes { key in
            try AESGCM.seal(
                Array(key), key: kek,
                associatedData: keySlotAAD(storeID: storeID, kdf: kdf, salt: salt))
        }
        let values: [SQLValue] = [
            .text(kdfName), .integer(Int64(kdf.logN)), .integer(Int64(kdf.r)),
            .integer(Int64(kdf.p)),
            .blob(salt), .blob(verifier), .blob(wrapped.combined),
        ]
        if insert {
            try db.query(
                "INSERT INTO keyslot (slot, kdf, log_n, r, p, salt, verifier, wrapped_key) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                values)
        } else {
            try db.query(
                "UPDATE keyslot SET kdf = ?, log_n = ?, r = ?, p = ?, salt = ?, verifier = ?, wrapped_key = ? WHERE slot = 1",
                values)
            guard db.changes == 1 else { throw StoreError.damagedKey }
        }
    }

    static func unlock(
        _ db: SQLiteConnection, storeID: [UInt8], passphrase: Passphrase, path: String
    ) throws -> SecretBytes {
        guard
            let row = try db.query(
                "SELECT kdf, log_n, r, p, salt, verifier, wrapped_key FROM keyslot WHERE slot = 1"
            ).first,
            row[0].string == kdfName,
            let logN = row[1].int, let r = row[2].int, let p = row[3].int,
            let salt = row[4].bytes, let verifier = row[5].bytes, let wrapped = row[6].bytes,
            (0...255).contains(logN), (0...Int64(UInt32.max)).contains(r),
            (0...Int64(UInt32.max)).contains(p)
        else { throw StoreError.damagedKey }
        let kdf = ScryptParameters(logN: UInt8(logN), r: UInt32(r), p: UInt32(p))
        guard kdf.isAcceptable || kdf == .testOnly else { throw StoreError.damagedKey }
        let (kek, expected) = try deriveKeys(passphrase, salt: salt, kdf: kdf)
        guard verifier.count == expected.count, SecretBytes(expected).constantTimeEquals(verifier)
        else {
            throw StoreError.wrongPassphrase
        }
        do {
            let key = try AESGCM.open(
                AESGCM.SealedBox(combined: wrapped), key: kek,
                associatedData: keySlotAAD(storeID: storeID, kdf: kdf, salt: salt))
            guard key.count == AESGCM.keyByteCount else { throw StoreError.damagedKey }
            return SecretBytes(key)
        } catch CryptoError.authenticationFailure {
            throw StoreError.damagedKey
        }
    }

    /// Re-wraps the data key under a new passphrase (new salt, `kdf` parameters).
    ///
    /// The records are
    /// not touched: a backup made earlier keeps opening with the passphrase it was made with.
    /// Afterwards the WAL is checkpointed and truncated so the old key slot is not left in it.
    public func changePassphrase(to newPassphrase: Passphrase, kdf: ScryptParameters = .standard)
        throws
    {
        try transaction {
            try Self.writeKeySlot(
                db, dataKey: dataKey, storeID: storeID, passphrase: newPassphrase, kdf: kdf,
                insert: false)
        }
        try wrap { try db.query("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The scrypt parameters in the file now.
    public func keyDerivationParameters() throws -> ScryptParameters {
        let row = try wrap { try db.query("SELECT log_n, r, p FROM keyslot WHERE slot = 1").first }
        guard let row, let n = row[0].int, let r = row[1].int, let p = row[2].int else {
            throw StoreError.damagedKey
        }
        return ScryptParameters(
            logN: UInt8(clamping: n), r: UInt32(clamping: r), p: UInt32(clamping: p))
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int { try wrap { try Migrations.currentVersion(db) } }

    // MARK: Transactions

    /// Runs `body` as one all-or-nothing transaction: every `put` and `delete` inside is committed
    /// together or, if `body` throws, not at all.
    ///
    /// Nested calls become savepoints. The outermost
    /// call uses `BEGIN IMMEDIATE`, so waiting for another writer happens before any work.
    public func transaction<R>(_ body: () throws -> R) throws -> R {
        let savepoint = "kompas_sp\(depth)"
        try wrap { try db.execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)") }
        depth += 1
        let result: R
        do {
            result = try body()
        } catch {
            depth -= 1
            try? db.execute(
                depth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }
        depth -= 1
        do {
            try wrap { try db.execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)") }
        } catch {
            if depth == 0 { try? db.execute("ROLLBACK") }
            throw error
        }
        return result
    }

    // MARK: Records

    static func validate(_ id: String) throws {
        let ok =
            !id.isEmpty && id.utf8.count <= 64
            && id.utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122)
                    || $0 == 45 || $0 == 46 || $0 == 95
            }
        guard ok else { throw StoreError.invalidRecordID(id) }
    }

    func recordAAD(_ collection: StoreCollection, _ id: String, _ version: Int64) -> [UInt8] {
        Self.recordAAD(storeID: storeID, collection, id, version)
    }

    static func recordAAD(
        storeID: [UInt8], _ collection: StoreCollection, _ id: String, _ version: Int64
    ) -> [UInt8] {
        var w = ByteWriter()
        w.field("kompas/record/v1")
        w.field(storeID)
        w.field(collection.rawValue)
        w.field(id)
        w.u64(UInt64(version))
        return w.bytes
    }

    /// Seals and stores `data` under `id` in `collection`, replacing an earlier value (its version
    /// goes up by one).
    ///
    /// Ids must be non-personal: use a UUID, or a fixed word such as `"profiel"`.
    public func put(_ data: Data, id: String, in collection: StoreCollection) throws {
        try Self.validate(id)
        try transaction {
            let old =
                try wrap {
                    try db.query(
                        "SELECT version FROM records WHERE collection = ? AND id = ?",
                        [.text(collection.rawValue), .text(id)])
                }.first?.first?.int ?? 0
            let version = old + 1
            let box = try AESGCM.seal(
                Array(data), key: dataKey, associatedData: recordAAD(collection, id, version))
            try wrap {
                try db.query(
                    "INSERT OR REPLACE INTO records (collection, id, version, sealed) VALUES (?, ?, ?, ?)",
                    [.text(collection.rawValue), .text(id), .integer(version), .blob(box.combined)])
            }
        }
    }

    /// The decrypted value, nil if there is none, or ``StoreError/damagedRecord(_:)``.
    public func get(id: String, in collection: StoreCollection) throws -> Data? {
        try Self.validate(id)
        let rows = try wrap {
            try db.query(
                "SELECT version, sealed FROM records WHERE collection = ? AND id = ?",
                [.text(collection.rawValue), .text(id)])
        }
        guard let row = rows.first else { return nil }
        do {
            return try unseal(collection, id, row[0], row[1]).data
        } catch StoreError.damagedRecord(let ref) where skipsDamagedRecords {
            skip(ref)
            return nil
        }
    }

    /// Removes a record; true when there was one.
    ///
    /// With `secure_delete` its sealed bytes are zeroed.
    @discardableResult
    public func delete(id: String, in collection: StoreCollection) throws -> Bool {
        try Self.validate(id)
        return try transaction {
            try wrap {
                try db.query(
                    "DELETE FROM records WHERE collection = ? AND id = ?",
                    [.text(collection.rawValue), .text(id)])
            }
            return db.changes > 0
        }
    }

    /// Every record of a collection, in id order; throws on the first damaged one, or with
    /// ``skipsDamagedRecords`` leaves it out and remembers it.
    ///
    /// Use ``verify()`` or ``check(full:)`` to read around damage.
    public func records(in collection: StoreCollection) throws -> [StoredRecord] {
        try wrap {
            try db.query(
                "SELECT version, sealed, id FROM records WHERE collection = ? ORDER BY id",
                [.text(collection.rawValue)])
        }.compactMap { row in try unsealOrSkip(collection, row[2].string ?? "", row[0], row[1]) }
    }

    private func unsealOrSkip(
        _ collection: StoreCollection, _ id: String, _ version: SQLValue, _ sealed: SQLValue
    ) throws -> StoredRecord? {
        do {
            return try unseal(collection, id, version, sealed)
        } catch StoreError.damagedRecord(let ref) where skipsDamagedRecords {
            skip(ref)
            return nil
        }
    }

    /// The ids in a collection (no decryption).
    public func ids(in collection: StoreCollection) throws -> [String] {
        try wrap {
            try db.query(
                "SELECT id FROM records WHERE collection = ? ORDER BY id",
                [.text(collection.rawValue)])
        }
        .compactMap { $0[0].string }
    }

    public func count(in collection: StoreCollection) throws -> Int {
        Int(
            try wrap {
                try db.query(
                    "SELECT COUNT(*) FROM records WHERE collection = ?",
                    [.text(collection.rawValue)])
            }
            .first?.first?.int ?? 0)
    }

    /// Every record in the store, collection by collection; throws on the first damaged one.
    public func allRecords() throws -> [StoredRecord] {
        try wrap {
            try db.query(
                "SELECT collection, id, version, sealed FROM records ORDER BY collection, id")
        }
        .compactMap { row in
            try unsealOrSkip(
                StoreCollection(row[0].string ?? ""), row[1].string ?? "", row[2], row[3])
        }
    }

    /// Reads every record and reports which ones fail authentication, without stopping at the
    /// first; also runs SQLite's `integrity_check`.
    ///
    /// Damaged records stay in the file (so nothing
    /// is lost that a later repair could use) until they are overwritten or deleted.
    public func verify() throws -> IntegrityReport {
        var readable: [StoredRecord] = []
        var damaged: [RecordRef] = []
        for row in try wrap({
            try db.query(
                "SELECT collection, id, version, sealed FROM records ORDER BY collection, id")
        }) {
            let collection = StoreCollection(row[0].string ?? "")
            let id = row[1].string ?? ""
            do {
                readable.append(try unseal(collection, id, row[2], row[3]))
            } catch StoreError.damagedRecord(let ref) { damaged.append(ref) }
        }
        let check = try wrap { try db.query("PRAGMA integrity_check") }
        return IntegrityReport(
            readable: readable, damaged: damaged,
            fileStructureOK: check.first?.first?.string == "ok")
    }

    private func unseal(
        _ collection: StoreCollection, _ id: String, _ version: SQLValue, _ sealed: SQLValue
    ) throws -> StoredRecord {
        let ref = RecordRef(collection: collection, id: id)
        guard let v = version.int, let bytes = sealed.bytes else {
            throw StoreError.damagedRecord(ref)
        }
        do {
            let plain = try AESGCM.open(
                AESGCM.SealedBox(combined: bytes), key: dataKey,
                associatedData: recordAAD(collection, id, v))
            return StoredRecord(collection: collection, id: id, version: Int(v), data: Data(plain))
        } catch {
            throw StoreError.damagedRecord(ref)
        }
    }

    // MARK: Codable convenience

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }

    public func put<T: Encodable>(_ value: T, id: String, in collection: StoreCollection) throws {
        let data: Data
        do { data = try Self.encoder().encode(value) } catch {
            throw StoreError.unreadableRecord(RecordRef(collection: collection, id: id))
        }
        try put(data, id: id, in: collection)
    }

    public func get<T: Decodable>(_ type: T.Type, id: String, in collection: StoreCollection) throws
        -> T?
    {
        guard let data = try get(id: id, in: collection) else { return nil }
        do {
            return try decode(type, data, RecordRef(collection: collection, id: id))
        } catch StoreError.unreadableRecord(let ref) where skipsDamagedRecords {
            skip(ref)
            return nil
        }
    }

    /// Every record of a collection decoded as `T`, in id order.
    public func all<T: Decodable>(_ type: T.Type, in collection: StoreCollection) throws
        -> [StoredValue<T>]
    {
        try records(in: collection).compactMap { r in
            let ref = RecordRef(collection: collection, id: r.id)
            do {
                return StoredValue(
                    id: r.id, version: r.version, value: try decode(type, r.data, ref))
            } catch StoreError.unreadableRecord(let ref) where skipsDamagedRecords {
                skip(ref)
                return nil
            }
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ ref: RecordRef) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw StoreError.unreadableRecord(ref)
        }
    }

    // MARK: Errors

    @discardableResult
    func wrap<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch { throw Self.mapped(error, path: url.path) }
    }

    /// Turns SQLite and crypto errors into ``StoreError``s; store errors pass through.
    static func mapped(_ error: Error, path: String) -> Error {
        switch error {
        case let e as StoreError: return e
        case let e as SQLiteError:
            if e.isBusy { return StoreError.inUse(path: path) }
            if e.isCorrupt { return StoreError.damagedFile(path: path) }
            if e.isIO { return StoreError.io(path: path, detail: e.message) }
            // A missing table or column means the file is not (or no longer) a Kompas store.
            return StoreError.damagedFile(path: path)
        case let e as CryptoError: return StoreError.io(path: path, detail: "\(e)")
        default: return error
        }
    }
}

@available(*, unavailable)
extension Store: Sendable {}
