import Foundation
import KompasTestSupport
import Testing

/// No legal figure is left as a Swift literal (issue 16).
///
/// The rule modules are scanned for money and rate literals and for integers of 100 and more,
/// outside the rules' worked examples (which are inputs and expected outcomes, not law). What
/// remains must be on the allowlist with a reason.
@Suite struct LegalLiteralScanTests {
    static let modules = [
        "Sources/KompasIncome", "Sources/KompasToeslagen", "Sources/KompasTotalIncome",
        "Sources/KompasSettlement", "Sources/KompasSummary",
    ]

    /// "file: literal" → why it is not a legal figure (or why it stays code).
    static let allowed: [String: String] = [
        "Household.swift: 100": "hours are kept in hundredths; / 100 shows whole hours",
        "Projection.swift: 8_000":
            "a warning for more than 80 hours a week: a plausibility check, not law",
        "Projection.swift: 16_800": "168 hours in a week: more is impossible input, not law",
        "Projection.swift: 100": "hours in hundredths (cents-style fixed point)",
        "Projection.swift: 1_200":
            "52 weeks / 12 months with hours in hundredths: 1.200 = 12 × 100",
        "Sweep.swift: 2_000": "the most levels a sweep computes: a resource limit",
        "Sweep.swift: 100": "hours in hundredths (one hour = 100)",
        "Bijstandsnorm.swift: 100":
            "art. 22a lid 1 Pw: the kostendelersnorm (40 + 30 × A) / (100 × A) is the law's formula, not an indexed figure",
        "Box1.swift: Money(cents: 1": "one cent as the unit of a rounding step",
        "KOTPercentageTable.swift: 1_000":
            "tenths of a percent to parts per million in the legacy initializer",
        "Kinderopvangtoeslag.swift: 100": "hours in hundredths",
        "Terugbetaling.swift: .euros(500_000":
            "the upper end of a search for an income limit, not a legal figure",
        "Terugbetaling.swift: 500_000":
            "the upper end of a search for an income limit, not a legal figure",
        "ToeslagHousehold.swift: 100": "hours in hundredths",
        "Forecast.swift: 100": "hours in hundredths",
        "PayslipReader.swift: 1000": "reading the digits of a year",
        "PayslipReader.swift: 100": "reading cents and the digits of a year",
        "Caseload.swift: 100": "reading cents and hours in hundredths from a caseload's bytes",
        "PayslipValidator.swift: 2_400": "24 hours a day in hundredths: a plausibility check",
        "ThirteenTwelfthsAllocation.swift: .cents(80_000":
            "a worked example of thirteen synthetic payslips (yearOf13), not law",
        "ThirteenTwelfthsAllocation.swift: 80_000": "the same worked example",
        "SummaryModel.swift: 4_000": "the summary's hours chart runs to 40 hours a week",
        "SummaryModel.swift: 400": "the chart's step of 4 hours",
        "Loonheffing.swift: 100": "cents per euro: the Rekenvoorschriften work in whole euros",
        "Loonheffing.swift: 200": "2 × 100 cents: half-up rounding of whole euros to cents",
        "BrutoUitNetto.swift: 100": "one euro of headroom in a search bound, not law",
        "BijzondereBeloning.swift: Rate(partsPerMillion: 0":
            "no tax below the table's first band: zero, not a figure",
    ]

    static let moneyPattern =
        #"(\beur|\bpct|\.euros|\.cents|\.percent|Money\(cents:|Rate\(partsPerMillion:)\s*\(?\s*-?[0-9][0-9_]*"#

    /// Literals outside examples, as "file: literal" with the line number.
    static func findings() throws -> [(key: String, line: Int)] {
        let money = try NSRegularExpression(pattern: moneyPattern)
        let integer = try NSRegularExpression(pattern: #"(?<![\w.])([0-9][0-9_]*)(?![\w.])"#)
        let strings = try NSRegularExpression(pattern: #""(\\.|[^"\\])*""#)
        var out: [(String, Int)] = []
        for module in modules {
            let root = TestSupport.path(module)
            let files =
                FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".swift") }.sorted() ?? []
            for relative in files {
                let name = (relative as NSString).lastPathComponent
                let text = try String(
                    contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
                var inExamples = false
                var started = false
                var depth = 0
                for (n, raw) in text.components(separatedBy: "\n").enumerated() {
                    var code = raw.components(separatedBy: "//").first ?? ""
                    code = strings.stringByReplacingMatches(
                        in: code, range: NSRange(code.startIndex..., in: code), withTemplate: "\"\""
                    )
                    if !inExamples,
                        code.range(
                            of: #"static (let|var) (workedE|e)xamples"#, options: .regularExpression
                        ) != nil
                    {
                        inExamples = true
                        started = false
                        depth = 0
                    }
                    if inExamples {
                        for c in code {
                            if "[({".contains(c) {
                                depth += 1
                                started = true
                            }
                            if "])}".contains(c) { depth -= 1 }
                        }
                        if started && depth <= 0 { inExamples = false }
                        continue
                    }
                    let range = NSRange(code.startIndex..., in: code)
                    for m in money.matches(in: code, range: range) {
                        if let r = Range(m.range, in: code) {
                            out.append(("\(name): \(code[r])", n + 1))
                        }
                    }
                    for m in integer.matches(in: code, range: range) {
                        guard let r = Range(m.range(at: 1), in: code) else { continue }
                        let literal = String(code[r])
                        if let v = Int(literal.replacingOccurrences(of: "_", with: "")), v >= 100 {
                            out.append(("\(name): \(literal)", n + 1))
                        }
                    }
                }
            }
        }
        return out
    }

    @Test func noLegalFigureIsASwiftLiteral() throws {
        let unexplained = try Self.findings().filter { Self.allowed[$0.key] == nil }
            .map { "\($0.key) (line \($0.line))" }
        #expect(unexplained == [], "move the figure to a rule file in Sources/KompasRules/Regels/")
    }

    @Test func theScanFindsALiteral() throws {
        // The scan itself must be able to fail: it sees a literal the way it is written in code.
        let money = try NSRegularExpression(pattern: Self.moneyPattern)
        let line = "let cap = eur(285_00)"
        #expect(money.numberOfMatches(in: line, range: NSRange(line.startIndex..., in: line)) == 1)
        #expect(try Self.findings().contains { $0.key == "Projection.swift: 16_800" })
    }
}
