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
            for h in Self.hits(r.out + "\n" + r.err, ignoring: ignoring) {
                leaks.append("\(what): \(h)")
            }
        }
        for (n, args) in Self.households.enumerated() {
            for lang in ["nl", "en"] {
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
        for lang in ["nl", "en"] {
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
                for lang in ["nl", "en"] {
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
