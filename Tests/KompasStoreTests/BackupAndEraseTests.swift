import Foundation
import KompasCore
import Testing

@testable import KompasStore

@Suite struct BackupAndEraseTests {
    @Test func exportThenImportIntoANewStoreRestoresEverything() throws {
        let a = TempDir()
        let b = TempDir()
        let file = a.url.appendingPathComponent("backup.kompas")
        do {
            let s = try makeStore(a)
            try s.put(Data("p".utf8), id: "profiel", in: .profiel)
            for i in 0..<20 { try s.put(Data("slip \(i)".utf8), id: "s\(i)", in: .loonstrook) }
            #expect(
                try s.exportBackup(to: file, passphrase: Passphrase("back-up zin"), kdf: testKDF)
                    == 21)
            #expect(throws: StoreError.backupExists(path: file.path)) {
                try s.exportBackup(to: file, passphrase: Passphrase("back-up zin"), kdf: testKDF)
            }
        }
        #expect(Backup.isBackup(at: file))
        let mode =
            (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
                ?? 0) & 0o777
        #expect(mode == 0o600)
        let s = try makeStore(b)
        try s.put(Data("oud".utf8), id: "s0", in: .loonstrook)
        let summary = try s.importBackup(from: file, passphrase: Passphrase("back-up zin"))
        #expect(summary == ImportSummary(added: 20, replaced: 1))
        #expect(try s.get(id: "s0", in: .loonstrook) == Data("slip 0".utf8))
        #expect(try s.count(in: .loonstrook) == 20)
        #expect(try s.get(id: "profiel", in: .profiel) == Data("p".utf8))
    }

    @Test func importIsAllOrNothingAndChecksItsInput() throws {
        let a = TempDir()
        let file = a.url.appendingPathComponent("backup.kompas")
        let s = try makeStore(a)
        for i in 0..<5 { try s.put(Data("slip \(i)".utf8), id: "s\(i)", in: .loonstrook) }
        try s.exportBackup(to: file, passphrase: Passphrase("zin"), kdf: testKDF)
        let target = TempDir()
        let t = try makeStore(target)
        #expect(throws: StoreError.backupWrongPassphrase(path: file.path)) {
            try t.importBackup(from: file, passphrase: Passphrase("fout"))
        }
        var bytes = fileBytes(file)
        bytes[bytes.count - 20] ^= 1
        let damaged = a.url.appendingPathComponent("damaged.kompas")
        try Data(bytes).write(to: damaged)
        #expect(throws: StoreError.damagedBackup(path: damaged.path)) {
            try t.importBackup(from: damaged, passphrase: Passphrase("zin"))
        }
        let truncated = a.url.appendingPathComponent("truncated.kompas")
        try Data(fileBytes(file).prefix(60)).write(to: truncated)
        #expect(throws: StoreError.damagedBackup(path: truncated.path)) {
            try t.importBackup(from: truncated, passphrase: Passphrase("zin"))
        }
        let csv = a.url.appendingPathComponent("loonstroken.csv")
        try Data("datum;bruto\n2026-03-01;100,00\n".utf8).write(to: csv)
        #expect(!Backup.isBackup(at: csv))
        #expect(throws: StoreError.notABackup(path: csv.path)) {
            try t.importBackup(from: csv, passphrase: Passphrase("zin"))
        }
        #expect(try t.count(in: .loonstrook) == 0)
    }

    @Test func eraseRemovesEverythingKompasLeft() throws {
        let dir = TempDir()
        let storeDir = dir.store.deletingLastPathComponent()
        do {
            let s = try makeStore(dir)
            try s.put(Data("x".utf8), id: "x", in: .uren)
            try s.exportBackup(
                to: storeDir.appendingPathComponent("kopie.bak"), passphrase: Passphrase("z"),
                kdf: testKDF)
        }
        // Leftovers of a crash: a WAL and a rollback journal.
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir.store.path + "-journal"))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: dir.store.path + "-wal"))
        let removed = try Store.erase(at: dir.store, options: quick).map(\.lastPathComponent)
            .sorted()
        #expect(
            removed == [
                "kompas.db", "kompas.db-journal", "kompas.db-wal", "kompas.db.lock", "kopie.bak",
            ])
        #expect(!FileManager.default.fileExists(atPath: storeDir.path))
    }

    @Test func eraseLeavesOtherFilesAlone() throws {
        let dir = TempDir()
        let storeDir = dir.store.deletingLastPathComponent()
        do { _ = try makeStore(dir) }
        try Data("van iemand anders".utf8).write(
            to: storeDir.appendingPathComponent("notities.txt"))
        _ = try Store.erase(at: dir.store, options: quick)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: storeDir.path) == ["notities.txt"])
    }
}
