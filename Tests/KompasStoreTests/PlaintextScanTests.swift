import Foundation
import KompasTestSupport
import Testing

@testable import KompasStore

/// Nothing personal in plaintext on disk: not in the main file, the WAL, the -shm index, the
/// lock file or a backup.
///
/// Known synthetic values are written, then every file in the directory
/// is scanned for their bytes, while the store is open (WAL full) and after it is closed.
@Suite struct PlaintextScanTests {
    /// Synthetic values only.
    ///
    /// 111222333 is the public BSN test number (it passes the eleven-test).
    static let secrets = [
        "Jantine Proefpersoon", "Bakkerij De Synthetische Kruimel", "111222333", "987654321",
        "1234,56", "9876.54", "Spoorstraat 17 Testdorp", testPass,
    ]

    static func scan(_ dir: URL) throws -> [String] {
        var hits: [String] = []
        let files = fixture(
            FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil), dir.path
        )
        .compactMap { $0 as? URL }
        #expect(!files.isEmpty)
        for f in files where !f.hasDirectoryPath {
            let bytes = fileBytes(f)
            for s in secrets {
                for form in Set([
                    Array(s.utf8), Array(s.utf16).flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] },
                ]) where contains(bytes, form) {
                    hits.append("\(f.lastPathComponent): \(s)")
                }
            }
        }
        return hits
    }

    @Test func noKnownValueAppearsInAnyFileBesideTheStore() throws {
        let dir = TempDir()
        let backup = dir.store.deletingLastPathComponent().appendingPathComponent(
            "reserve.kompasbackup")
        do {
            let store = try makeStore(dir)
            let slip = SamplePayslip(
                naam: "Jantine Proefpersoon", werkgever: "Bakkerij De Synthetische Kruimel",
                bsn: "111222333", brutoCenten: 123_456, nettoCenten: 987_654, periode: "2026-03")
            try store.transaction {
                for i in 0..<200 { try store.put(slip, id: "slip-\(i)", in: .loonstrook) }
                try store.put(
                    Data("Spoorstraat 17 Testdorp 1234,56 9876.54 987654321".utf8), id: "profiel",
                    in: .profiel)
            }
            for i in 0..<50 { try store.delete(id: "slip-\(i)", in: .loonstrook) }
            try store.put(slip, id: "slip-1", in: .loonstrook)
            try store.exportBackup(to: backup, passphrase: Passphrase(testPass), kdf: testKDF)
            #expect(FileManager.default.fileExists(atPath: dir.store.path + "-wal"))
            let openHits = try Self.scan(dir.url)
            #expect(openHits.isEmpty, "plaintext while open: \(openHits)")
            #expect(try store.get(SamplePayslip.self, id: "slip-1", in: .loonstrook) == slip)
        }
        let closedHits = try Self.scan(dir.url)
        #expect(closedHits.isEmpty, "plaintext after close: \(closedHits)")
    }

    /// The scanner itself must be able to fail: the same values written unsealed are found.
    @Test func theScanFindsPlaintextWhenItIsThere() throws {
        let dir = TempDir()
        try Data("xx Jantine Proefpersoon yy".utf8).write(
            to: dir.url.appendingPathComponent("lek.txt"))
        #expect(try Self.scan(dir.url) == ["lek.txt: Jantine Proefpersoon"])
    }
}
