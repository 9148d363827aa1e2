import Foundation
import KompasStore
import KompasSync
import Testing

@testable import KompasServer

/// Issue 18 changed how objects are stored (under a keyed hash of client and uuid, found by the
/// client's uuid); a database written before keeps working.
@Suite struct ServerUpgradeTests {
    @Test func aDatabaseFromBeforeKeepsItsObjectsAndTheirRetries() throws {
        let dir = TempDir()
        let folder = dir.path("gemeente")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let uuid = UUID().uuidString.lowercased()
        let data = payslip(month: "2026-03", netto: 777)
        do {
            // The schema and one object exactly as the endpoint wrote them before issue 18.
            let db = try SQLiteConnection(
                path: folder.appendingPathComponent(ServerDatabase.fileName).path, create: true)
            try db.execute(
                """
                CREATE TABLE principal(
                  id TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('klant','klantmanager')),
                  label TEXT NOT NULL, klantmanager TEXT REFERENCES principal(id), created_at TEXT NOT NULL);
                CREATE TABLE token(
                  id TEXT PRIMARY KEY, hash BLOB NOT NULL, principal TEXT NOT NULL REFERENCES principal(id),
                  expires_at INTEGER, created_at TEXT NOT NULL);
                CREATE TABLE object(
                  uuid TEXT PRIMARY KEY, type TEXT NOT NULL, klant TEXT NOT NULL REFERENCES principal(id),
                  latest INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
                CREATE INDEX object_klant ON object(klant, type, seq);
                CREATE TABLE record(
                  object TEXT NOT NULL REFERENCES object(uuid), idx INTEGER NOT NULL, type_version INTEGER NOT NULL,
                  data TEXT NOT NULL, start_at TEXT NOT NULL, end_at TEXT, registration_at TEXT NOT NULL,
                  correction_for INTEGER, corrected_by INTEGER, author TEXT NOT NULL,
                  PRIMARY KEY (object, idx)) WITHOUT ROWID;
                INSERT INTO principal VALUES ('k1', 'klant', 'klant', NULL, '2026-03-01T00:00:00Z');
                INSERT INTO principal VALUES ('k2', 'klant', 'ander', NULL, '2026-03-01T00:00:00Z');
                """)
            try db.query(
                "INSERT INTO object VALUES (?, 'loonstrook', 'k1', 1, 1)", [.text(uuid)])
            try db.query(
                "INSERT INTO record VALUES (?, 1, 1, ?, '2026-03-01', NULL, '2026-03-02T10:00:00Z', NULL, NULL, 'k1')",
                [.text(uuid), .text(data.canonicalString)])
        }
        let db = try ServerDatabase(directory: folder)
        let k1 = Principal(id: "k1", role: .klant)
        let k2 = Principal(id: "k2", role: .klant)
        let old = try db.object(uuid, for: k1, baseURL: "")
        #expect(old.record.data == data && old.uuid == uuid)
        // The client's retry of that old create is still recognised, not a second object.
        let retry = NewObject(
            uuid: uuid, type: "loonstrook", record: NewRecord(data: data, startAt: "2026-03-01"))
        #expect(try db.create(retry, type: .loonstrook, by: k1, baseURL: "").created == false)
        // A correction of the old object works.
        let corrected = try db.addRecord(
            uuid,
            NewRecord(
                data: payslip(month: "2026-03", netto: 778), startAt: "2026-03-01",
                correctionFor: 1),
            by: k1, writable: { _ in true }, baseURL: "")
        #expect(corrected.0.record.index == 2)
        #expect(try db.history(uuid, for: k1).count == 2)
        // Another client with the same uuid gets its own object; the old one is untouched.
        #expect(try db.create(retry, type: .loonstrook, by: k2, baseURL: "").created == true)
        #expect(try db.object(uuid, for: k1, baseURL: "").record.index == 2)
        #expect(try db.object(uuid, for: k2, baseURL: "").record.index == 1)
        #expect(try db.totals() == (objects: 2, records: 3))
    }
}
