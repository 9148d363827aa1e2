/// Schema migrations, applied in order and recorded in `kompas_schema` (GRDB's migrator, reduced).
///
/// A migration is never edited once released: add a new one. `Fixtures/store/` keeps a file written
/// by schema version 1, and a test opens it with the current code.
struct Migration: Sendable {
    let version: Int
    let name: String
    let sql: String
}

enum Migrations {
    /// Version 1: the first schema.
    ///
    /// - `kompas_meta`: non-personal facts about the file (format name, a random store id that is
    ///   bound into every record's associated data so records cannot be moved between stores).
    /// - `keyslot`: one row; the scrypt parameters and salt (so they can be raised later), a
    ///   verifier that tells a wrong passphrase from a damaged key, and the data key sealed with
    ///   AES-256-GCM under the passphrase key.
    /// - `records`: collection, non-personal id, version and the sealed value. `WITHOUT ROWID`
    ///   keeps them clustered by (collection, id); no other index exists, so nothing personal can
    ///   be indexed.
    static let v1 = Migration(
        version: 1, name: "eerste schema",
        sql: """
            CREATE TABLE kompas_meta (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE keyslot (
                slot INTEGER PRIMARY KEY CHECK (slot = 1),
                kdf TEXT NOT NULL,
                log_n INTEGER NOT NULL,
                r INTEGER NOT NULL,
                p INTEGER NOT NULL,
                salt BLOB NOT NULL,
                verifier BLOB NOT NULL,
                wrapped_key BLOB NOT NULL);
            CREATE TABLE records (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                sealed BLOB NOT NULL,
                PRIMARY KEY (collection, id)) WITHOUT ROWID;
            """)

    /// Version 2 (issue 18): record ids without personal data.
    ///
    /// No new table; opening a version-1 file also moves every record whose id was made of
    /// personal data (employer and dates, e.g.
    /// `2026-01-31_2026-01-01_2026-01-31_bakkerijzonnebloem`) to an id that is a keyed hash of
    /// that natural key (``Store/rekeyLegacyRecords(_:dataKey:storeID:)``), in the same
    /// transaction, and then rebuilds the file so the old ids are not left in free or interior
    /// pages.
    static let v2 = Migration(
        version: 2, name: "record-ids zonder persoonsgegevens",
        sql: "SELECT 1 FROM records LIMIT 0;")

    static let all: [Migration] = [v1, v2]
    static var latest: Int { all.map(\.version).max() ?? 0 }

    static let bookkeeping =
        "CREATE TABLE IF NOT EXISTS kompas_schema (version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL);"

    /// The highest version recorded in the file (0 for a file without the table).
    static func currentVersion(_ db: SQLiteConnection) throws -> Int {
        let exists = try db.query(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kompas_schema'")
        guard !exists.isEmpty else { return 0 }
        return Int(
            try db.query("SELECT COALESCE(MAX(version), 0) FROM kompas_schema").first?.first?.int
                ?? 0)
    }

    /// Applies every migration above the file's version, each recorded in the same transaction as
    /// its changes, so a crash leaves the file at one version or the next, never between.
    static func migrate(_ db: SQLiteConnection, migrations: [Migration] = all) throws {
        try db.execute(bookkeeping)
        let current = try currentVersion(db)
        for m in migrations.sorted(by: { $0.version < $1.version }) where m.version > current {
            try db.execute("SAVEPOINT migrate")
            do {
                try db.execute(m.sql)
                try db.query(
                    "INSERT INTO kompas_schema (version, name) VALUES (?, ?)",
                    [.integer(Int64(m.version)), .text(m.name)])
                try db.execute("RELEASE migrate")
            } catch {
                try? db.execute("ROLLBACK TO migrate; RELEASE migrate")
                throw error
            }
        }
    }
}
