import Foundation
import KompasCore
import KompasDocuments
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasApp

/// Nothing internal reaches a client (issue 22): no rule id, parameter id, flag or repository
/// file name in what a client reads.
///
/// The patterns are generated, not kept by hand: the parameter ids from the registry and the
/// rule files, the rule ids from the document rules and every `static let id = "…"` in the
/// sources, the flags from the command table, the file names from the repository's tree (and
/// the note files the sources cite, `….md`). A new rule, flag or file is scanned for the day it
/// is added.
///
/// What is scanned: the text, Markdown and HTML output of `watals` (with and without `--uitleg`,
/// and its sweep) and `samenvatting` for a few households in Dutch and English, `verrekening`
/// over a payslip file, `controleer` over the document
/// corpus (`Fixtures/documenten`), the `regels` listing, and the guide's transcripts
/// (`Fixtures/gids`). Exempt: `--json` output (for programs), `samenvatting --voor klantmanager`
/// (for the caseworker, with articles and the municipality file's fields), `help`, the man page
/// and completions (they document the flags), usage errors (they name the flag that was
/// mistyped), and in the `regels` listing and the `watals --uitleg` trace the parameter and rule
/// ids (both are the registry's own audit trail, keyed by them: `kompas regels ID` looks one up;
/// flags and file names are still scanned there). `controleer` names a rule's id only with
/// `--uitleg`, for switching it off.
///
/// The commands on a store (`status`, `uren`, `profiel`, `sync`, `loonstrook`, `opgave`, `export`
/// and `importeer`, `wachtwoord`, `wis`, `sollicitatie` with its HTML overview, `baan`) and the
/// guide's flows run from the one list the width test runs too (`CommandSamples`), in Dutch and
/// English, with a real store. The rule for a hint that says what to do next:
/// - on the command line a hint may show the command to type, whole: from "kompas" and a command
///   name to the end of the line (or a closing bracket) flags are allowed; a flag anywhere else,
///   a flag on its own ("met --uren"), is a leak;
/// - the guide never shows a command or a flag: it does the command for the person, so its hints
///   say in words what to choose;
/// - `help`, `--help` and usage errors (exit 64) may name flags: they are for people typing
///   commands and name the flag to type or the one that was mistyped (rule ids, parameter ids and
///   file names are still scanned there).
@Suite struct LeakScanTests {
    enum Kind: String {
        case ruleID = "rule id"
        case parameterID = "parameter id"
        case flag, file
    }

    /// Every internal name, with what it is.
    static let patterns: [String: Kind] = {
        var p: [String: Kind] = [:]
        let root = TestSupport.path("")
        // Parameter ids: the registry and the built-in rule files.
        for d in AppRegistry.standard.all { p[d.id] = .parameterID }
        for f in BuiltInRules.files.files { for q in f.parameters { p[q.id] = .parameterID } }
        // Rule ids: the document rules and every rule type's `static let id` in the sources.
        for r in DocumentRules.all { p[r.description.id] = .ruleID }
        var files: [String] = []
        if let walk = FileManager.default.enumerator(atPath: root.path) {
            while let rel = walk.nextObject() as? String {
                if rel.hasPrefix(".") || rel.contains("/.") { continue }
                files.append(rel)
            }
        }
        for rel in files where rel.hasPrefix("Sources/") && rel.hasSuffix(".swift") {
            guard
                let text = try? String(
                    contentsOf: root.appendingPathComponent(rel), encoding: .utf8)
            else { continue }
            for m in text.matches(of: /static let id = "([a-z0-9.\-]+)"/) {
                p[String(m.output.1)] = .ruleID
            }
            // The notes the sources cite ("rules-2026-resolved.md §7").
            for m in text.matches(of: /([A-Za-z0-9_\-]+\.md)\b/) { p[String(m.output.1)] = .file }
        }
        // An id without a dot ("laatste") is an ordinary word too; only dotted ids are names.
        p = p.filter { $0.value == .flag || $0.value == .file || $0.key.contains(".") }
        // Flags: every spelling of every flag of every command (one-letter ones are too short).
        for c in CommandTable.standard.commands {
            for f in c.allFlags { for n in f.names where n.hasPrefix("--") { p[n] = .flag } }
        }
        // File names: the repository's files (not its build folder).
        for rel in files
        where !rel.hasPrefix(".build") && !rel.hasPrefix("Tests/Oracle")
            && (rel as NSString).lastPathComponent.contains(".")
        {
            p[(rel as NSString).lastPathComponent] = .file
        }
        return p
    }()

    /// The internal names in `text`: tokens are words with dots, dashes and underscores inside.
    static func hits(_ text: String, ignoring: Set<Kind> = []) -> [String] {
        var found: [String] = []
        for m in text.matches(of: /--[a-z][a-z0-9\-]*|[A-Za-z0-9_][A-Za-z0-9_.\-§]*[A-Za-z0-9_]/) {
            let token = String(m.output)
            if let kind = patterns[token], !ignoring.contains(kind) {
                found.append("\(kind.rawValue) \(token)")
            }
        }
        return found
    }

    static let households: [[String]] =
        SummaryCases.cases.map(\.args) + [
            [
                "--maand", "2027-02", "--huishouden", "samenwonend", "--leeftijd", "40",
                "--leeftijd-partner", "41", "--kind", "9", "--kostendelers", "1", "--uren", "12",
                "--uurloon", "15,10", "--huur", "800",
            ]
        ]

    /// The summary's own options are not `watals` options.
    static func watalsArgs(_ args: [String]) -> [String] {
        var w: [String] = []
        var i = 0
        let own: Set<String> = [
            "--contactpersoon", "--contact", "--loondag", "--loondatum", "--vaste-last",
        ]
        while i < args.count {
            if own.contains(args[i]) {
                i += 2
            } else {
                w.append(args[i])
                i += 1
            }
        }
        return w
    }

    @Test func thePatternsAreGeneratedFromTheRegistries() {
        // The scan must be able to fail: it knows the names the issue found leaking.
        for (name, kind) in [
            ("pw.norm.alleenstaande", Kind.parameterID), ("doc.uitkering", .ruleID),
            ("--uitleg", .flag), ("--uit", .flag), ("rules-2026-resolved.md", .file),
            ("nl.json", .file), ("Package.swift", .file),
        ] {
            #expect(Self.patterns[name] == kind, "\(name)")
        }
        #expect(Self.patterns.count > 300, "\(Self.patterns.count)")
        #expect(
            Self.hits("zie (rules-2026-resolved.md §7) of zet --uit doc.uitkering") == [
                "file rules-2026-resolved.md", "flag --uit", "rule id doc.uitkering",
            ])
        #expect(Self.hits("Gebruik de uitleg. Kijk op wetten.overheid.nl.").isEmpty)
    }

    @Test(.timeLimit(.minutes(5))) func commandOutputForClientsNamesNothingInternal() throws {
        var leaks: [String] = []
        func scan(_ what: String, _ r: AppRun, ignoring: Set<Kind> = []) {
            #expect(r.code == 0 || r.code == 1, "\(what): exit \(r.code) \(r.err)")
            // A hint on standard error may show a whole command line (the rule above), as the
            // Arabic text summary does to point to the printed one (issue 24).
            for h in Self.hits(r.out + "\n" + Self.withoutCommandHints(r.err), ignoring: ignoring) {
                leaks.append("\(what): \(h)")
            }
        }
        for (n, args) in Self.households.enumerated() {
            for lang in TestSupport.languages {
                let w = ["watals", "--zonder-profiel"] + Self.watalsArgs(args)
                scan("watals #\(n) \(lang)", runKompas(w, language: lang, today: "2026-12-01"))
                scan(
                    "watals --uitleg #\(n) \(lang)",
                    runKompas(w + ["--uitleg"], language: lang, today: "2026-12-01"),
                    ignoring: [.parameterID, .ruleID])
                for format in ["tekst", "markdown", "html"] {
                    let s = ["samenvatting", "--zonder-profiel", "--formaat", format] + args
                    scan(
                        "samenvatting \(format) #\(n) \(lang)",
                        runKompas(s, language: lang, today: "2026-12-01"))
                }
                scan(
                    "samenvatting html --met-bijlage #\(n) \(lang)",
                    runKompas(
                        ["samenvatting", "--zonder-profiel", "--formaat", "html", "--met-bijlage"]
                            + args, language: lang, today: "2026-12-01"))
            }
        }
        let slips = TestSupport.path("Fixtures/loonstroken/vierwekelijks-2026.csv").path
        for lang in TestSupport.languages {
            scan(
                "verrekening \(lang)",
                runKompas(
                    [
                        "verrekening", "--zonder-profiel", "--loonstroken", slips, "--leeftijd",
                        "35", "--maand", "2026-03",
                    ], language: lang, today: "2026-12-01"))
            scan(
                "watals sweep \(lang)",
                runKompas(
                    [
                        "watals", "--zonder-profiel", "--leeftijd", "30", "--uren", "10",
                        "--uurloon", "14", "--van", "0", "--tot", "40", "--stap", "8",
                    ], language: lang, today: "2026-12-01"))
            scan(
                "regels \(lang)", runKompas(["regels"], language: lang, today: "2026-12-01"),
                ignoring: [.parameterID, .ruleID])
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
    }

    /// The text with the command-line hints taken out ("kompas profiel instellen --uren 16"):
    /// from "kompas" and a command name to the end of the line or a closing bracket.
    static func withoutCommandHints(_ text: String) -> String {
        let names = Set(CommandTable.standard.commands.flatMap(\.names))
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = line
            var kept = ""
            while let r = rest.firstRange(of: "kompas ") {
                let after = rest[r.upperBound...]
                let word = after.prefix { $0.isLetter }
                kept += rest[..<r.lowerBound]
                guard names.contains(String(word)) else {
                    kept += rest[r]
                    rest = after
                    continue
                }
                let end = after.firstIndex { ")]`»".contains($0) } ?? after.endIndex
                kept += "COMMAND"
                rest = after[end...]
            }
            out.append(Substring(kept + rest))
        }
        return out.joined(separator: "\n")
    }

    /// The commands that are not for a person to read: scripts, JSON.
    static func isMachine(_ args: [String]) -> Bool {
        args.first == "completions" || args.contains("--json")
    }

    /// Every run of the shared list (`CommandSamples`) on one real store, in Dutch and English.
    @Test(.timeLimit(.minutes(10)), arguments: TestSupport.languages)
    func theCommandsOnAStoreAndTheGuideNameNothingInternal(_ language: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-lekken-\(UUID().uuidString)")
        // Wide, so a hint is never wrapped away from its "kompas".
        let runs = try CommandSamples.runAll(columns: 200, language: language, dir: dir)
        var leaks: [String] = []
        let names = Set(CommandTable.standard.commands.flatMap(\.names))
        for (sample, r) in runs where !Self.isMachine(sample.args) {
            let what = "kompas \(sample.args.prefix(3).joined(separator: " ")) (\(language))"
            let forTyping =
                sample.args.first == "help" || sample.args.contains("--help") || r.status == 64
            var ignoring: Set<Kind> = forTyping ? [.flag] : []
            // The registry's own audit trail is keyed by the ids (see above).
            if sample.args.contains("--uitleg") || sample.args.first == "regels" {
                ignoring.formUnion([.parameterID, .ruleID])
            }
            // One parameter's history names the rule file each amount came from, so a person's
            // own file is told from the built-in one: an audit trail too.
            if sample.args.first == "regels" && sample.args.count > 1 { ignoring.insert(.file) }
            // The caseworker's view names the municipality file's fields (see above).
            if sample.args.contains("klantmanager") || sample.args.contains("--caseload") {
                ignoring.formUnion([.parameterID, .ruleID])
            }
            var text = r.stdout + "\n" + r.stderr
            // A file the person named is the person's own; the store's folder too.
            for a in sample.args where a.hasPrefix("/") {
                text = text.replacingOccurrences(of: a, with: "FILE")
            }
            text = text.replacingOccurrences(of: dir.path, with: "FOLDER")
            if sample.args.first == "gids" {
                let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                for n in names where flat.contains("kompas " + n + " ") {
                    leaks.append("\(what): command kompas \(n)")
                }
            } else {
                text = Self.withoutCommandHints(text)
            }
            for h in Self.hits(text, ignoring: ignoring) { leaks.append("\(what): \(h)") }
        }
        #expect(runs.count > 55)
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
    }

    /// The guide's own texts (`gids.…`, and the `….gids` variants the commands use when the guide
    /// runs them) never show a command or a flag, in either language, reached by a test run or not.
    @Test func theGuidesTextsShowNoCommandAndNoFlag() throws {
        let names = Set(CommandTable.standard.commands.flatMap(\.names))
        var leaks: [String] = []
        for lang in TestSupport.languages {
            let url = TestSupport.path("Locales/\(lang).json")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            for (key, value) in (json as? [String: Any]) ?? [:]
            where key.hasPrefix("gids.") || key.hasSuffix(".gids") {
                let text =
                    (value as? String)
                    ?? ((value as? [String: String])?.values.joined(separator: " ") ?? "")
                for h in Self.hits(text) { leaks.append("\(lang) \(key): \(h)") }
                for n in names where text.contains("kompas " + n) {
                    leaks.append("\(lang) \(key): command kompas \(n)")
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
    }

    /// The hint rule: a whole command line is allowed on the command line, a flag alone is not.
    @Test func aCommandLineHintMayShowFlagsAFlagAloneMayNot() {
        let hint = "Typ dan: kompas wis --ja\nOf zie (kompas help watals --uitleg)."
        #expect(Self.hits(Self.withoutCommandHints(hint)).isEmpty)
        #expect(
            Self.hits(Self.withoutCommandHints("Vul je uren in met --uren.")) == ["flag --uren"])
        #expect(
            Self.hits(Self.withoutCommandHints("kompas doet het (niet --uitleg)")) == [
                "flag --uitleg"
            ])
    }

    /// `regels` wrote a table's amount as "€56412.00" and the Besluit's name twice.
    @Test func theRulesListingWritesAmountsAndTitlesAsEverywhere() {
        let r = runKompas(["regels"], language: "nl", today: "2026-12-01")
        #expect(r.code == 0)
        #expect(r.out.contains("tot € 56.412,00"), "\(r.out)")
        #expect(r.out.matches(of: /€[0-9]/).isEmpty)
        #expect(!r.out.contains("Besluit kinderopvangtoeslag Besluit kinderopvangtoeslag"))
        #expect(r.out.contains("Wet kinderopvang / Besluit kinderopvangtoeslag art. 4"))
        let ref = LegalReference("Participatiewet", article: "art. 31 lid 2 onder n")
        #expect(ref.description == "Participatiewet art. 31 lid 2 onder n")
    }

    @Test(.timeLimit(.minutes(5))) func documentCheckFindingsNameNothingInternal() throws {
        let dirs = ["Fixtures/documenten", "Fixtures/documenten/corpus"]
        var leaks: [String] = []
        var checked = 0
        for dir in dirs {
            let url = TestSupport.path(dir)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            for name in names where !name.hasSuffix(".expected") && !name.hasSuffix(".json") {
                let kind = name.contains(".brief.") || name.hasPrefix("brief") ? "brief" : "cv"
                if name.hasPrefix("vaca") { continue }
                for lang in TestSupport.languages {
                    let r = runKompas(
                        ["controleer", kind, url.appendingPathComponent(name).path],
                        language: lang, environment: ["KOMPAS_OPSLAG": "/nonexistent-kompas"])
                    checked += 1
                    // The file's own name is the person's, not Kompas's.
                    let text = (r.out + "\n" + r.err).replacingOccurrences(of: name, with: "")
                    for h in Self.hits(text) { leaks.append("controleer \(name) \(lang): \(h)") }
                }
            }
        }
        #expect(checked > 40)
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
    }

    @Test func theGuideTranscriptsNameNothingInternal() throws {
        let dir = TestSupport.path("Fixtures/gids")
        var leaks: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let text = try String(
                contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for h in Self.hits(text) { leaks.append("\(name): \(h)") }
            // The guide does the commands for the person: it never tells one to type.
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for c in CommandTable.standard.commands {
                for n in c.names
                where flat.contains("kompas " + n + " ") || flat.hasSuffix("kompas " + n) {
                    leaks.append("\(name): command kompas \(n)")
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.joined(separator: "\n"))")
    }
}
