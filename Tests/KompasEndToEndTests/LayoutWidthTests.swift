import Foundation
import KompasApp
import KompasLayout
import KompasTestSupport
import Testing

/// Every command's text at 40 and 80 columns (issue 22): no line wider than the terminal, no word
/// cut, no amount split from its "€".
///
/// The commands come from the command table: a command or subcommand without a sample run here
/// fails the test, so a new one is covered from its first day. Each command also runs with
/// `--help` and with an unknown flag (the error on stderr), generated from the table. The same
/// runs at 200 columns are the reference: every word of the narrow text must be a word there.
@Suite(.serialized) struct LayoutWidthTests {
    static let passphrase = "breedte-wachtwoord-12"

    /// One run: arguments, optional standard input, and whether its standard output is a
    /// machine format (a script, JSON) that is printed byte for byte and so not checked.
    struct Sample {
        var args: [String]
        var stdin: String? = nil
        var machine = false
    }

    static func fixture(_ p: String) -> String { TestSupport.path(p).path }

    /// The runs, in order, on one store: they build on each other as a person's would.
    static func samples(scratch: URL) -> [Sample] {
        let exportFile = scratch.appendingPathComponent("kopie.kompas").path
        return [
            Sample(args: ["help"]),
            Sample(args: ["help", "watals"]),
            Sample(args: ["wachtwoord", "instellen"]),
            Sample(
                args: [
                    "profiel", "instellen", "--leeftijd", "34", "--huur", "650", "--uren", "16",
                    "--uurloon", "14,71", "--gemeente", "amsterdam",
                ]),
            Sample(args: ["profiel", "toon"]),
            Sample(args: ["watals"]),
            Sample(args: ["watals", "--uitleg"]),
            Sample(args: ["watals", "--van", "0", "--tot", "32", "--stap", "4"]),
            Sample(args: ["watals", "--json"], machine: true),
            Sample(
                args: [
                    "loonstrook", "importeer",
                    fixture("Fixtures/loonstroken/vierwekelijks-2026.csv"),
                ]),
            Sample(
                args: [
                    "loonstrook", "toevoegen", "--netto", "812,40", "--bruto", "901,10",
                    "--gewerkte-uren", "60", "--werkgever", "Bakkerij De Korenschoof",
                    "--betaaldatum", "2026-03-25", "--periode-van", "2026-02-01",
                    "--periode-tot", "2026-02-28",
                ]),
            Sample(args: ["loonstrook", "lijst"]),
            Sample(args: ["loonstrook", "verwijder", "1"]),
            Sample(args: ["uren", "toevoegen", "--datum", "2026-03-10", "--gewerkte-uren", "6"]),
            Sample(args: ["uren", "lijst"]),
            Sample(args: ["uren"]),
            Sample(args: ["verrekening", "--maand", "2026-03"]),
            Sample(args: ["verrekening", "--maand", "2026-03", "--opgave"]),
            Sample(args: ["verrekening", "--maand", "2026-03", "--uitleg"]),
            Sample(args: ["verrekening", "--caseload", fixture("Fixtures/caseload/klanten.csv")]),
            Sample(args: ["controleer", "cv", fixture("Fixtures/documenten/nl-zwak.cv.txt")]),
            Sample(
                args: [
                    "controleer", "brief", fixture("Fixtures/documenten/nl-standaard.brief.txt"),
                ]),
            Sample(args: ["samenvatting"]),
            Sample(args: ["samenvatting", "--voor", "klantmanager"]),
            Sample(args: ["samenvatting", "--geen-grafiek"]),
            Sample(args: ["regels"]),
            Sample(args: ["regels", "pw.norm.alleenstaande"]),
            Sample(args: ["status"]),
            Sample(args: ["sync"]),
            Sample(args: ["sync", "instellen", "--eindpunt", "http://127.0.0.1:9"]),
            Sample(args: ["sync"]),
            Sample(args: ["sync", "oplossen"]),
            Sample(args: ["export", exportFile]),
            Sample(args: ["importeer", exportFile]),
            Sample(args: ["completions", "bash"], machine: true),
            Sample(args: ["completions", "zsh"], machine: true),
            Sample(args: ["completions", "fish"], machine: true),
            Sample(args: ["gids"], stdin: "1\n4\n?\n1\n34\n650\n0\n1\n1\n16\n14,71\n6\n7\nstop\n"),
            // The application log (issue 21), with a store by now.
            Sample(
                args: [
                    "sollicitatie", "toevoegen", "--werkgever", "Bakkerij De Korenaar",
                    "--functie", "medewerker bakkerij en winkel", "--datum", "2026-03-03",
                    "--kanaal", "brief",
                ]),
            Sample(args: ["sollicitatie", "lijst"]),
            Sample(args: ["sollicitatie", "status", "1", "--status", "afgewezen"]),
            Sample(args: ["sollicitatie", "notitie", "1", "--tekst", "Gebeld, ze bellen terug."]),
            Sample(
                args: [
                    "sollicitatie", "afspraak", "--aantal", "4", "--per-weken", "3", "--vanaf",
                    "2026-03-02",
                ]),
            Sample(args: ["sollicitatie", "overzicht"]),
            Sample(args: ["sollicitatie", "overzicht", "--formaat", "html"], machine: true),
            Sample(args: ["sollicitatie", "stuur"]),
            Sample(args: ["sollicitatie", "verwijder", "1"]),
            Sample(args: ["baan", "--gestart", "2026-04"]),
            Sample(args: ["wachtwoord", "wijzigen"]),
            Sample(args: ["wis", "--ja"]),
        ]
    }

    /// The table's commands and subcommands without a sample, and the generated runs.
    static func generated() -> [Sample] {
        CommandTable.standard.commands.flatMap { c -> [Sample] in
            [Sample(args: [c.name, "--help"]), Sample(args: [c.name, "--bestaat-niet"])]
                + c.subcommands.map { Sample(args: [c.name, $0.names[0], "--help"]) }
        }
    }

    @Test func everyCommandAndSubcommandHasASample() {
        let all = Self.samples(scratch: URL(fileURLWithPath: "/tmp"))
        for c in CommandTable.standard.commands {
            #expect(
                all.contains { c.names.contains($0.args[0]) },
                "no sample run for `\(c.name)`: add one to LayoutWidthTests.samples")
            for s in c.subcommands {
                #expect(
                    all.contains {
                        c.names.contains($0.args[0]) && $0.args.dropFirst().first == s.names[0]
                    },
                    "no sample run for `\(c.name) \(s.names[0])`: add one to LayoutWidthTests.samples"
                )
            }
        }
    }

    /// The check itself finds what it is for (and passes what is fine).
    @Test func theCheckFindsCutWordsSplitAmountsAndWideLines() {
        let wide = "Vul bijvoorbeeld je uren in: je houdt € 14,71 over. Zie kinderopvang-toeslag."
        #expect(
            LayoutCheck.problems(
                "Vul bijvoorbeeld je uren in: je houdt\n€ 14,71 over. Zie kinderopvang-\ntoeslag.",
                reference: wide, width: 40
            ).isEmpty)
        #expect(!LayoutCheck.problems("Vul bijvoorbe\neld", reference: wide, width: 40).isEmpty)
        #expect(!LayoutCheck.problems("je houdt €\n14,71 over", reference: wide, width: 40).isEmpty)
        #expect(!LayoutCheck.problems(wide, reference: wide, width: 40).isEmpty)
    }

    /// All runs at one width, each on a fresh store for that width.
    ///
    /// The folder has the same name at every width, so the paths in the messages are the same.
    static func runAll(columns: Int, language: String, dir: URL) throws -> [(
        Sample, TestSupport.ProcessResult
    )] {
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("opslag").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": passphrase, "KOMPAS_NIEUW_WACHTWOORD": passphrase + "-nieuw",
            "KOMPAS_TAAL": language, "KOMPAS_VANDAAG": "2026-03-15", "COLUMNS": "\(columns)",
            "NO_COLOR": "1", "XDG_CONFIG_HOME": dir.path, "XDG_DATA_HOME": dir.path,
        ]
        var results: [(Sample, TestSupport.ProcessResult)] = []
        for s in samples(scratch: dir) + generated() {
            var e = env
            if s.args.first == "wis" || s.args.first == "wachtwoord" && s.args.last == "wijzigen" {
                e["KOMPAS_WACHTWOORD"] = passphrase
            }
            let r = try TestSupport.kompas(s.args, environment: e, stdin: s.stdin ?? "")
            results.append((s, r))
        }
        return results
    }

    @Test(.timeLimit(.minutes(10)), arguments: ["nl", "en"])
    func everyCommandFitsFortyAndEightyColumns(_ language: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-breedte-\(UUID().uuidString)")
        let reference = try Self.runAll(columns: 200, language: language, dir: dir)
        for width in [40, 80] {
            let runs = try Self.runAll(columns: width, language: language, dir: dir)
            #expect(runs.count == reference.count)
            for ((sample, narrow), (_, wide)) in zip(runs, reference) {
                let what = "`kompas \(sample.args.joined(separator: " "))` at \(width)"
                #expect(
                    narrow.status == wide.status, "\(what): exit \(narrow.status) vs \(wide.status)"
                )
                var pairs = [("stderr", narrow.stderr, wide.stderr)]
                if !sample.machine { pairs.append(("stdout", narrow.stdout, wide.stdout)) }
                for (stream, n, w) in pairs {
                    for problem in LayoutCheck.problems(n, reference: w, width: width) {
                        Issue.record("\(what), \(stream): \(problem)")
                    }
                }
            }
        }
    }
}

/// What a laid-out text must satisfy, against the same text laid out wide.
enum LayoutCheck {
    static func amounts(_ text: String) -> Set<String> {
        Set(text.matches(of: /-?€ -?[0-9][0-9.]*,[0-9]{2}/).map { String($0.output) })
    }

    static func problems(_ text: String, reference: String, width: Int) -> [String] {
        // Record ids are new in every run.
        let uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
        let text = text.replacing(uuid, with: "ID")
        let reference = reference.replacing(uuid, with: "ID")
        var problems: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where DisplayWidth.of(line) > width {
            problems.append("line wider than \(width) (\(DisplayWidth.of(line))): «\(line)»")
        }
        for line in lines {
            let last = line.split(separator: " ").last.map(String.init) ?? ""
            if ["€", "-€", "€-"].contains(last) {
                problems.append("an amount split from its €: «\(line)»")
            }
        }
        let referenceLines = reference.split(separator: "\n", omittingEmptySubsequences: false)
        let known = Set(joinedWords(referenceLines, known: []).map(normal))
        for word in joinedWords(lines, known: known) where !known.contains(normal(word)) {
            problems.append("«\(word)» is not a word of the wide text (a word cut?)")
        }
        for a in amounts(reference).subtracting(amounts(text)) {
            problems.append("the amount «\(a)» of the wide text is not whole here")
        }
        return problems
    }

    static func words<S: StringProtocol>(_ text: S) -> [String] {
        String(text).split(whereSeparator: { (c: Character) in c == " " || c == "\n" }).map(
            String.init
        ).filter { !isDrawing($0) }
    }

    /// Chart bars and rules change length with the width: not words.
    static func isDrawing(_ w: String) -> Bool {
        w.allSatisfy { "█▓▒░=-─│·|".contains($0) }
    }

    /// A word as compared: without the punctuation around it (a stacked table says "Uren:").
    static func normal(_ w: String) -> String {
        var t = Substring(w)
        while let c = t.last, ".,;:!?)]»\"'".contains(c) { t = t.dropLast() }
        while let c = t.first, "([«\"'".contains(c) { t = t.dropFirst() }
        return String(t)
    }

    /// The words of the lines, with a cut marked by the continuation mark joined again, and a
    /// word broken after its hyphen joined when the joined word is a word of the wide text.
    static func joinedWords(_ lines: [Substring], known: Set<String>) -> [String] {
        var out: [String] = []
        var pending: String?
        for line in lines {
            var ws = words(line)
            if let p = pending {
                if let first = ws.first {
                    if p.last == TextLayout.continuationMark {
                        ws[0] = String(p.dropLast()) + first
                    } else if known.contains(normal(p + first)) {
                        ws[0] = p + first
                    } else {
                        out.append(p)
                    }
                } else {
                    out.append(p)
                }
                pending = nil
            }
            if let last = ws.last, last.last == TextLayout.continuationMark || last.hasSuffix("-") {
                pending = ws.removeLast()
            }
            out += ws
        }
        if let p = pending { out.append(p) }
        return out
    }
}
