import Foundation
import KompasCrypto

/// The store's integrity check (issue 18): SQLite's own check of the file's structure plus
/// opening every sealed value.
///
/// Run by `kompas status`, before `kompas export`, and on request
/// (`kompas status --controleer-opslag`). A flipped byte in a page header can hide rows from every
/// query without SQLite reporting an error; only walking the b-trees (`quick_check`) notices.
extension Store {
    /// Checks the file and every record.
    ///
    /// - Parameter full: `integrity_check` (also compares indexes with their tables) instead of
    ///   the faster `quick_check`; the store has no index besides its primary keys, so both find
    ///   the same damage in practice.
    /// - Returns: the readable records, the damaged ones by name, and whether the structure is ok.
    /// - Throws: ``StoreError`` only when the file cannot be read at all.
    public func check(full: Bool = false) throws -> IntegrityReport {
        var readable: [StoredRecord] = []
        var damaged: [RecordRef] = []
        let rows: [[SQLValue]]
        do {
            rows = try db.query(
                "SELECT collection, id, version, sealed FROM records ORDER BY collection, id")
        } catch let e as SQLiteError where e.isCorrupt {
            return IntegrityReport(readable: [], damaged: [], fileStructureOK: false)
        }
        for row in rows {
            let collection = StoreCollection(row[0].string ?? "")
            let id = row[1].string ?? ""
            let ref = RecordRef(collection: collection, id: id)
            guard let v = row[2].int, let bytes = row[3].bytes,
                let plain = try? AESGCM.open(
                    AESGCM.SealedBox(combined: bytes), key: dataKey,
                    associatedData: recordAAD(collection, id, v))
            else {
                damaged.append(ref)
                continue
            }
            readable.append(
                StoredRecord(collection: collection, id: id, version: Int(v), data: Data(plain)))
        }
        let verdict: String?
        do {
            verdict = try db.query(full ? "PRAGMA integrity_check" : "PRAGMA quick_check").first?
                .first?.string
        } catch let e as SQLiteError where e.isCorrupt {
            verdict = nil
        }
        if !full { structureVerdict = verdict == "ok" }
        return IntegrityReport(
            readable: readable, damaged: damaged, fileStructureOK: verdict == "ok")
    }

    /// SQLite's `quick_check` of the file's structure, run once per handle.
    ///
    /// A damaged page can hide rows from every query without an error; the commands that list
    /// payslips and hours run this so such damage is never silent (issue 18).
    public func structureIsIntact() -> Bool {
        if let v = structureVerdict { return v }
        let verdict = (try? db.query("PRAGMA quick_check").first?.first?.string) ?? nil
        structureVerdict = verdict == "ok"
        return verdict == "ok"
    }
}
