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
    typealias Sample = CommandSample

    /// The shared runs, in order, on one store (`CommandSamples`, also the leak scan's).
    static func samples(scratch: URL) -> [Sample] { CommandSamples.all(scratch: scratch) }

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
                "no sample run for `\(c.name)`: add one to CommandSamples.all")
            for s in c.subcommands {
                #expect(
                    all.contains {
                        c.names.contains($0.args[0]) && $0.args.dropFirst().first == s.names[0]
                    },
                    "no sample run for `\(c.name) \(s.names[0])`: add one to CommandSamples.all"
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
        try CommandSamples.runAll(
            columns: columns, language: language, dir: dir, extra: generated())
    }

    @Test(.timeLimit(.minutes(10)), arguments: TestSupport.languages)
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
        // Dutch and Arabic "€ 1.234,56", Turkish "€1.234,56", Polish "1234,56 €" (issue 24).
        Set(
            text.matches(
                of: /-?€ ?-?[0-9][0-9.]*,[0-9]{2}|-?[0-9][0-9\u{00A0}]*,[0-9]{2}\u{00A0}€/
            ).map { String($0.output) })
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
