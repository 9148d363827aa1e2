import KompasCore
import Testing

@testable import KompasLocalization

/// Issue 23: amounts and integers are written as bytes; they must read exactly as the
/// `Character` version did in every language, CLDR's grouping minimum included.
@Suite struct FormattersNumberTests {
    /// The earlier reading, kept as the reference.
    static func referenceGrouped(_ n: UInt64, _ s: Formatters.Style) -> String {
        var digits = Array(String(n))
        guard digits.count > 3 + (s.minimumGrouping - 1) else { return String(digits) }
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: digits.suffix(3), at: 0)
            out.insert(contentsOf: s.thousands, at: 0)
            digits.removeLast(3)
        }
        out.insert(contentsOf: digits, at: 0)
        return String(out)
    }

    static func referenceAmount(_ m: Money, _ s: Formatters.Style) -> String {
        let a = m.cents.magnitude
        let c = a % 100
        return (m.cents < 0 ? "-" : "") + referenceGrouped(a / 100, s) + s.decimal
            + (c < 10 ? "0" : "") + String(c)
    }

    static let edges: [Int64] = [
        0, 1, 9, 10, 99, 100, 101, 999_99, 1_000_00, 1_401_50, 9_999_99, 10_000_00, 12_345_67,
        99_999_99, 100_000_00, 999_999_99, 1_000_000_00, 123_456_789_012, .max, .min, .min + 1,
    ]

    @Test(arguments: Language.allCases) func amountsReadAsBefore(_ language: Language) {
        let f = Formatters(language)
        var values = Self.edges + Self.edges.map { $0 == .min ? .max : -$0 }
        var seed: UInt64 = 0x2023
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Every length from one digit to nineteen.
            let digits = Int(seed >> 59) + 1
            var v = Int64(bitPattern: seed >> 1) % Int64(Self.pow10(min(digits, 18)))
            if seed & 1 == 1 { v = -v }
            values.append(v)
        }
        for v in values {
            #expect(
                f.plainAmount(Money(cents: v)) == Self.referenceAmount(Money(cents: v), f.style),
                "\(v)")
            let i = Int(v)
            #expect(
                f.integer(i)
                    == (i < 0 ? "-" : "") + Self.referenceGrouped(UInt64(i.magnitude), f.style),
                "\(i)")
        }
    }

    /// A few written out, so the reference itself is checked too.
    @Test func knownAmounts() {
        #expect(Formatters(.nl).plainAmount(.cents(1_401_50)) == "1.401,50")
        #expect(Formatters(.en).plainAmount(.cents(-1_234_567_89)) == "-1,234,567.89")
        #expect(Formatters(.pl).plainAmount(.cents(1_401_05)) == "1401,05")
        #expect(Formatters(.pl).plainAmount(.cents(12_345_00)) == "12\u{00A0}345,00")
        #expect(Formatters(.nl).plainAmount(.cents(-7)) == "-0,07")
        #expect(Formatters(.tr).integer(1_000) == "1.000")
    }

    static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { r, _ in r * 10 } }
}
