import KompasCore

/// Runs a rule's examples (SwiftLint style; house style §9.6): no findings in non-triggering
/// examples, and findings exactly at the `↓` markers of triggering examples.
public enum RuleVerifier {
    public struct Failure: Sendable, CustomStringConvertible {
        public let message: String
        public let file: StaticString
        public let line: UInt
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static let marker: Character = "↓"

    /// Removes the markers; returns the clean text and the marked (line, column) positions.
    public static func strip(_ text: String) -> (text: String, marks: [Position]) {
        var lines: [String] = []
        var marks: [Position] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var clean = ""
            var column = 1
            for ch in raw {
                if ch == marker {
                    marks.append(Position(line: n + 1, column: column))
                    continue
                }
                clean.append(ch)
                column += 1
            }
            lines.append(clean)
        }
        return (lines.joined(separator: "\n"), marks)
    }

    public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let line: Int, column: Int
        public static func < (a: Position, b: Position) -> Bool {
            (a.line, a.column) < (b.line, b.column)
        }
        public var description: String { "\(line):\(column)" }
    }

    /// The day examples are checked on (periods "tot heden" end here).
    public static let exampleDay = LocalDate("2026-03-15")

    /// The praise a rule gives an example (nil: none).
    public static func praise(
        _ rule: any DocumentRule.Type, _ example: RuleExample, kind: DocumentKind
    )
        -> Message?
    {
        let input = input(example, kind: kind)
        let r = rule.init()
        return r.praise(input, findings: r.check(input))
    }

    static func input(_ example: RuleExample, kind: DocumentKind) -> CheckInput {
        let (text, _) = strip(example.text)
        let earlier = example.earlierLetters.enumerated().map {
            LetterFingerprint(
                document: Document(text: $0.element), documentHash: "earlier-\($0.offset)")
        }
        return CheckInput(
            document: Document(text: text), kind: kind, language: example.language,
            vacancy: example.vacancy.map { Document(text: $0) }, earlierLetters: earlier,
            documentHash: "example", today: exampleDay)
    }

    public static func run(
        _ rule: any DocumentRule.Type, _ example: RuleExample, kind: DocumentKind
    ) -> (findings: [Finding], marks: [Position]) {
        let (text, marks) = strip(example.text)
        let document = Document(text: text)
        let earlier = example.earlierLetters.enumerated().map {
            LetterFingerprint(
                document: Document(text: $0.element), documentHash: "earlier-\($0.offset)")
        }
        let input = CheckInput(
            document: document, kind: kind, language: example.language,
            vacancy: example.vacancy.map { Document(text: $0) }, earlierLetters: earlier,
            documentHash: "example", today: exampleDay)
        return (rule.init().check(input), marks)
    }

    public static func verify(_ rule: any DocumentRule.Type) -> [Failure] {
        let d = rule.description
        var failures: [Failure] = []
        if d.triggering.isEmpty {
            failures.append(
                Failure(message: "\(d.id): no triggering example", file: #filePath, line: #line))
        }
        if d.nonTriggering.isEmpty {
            failures.append(
                Failure(message: "\(d.id): no non-triggering example", file: #filePath, line: #line)
            )
        }
        if d.praiseKey != nil, d.praised.isEmpty {
            failures.append(
                Failure(
                    message:
                        "\(d.id): a rule with praise needs examples that are praised (its triggering ones are not)",
                    file: #filePath, line: #line))
        }
        for kind in d.kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
            for ex in d.praised
            where (ex.kind ?? kind) == kind && praise(rule, ex, kind: kind) == nil {
                failures.append(
                    Failure(
                        message: "\(d.id) [\(kind)]: expected praise, got none", file: ex.file,
                        line: ex.line))
            }
            for ex in d.notPraised + d.triggering where (ex.kind ?? kind) == kind {
                if let p = praise(rule, ex, kind: kind) {
                    failures.append(
                        Failure(
                            message: "\(d.id) [\(kind)]: expected no praise, got \(p.key)",
                            file: ex.file,
                            line: ex.line))
                }
            }
            for ex in d.nonTriggering {
                let (found, _) = run(rule, ex, kind: kind)
                if !found.isEmpty {
                    failures.append(
                        Failure(
                            message:
                                "\(d.id) [\(kind)]: expected no findings, got \(found.map { "\($0.line):\($0.column) \($0.message.key)" })",
                            file: ex.file, line: ex.line))
                }
            }
            for ex in d.triggering {
                let (found, marks) = run(rule, ex, kind: kind)
                let got = found.map { Position(line: $0.line, column: $0.column) }.sorted()
                if got != marks.sorted() {
                    failures.append(
                        Failure(
                            message:
                                "\(d.id) [\(kind)]: expected findings at \(marks.sorted()), got \(got)",
                            file: ex.file, line: ex.line))
                }
                for f in found
                where !d.messageKeys.contains(f.message.key) || f.ruleID != d.id
                    || f.level != d.level
                {
                    failures.append(
                        Failure(
                            message:
                                "\(d.id): finding with undeclared key, id or level: \(f.message.key)",
                            file: ex.file, line: ex.line))
                }
            }
        }
        return failures
    }
}
