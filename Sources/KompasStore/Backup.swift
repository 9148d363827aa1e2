import Foundation
import KompasCore
import KompasCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// The encrypted backup file of `kompas export` / `kompas importeer`, version 1.
///
/// ```
/// offset  size  field
/// 0       8     magic "KOMPASBK"
/// 8       1     format version (1)
/// 9       1     scrypt log2(N)
/// 10      4     scrypt r (big-endian)
/// 14      4     scrypt p (big-endian)
/// 18      32    salt
/// 50      32    verifier: SHA-256 of the second half of the 64 derived bytes
/// 82      …     AES-256-GCM: nonce (12) ‖ ciphertext ‖ tag (16), key = first 32 derived bytes,
///               associated data = bytes 0..<82 (the whole header)
/// ```
/// The plaintext is a sequence of records, each `field(collection) field(id) field(data)`
/// (a field is a 32-bit big-endian length and the bytes), preceded by `field("kompas/backup/v1")`
/// and a 32-bit record count. The backup has its own salt and key, so it does not depend on the
/// store it came from; it is protected by the passphrase given when it was made. The magic bytes
/// let `importeer` tell a backup from a CSV or any other file before asking for a passphrase.
public enum Backup {
    public static let magic: [UInt8] = Array("KOMPASBK".utf8)
    static let formatVersion: UInt8 = 1
    static let headerLength = 82
    static let context = "kompas/backup/v1"

    /// True when the file starts with the backup magic bytes (reads 8 bytes, no passphrase).
    public static func isBackup(at url: URL) -> Bool {
        guard let h = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    static func seal(_ records: [StoredRecord], passphrase: Passphrase, kdf: ScryptParameters)
        throws -> [UInt8]
    {
        var body = ByteWriter()
        body.field(context)
        body.u32(UInt32(records.count))
        for r in records {
            body.field(r.collection.rawValue)
            body.field(r.id)
            body.field(Array(r.data))
        }
        let salt = try SecureRandom.bytes(32)
        let (key, verifier) = try Store.deriveKeys(passphrase, salt: salt, kdf: kdf)
        var header = ByteWriter()
        header.raw(magic)
        header.u8(formatVersion)
        header.u8(kdf.logN)
        header.u32(kdf.r)
        header.u32(kdf.p)
        header.raw(salt)
        header.raw(verifier)
        let box = try AESGCM.seal(body.bytes, key: key, associatedData: header.bytes)
        return header.bytes + box.combined
    }

    static func open(_ file: [UInt8], passphrase: Passphrase, path: String) throws -> [(
        StoreCollection, String, Data
    )] {
        guard file.count >= magic.count, Array(file[0..<magic.count]) == magic else {
            throw StoreError.notABackup(path: path)
        }
        var r = ByteReader(file)
        _ = r.raw(magic.count)
        guard let version = r.u8(), version == formatVersion, let logN = r.u8(), let kr = r.u32(),
            let kp = r.u32(),
            let salt = r.raw(32), let verifier = r.raw(32)
        else { throw StoreError.damagedBackup(path: path) }
        let kdf = ScryptParameters(logN: logN, r: kr, p: kp)
        guard kdf.isAcceptable || kdf == .testOnly else {
            throw StoreError.damagedBackup(path: path)
        }
        let (key, expected) = try Store.deriveKeys(passphrase, salt: salt, kdf: kdf)
        guard SecretBytes(expected).constantTimeEquals(verifier) else {
            throw StoreError.backupWrongPassphrase(path: path)
        }
        let plain: [UInt8]
        do {
            plain = try AESGCM.open(
                AESGCM.SealedBox(combined: Array(file[headerLength...])), key: key,
                associatedData: Array(file[0..<headerLength]))
        } catch { throw StoreError.damagedBackup(path: path) }
        var b = ByteReader(plain)
        guard b.string() == context, let count = b.u32() else {
            throw StoreError.damagedBackup(path: path)
        }
        var out: [(StoreCollection, String, Data)] = []
        for _ in 0..<count {
            guard let c = b.string(), let id = b.string(), let data = b.field() else {
                throw StoreError.damagedBackup(path: path)
            }
            out.append((StoreCollection(c), id, Data(data)))
        }
        guard b.atEnd else { throw StoreError.damagedBackup(path: path) }
        return out
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    /// Records that were not in the store.
    public let added: Int
    /// Records with an id the store already had, now replaced by the backup's value.
    public let replaced: Int
}

extension Store {
    /// Writes an encrypted backup of every record to `destination` (mode 0600, never overwriting).
    ///
    /// The file is written beside the destination under a temporary name, fsynced, then linked
    /// into place, so a crash leaves either no backup or a whole one. Throws
    /// ``StoreError/damagedRecord(_:)`` rather than silently leaving a damaged record out.
    @discardableResult
    public func exportBackup(
        to destination: URL, passphrase: Passphrase, kdf: ScryptParameters = .standard
    ) throws -> Int {
        try exportBackup(try allRecords(), to: destination, passphrase: passphrase, kdf: kdf)
    }

    /// Writes an encrypted backup of `records` (the readable part of a damaged store, from
    /// ``check(full:)``), exactly as ``exportBackup(to:passphrase:kdf:)`` writes all of them.
    @discardableResult
    public func exportBackup(
        _ records: [StoredRecord], to destination: URL, passphrase: Passphrase,
        kdf: ScryptParameters = .standard
    ) throws -> Int {
        let bytes = try Backup.seal(records, passphrase: passphrase, kdf: kdf)
        let path = destination.path
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.backupExists(path: path)
        }
        let temp = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(UUID().uuidString).tmp"
        ).path
        let fd = Glibc.open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw StoreError.io(path: path, detail: String(cString: strerror(errno)))
        }
        defer { unlink(temp) }
        var ok = bytes.withUnsafeBytes { p in
            guard let start = p.baseAddress else { return true }
            var written = 0
            while written < p.count {
                let n = write(fd, start + written, p.count - written)
                if n <= 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let err = errno
        close(fd)
        guard ok else { throw StoreError.io(path: path, detail: String(cString: strerror(err))) }
        // link(2) fails if the destination appeared meanwhile: never overwrite.
        guard link(temp, path) == 0 else {
            if errno == EEXIST { throw StoreError.backupExists(path: path) }
            throw StoreError.io(path: path, detail: String(cString: strerror(errno)))
        }
        return records.count
    }

    /// Restores a backup into this store in one transaction: all records or none.
    ///
    /// A record whose
    /// collection and id already exist is replaced (its version goes up); others are added.
    public func importBackup(from source: URL, passphrase: Passphrase) throws -> ImportSummary {
        let path = source.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.io(path: path, detail: "unreadable")
        }
        let records = try Backup.open(Array(data), passphrase: passphrase, path: path)
        for (_, id, _) in records { try Self.validate(id) }
        return try transaction {
            var added = 0
            var replaced = 0
            for (collection, legacyID, value) in records {
                // A backup made before issue 18 names payslips by employer and dates; they come
                // back under their hashed id, so the plaintext id never reaches this file.
                let id =
                    Self.naturalKeyCollections.contains(collection)
                        && Self.isLegacyNaturalID(legacyID)
                    ? try recordID(forKey: legacyID, in: collection) : legacyID
                let exists =
                    try wrap {
                        try db.query(
                            "SELECT 1 FROM records WHERE collection = ? AND id = ?",
                            [.text(collection.rawValue), .text(id)])
                    }.isEmpty == false
                try put(value, id: id, in: collection)
                if exists { replaced += 1 } else { added += 1 }
            }
            return ImportSummary(added: added, replaced: replaced)
        }
    }

    /// Deletes the store at `url` and everything Kompas left beside it: the SQLite file and its
    /// `-wal`, `-shm` and `-journal` files, the lock file, and any Kompas backup (recognised by its
    /// magic bytes, which also catches a half-written export's temporary file) in the same directory; then the directory itself if it is empty.
    ///
    /// Files are unlinked, not overwritten first: on journaling and copy-on-write file systems and
    /// on SSDs an overwrite does not reach the old blocks anyway. What is left on the disk is
    /// sealed bytes whose key was only ever stored, wrapped, in the deleted file.
    /// Takes the lock exclusively, so it waits for (or reports) a Kompas still using the store.
    public static func erase(at url: URL, options: StoreOptions = StoreOptions()) throws -> [URL] {
        let fm = FileManager.default
        let path = url.path
        let dir = url.deletingLastPathComponent()
        let lock = try StoreLock(storePath: path, exclusive: true, waitSeconds: options.waitSeconds)
        var removed: [URL] = []
        func remove(_ p: String) throws {
            var st = stat()
            guard lstat(p, &st) == 0 else { return }
            guard unlink(p) == 0 else {
                throw StoreError.io(path: p, detail: String(cString: strerror(errno)))
            }
            removed.append(URL(fileURLWithPath: p))
        }
        for suffix in ["", "-wal", "-shm", "-journal"] { try remove(path + suffix) }
        for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] {
            let p = dir.appendingPathComponent(name).path
            var st = stat()
            guard lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            if Backup.isBackup(at: URL(fileURLWithPath: p)) {
                try remove(p)
            }
        }
        try remove(path + ".lock")
        withExtendedLifetime(lock) {}
        if ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? ["?"]).isEmpty { rmdir(dir.path) }
        return removed
    }
}
