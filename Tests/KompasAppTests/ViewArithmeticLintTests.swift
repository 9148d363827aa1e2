import Foundation
import KompasTestSupport
import Testing

/// Views render the engine's result and never compute an amount: no `Money` arithmetic in view
/// code (issue 15).
///
/// The lint reads the view files as text and refuses, per line, sums and differences of amounts
/// (`keep - baseline.keep`), `scaled(by:)`, `reduce(.zero …)`, new amounts (`Money(cents:)`) and
/// the negation of an amount. The triggering and non-triggering examples below are tested too.
@Suite struct ViewArithmeticLintTests {
    /// The view code: renderers, the summary's blocks and charts, the guide, the commands that
    /// only build a situation, evaluate it and render the result, and the texts of `regels`,
    /// `loonstrook`, `profiel`, the caseload, the receipts and the provisional notes.
    static let viewFiles = [
        "Sources/KompasApp/ProjectionRenderer.swift", "Sources/KompasApp/SettlementRenderer.swift",
        "Sources/KompasApp/Summary", "Sources/KompasApp/Guide",
        "Sources/KompasApp/Commands/WatalsCommand.swift",
        "Sources/KompasApp/Commands/SamenvattingCommand.swift",
        "Sources/KompasApp/Commands/VerrekeningCommand.swift",
        "Sources/KompasApp/Commands/UrenCommand.swift",
        "Sources/KompasApp/Commands/StatusCommand.swift",
        "Sources/KompasApp/Commands/RegelsCommand.swift",
        "Sources/KompasApp/Commands/LoonstrookCommand.swift",
        "Sources/KompasApp/Commands/ProfielCommand.swift", "Sources/KompasApp/CaseloadCSV.swift",
        "Sources/KompasApp/ReceiptText.swift", "Sources/KompasApp/ReceiptSection.swift",
        "Sources/KompasApp/ProvisionalText.swift",
    ]

    /// The Swift files of `rel`: the file itself, or every file under the folder (recursively).
    static func swiftFiles(_ rel: String) -> [URL] {
        let url = TestSupport.path(rel)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            return []
        }
        guard isDir.boolValue else { return [url] }
        let all =
            FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        return all.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    static let amountNames =
        "(keep|total|gain|topUp|topUpPaid|workCosts|toeslagenMonthly|kinderbijslagMonthly|"
        + "provisionsMonthly|monthlyValue|difference|reserved|serviceCosts|amount|net|gross|wage|"
        + "income|rent|diff|advance)"

    static let rules: [(String, String)] = [
        (
            "an amount plus or minus something",
            #"\b"# + amountNames + #"(\([^()]*\))?\s*[-+]\s*[\w(.]"#
        ),
        (
            "something plus or minus an amount",
            #"[\w)]\s+[-+]\s+([\w]+\.)*"# + amountNames + #"\b(?!\s*[:(])"#
        ),
        ("a negated amount", #"[(\s:?,]-([\w]+\.)*"# + amountNames + #"\b"#),
        ("scaling an amount", #"\.scaled\(by:"#),
        ("summing amounts", #"reduce\((Money\.)?\.?zero"#),
        ("making an amount", #"Money\(cents:"#),
    ]

    static func findings(_ source: String) -> [String] {
        var out: [String] = []
        for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let code = String(
                line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first
                    ?? "")
            // String literals are text, not arithmetic.
            let stripped = code.replacingOccurrences(
                of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
            for (name, pattern) in rules
            where stripped.range(of: pattern, options: .regularExpression) != nil {
                out.append("\(n + 1): \(name): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return out
    }

    @Test func theRuleTriggersOnArithmeticAndNotOnRendering() {
        for bad in [
            "let gain = t.keep - baseline.keep", "f.money(p.amount(L.net) + p.amount(L.other))",
            "amount = -line.amount", "x.scaled(by: 100, over: 3)", "a.reduce(.zero) { $0 + $1 }",
            "let m = Money(cents: 1)", "tot.toeslagenMonthly + tot.kinderbijslagMonthly",
        ] {
            #expect(!Self.findings(bad).isEmpty, "not caught: \(bad)")
        }
        for good in [
            #"out.print("  " + label + f.money(amount))"#, "if line.amount < .zero { sign = true }",
            #"let label = "-" + f.money(m)"#, "rows.append([t(key), f.money(s.gain)])",
            "let width = max(30, min(w, 100) - 8)", "for i in 0..<count - 1 {}",
        ] {
            #expect(Self.findings(good).isEmpty, "false alarm: \(good): \(Self.findings(good))")
        }
    }

    @Test func viewCodeDoesNoMoneyArithmetic() throws {
        var all: [String] = []
        for rel in Self.viewFiles {
            let files = Self.swiftFiles(rel)
            #expect(!files.isEmpty, "no view code at \(rel)")
            for f in files {
                let text = try String(contentsOf: f, encoding: .utf8)
                all += Self.findings(text).map { f.lastPathComponent + ":" + $0 }
            }
        }
        let report = all.joined(separator: "\n")
        #expect(all.isEmpty, "\(all.count) findings:\n\(report)")
    }

    // MARK: One formatter that knows which line it shows

    /// The views whose amounts all go through ``LineText`` (issue 15): every view file.
    static var lineTextViews: [String] { viewFiles }

    /// The few places in those views that may call the money formatter on a value, each with why.
    /// (None today: the caseload's cells go through ``LineText/cell(_:of:)-(CaseloadColumn,_)``.)
    static let rawFormatterAllowed: [(file: String, code: String, why: String)] = []

    /// A use of the money formatter (`f.money(x)`, `format.unsignedMoney(x)`, `.map(f.money)`).
    static let rawFormatter = #"\b(f|format)\.(money|unsignedMoney|plainAmount)\b"#

    static func rawFormatterFindings(_ source: String, file: String) -> [String] {
        // Not inside strings only: `"\(f.money(x))"` interpolates a raw amount.
        findings(
            source, file: file, pattern: rawFormatter, allowed: rawFormatterAllowed,
            stripStrings: false)
    }

    /// The lines of `source` matching `pattern` outside comments (and, with `stripStrings`,
    /// outside string literals), except the allowed ones (one reader for both rules).
    static func findings(
        _ source: String, file: String, pattern: String,
        allowed: [(file: String, code: String, why: String)], stripStrings: Bool = true
    ) -> [String] {
        var out: [String] = []
        for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let code = String(
                line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first
                    ?? "")
            let stripped =
                stripStrings
                ? code.replacingOccurrences(
                    of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression) : code
            guard stripped.range(of: pattern, options: .regularExpression) != nil else { continue }
            if allowed.contains(where: { $0.file == file && code.contains($0.code) }) { continue }
            out.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
        }
        return out
    }

    @Test func theFormatterRuleTriggersOnRawFormattingAndNotOnLineText() {
        for bad in [
            "out.print(row(label, f.money(t.keep), width: width))",
            "let s = format.unsignedMoney(r.difference)", "cells.append(f.plainAmount(row.keep))",
            "let cells = [t.total, t.keep].map(f.money)",
        ] {
            #expect(!Self.rawFormatterFindings(bad, file: "X.swift").isEmpty, "not caught: \(bad)")
        }
        for good in [
            "out.print(row(label, text.shown(.keep, in: month), width: width))",
            "cells.append(text.cell(.keep, of: level))", #"inv.t("a", ["amount": .money(m)])"#,
            "f.hours(hundredths: row.hundredthsPerWeek)",
        ] {
            #expect(
                Self.rawFormatterFindings(good, file: "X.swift").isEmpty, "false alarm: \(good)")
        }
    }

    /// Every amount these views show goes through ``LineText``, which names the result line: no
    /// view formats a value it picked (issue 15's Done-when).
    @Test func viewsFormatAmountsOnlyThroughLineText() throws {
        var all: [String] = []
        for rel in Self.lineTextViews {
            let files = Self.swiftFiles(rel)
            #expect(!files.isEmpty, "no view code at \(rel)")
            for f in files {
                let text = try String(contentsOf: f, encoding: .utf8)
                all += Self.rawFormatterFindings(text, file: f.lastPathComponent)
            }
        }
        #expect(all.isEmpty, "\(all.count) raw money formatting:\n\(all.joined(separator: "\n"))")
    }

    // MARK: A sentence's amount names what it is

    /// Where a raw money argument (`.money(x)`) is refused: all of KompasApp (renderers, the
    /// summary's views, the guide, every command's text) and the summary's builder, whose events,
    /// actions and points are sentences too.
    static let sentenceCode = ["Sources/KompasApp", "Sources/KompasSummary"]

    /// The places that may build a raw money argument, each with why: the formatter itself.
    static let rawMoneyAllowed: [(file: String, code: String, why: String)] = [
        (
            "LineText.swift", #"["amount": .money(expected)]"#,
            "the amount the engine expects from the known work while a payslip is missing "
                + "(SettlementLine.shown), written by the one formatter"
        ),
        (
            "LineText.swift", ".money(p.amount(of: bar))",
            "a part of a chart bar (SweepBar), named by its BarPart in the one formatter"
        ),
    ]

    /// A raw money argument: `.money(x)` as a message argument or `Message.Argument.money(x)`
    /// (never `inv.money(flag)`, which reads a flag, nor `f.money(x)`, refused above).
    static let rawMoney = #"(?<![\w)\]])\.money\(|Argument\.money\("#

    static func rawMoneyFindings(_ source: String, file: String) -> [String] {
        findings(source, file: file, pattern: rawMoney, allowed: rawMoneyAllowed)
    }

    @Test func theSentenceRuleTriggersOnRawMoneyAndNotOnNamedAmounts() {
        for bad in [
            #"inv.t("watals.note.toeslagen", ["income": .money(t.toetsingsinkomen.total)])"#,
            #"["keep": .money(s.current.keep), "gain": .money(s.gain)]"#,
            "k.data[\"c\"]?.intValue.map { Message.Argument.money(Money(cents: $0)) }",
            "case .money(let m): value = f.rate(r)", "args[\"paid\"] = .money(r.paid)",
        ] {
            #expect(!Self.rawMoneyFindings(bad, file: "X.swift").isEmpty, "not caught: \(bad)")
        }
        for good in [
            #"["income": .line(.toetsingsinkomen, in: month)]"#,
            #"["paid": .reconciliation(r, .paid), "lower": .lowerTopUp(fm)]"#,
            "guard let wage = try inv.money(WatalsCommand.hourlyWage) else { return }",
            #"["net": .payslip(slip), "wage": .typedAmount(wage)]"#,
            #"let s = "Gebruik .money(x) niet" // .money(x) in a comment"#,
        ] {
            #expect(Self.rawMoneyFindings(good, file: "X.swift").isEmpty, "false alarm: \(good)")
        }
        // An allowed place is allowed in its own file only.
        let bar = "func argument() -> Message.Argument { .money(p.amount(of: bar)) }"
        #expect(Self.rawMoneyFindings(bar, file: "LineText.swift").isEmpty)
        #expect(!Self.rawMoneyFindings(bar, file: "SummaryCharts.swift").isEmpty)
    }

    /// Every amount a sentence shows names what it is — a result line, a legal figure, a typed
    /// or payslip amount, the municipality's decision, a settlement figure — so the formatter
    /// knows which line it shows (issue 15's Done-when); a raw `.money(x)` fails with its place.
    @Test func sentencesNameTheirAmounts() {
        var all: [String] = []
        for rel in Self.sentenceCode {
            let files = Self.swiftFiles(rel)
            #expect(!files.isEmpty, "no code at \(rel)")
            for f in files {
                guard let text = try? String(contentsOf: f, encoding: .utf8) else { continue }
                all += Self.rawMoneyFindings(text, file: f.lastPathComponent)
            }
        }
        #expect(all.isEmpty, "\(all.count) raw money arguments:\n\(all.joined(separator: "\n"))")
    }
}
