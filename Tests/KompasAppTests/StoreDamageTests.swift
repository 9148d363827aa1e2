import Foundation
import KompasCore
import KompasCrypto
import KompasSettlement
import KompasStore
import KompasTestSupport
import Testing

@testable import KompasApp

/// Issue 18: one damaged record, or damage in the file's structure, does not take the rest of
/// the store with it, and is never silent; the import's overlap check runs under the write lock;
/// a caseload without its columns is refused; the outbox grows in constant time per payslip.
@Suite struct StoreDamageTests {
    typealias Folder = StorePromiseTests.Folder

    static func json(_ text: String) -> [String: Any] { StorePromiseTests.json(text) }

    /// Five payslips of one employer, January to May.
    static func fiveSlips(_ folder: Folder) throws {
        let file = try folder.file(
            "vijf.csv", StorePromiseTests.csv(["Bakkerij Zonnebloem"], months: 1...5))
        let r = runKompas(["loonstrook", "importeer", file], environment: folder.env())
        #expect(r.code == 0, "\(r.err)")
    }

    /// Flips one byte in the middle of one sealed payslip (the store closed).
    static func damageOnePayslip(_ folder: Folder) throws -> String {
        let db = try SQLiteConnection(path: folder.store.path, create: false)
        let row = try db.query(
            "SELECT id, sealed FROM records WHERE collection = 'loonstrook' ORDER BY id LIMIT 1")[0]
        let id = row[0].string ?? ""
        var sealed = row[1].bytes ?? []
        sealed[sealed.count / 2] ^= 0x40
        try db.query(
            "UPDATE records SET sealed = ? WHERE collection = 'loonstrook' AND id = ?",
            [.blob(sealed), .text(id)])
        try db.query("PRAGMA wal_checkpoint(TRUNCATE)")
        return id
    }

    @Test func aDamagedPayslipIsSkippedAndNamedAndTheRestKeepsWorking() throws {
        let folder = Folder()
        try Self.fiveSlips(folder)
        let env = folder.env()
        let damaged = try Self.damageOnePayslip(folder)

        let list = runKompas(["loonstrook", "lijst", "--json"], environment: env)
        #expect(list.code == 0, "\(list.err)")
        #expect((Self.json(list.out)["loonstroken"] as? [Any])?.count == 4)
        #expect(list.err.contains(damaged), "the damaged record is named: \(list.err)")

        let settle = runKompas(
            ["verrekening", "--maand", "2026-03", "--leeftijd", "35", "--gestart", "2026-01"],
            environment: env)
        #expect(settle.code == 0, "\(settle.err)")
        #expect(settle.err.contains(damaged))

        let status = runKompas(["status"], environment: env)
        #expect(status.code == ExitCode.findings.rawValue, "\(status.err)")
        #expect((status.out + status.err).contains(damaged))

        // The intact records are backed up, with a warning and exit 1.
        let backup = folder.url.appendingPathComponent("reserve.kompasbackup").path
        let export = runKompas(["export", backup], environment: env)
        #expect(export.code == ExitCode.findings.rawValue, "\(export.err)")
        #expect(export.err.contains(damaged))
        #expect(FileManager.default.fileExists(atPath: backup))
        var other = env
        other["KOMPAS_OPSLAG"] = folder.url.appendingPathComponent("hersteld").path
        #expect(runKompas(["importeer", backup], environment: other).code == 0)
        let restored = runKompas(["loonstrook", "lijst", "--json"], environment: other)
        #expect((Self.json(restored.out)["loonstroken"] as? [Any])?.count == 4)
    }

    /// Lowers the cell count of one leaf page of the `records` table (a `WITHOUT ROWID` table is
    /// an index b-tree): its last row disappears from every query without any error from SQLite,
    /// as the flipped byte did (`lijst` showed 3 of 5 and exited 0).
    static func hideRowsInTheRecordsTable(_ folder: Folder) throws {
        let root: Int
        let pageSize: Int
        do {
            let db = try SQLiteConnection(path: folder.store.path, create: false)
            root = Int(
                try db.query("SELECT rootpage FROM sqlite_schema WHERE name = 'records'")[0][0].int
                    ?? 0)
            pageSize = Int(try db.query("PRAGMA page_size")[0][0].int ?? 4096)
            try db.query("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let handle = try FileHandle(forUpdating: folder.store)
        defer { try? handle.close() }
        func header(_ page: Int) -> UInt64 { UInt64((page - 1) * pageSize + (page == 1 ? 100 : 0)) }
        func bytes(_ at: UInt64, _ n: Int) throws -> [UInt8] {
            try handle.seek(toOffset: at)
            return try handle.read(upToCount: n).map(Array.init) ?? []
        }
        var page = root
        // Interior index page (0x02): follow the right-most child down to a leaf (0x0a).
        while try bytes(header(page), 1) == [0x02] {
            let p = try bytes(header(page) + 8, 4)
            page = p.reduce(0) { $0 << 8 | Int($1) }
        }
        #expect(try bytes(header(page), 1) == [0x0a])
        let count = try bytes(header(page) + 3, 2)
        let n = Int(count[0]) << 8 | Int(count[1])
        #expect(n >= 2)
        try handle.seek(toOffset: header(page) + 3)
        try handle.write(contentsOf: [UInt8((n - 1) >> 8), UInt8((n - 1) & 0xff)])
    }

    @Test func damageInTheFileStructureIsReportedByStatusAndExport() throws {
        let folder = Folder()
        try Self.fiveSlips(folder)
        let env = folder.env()
        try Self.hideRowsInTheRecordsTable(folder)
        // A list still works, but says that rows may be missing.
        let list = runKompas(["loonstrook", "lijst"], environment: env)
        #expect(list.code == 0)
        #expect(list.err.contains("structuur"), "\(list.err)")
        let status = runKompas(["status"], environment: env)
        #expect(status.code == ExitCode.findings.rawValue, "\(status.out)\(status.err)")
        #expect((status.out + status.err).contains("structuur"), "\(status.out)\(status.err)")
        let check = runKompas(["status", "--controleer-opslag"], environment: env)
        #expect(check.code == ExitCode.dataError.rawValue)
        let backup = folder.url.appendingPathComponent("reserve.kompasbackup").path
        let export = runKompas(["export", backup], environment: env)
        #expect(export.code == ExitCode.findings.rawValue)
        #expect(export.err.contains("structuur"), "\(export.err)")
    }

    @Test func anIntactStorePassesTheCheckOnRequest() throws {
        let folder = Folder()
        try Self.fiveSlips(folder)
        let check = runKompas(["status", "--controleer-opslag"], environment: folder.env())
        #expect(check.code == 0, "\(check.out)\(check.err)")
    }

    // MARK: The import's write lock

    @Test func theOverlapCheckSeesAPayslipSavedWhileTheImportWaitedForTheLock() throws {
        let folder = Folder()
        try Self.fiveSlips(folder)
        let env = folder.env()
        let file = try folder.file(
            "juni.csv",
            "betaaldatum;periode_van;periode_tot;netto;werkgever\n2026-06-30;2026-06-01;2026-06-30;800,00;Winkel\n"
        )
        let store = try Store.open(at: folder.store, passphrase: Passphrase(StorePromiseTests.pass))
        let result = LockedBox()
        let done = DispatchSemaphore(value: 0)
        try store.transaction {
            // The test holds the write lock; the import starts and must wait for it.
            Thread.detachNewThread {
                result.set(runKompas(["loonstrook", "importeer", file], environment: env))
                done.signal()
            }
            usleep(800_000)
            // Meanwhile a payslip for an overlapping period of the same employer is saved.
            let slip = Payslip(
                employer: "Winkel", payDate: LocalDate("2026-06-20"),
                periodStart: LocalDate("2026-06-10"),
                periodEnd: LocalDate("2026-07-09"), net: Money(cents: 50_000))
            try store.put(slip, id: "h0123456789abcdef0123456789abcdef", in: .loonstrook)
        }
        done.wait()
        let r = try #require(result.get())
        #expect(
            r.code == ExitCode.dataError.rawValue,
            "import saved an overlapping payslip: \(r.out)\(r.err)")
    }

    final class LockedBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: AppRun?
        func set(_ v: AppRun) {
            lock.lock()
            value = v
            lock.unlock()
        }
        func get() -> AppRun? {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    // MARK: Caseload columns

    @Test func aCaseloadWithoutTheRequiredColumnsIsRefusedNamingThem() throws {
        let folder = Folder()
        for text in [
            "klant;naam\n", "klant;naam\nK1;Jan\n",
            "klant;leeftijd;betaaldatum;netto\nK1;35;2026-03-25;800,00\n",
        ] {
            let file = try folder.file("klanten.csv", text)
            let r = runKompas(["verrekening", "--caseload", file])
            #expect(r.code == ExitCode.dataError.rawValue, "\(text): \(r.code) \(r.err)")
            #expect(r.err.contains("periode_van") && r.err.contains("periode_tot"), "\(r.err)")
            #expect(r.out.isEmpty)
        }
    }

    // MARK: Outbox growth

    /// Queuing a payslip must not open the entries already queued.
    ///
    /// It used to decrypt all of them to find the next sequence number, which made an import
    /// quadratic. A damaged entry
    /// shows it: saving went on failing because of one unrelated sealed value.
    @Test func queuingAPayslipDoesNotOpenTheQueuedEntries() throws {
        let folder = Folder()
        try Self.fiveSlips(folder)
        do {
            let db = try SQLiteConnection(path: folder.store.path, create: false)
            let row = try db.query(
                "SELECT id, sealed FROM records WHERE collection = 'outbox' LIMIT 1")[0]
            var sealed = row[1].bytes ?? []
            sealed[sealed.count / 2] ^= 0x01
            try db.query(
                "UPDATE records SET sealed = ? WHERE collection = 'outbox' AND id = ?",
                [.blob(sealed), .text(row[0].string ?? "")])
        }
        let file = try folder.file(
            "juni.csv",
            "betaaldatum;periode_van;periode_tot;netto;werkgever\n2026-06-30;2026-06-01;2026-06-30;800,00;Winkel\n"
        )
        let r = runKompas(["loonstrook", "importeer", file], environment: folder.env())
        #expect(r.code == 0, "\(r.err)")
    }
}
