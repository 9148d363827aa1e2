import Foundation
import KompasCrypto
import Testing

@testable import KompasStore

/// Damage on disk is detected and reported (which record, when that can be said), never crashes,
/// and leaves undamaged records readable.
@Suite struct TamperTests {
    /// A closed store with three records r1…r3 in `loonstrook`.
    static func threeRecords() throws -> TempDir {
        let dir = TempDir()
        let s = try makeStore(dir)
        for i in 1...3 {
            try s.put(Data("waarde nummer \(i) met wat tekst".utf8), id: "r\(i)", in: .loonstrook)
        }
        return dir
    }

    @Test func flippingAnyByteOfASealedValueIsDetectedAndNamed() throws {
        let dir = try Self.threeRecords()
        let original = try #require(
            try rawSQL(dir.store, "SELECT sealed FROM records WHERE id = 'r2'").first?.first?.bytes)
        for i in original.indices {
            var bad = original
            bad[i] ^= 0x20
            _ = try rawSQL(dir.store, "UPDATE records SET sealed = ? WHERE id = 'r2'", [.blob(bad)])
            let s = try openStore(dir)
            #expect(throws: StoreError.damagedRecord(RecordRef(collection: .loonstrook, id: "r2")))
            { try s.get(id: "r2", in: .loonstrook) }
            #expect(
                try s.get(id: "r1", in: .loonstrook) == Data("waarde nummer 1 met wat tekst".utf8))
            let report = try s.verify()
            #expect(report.damaged == [RecordRef(collection: .loonstrook, id: "r2")])
            #expect(report.readable.map(\.id) == ["r1", "r3"])
        }
    }

    @Test func flippingAByteInTheFileItselfIsDetected() throws {
        let dir = try Self.threeRecords()
        let sealed = try #require(
            try rawSQL(dir.store, "SELECT sealed FROM records WHERE id = 'r3'").first?.first?.bytes)
        var bytes = fileBytes(dir.store)
        let at = try #require(index(of: sealed, in: bytes))
        bytes[at + sealed.count / 2] ^= 0x01
        try Data(bytes).write(to: dir.store)
        let report = try openStore(dir).verify()
        #expect(report.damaged == [RecordRef(collection: .loonstrook, id: "r3")])
        #expect(report.readable.count == 2)
    }

    @Test func swappingSealedValuesBetweenRowsIsDetected() throws {
        let dir = try Self.threeRecords()
        let r1 = try rawSQL(dir.store, "SELECT sealed FROM records WHERE id = 'r1'")[0][0]
        let r3 = try rawSQL(dir.store, "SELECT sealed FROM records WHERE id = 'r3'")[0][0]
        #expect(r1 != r3)
        _ = try rawSQL(dir.store, "UPDATE records SET sealed = ? WHERE id = 'r1'", [r3])
        _ = try rawSQL(dir.store, "UPDATE records SET sealed = ? WHERE id = 'r3'", [r1])
        let report = try openStore(dir).verify()
        #expect(report.damaged.map(\.id) == ["r1", "r3"])
        #expect(report.readable.map(\.id) == ["r2"])
    }

    @Test func changingTheVersionOrCollectionIsDetected() throws {
        let dir = try Self.threeRecords()
        _ = try rawSQL(dir.store, "UPDATE records SET version = 7 WHERE id = 'r1'")
        _ = try rawSQL(dir.store, "UPDATE records SET collection = 'uren' WHERE id = 'r2'")
        let report = try openStore(dir).verify()
        #expect(
            Set(report.damaged) == [
                RecordRef(collection: .loonstrook, id: "r1"),
                RecordRef(collection: .uren, id: "r2"),
            ])
    }

    @Test func aSealedValueFromAnotherStoreDoesNotOpen() throws {
        let a = try Self.threeRecords()
        let b = try Self.threeRecords()
        let foreign = try rawSQL(b.store, "SELECT sealed FROM records WHERE id = 'r1'")[0][0]
        _ = try rawSQL(a.store, "UPDATE records SET sealed = ? WHERE id = 'r1'", [foreign])
        #expect(try openStore(a).verify().damaged.map(\.id) == ["r1"])
    }

    @Test func replacingTheWrappedKeyIsDetected() throws {
        let dir = try Self.threeRecords()
        let other = try Self.threeRecords()  // same passphrase, other data key
        let before = fileBytes(dir.store)
        let foreign = try rawSQL(other.store, "SELECT wrapped_key FROM keyslot")[0][0]
        _ = try rawSQL(dir.store, "UPDATE keyslot SET wrapped_key = ?", [foreign])
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        _ = try rawSQL(
            dir.store, "UPDATE keyslot SET wrapped_key = ?", [.blob(try SecureRandom.bytes(60))])
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        _ = try rawSQL(dir.store, "UPDATE keyslot SET wrapped_key = x'00'")
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        // The whole key slot of another store (same passphrase) is bound to that store's id.
        let slot = try rawSQL(other.store, "SELECT salt, verifier, wrapped_key FROM keyslot")[0]
        _ = try rawSQL(
            dir.store, "UPDATE keyslot SET salt = ?, verifier = ?, wrapped_key = ?", slot)
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        _ = try rawSQL(dir.store, "DELETE FROM keyslot")
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        #expect(before.count > 0)
    }

    @Test func raisedOrHostileKDFParametersAreRefusedWithoutRunningThem() throws {
        let dir = try Self.threeRecords()
        _ = try rawSQL(dir.store, "UPDATE keyslot SET log_n = 40")
        #expect(throws: StoreError.damagedKey) { try openStore(dir) }
        _ = try rawSQL(dir.store, "UPDATE keyslot SET log_n = 11")
        // other key, verifier no longer matches
        #expect(throws: StoreError.wrongPassphrase) { try openStore(dir) }
    }

    @Test func truncatedFilesAreReportedNotCrashed() throws {
        let template = try Self.threeRecords()
        // Enough records to need several pages.
        do {
            let s = try openStore(template)
            try s.transaction {
                for i in 0..<300 {
                    try s.put(Data(repeating: UInt8(i % 250), count: 200), id: "f\(i)", in: .uren)
                }
            }
        }
        let full = fileBytes(template.store)
        let pageSize = 4096
        for length in [
            0, 50, 100, pageSize, 2 * pageSize + 17, full.count / 2, full.count - pageSize,
            full.count - 1,
        ] {
            let dir = TempDir()
            try FileManager.default.createDirectory(
                at: dir.store.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(full.prefix(length)).write(to: dir.store)
            var detected = false
            do {
                let s = try openStore(dir)
                let report = try s.verify()
                detected = !report.isIntact || report.readable.count < 303
            } catch let e as StoreError {
                detected = [.dataError, .permission].contains(e.exitCode)
            }
            #expect(detected, "truncation to \(length) of \(full.count) bytes was not noticed")
        }
    }

    @Test func aFileThatIsNotAStoreIsNamedAsSuch() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(
            at: dir.store.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("datum;bruto;netto\n2026-03-01;100,00;90,00\n".utf8).write(to: dir.store)
        #expect(throws: StoreError.damagedFile(path: dir.store.path)) { try openStore(dir) }
        #expect(fileBytes(dir.store) == Array("datum;bruto;netto\n2026-03-01;100,00;90,00\n".utf8))
    }
}
