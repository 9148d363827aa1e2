import KompasCore

/// A record named without its content: collection and non-personal id.
///
/// Used to say *which*
/// record is damaged without ever decrypting or printing it.
public struct RecordRef: Sendable, Hashable, CustomStringConvertible {
    public let collection: StoreCollection
    public let id: String
    public init(collection: StoreCollection, id: String) {
        self.collection = collection
        self.id = id
    }
    public var description: String { "\(collection.rawValue)/\(id)" }
}

/// Everything that can go wrong with the store, typed until the App edge.
///
/// The exit codes come from
/// the documented table: wrong passphrase 77, store in use 75, damaged store 65, missing 66, I/O 74.
public enum StoreError: KompasError, Equatable {
    /// The passphrase does not open the key slot. Nothing was written.
    case wrongPassphrase
    /// Another process holds the store longer than we were willing to wait.
    case inUse(path: String)
    /// No store at this path yet.
    case notFound(path: String)
    /// `create` found a store already there.
    case alreadyExists(path: String)
    /// One sealed record failed authentication: changed, swapped or damaged.
    case damagedRecord(RecordRef)
    /// A record decrypted but its content is not what this version of Kompas can read.
    case unreadableRecord(RecordRef)
    /// The file is not a Kompas store, is truncated, or SQLite reports corruption.
    case damagedFile(path: String)
    /// The passphrase is right (the verifier matches) but the wrapped data key does not open:
    /// the key slot was replaced or damaged.
    case damagedKey
    /// The file was written by a newer schema than this Kompas knows.
    case newerSchema(found: Int, supported: Int)
    /// Reading or writing failed (disk full, permissions).
    case io(path: String, detail: String)
    /// A record id that could be personal or unsafe (only `[A-Za-z0-9._-]`, 1–64 characters).
    case invalidRecordID(String)
    /// A file handed to `importBackup` is not a Kompas backup.
    case notABackup(path: String)
    /// The backup's passphrase is not the one given.
    case backupWrongPassphrase(path: String)
    /// The backup file was changed or truncated.
    case damagedBackup(path: String)
    /// `exportBackup` will not overwrite an existing file.
    case backupExists(path: String)

    public var exitCode: ExitCode {
        switch self {
        case .wrongPassphrase, .backupWrongPassphrase: .permission
        case .inUse: .temporaryFailure
        case .notFound: .noInput
        case .alreadyExists, .backupExists: .usage
        case .damagedRecord, .unreadableRecord, .damagedFile, .damagedKey, .newerSchema,
            .notABackup, .damagedBackup:
            .dataError
        case .io: .ioError
        case .invalidRecordID: .software
        }
    }

    public var message: Message {
        switch self {
        case .wrongPassphrase: Message("store.error.wrongPassphrase")
        case .inUse(let p): Message("store.error.inUse", ["path": .text(p)])
        case .notFound(let p): Message("store.error.notFound", ["path": .text(p)])
        case .alreadyExists(let p): Message("store.error.alreadyExists", ["path": .text(p)])
        case .damagedRecord(let r):
            Message(
                "store.error.damagedRecord",
                ["collection": .text(r.collection.rawValue), "id": .text(r.id)])
        case .unreadableRecord(let r):
            Message(
                "store.error.unreadableRecord",
                ["collection": .text(r.collection.rawValue), "id": .text(r.id)])
        case .damagedFile(let p): Message("store.error.damagedFile", ["path": .text(p)])
        case .damagedKey: Message("store.error.damagedKey")
        case .newerSchema(let f, let s):
            Message("store.error.newerSchema", ["found": .number(f), "supported": .number(s)])
        case .io(let p, let d): Message("store.error.io", ["path": .text(p), "detail": .text(d)])
        case .invalidRecordID(let id): Message("store.error.invalidRecordID", ["id": .text(id)])
        case .notABackup(let p): Message("store.error.notABackup", ["path": .text(p)])
        case .backupWrongPassphrase(let p):
            Message("store.error.backupWrongPassphrase", ["path": .text(p)])
        case .damagedBackup(let p): Message("store.error.damagedBackup", ["path": .text(p)])
        case .backupExists(let p): Message("store.error.backupExists", ["path": .text(p)])
        }
    }
}
