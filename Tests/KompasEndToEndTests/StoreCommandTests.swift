import Foundation
import KompasTestSupport
import Testing

/// The store commands as a user (or a script) runs them: the real `kompas` binary on real files.
@Suite struct StoreCommandTests {
    final class Place: @unchecked Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-e2e-\(UUID().uuidString)")
        var dir: URL { root.appendingPathComponent("opslag") }
        var db: URL { dir.appendingPathComponent("kompas.db") }
        deinit { try? FileManager.default.removeItem(at: root) }
        func env(_ pass: String? = "een goed wachtwoord", _ extra: [String: String] = [:])
            -> [String: String]
        {
            var e = [
                "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
                "KOMPAS_OPSLAG_WACHTTIJD": "20",
            ]
            if let p = pass { e["KOMPAS_WACHTWOORD"] = p }
            return e.merging(extra) { _, n in n }
        }
        func file(_ name: String) -> URL { root.appendingPathComponent(name) }
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1)
            & 0o777
    }

    @Test func setUpCreatesAPrivateStoreOnce() throws {
        let p = Place()
        let r = try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains(p.dir.path))
        #expect(Self.mode(p.dir.path) == 0o700)
        #expect(Self.mode(p.db.path) == 0o600)
        let again = try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env())
        #expect(again.status == 64)
        #expect(again.stderr.contains("wachtwoord wijzigen"))
        let short = try TestSupport.kompas(
            ["wachtwoord", "instellen", "--opslag", p.file("b").path], environment: p.env("kort"))
        #expect(short.status == 64)
        #expect(short.stderr.contains("minstens 8 tekens"))
    }

    @Test func withoutATerminalOrPassphraseItSaysWhatToDo() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        let r = try TestSupport.kompas(
            ["export", p.file("b.kompas").path], environment: p.env(nil), stdin: "geheim\n")
        #expect(r.status == 64)
        #expect(r.stderr.contains("--wachtwoord-bestand"))
        let en = try TestSupport.kompas(
            ["export", p.file("b.kompas").path], environment: p.env(nil, ["KOMPAS_TAAL": "en"]))
        #expect(en.stderr.contains("--passphrase-file"))
    }

    @Test func aMissingStoreIsExplained() throws {
        let p = Place()
        let r = try TestSupport.kompas(["export", p.file("b.kompas").path], environment: p.env())
        #expect(r.status == 66)
        #expect(r.stderr.contains("kompas wachtwoord instellen"))
    }

    @Test func wrongPassphraseHasItsOwnExitCodeAndChangesNothing() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        let before = try Data(contentsOf: p.db)
        let r = try TestSupport.kompas(
            ["export", p.file("b.kompas").path], environment: p.env("niet het goede wachtwoord"))
        #expect(r.status == 77)
        #expect(r.stderr.contains("Het wachtwoord klopt niet"))
        #expect(try Data(contentsOf: p.db) == before)
        #expect(!FileManager.default.fileExists(atPath: p.file("b.kompas").path))
    }

    @Test func passphraseChangeAndPassphraseFile() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        let change = try TestSupport.kompas(
            ["wachtwoord", "wijzigen"],
            environment: p.env(
                "een goed wachtwoord", ["KOMPAS_NIEUW_WACHTWOORD": "nog een beter wachtwoord"]))
        #expect(change.status == 0, "\(change.stderr)")
        #expect(
            try TestSupport.kompas(["export", p.file("a.kompas").path], environment: p.env()).status
                == 77)
        try FileManager.default.createDirectory(at: p.root, withIntermediateDirectories: true)
        try Data("nog een beter wachtwoord\n".utf8).write(to: p.file("pw.txt"))
        let r = try TestSupport.kompas(
            ["export", p.file("a.kompas").path, "--wachtwoord-bestand", p.file("pw.txt").path],
            environment: p.env(nil))
        #expect(r.status == 0, "\(r.stderr)")
        let missing = try TestSupport.kompas(
            ["export", p.file("c.kompas").path, "--wachtwoord-bestand", p.file("geen.txt").path],
            environment: p.env(nil))
        #expect(missing.status == 66)
        let noNew = try TestSupport.kompas(
            ["wachtwoord", "wijzigen"], environment: p.env("nog een beter wachtwoord"))
        #expect(noNew.status == 64)
        #expect(noNew.stderr.contains("--nieuw-wachtwoord-bestand"))
    }

    @Test func exportAndImportRoundTripAndOtherFilesAreRecognised() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        let backup = p.file("reserve.kompas")
        let e = try TestSupport.kompas(["export", backup.path], environment: p.env())
        #expect(e.status == 0, "\(e.stderr)")
        #expect(Self.mode(backup.path) == 0o600)
        #expect(try Data(contentsOf: backup).prefix(8) == Data("KOMPASBK".utf8))
        let twice = try TestSupport.kompas(["export", backup.path], environment: p.env())
        #expect(twice.status == 64)
        // Into a new place: the store is created with the backup's passphrase.
        let other = p.file("elders").path
        let i = try TestSupport.kompas(
            ["importeer", backup.path, "--opslag", other], environment: p.env())
        #expect(i.status == 0, "\(i.stderr)")
        #expect(FileManager.default.fileExists(atPath: other + "/kompas.db"))
        let wrong = try TestSupport.kompas(
            ["importeer", backup.path, "--opslag", p.file("derde").path],
            environment: p.env("een ander wachtwoord"))
        #expect(wrong.status == 77)
        #expect(!FileManager.default.fileExists(atPath: p.file("derde").path + "/kompas.db"))
        let csv = p.file("loonstroken.csv")
        try Data("datum;bruto;netto\n2026-03-01;940,00;810,00\n".utf8).write(to: csv)
        let c = try TestSupport.kompas(["importeer", csv.path], environment: p.env())
        #expect(c.status == 65)
        #expect(c.stderr.contains("kompas loonstrook importeer"))
        let none = try TestSupport.kompas(
            ["importeer", p.file("bestaat-niet").path], environment: p.env())
        #expect(none.status == 66)
    }

    @Test func eraseNeedsConfirmationAndLeavesNothing() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        #expect(
            try TestSupport.kompas(
                ["export", p.dir.appendingPathComponent("kopie.kompas").path], environment: p.env()
            ).status == 0)
        let ask = try TestSupport.kompas(["wis"], environment: p.env(nil), stdin: "ja\n")
        #expect(ask.status == 64)  // no terminal: only --ja counts
        #expect(FileManager.default.fileExists(atPath: p.db.path))
        let r = try TestSupport.kompas(["wis", "--ja"], environment: p.env(nil))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: p.dir.path))
        let again = try TestSupport.kompas(["wis", "--yes"], environment: p.env(nil))
        #expect(again.status == 0)
        #expect(again.stderr.contains("niets gewist"))
    }

    /// Several `kompas` processes on one store at once: each waits its turn, all succeed, and the
    /// store is intact afterwards.
    @Test func concurrentKompasProcessesDoNotCorruptTheStore() throws {
        let p = Place()
        #expect(
            try TestSupport.kompas(["wachtwoord", "instellen"], environment: p.env()).status == 0)
        let seed = p.file("seed.kompas")
        #expect(try TestSupport.kompas(["export", seed.path], environment: p.env()).status == 0)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let args =
                i % 2 == 0 ? ["importeer", seed.path] : ["export", p.file("out-\(i).kompas").path]
            let r = try? TestSupport.kompas(args, environment: p.env())
            results.add(r?.status ?? -1, r?.stderr ?? "")
        }
        #expect(results.statuses.allSatisfy { $0 == 0 }, "\(results.messages)")
        for i in [1, 3, 5] {
            let r = try TestSupport.kompas(
                [
                    "importeer", p.file("out-\(i).kompas").path, "--opslag",
                    p.file("check-\(i)").path,
                ], environment: p.env())
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var statuses: [Int32] = []
        private(set) var messages: [String] = []
        func add(_ s: Int32, _ m: String) {
            lock.lock()
            statuses.append(s)
            messages.append(m)
            lock.unlock()
        }
    }
}
