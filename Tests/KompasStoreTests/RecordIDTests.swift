import Foundation
import KompasTestSupport
import Testing

@testable import KompasStore

/// Issue 18: ids made of a natural key are keyed hashes, and a first-schema store moves to them.
@Suite struct RecordIDTests {
    @Test func anIDIsAKeyedHashThatSaysNothingAndRecognisesTheSameKey() throws {
        let dir = TempDir()
        let other = TempDir()
        let key = "2026-01-31_2026-01-01_2026-01-31_cafémüller"
        let (id, again, nfd, hours): (String, String, String, String)
        do {
            let s = try makeStore(dir)
            id = try s.recordID(forKey: key, in: .loonstrook)
            nfd = try s.recordID(forKey: key.decomposedStringWithCanonicalMapping, in: .loonstrook)
            hours = try s.recordID(forKey: key, in: .uren)
        }
        again = try openStore(dir).recordID(forKey: key, in: .loonstrook)
        let elsewhere = try makeStore(other).recordID(forKey: key, in: .loonstrook)
        #expect(id.count == 33 && id.hasPrefix("h"))
        #expect(id.dropFirst().allSatisfy { "0123456789abcdef".contains($0) })
        #expect(id == again && id == nfd, "the same key gives the same id in this store")
        #expect(id != hours, "collections do not share ids")
        #expect(id != elsewhere, "another store gives another id")
        #expect(!Store.isLegacyNaturalID(id))
        #expect(Store.isLegacyNaturalID("2026-01-31_2026-01-01_2026-01-31_bakkerijzonnebloem"))
        #expect(Store.isLegacyNaturalID("2026-02-03_-"))
        #expect(!Store.isLegacyNaturalID("8f0c1c55-2a4e-4b8e-9d1e-000000000001"))
        #expect(!Store.isLegacyNaturalID("profiel"))
    }

    /// `store-v1-loonstroken.kompas` holds the old ids; after opening, every one is hashed, the
    /// values are the same, and no old id is left in the file.
    @Test func aFirstSchemaStoreIsRekeyedOnOpening() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(
            at: dir.store.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestSupport.path("Fixtures/store/store-v1-loonstroken.kompas"), to: dir.store)
        let legacy = try rawSQL(dir.store, "SELECT collection, id FROM records ORDER BY 1, 2")
        let old = legacy.compactMap { $0[1].string }.filter(Store.isLegacyNaturalID)
        #expect(old.count == 7)
        let s = try openStore(dir, pass: "fixture-wachtwoord")
        #expect(try s.schemaVersion() == 2)
        for row in legacy {
            guard let c = row[0].string, let id = row[1].string, Store.isLegacyNaturalID(id) else {
                continue
            }
            let collection = StoreCollection(c)
            #expect(
                try s.get(id: try s.recordID(forKey: id, in: collection), in: collection) != nil)
            #expect(try s.get(id: id, in: collection) == nil)
        }
        #expect(try s.check(full: true).isIntact)
        for suffix in ["", "-wal", "-shm"] {
            let bytes =
                (try? Data(contentsOf: URL(fileURLWithPath: dir.store.path + suffix))) ?? Data()
            for id in old { #expect(bytes.range(of: Data(id.utf8)) == nil, "\(id) in \(suffix)") }
            #expect(bytes.range(of: Data("bakkerijzonnebloem".utf8)) == nil)
        }
    }
}
