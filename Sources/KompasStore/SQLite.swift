internal import CSQLite
import Foundation

/// An error from SQLite, read with the one helper below from the connection's own error state
/// (`sqlite3_extended_errcode`, `sqlite3_errmsg`).
///
/// Like GRDB's `DatabaseError` it never carries
/// bound values: those are sealed bytes at best and personal data at worst.
public struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public let code: Int32
    public let message: String
    public let context: String

    var primary: Int32 { code & 0xff }
    public var isBusy: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }
    var isCorrupt: Bool {
        primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT
    }
    var isIO: Bool {
        primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN
            || primary == SQLITE_READONLY
    }
    public var description: String { "SQLite \(code) in \(context): \(message)" }

    /// The one error helper for SQLite.
    static func from(_ db: OpaquePointer?, _ rc: Int32, _ context: String) -> SQLiteError {
        let message =
            db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(rc))
        let code = db.map { sqlite3_extended_errcode($0) } ?? rc
        return SQLiteError(
            code: (code & 0xff) == (rc & 0xff) ? code : rc, message: message, context: context)
    }
}

/// A value bound to or read from a statement.
///
/// Only non-personal columns are text or integers;
/// everything personal is a sealed blob.
public enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

/// The owner of one `sqlite3*` connection, closed in `deinit` (GRDB's pattern).
///
/// Not Sendable:
/// one connection belongs to one store handle on one thread. Public (a minimal surface: open,
/// execute, query) so the endpoint server (`KompasServer`) reuses this owner instead of a second
/// SQLite wrapper; a caller sharing it across threads must serialise access itself.
public final class SQLiteConnection {
    private let db: OpaquePointer

    /// Opens (or with `create`, creates) the file.
    ///
    /// `SQLITE_OPEN_NOFOLLOW` refuses a symbolic
    /// link planted in place of the store; `EXRESCODE` gives extended codes.
    public init(path: String, create: Bool, readOnly: Bool = false) throws {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let h = handle else {
            let error = SQLiteError.from(handle, rc, "open")
            if let h = handle { sqlite3_close_v2(h) }
            throw error
        }
        db = h
        _ = csqlite_enable_defensive(db)
    }

    deinit { sqlite3_close_v2(db) }

    /// Runs one or more statements without results (schema, PRAGMAs, BEGIN/COMMIT).
    public func execute(_ sql: String) throws {
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw SQLiteError.from(db, rc, sql.prefix(40).description) }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement { try SQLiteStatement(db: db, sql: sql) }

    /// Runs a statement with bound values and returns all rows.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        let s = try prepare(sql)
        try s.bind(values)
        var rows: [[SQLValue]] = []
        while try s.step() { rows.append(s.row()) }
        return rows
    }

    /// Milliseconds SQLite keeps retrying a locked database before giving up with SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(db, milliseconds) }

    public var changes: Int { Int(sqlite3_changes(db)) }
    public var isAutocommit: Bool { sqlite3_get_autocommit(db) != 0 }
}

/// The owner of one prepared statement, finalized in `deinit`.
final class SQLiteStatement {
    private let stmt: OpaquePointer
    private let db: OpaquePointer
    private let sql: String

    init(db: OpaquePointer, sql: String) throws {
        var handle: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &handle, nil)
        guard rc == SQLITE_OK, let h = handle else {
            throw SQLiteError.from(db, rc, "prepare " + sql.prefix(40))
        }
        stmt = h
        self.db = db
        self.sql = sql
    }

    deinit { sqlite3_finalize(stmt) }

    func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, v) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, index)
            case .integer(let n): rc = sqlite3_bind_int64(stmt, index, n)
            case .text(let s):
                let bytes = Array(s.utf8)
                rc = bytes.withUnsafeBufferPointer { p in
                    p.baseAddress.map { base in
                        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                            csqlite_bind_text_transient(stmt, index, $0, Int32(bytes.count))
                        }
                    } ?? csqlite_bind_text_transient(stmt, index, "", 0)
                }
            case .blob(let b):
                rc = b.withUnsafeBytes { p in
                    // A zero-length blob still needs a non-NULL pointer, or SQLite stores NULL.
                    csqlite_bind_blob_transient(
                        stmt, index, p.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                        Int32(b.count))
                }
            }
            guard rc == SQLITE_OK else { throw SQLiteError.from(db, rc, "bind " + sql.prefix(40)) }
        }
    }

    /// Steps once; true when a row is available.
    func step() throws -> Bool {
        let rc = sqlite3_step(stmt)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let e = SQLiteError.from(db, rc, "step " + sql.prefix(40))
            sqlite3_reset(stmt)
            throw e
        }
    }

    func row() -> [SQLValue] {
        (0..<sqlite3_column_count(stmt)).map { i in
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(stmt, i))
            case SQLITE_TEXT:
                return .text(sqlite3_column_text(stmt, i).map { String(cString: $0) } ?? "")
            case SQLITE_BLOB:
                let n = Int(sqlite3_column_bytes(stmt, i))
                guard n > 0, let p = sqlite3_column_blob(stmt, i) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
            case SQLITE_FLOAT: return .integer(Int64(sqlite3_column_double(stmt, i)))
            default: return .null
            }
        }
    }
}

extension SQLValue {
    public var int: Int64? { if case .integer(let n) = self { n } else { nil } }
    public var string: String? { if case .text(let s) = self { s } else { nil } }
    public var bytes: [UInt8]? { if case .blob(let b) = self { b } else { nil } }
}
