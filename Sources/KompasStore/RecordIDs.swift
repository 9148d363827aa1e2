import Foundation
import KompasCrypto

/// Record ids that carry no personal data (issue 18).
///
/// A payslip or an hour record is known by its natural key (employer, period and pay date), so
/// that saving the same slip twice keeps it once. That key must not be the id: ids are stored in
/// plaintext next to the sealed value, and an id such as
/// `2026-01-31_2026-01-01_2026-01-31_bakkerijzonnebloem` gives away the employer and the dates
/// (and could not hold `Café Müller` at all). The id is therefore an HMAC-SHA-256 of the natural
/// key under a key derived from the store's data key (HKDF-Expand, RFC 5869): the same key gives
/// the same id in this store, so duplicates are still recognised, while without the passphrase
/// the id says nothing, not even whether two stores hold the same payslip.
extension Store {
    /// Collections whose version-1 ids were natural keys (payslips, hours, and the App's
    /// payslip-to-object links, `loonstrook-object`).
    static let naturalKeyCollections: [StoreCollection] = [
        .loonstrook, .uren, StoreCollection("loonstrook-object"),
    ]

    /// Marker in `kompas_meta` while the file still has to be rebuilt after the migration.
    static let compactPending = "compact_pending"

    /// The id under which a record with natural key `key` is kept in `collection`: `h` and 32
    /// hexadecimal digits (128 bits of the HMAC).
    ///
    /// The key is compared after Unicode normalization (NFC), so `Café` typed with a combining
    /// accent is the same employer.
    public func recordID(forKey key: String, in collection: StoreCollection) throws -> String {
        try Self.hashedID(dataKey: dataKey, key: key, in: collection)
    }

    static func hashedID(dataKey: SecretBytes, key: String, in collection: StoreCollection) throws
        -> String
    {
        let idKey = try HMACSHA256.expand(prk: dataKey, info: Array("kompas/record-id/v1".utf8))
        var w = ByteWriter()
        w.field(collection.rawValue)
        w.field(key.precomposedStringWithCanonicalMapping)
        let tag = try HMACSHA256.authenticate(w.bytes, key: idKey)
        return "h" + Hex.encode(tag.prefix(16))
    }

    /// True for an id of the first schema made of a natural key.
    ///
    /// Such an id starts with a date (`JJJJ-MM-DD_`); random UUIDs, fixed words and hashed ids
    /// never do.
    static func isLegacyNaturalID(_ id: String) -> Bool {
        let b = Array(id.utf8.prefix(11))
        guard b.count == 11, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x5F else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { (0x30...0x39).contains(b[$0]) }
    }

    /// Moves every record with a legacy natural-key id to its hashed id.
    ///
    /// The value is sealed again (version 1, since the id is part of the associated data) and
    /// the old row deleted. Runs inside the caller's transaction. A record that no longer opens keeps its old id: it cannot be sealed
    /// again without its content, and it is reported as damaged like any other.
    ///
    /// - Returns: how many records were moved.
    static func rekeyLegacyRecords(_ db: SQLiteConnection, dataKey: SecretBytes, storeID: [UInt8])
        throws -> Int
    {
        var moved = 0
        for collection in naturalKeyCollections {
            let rows = try db.query(
                "SELECT id, version, sealed FROM records WHERE collection = ?",
                [.text(collection.rawValue)])
            for row in rows {
                guard let id = row[0].string, isLegacyNaturalID(id), let version = row[1].int,
                    let sealed = row[2].bytes,
                    let plain = try? AESGCM.open(
                        AESGCM.SealedBox(combined: sealed), key: dataKey,
                        associatedData: recordAAD(storeID: storeID, collection, id, version))
                else { continue }
                let newID = try hashedID(dataKey: dataKey, key: id, in: collection)
                let box = try AESGCM.seal(
                    plain, key: dataKey,
                    associatedData: recordAAD(storeID: storeID, collection, newID, 1))
                try db.query(
                    "INSERT OR REPLACE INTO records (collection, id, version, sealed) VALUES (?, ?, 1, ?)",
                    [.text(collection.rawValue), .text(newID), .blob(box.combined)])
                try db.query(
                    "DELETE FROM records WHERE collection = ? AND id = ?",
                    [.text(collection.rawValue), .text(id)])
                moved += 1
            }
        }
        return moved
    }

    /// Rebuilds the file after ids were moved and empties the WAL.
    ///
    /// `secure_delete` zeroes the deleted rows, but a `WITHOUT ROWID` table keeps copies of keys
    /// as dividers in its interior pages; `VACUUM` writes every page anew. When another Kompas
    /// holds the file open the rebuild waits for the next open (the marker stays).
    static func compactAfterRekey(_ db: SQLiteConnection) {
        guard (try? db.execute("VACUUM")) != nil else { return }
        _ = try? db.query("DELETE FROM kompas_meta WHERE name = ?", [.text(compactPending)])
        _ = try? db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
