import Foundation
import KompasCore
import KompasLocalization
import KompasTerminal
import Testing

@testable import KompasApp

/// The store opener's choices: where the store is, and the terminal dialogue (scripted here; the
/// real no-echo prompt reads /dev/tty).
@Suite struct StoreAccessTests {
    final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String]
        private(set) var prompts: [String] = []
        init(_ answers: [String]) { self.answers = answers }
        func next(_ prompt: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            prompts.append(prompt)
            return answers.isEmpty ? nil : answers.removeFirst()
        }
    }

    /// Runs kompas in-process as if on a terminal, answering prompts from `passphrases` and lines
    /// from `lines`.
    func run(_ args: [String], dir: URL, passphrases: [String] = [], lines: [String] = []) -> (
        code: Int32, err: String, prompts: [String]
    ) {
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_VANDAAG": "2026-03-15",
        ]
        let secret = Script(passphrases)
        let input = Script(lines)
        let out = TextSink.buffer()
        let err = TextSink.buffer()
        let code = Kompas.run(
            args,
            context: { lang in
                let catalog = try LocaleCatalog.load(
                    from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales"))
                return Context(
                    environment: env, clock: .fixed(LocalDate("2026-03-15")),
                    localizer: Localizer(language: lang, catalog: catalog),
                    out: out, err: err,
                    terminal: TerminalInfo(
                        stdoutIsTTY: true, stdinIsTTY: true, width: 80, colour: false),
                    readLine: { input.next("") }, readPassphrase: { secret.next($0) })
            }, environment: env)
        return (code, err.text, secret.prompts)
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        let cwd = URL(fileURLWithPath: "/werk")
        #expect(
            StoreAccess.location(
                flag: "data", environment: ["KOMPAS_OPSLAG": "/x"], workingDirectory: cwd
            ).path == "/werk/data/kompas.db")
        #expect(
            StoreAccess.location(
                flag: nil, environment: ["KOMPAS_OPSLAG": "/x", "XDG_DATA_HOME": "/xdg"],
                workingDirectory: cwd
            ).path == "/x/kompas.db")
        #expect(
            StoreAccess.location(
                flag: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/h"],
                workingDirectory: cwd
            ).path == "/xdg/kompas/kompas.db")
        // A relative XDG_DATA_HOME is ignored, as the XDG Base Directory Specification says.
        #expect(
            StoreAccess.location(
                flag: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"],
                workingDirectory: cwd
            ).path == "/h/.local/share/kompas/kompas.db")
    }

    @Test func onATerminalThePassphraseIsAskedTwiceWhenChosen() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let mismatch = run(
            ["wachtwoord", "instellen"], dir: dir, passphrases: ["eerste keuze", "tweede keuze"])
        #expect(mismatch.code == 64)
        #expect(mismatch.err.contains("niet hetzelfde"))
        #expect(
            !FileManager.default.fileExists(atPath: dir.appendingPathComponent("kompas.db").path))
        let ok = run(
            ["wachtwoord", "instellen"], dir: dir, passphrases: ["eerste keuze", "eerste keuze"])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.prompts == ["Kies een wachtwoord: ", "Typ het wachtwoord nog een keer: "])
        let change = run(
            ["wachtwoord", "wijzigen"], dir: dir,
            passphrases: ["eerste keuze", "nieuwe keuze", "nieuwe keuze"])
        #expect(change.code == 0, "\(change.err)")
        #expect(change.prompts.first == "Wachtwoord: ")
        let wrong = run(
            ["export", dir.appendingPathComponent("b.kompas").path], dir: dir,
            passphrases: ["eerste keuze"])
        #expect(wrong.code == 77)
        let export = run(
            ["export", dir.appendingPathComponent("b.kompas").path], dir: dir,
            passphrases: ["nieuwe keuze"])
        #expect(export.code == 0)
        #expect(export.prompts.count == 1)  // asked once, used for the store and the backup
    }

    /// A command that reads the profile and then its own data from the store asks once per run.
    @Test func onePassphrasePromptPerRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            run(
                ["wachtwoord", "instellen"], dir: dir,
                passphrases: ["eerste keuze", "eerste keuze"]
            ).code == 0)
        #expect(
            run(
                ["profiel", "instellen", "--leeftijd", "35"], dir: dir,
                passphrases: ["eerste keuze"]
            ).code == 0)
        for args in [
            ["verrekening", "--maand", "2026-03"],
            ["samenvatting", "--maand", "2026-03", "--frequentie", "4weken"],
        ] {
            let r = run(args, dir: dir, passphrases: ["eerste keuze", "eerste keuze"])
            #expect(r.code == 0, "\(args): \(r.err)")
            #expect(r.prompts == ["Wachtwoord: "], "\(args) asked \(r.prompts.count) times")
        }
    }

    @Test func eraseOnATerminalWantsTheWordJa() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            run(
                ["wachtwoord", "instellen"], dir: dir,
                passphrases: ["een wachtwoord", "een wachtwoord"]
            ).code == 0)
        let no = run(["wis"], dir: dir, lines: ["nee"])
        #expect(no.code == 0)
        #expect(no.err.contains("Er is niets gewist"))
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("kompas.db").path))
        let yes = run(["wis"], dir: dir, lines: ["ja"])
        #expect(yes.code == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
