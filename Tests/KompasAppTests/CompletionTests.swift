import Foundation
import KompasCore
import KompasMunicipality
import KompasTestSupport
import Testing

@testable import KompasApp

/// Completion with option values and file names, run in a real bash (issue 22).
///
/// Each case sources the generated script, sets `COMP_WORDS` as bash does when Tab is pressed,
/// calls the function and reads `COMPREPLY`.
@Suite struct CompletionTests {
    /// What bash offers after the words typed so far (the last one may be partial).
    static func complete(_ words: [String], in dir: URL, script: String) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-completion-\(UUID().uuidString).bash")
        defer { try? FileManager.default.removeItem(at: file) }
        try script.write(to: file, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let program = """
            source \(file.path)
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count - 1)
            _kompas
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try TestSupport.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", program], currentDirectory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    static func withFolder<T>(_ body: (URL, String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["loonstroken.csv", "klanten.csv", "cv.pdf"] {
            try "x".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("opslag"), withIntermediateDirectories: true)
        let script = runKompas(["completions", "bash"], today: "2026-12-02").out
        return try body(dir, script)
    }

    @Test func valuesOfEveryFixedSetInBothSpellings() throws {
        try Self.withFolder { dir, script in
            var seen = Set<String>()
            for c in CommandTable.standard.commands {
                for f in c.allFlags where !f.choices.isEmpty && seen.insert(f.canonical).inserted {
                    let offered = try Self.complete(
                        ["kompas", c.name, f.canonical, ""], in: dir, script: script)
                    for choice in f.choices {
                        #expect(
                            offered.contains(choice.dutch),
                            "\(c.name) \(f.canonical) \(choice.dutch)")
                        #expect(
                            offered.contains(choice.english),
                            "\(c.name) \(f.canonical) \(choice.english)")
                    }
                }
            }
            #expect(
                seen.contains("--huishouden") && seen.contains("--frequentie")
                    && seen.contains("--taal"))
            let household = try Self.complete(
                ["kompas", "watals", "--household", "single-"], in: dir, script: script)
            #expect(household == ["single-parent"])
        }
    }

    @Test func municipalitiesMonthsAndRuleIdsFromTheRegistries() throws {
        try Self.withFolder { dir, script in
            let municipalities = try Self.complete(
                ["kompas", "watals", "--gemeente", ""], in: dir, script: script)
            for id in MunicipalityLoader.builtIn.keys {
                #expect(municipalities.contains(id), "\(id)")
            }
            let months = try Self.complete(
                ["kompas", "watals", "--maand", "2027-0"], in: dir, script: script)
            #expect(months.contains("2027-01") && months.contains("2027-09"), "\(months)")
            #expect(
                try Self.complete(["kompas", "watals", "--month", ""], in: dir, script: script)
                    .contains("2026-12"))
            let rules = try Self.complete(
                ["kompas", "controleer", "--uit", ""], in: dir, script: script)
            #expect(!rules.isEmpty)
            #expect(rules.allSatisfy { $0.contains(".") }, "\(rules)")
        }
    }

    @Test func fileNamesForFileOptionsAndOperands() throws {
        try Self.withFolder { dir, script in
            #expect(
                try Self.complete(
                    ["kompas", "verrekening", "--loonstroken", "loon"], in: dir, script: script)
                    == ["loonstroken.csv"])
            #expect(
                try Self.complete(
                    ["kompas", "verrekening", "--caseload", "k"], in: dir, script: script)
                    == ["klanten.csv"])
            #expect(
                try Self.complete(["kompas", "controleer", "cv", "c"], in: dir, script: script) == [
                    "cv.pdf"
                ])
            let kinds = try Self.complete(["kompas", "controleer", ""], in: dir, script: script)
            #expect(kinds.contains("cv") && kinds.contains("brief") && !kinds.contains("cv.pdf"))
            #expect(
                try Self.complete(["kompas", "importeer", "k"], in: dir, script: script) == [
                    "klanten.csv"
                ])
            #expect(
                try Self.complete(["kompas", "export", "--opslag", "o"], in: dir, script: script)
                    == ["opslag"])
            // A free value (an amount) offers nothing, not the flags.
            #expect(
                try Self.complete(["kompas", "watals", "--uurloon", ""], in: dir, script: script)
                    .isEmpty)
            // After a flag's value, the flags again.
            let flags = try Self.complete(
                ["kompas", "watals", "--uren", "16", "--hou"], in: dir, script: script)
            #expect(flags.contains("--household") && flags.contains("--hours"), "\(flags)")
            let subs = try Self.complete(["kompas", "loonstrook", ""], in: dir, script: script)
            #expect(subs.contains("toevoegen") && subs.contains("importeer"), "\(subs)")
        }
    }

    /// zsh and fish get the same values (zsh through bashcompinit; fish as `-a` lists).
    @Test func zshAndFishCarryTheValues() {
        let zsh = runKompas(["completions", "zsh"]).out
        #expect(zsh.hasPrefix("#compdef kompas") && zsh.contains("bashcompinit"))
        #expect(zsh.contains("single-parent") && zsh.contains("alphen-aan-den-rijn"))
        let fish = runKompas(["completions", "fish"]).out
        #expect(fish.contains("-l 'household' -r -a 'alleenstaande single"), "\(fish.prefix(400))")
        #expect(fish.contains("-l 'loonstroken' -r"))
    }
}
