import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasApp

@Suite struct CommandLineTests {
    @Test func helpListsEveryCommandInBothLanguages() {
        for lang in TestSupport.languages {
            let r = runKompas(["--help"], language: lang)
            #expect(r.code == 0)
            for c in CommandTable.standard.commands {
                #expect(r.out.contains(c.name), "\(lang): \(c.name) missing from help")
            }
            #expect(
                r.out.firstMatch(of: /\[[a-z]+\.[A-Za-z.\-]+\]/) == nil,
                "\(lang): an untranslated key shows as [key]")
        }
        #expect(runKompas(["--help"], language: "en").out.contains("Commands:"))
        #expect(runKompas(["--help"], language: "nl").out.contains("Opdrachten:"))
    }

    @Test func everyCommandHasLocalizedHelp() {
        for c in CommandTable.standard.commands {
            for lang in TestSupport.languages {
                let r = runKompas([c.name, "--help"], language: lang)
                #expect(r.code == 0)
                #expect(
                    !r.out.contains("[flag.") && !r.out.contains("[cmd.")
                        && !r.out.contains("[sub."),
                    "\(c.name) \(lang) help has a missing key:\n\(r.out)")
            }
        }
    }

    @Test func unknownCommandSuggestsTheNearest() {
        let r = runKompas(["watlas"])
        #expect(r.code == ExitCode.usage.rawValue)
        #expect(r.err.contains("Bedoelde je \"watals\"?"))
        #expect(r.out.isEmpty)
        let e = runKompas(["rulse"], language: "en")
        #expect(e.err.contains("Did you mean \"rules\"?"))
    }

    @Test func malformedFlagsGiveUsageErrors() {
        #expect(
            runKompas(["regels", "--dautm", "2026-01-01"]).err.contains("Bedoelde je \"--datum\"?"))
        #expect(runKompas(["regels", "--datum"]).code == 64)
        let bad = runKompas(["regels", "--datum", "2026-02-30"])
        #expect(bad.code == 64)
        #expect(bad.err.contains("2026-02-30"))
        #expect(runKompas(["regels", "--json=ja"]).code == 64)
        #expect(runKompas(["completions", "tcsh"]).code == 64)
        #expect(runKompas(["completions"]).code == 64)
    }

    /// An unknown option names the option meant and its command's help.
    ///
    /// Seen trying it as a new user: `kompas watals --kinderen 3` said only that the option is
    /// unknown and pointed at the general help. A longer form of a real option is suggested, and
    /// the hint names the help of the command being typed.
    @Test func anUnknownOptionPointsAtItsCommandsHelpAndTheOptionMeant() {
        let r = runKompas(["watals", "--kinderen", "3"])
        #expect(r.code == ExitCode.usage.rawValue)
        #expect(r.err.contains("Bedoelde je \"--kind\"?"), "\(r.err)")
        #expect(r.err.contains("kompas watals --help"), "\(r.err)")
        // Not triggering: a word that is no longer form of an option gets no guess, and an
        // unknown option before any command points at the general help.
        let far = runKompas(["watals", "--xyzzyqq"])
        #expect(!far.err.contains("Bedoelde je"), "\(far.err)")
        let global = runKompas(["--xyzzyqq"])
        #expect(global.err.contains("kompas --help") && !global.err.contains("watals"))
        let en = runKompas(["whatif", "--children", "3"], language: "en")
        #expect(en.err.contains("Did you mean \"--child\"?"), "\(en.err)")
    }

    @Test func englishAliasesWork() {
        #expect(runKompas(["rules", "--json"]).code == 0)
        #expect(runKompas(["rules", "--explain", "--json"]).code == 0)
        #expect(runKompas(["help", "whatif"]).out.contains("watals"))
    }

    @Test func plannedCommandsSaySoAndExitThree() {
        for c in CommandTable.standard.commands where c.plannedIssue != nil {
            let r = runKompas([c.name])
            #expect(r.code == ExitCode.notYetAvailable.rawValue, "\(c.name)")
            #expect(r.out.isEmpty, "\(c.name) must not print fake output")
            #expect(r.err.contains("nog niet klaar"))
        }
    }

    @Test func languageSelection() {
        #expect(
            runKompas(["--help"], environment: ["LANG": "en_GB.UTF-8"]).out.contains("Commands:"))
        #expect(
            runKompas(["--help"], environment: ["LANG": "en_GB.UTF-8", "KOMPAS_TAAL": "nl"]).out
                .contains("Opdrachten:"))
        #expect(
            runKompas(["--taal", "en", "--help"], environment: ["KOMPAS_TAAL": "nl"]).out.contains(
                "Commands:"))
        #expect(runKompas(["--help", "--taal=en"]).out.contains("Commands:"))
    }

    /// An unknown language is no reason to refuse: Kompas goes on in Dutch and says so in one
    /// line, in Dutch and English (issue 22), whether the flag, `KOMPAS_TAAL` or `LANG` named it.
    @Test(arguments: [
        (["--taal", "fr", "--help"], [String: String]()),
        (["--help", "--language=fr"], [:]),
        (["--help"], ["KOMPAS_TAAL": "fr"]),
        (["--help"], ["LANG": "fr_FR.UTF-8"]),
        (["--help"], ["LC_ALL": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"]),
    ])
    func unknownLanguageFallsBackToDutchWithAWarning(
        _ args: [String], _ environment: [String: String]
    ) {
        let r = runKompas(args, environment: environment)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Opdrachten:"), "the help in Dutch")
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)")
        #expect(r.err.contains("\"fr") && r.err.contains("Nederlands") && r.err.contains("Dutch"))
    }

    @Test func knownOrNeutralLanguagesGiveNoWarning() {
        for env in [["LANG": "C.UTF-8"], ["LANG": "POSIX"], ["LANG": "nl_NL.UTF-8"], [:]] {
            let r = runKompas(["--help"], environment: env)
            #expect(r.err.isEmpty, "\(env): \(r.err)")
        }
    }

    @Test func badTodayIsAUsageError() {
        let r = runKompas(["regels"], today: "morgen")
        #expect(r.code == 64)
        #expect(r.err.contains("KOMPAS_VANDAAG"))
    }

    @Test func versionFlag() {
        #expect(runKompas(["--versie"]).out == "kompas \(Kompas.version)\n")
        #expect(runKompas(["--version"]).code == 0)
    }

    /// The quick `--versie` of `main` answers only where `run` prints exactly the version line.
    @Test func quickVersionOnlyWhereRunSaysTheSame() {
        func quick(_ args: [String], _ env: [String: String]) -> String? {
            Kompas.quickVersionLine(args) { name in
                env[name].map { strdup($0) }
            }
        }
        let cases: [([String], [String: String])] = [
            (["--versie"], [:]), (["--version"], ["LANG": "pl_PL.UTF-8"]),
            (["--versie"], ["LANG": "C.UTF-8", "KOMPAS_VANDAAG": "2027-01-05"]),
            (["--versie"], ["LANG": "fr_FR.UTF-8"]), (["--versie"], ["KOMPAS_TAAL": "klingon"]),
            (["--versie"], ["KOMPAS_VANDAAG": "morgen"]), (["--versie", "--taal", "en"], [:]),
            (["watals", "--versie"], [:]), (["--versi"], [:]), ([], [:]),
        ]
        var answered = 0
        for (args, env) in cases {
            let normal = runKompas(args, today: env["KOMPAS_VANDAAG"] ?? "", environment: env)
            guard let line = quick(args, env) else { continue }
            answered += 1
            #expect(normal.code == 0 && normal.err.isEmpty && normal.out == line, "\(args) \(env)")
        }
        #expect(answered == 3)
        #expect(quick(["--versie"], ["LANG": "fr_FR.UTF-8"]) == nil)
        #expect(quick(["--versie"], ["KOMPAS_VANDAAG": "morgen"]) == nil)
    }

    @Test func completionsMentionEveryCommand() {
        for shell in ["bash", "zsh", "fish"] {
            let r = runKompas(["completions", shell])
            #expect(r.code == 0)
            for c in CommandTable.standard.commands {
                #expect(r.out.contains(c.name), "\(shell) lacks \(c.name)")
            }
        }
    }

    @Test func completionScriptsAreValidShell() throws {
        let bash = runKompas(["completions", "bash"]).out
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-completion-\(UUID()).bash")
        try bash.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-n", url.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func parserHandlesFormsOfFlags() throws {
        let parser = ArgumentParser(table: .standard)
        let p = try parser.parse([
            "watals", "--maand=2026-03", "--kind", "4", "--kind", "11", "--aow", "--uren", "12",
        ])
        #expect(p.command == "watals")
        #expect(p.values["--maand"] == ["2026-03"])
        #expect(p.values["--kind"] == ["4", "11"])
        #expect(p.toggles.contains("--aow"))
        let english = try parser.parse(["whatif", "--month", "2026-04", "--child", "3"])
        #expect(english.values["--maand"] == ["2026-04"] && english.values["--kind"] == ["3"])
        #expect(throws: UsageError.self) { try parser.parse(["watals", "--uren"]) }
        #expect(throws: UsageError.self) { try parser.parse(["watals", "--aow=ja"]) }
    }
}
