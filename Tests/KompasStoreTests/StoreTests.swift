import Foundation
import KompasCore
import KompasCrypto
import KompasTestSupport
import Testing

@testable import KompasStore

/// The store as other issues will use it: records, Codable values, transactions, passphrases,
/// permissions and the schema.
@Suite struct StoreTests {
    @Test func putGetDeleteAndVersions() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.put(Data("één".utf8), id: "a", in: .uren)
        #expect(try store.get(id: "a", in: .uren) == Data("één".utf8))
        #expect(try store.get(id: "a", in: .loonstrook) == nil)
        try store.put(Data("twee".utf8), id: "a", in: .uren)
        #expect(try store.records(in: .uren).map(\.version) == [2])
        #expect(try store.delete(id: "a", in: .uren))
        #expect(try !store.delete(id: "a", in: .uren))
        #expect(try store.count(in: .uren) == 0)
    }

    @Test func codableValuesRoundTripInIdOrder() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let a = SamplePayslip(
            naam: "A", werkgever: "W", bsn: "", brutoCenten: 100, nettoCenten: 90,
            periode: "2026-03")
        let b = SamplePayslip(
            naam: "B", werkgever: "W", bsn: "", brutoCenten: 200, nettoCenten: 180,
            periode: "2026-04")
        try store.put(b, id: "2", in: .loonstrook)
        try store.put(a, id: "1", in: .loonstrook)
        let all = try store.all(SamplePayslip.self, in: .loonstrook)
        #expect(all.map(\.value) == [a, b])
        #expect(all.map(\.id) == ["1", "2"])
        #expect(try store.get(SamplePayslip.self, id: "2", in: .loonstrook) == b)
        #expect(throws: StoreError.unreadableRecord(RecordRef(collection: .loonstrook, id: "1"))) {
            try store.get([String].self, id: "1", in: .loonstrook)
        }
    }

    @Test func personalLookingIdsAreRefused() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        for bad in ["", "Jan de Vries", "a/b", String(repeating: "x", count: 65), "é"] {
            #expect(throws: StoreError.invalidRecordID(bad)) {
                try store.put(Data(), id: bad, in: .uren)
            }
        }
        try store.put(Data(), id: UUID().uuidString, in: .uren)
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        struct Stop: Error {}
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.put(Data("blijft".utf8), id: "keep", in: .uren)
        #expect(throws: Stop.self) {
            try store.transaction {
                try store.put(Data("weg".utf8), id: "new1", in: .uren)
                try store.put(Data("weg".utf8), id: "keep", in: .uren)
                try store.delete(id: "keep", in: .uren)
                throw Stop()
            }
        }
        #expect(try store.ids(in: .uren) == ["keep"])
        #expect(try store.get(id: "keep", in: .uren) == Data("blijft".utf8))
        // A failed inner transaction is a savepoint: the outer one keeps its own work.
        try store.transaction {
            try store.put(Data("x".utf8), id: "outer", in: .uren)
            _ = try? store.transaction {
                try store.put(Data("y".utf8), id: "inner", in: .uren)
                throw Stop()
            }
        }
        #expect(try store.ids(in: .uren) == ["keep", "outer"])
    }

    @Test func permissionsAreOwnerOnly() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.put(Data("x".utf8), id: "x", in: .uren)
        let fm = FileManager.default
        func mode(_ p: String) -> Int {
            ((try? fm.attributesOfItem(atPath: p)[.posixPermissions]) as? Int ?? -1) & 0o777
        }
        #expect(mode(dir.store.deletingLastPathComponent().path) == 0o700)
        let files = try fm.contentsOfDirectory(atPath: dir.store.deletingLastPathComponent().path)
        #expect(files.contains("kompas.db") && files.contains("kompas.db-wal"))
        for f in files {
            #expect(
                mode(dir.store.deletingLastPathComponent().appendingPathComponent(f).path) == 0o600,
                "\(f)")
        }
        withExtendedLifetime(store) {}
    }

    @Test func createRefusesAnExistingStore() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        #expect(throws: StoreError.alreadyExists(path: dir.store.path)) { try makeStore(dir) }
        #expect(throws: StoreError.notFound(path: dir.url.appendingPathComponent("nope.db").path)) {
            try Store.open(
                at: dir.url.appendingPathComponent("nope.db"), passphrase: Passphrase(testPass))
        }
    }

    @Test func wrongPassphraseIsClearAndLeavesTheFileUntouched() throws {
        let dir = TempDir()
        do {
            let s = try makeStore(dir)
            try s.put(Data("x".utf8), id: "x", in: .uren)
        }
        let before = fileBytes(dir.store)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: dir.store.deletingLastPathComponent().path
        ).sorted()
        #expect(throws: StoreError.wrongPassphrase) { try openStore(dir, pass: "fout") }
        #expect(StoreError.wrongPassphrase.exitCode == .permission)
        #expect(fileBytes(dir.store) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(
                atPath: dir.store.deletingLastPathComponent().path
            ).sorted() == files)
        #expect(try openStore(dir).get(id: "x", in: .uren) == Data("x".utf8))
    }

    @Test func changingThePassphraseRewrapsTheKeyOnly() throws {
        let dir = TempDir()
        let sealedBefore: [[SQLValue]]
        do {
            let s = try makeStore(dir)
            try s.put(Data("inhoud".utf8), id: "r", in: .profiel)
            try s.changePassphrase(to: Passphrase("nieuw wachtwoord"), kdf: testKDF)
        }
        sealedBefore = try rawSQL(dir.store, "SELECT sealed FROM records")
        #expect(throws: StoreError.wrongPassphrase) { try openStore(dir) }
        let s = try openStore(dir, pass: "nieuw wachtwoord")
        #expect(try s.get(id: "r", in: .profiel) == Data("inhoud".utf8))
        #expect(try rawSQL(dir.store, "SELECT sealed FROM records") == sealedBefore)
        #expect(try s.keyDerivationParameters() == testKDF)
    }

    @Test func passphrasesAreNormalisedToNFC() throws {
        let dir = TempDir()
        _ = try makeStore(dir, pass: "caf\u{E9}")
        _ = try openStore(dir, pass: "cafe\u{301}")
    }

    @Test func migrationsAreRecordedAndAppliedOnce() throws {
        let dir = TempDir()
        do { _ = try makeStore(dir) }
        #expect(
            try rawSQL(dir.store, "SELECT version, name FROM kompas_schema") == [
                [.integer(1), .text("eerste schema")],
                [.integer(2), .text("record-ids zonder persoonsgegevens")],
            ])
        let next = Migrations.latest + 1
        let v2 = Migration(version: next, name: "test", sql: "CREATE TABLE test_extra (x INTEGER);")
        do {
            let s = try Store.open(
                at: dir.store, passphrase: Passphrase(testPass), options: quick,
                migrations: Migrations.all + [v2])
            #expect(try s.schemaVersion() == next)
        }
        do {
            _ = try Store.open(
                at: dir.store, passphrase: Passphrase(testPass), options: quick,
                migrations: Migrations.all + [v2])
        }
        #expect(
            try rawSQL(dir.store, "SELECT version FROM kompas_schema ORDER BY version") == [
                [.integer(1)], [.integer(2)], [.integer(Int64(next))],
            ])
        // The current Kompas refuses a newer file instead of guessing.
        #expect(throws: StoreError.newerSchema(found: next, supported: Migrations.latest)) {
            try openStore(dir)
        }
    }

    /// `Fixtures/store/store-v1.kompas` was written by schema version 1 (with the test-only scrypt
    /// parameters).
    ///
    /// Every later Kompas must still open it. Set KOMPAS_RECORD_FIXTURES=1 to rewrite.
    @Test func opensAStoreWrittenByTheFirstSchemaVersion() throws {
        let fixture = TestSupport.path("Fixtures/store/store-v1.kompas")
        let slip = SamplePayslip(
            naam: "Fixture Persoon", werkgever: "Synthetisch B.V.", bsn: "", brutoCenten: 94_144,
            nettoCenten: 81_012, periode: "2026-02")
        if ProcessInfo.processInfo.environment["KOMPAS_RECORD_FIXTURES"] == "1" {
            let dir = TempDir()
            do {
                let s = try makeStore(dir, pass: "fixture-wachtwoord")
                try s.put(slip, id: "8f0c1c55-2a4e-4b8e-9d1e-000000000001", in: .loonstrook)
                try s.put(Data("profiel v1".utf8), id: "profiel", in: .profiel)
            }
            try? FileManager.default.removeItem(at: fixture)
            try FileManager.default.copyItem(at: dir.store, to: fixture)
        }
        let dir = TempDir()
        try FileManager.default.createDirectory(
            at: dir.store.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: dir.store)
        let s = try openStore(dir, pass: "fixture-wachtwoord")
        #expect(try s.schemaVersion() == Migrations.latest)
        #expect(
            try s.get(
                SamplePayslip.self, id: "8f0c1c55-2a4e-4b8e-9d1e-000000000001", in: .loonstrook)
                == slip)
        #expect(try s.get(id: "profiel", in: .profiel) == Data("profiel v1".utf8))
        #expect(try s.verify().isIntact)
    }

    @Test func errorsCarryDocumentedExitCodes() {
        #expect(StoreError.inUse(path: "p").exitCode.rawValue == 75)
        #expect(StoreError.wrongPassphrase.exitCode.rawValue == 77)
        #expect(
            StoreError.damagedRecord(RecordRef(collection: .uren, id: "x")).exitCode.rawValue == 65)
        #expect(StoreError.damagedKey.exitCode.rawValue == 65)
        #expect(StoreError.damagedFile(path: "p").exitCode.rawValue == 65)
    }
}
