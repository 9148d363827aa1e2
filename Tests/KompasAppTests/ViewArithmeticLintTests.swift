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
}
