import KompasCore
import Testing

@testable import KompasRules

/// The byte-level amount and rate readers accept and refuse what the old reading did.
///
/// `RuleValues.cents` and `RuleValues.rate` read bytes since issue 23. The `Character`-based
/// reading they replaced is kept here as the reference.
@Suite struct RuleValuesByteReadingTests {
    static func referenceCents(_ s: String) -> Int64? {
        var t = Substring(s)
        let negative = t.hasPrefix("-")
        if negative { t = t.dropFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let whole = Int64(parts[0]), let frac = Int64(parts[1]), whole < 1_000_000_000_000
        else { return nil }
        let c = whole * 100 + frac
        return negative ? -c : c
    }

    static func referenceRate(_ s: String) -> Int64? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let whole = Int64(parts[0]), whole <= 1_000
        else { return nil }
        var ppm = whole * 10_000
        if parts.count == 2 {
            let f = parts[1]
            guard (1...4).contains(f.count), let n = Int64(f) else { return nil }
            var scale: Int64 = 1
            for _ in 0..<(4 - f.count) { scale *= 10 }
            ppm += n * scale
        }
        return ppm
    }

    static let written = [
        "", "-", ".", "0.00", "-0.00", "1401.50", "1401.5", "1.401,50", "1401.500", "-1401.50",
        "--1.00", "+1.00", "01401.50", "999999999999.99", "1000000000000.00",
        "0000000000000000000001.00", "99999999999999999999.00", "1401.5a", " 1401.50", "1401.50 ",
        "١٤٠١.٥٠", "1401.٥٠", "35", "35.", ".5", "35.75", "35.7500", "35.75000", "35.00001",
        "1000", "1000.9999", "1001", "0001000.1", "1.2.3", "-5", "5e2", "NaN", "12,5",
        "4.5\u{301}", "٣", "1 000.00",
    ]

    @Test func writtenCasesReadAsBefore() {
        for s in Self.written {
            #expect(RuleValues.cents(s) == Self.referenceCents(s), "cents \(s.debugDescription)")
            #expect(
                RuleValues.rate(.string(s, line: 1))?.partsPerMillion == Self.referenceRate(s),
                "rate \(s.debugDescription)")
        }
    }

    @Test func randomTextsReadAsBefore() {
        let alphabet: [String] = [
            "0", "1", "5", "9", "0", "7", ".", ".", "-", "+", " ", ",", "e", "٣", "\u{301}", "é",
        ]
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            let s: String
            if Bool.random(using: &generator) {
                let n = Int.random(in: 0...14, using: &generator)
                s = (0..<n).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            } else {
                // Shaped like an amount or a rate: sign, digits, point, digits.
                let digits = { (n: Int, g: inout SystemRandomNumberGenerator) in
                    String((0..<n).map { _ in "0123456789".randomElement(using: &g)! })
                }
                let sign = Int.random(in: 0..<4, using: &generator) == 0 ? "-" : ""
                let whole = digits(Int.random(in: 0...14, using: &generator), &generator)
                let point = Int.random(in: 0..<5, using: &generator) == 0 ? "" : "."
                s =
                    sign + whole + point
                    + digits(Int.random(in: 0...5, using: &generator), &generator)
            }
            let cents = RuleValues.cents(s)
            #expect(cents == Self.referenceCents(s), "cents \(s.debugDescription)")
            #expect(
                RuleValues.rate(.string(s, line: 1))?.partsPerMillion == Self.referenceRate(s),
                "rate \(s.debugDescription)")
            if cents != nil { accepted += 1 }
        }
        // The comparison means something only if some texts are amounts.
        #expect(accepted > 0)
    }
}
