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
    /// The view code: renderers, the summary's blocks and charts, the guide, and the commands
    /// that only build a situation, evaluate it and render the result.
    static let viewFiles = [
        "Sources/KompasApp/ProjectionRenderer.swift", "Sources/KompasApp/SettlementRenderer.swift",
        "Sources/KompasApp/Summary", "Sources/KompasApp/Guide",
        "Sources/KompasApp/Commands/WatalsCommand.swift",
        "Sources/KompasApp/Commands/SamenvattingCommand.swift",
        "Sources/KompasApp/Commands/VerrekeningCommand.swift",
        "Sources/KompasApp/Commands/UrenCommand.swift",
        "Sources/KompasApp/Commands/StatusCommand.swift",
    ]

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
            let url = TestSupport.path(rel)
            var files: [URL] = [url]
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir),
                isDir.boolValue
            {
                files = try FileManager.default.contentsOfDirectory(
                    at: url, includingPropertiesForKeys: nil
                )
                .filter { $0.pathExtension == "swift" }
            }
            for f in files {
                let text = try String(contentsOf: f, encoding: .utf8)
                all += Self.findings(text).map { f.lastPathComponent + ":" + $0 }
            }
        }
        let report = all.joined(separator: "\n")
        #expect(all.isEmpty, "\(all.count) findings:\n\(report)")
    }

    // MARK: One formatter that knows which line it shows

    /// The views whose amounts all go through ``LineText`` (issue 15).
    static let lineTextViews = [
        "Sources/KompasApp/ProjectionRenderer.swift", "Sources/KompasApp/SettlementRenderer.swift",
        "Sources/KompasApp/Summary",
        "Sources/KompasApp/Guide", "Sources/KompasApp/Commands/WatalsCommand.swift",
        "Sources/KompasApp/Commands/VerrekeningCommand.swift",
        "Sources/KompasApp/Commands/UrenCommand.swift",
        "Sources/KompasApp/Commands/StatusCommand.swift",
    ]

    /// The few places in those views that may call the money formatter on a value, each with why.
    static let rawFormatterAllowed: [(file: String, code: String, why: String)] = [
        (
            "VerrekeningCommand.swift", "lpad(f.plainAmount($0), 12)",
            "the caseload table's cells are the engine's settled lines of each client-month "
                + "(CaseloadRow), streamed per client; the table has no MonthResult to name"
        ),
        (
            "VerrekeningCommand.swift",
            "[r.income, r.exemption, r.topUp, r.topUpPaid].map(f.plainAmount)",
            "the same caseload rows, stacked on a narrow terminal"
        ),
    ]

    /// A use of the money formatter (`f.money(x)`, `format.unsignedMoney(x)`, `.map(f.money)`).
    static let rawFormatter = #"\b(f|format)\.(money|unsignedMoney|plainAmount)\b"#

    static func rawFormatterFindings(_ source: String, file: String) -> [String] {
        var out: [String] = []
        for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let code = String(
                line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first
                    ?? "")
            guard code.range(of: rawFormatter, options: .regularExpression) != nil else { continue }
            if rawFormatterAllowed.contains(where: { $0.file == file && code.contains($0.code) }) {
                continue
            }
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
        // An allowed place is allowed in its own file only.
        let caseload = "lpad(f.plainAmount($0), 12)"
        #expect(Self.rawFormatterFindings(caseload, file: "VerrekeningCommand.swift").isEmpty)
        #expect(!Self.rawFormatterFindings(caseload, file: "ProjectionRenderer.swift").isEmpty)
    }

    /// Every amount these views show goes through ``LineText``, which names the result line: no
    /// view formats a value it picked (issue 15's Done-when).
    @Test func viewsFormatAmountsOnlyThroughLineText() throws {
        var all: [String] = []
        for rel in Self.lineTextViews {
            let url = TestSupport.path(rel)
            var files: [URL] = [url]
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir),
                isDir.boolValue
            {
                files = try FileManager.default.contentsOfDirectory(
                    at: url, includingPropertiesForKeys: nil
                )
                .filter { $0.pathExtension == "swift" }
            }
            for f in files {
                let text = try String(contentsOf: f, encoding: .utf8)
                all += Self.rawFormatterFindings(text, file: f.lastPathComponent)
            }
        }
        #expect(all.isEmpty, "\(all.count) raw money formatting:\n\(all.joined(separator: "\n"))")
    }
}
