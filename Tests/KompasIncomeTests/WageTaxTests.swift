import KompasCore
import KompasRules
import Testing

@testable import KompasIncome

/// The wage tax per the Belastingdienst's Rekenvoorschriften: the official vectors, the properties
/// that follow from the method, and the regressions from the December 2026 hand cases.
@Suite struct WageTaxTests {
    static let march = CalendarMonth("2026-03")
    static func tax(
        _ cents: Int64, _ f: PayFrequency = .maand, credit: Bool = true,
        column: WageTaxColumn = .belowAOW, month: CalendarMonth = march
    ) throws -> WageTaxResult {
        var p = ParameterReader(month)
        return try Loonheffing.table(
            .init(
                periodGross: Money(cents: cents), frequency: f, withCredit: credit, column: column),
            &p)
    }
    static func scale(_ month: CalendarMonth = march, _ column: WageTaxColumn = .belowAOW) throws
        -> WageTaxScale
    {
        var p = ParameterReader(month)
        return try Loonheffing.scale(column, &p)
    }

    // MARK: Official vectors (issue 17)

    /// € 4.000,00 falls on the row € 3.996,00 (L = 47.952): € 818,67, of which arbeidskorting € 461,00.
    @Test func officialVector4000() throws {
        let r = try Self.tax(4_000_00)
        #expect(r.periodTax == .cents(818_67))
        #expect(r.periodLabourCredit == .cents(461_00))
        #expect(r.annualTableWage == .euros(47_952))
        #expect(r.periodTableWage == .cents(3_996_00))
        #expect(r.method == .rekenvoorschriften)
    }

    /// The highest monthly row, € 11.092,50 (Lmax 133.110): € 4.651,67.
    @Test func officialVectorHighestRow() throws {
        let r = try Self.tax(11_092_50)
        #expect(r.periodTax == .cents(4_651_67))
        #expect(!r.aboveTable)
        // One cent above: the excess rule, 49,5 % of € 0,01 rounded down.
        let above = try Self.tax(11_092_51)
        #expect(above.aboveTable)
        #expect(above.periodTax == .cents(4_651_67))
        // € 100 above: 49,50 more.
        #expect(try Self.tax(11_192_50).periodTax == .cents(4_701_17))
    }

    /// Regression (hand case): the annualised approximation gave € 820,86 and € 4.651,80.
    @Test func regressionApproximationIsGone() throws {
        #expect(try Self.tax(4_000_00).periodTax != .cents(820_86))
        #expect(try Self.tax(11_092_50).periodTax != .cents(4_651_80))
    }

    // MARK: Properties of the method

    /// The monthly table is constant within each € 4,50 step, and the step starts at a multiple of € 4,50.
    @Test func constantWithinEachStep() throws {
        let s = try Self.scale()
        var row: Int64 = 0
        while row <= 1_109_250 {
            let first = s.period(cents: row, factor: 12, credit: true).periodTax
            let last = s.period(cents: row + 449, factor: 12, credit: true).periodTax
            #expect(first == last, "row \(row)")
            row += 450 * 37
        }
    }

    /// Net is monotone in gross across rows: one step (€ 4,50) more gross never gives less net.
    @Test func netMonotoneAcrossRows() throws {
        for f: Int64 in [12, 13, 52] {
            let s = try Self.scale()
            var g: Int64 = 0
            while g <= 1_200_000 {
                let step = (s.lv * 100 + f - 1) / f
                let n0 = g - s.period(cents: g, factor: f, credit: true).periodTax.cents
                let n1 =
                    g + step - s.period(cents: g + step, factor: f, credit: true).periodTax.cents
                #expect(n1 >= n0, "factor \(f), gross \(g)")
                g += 997
            }
        }
    }

    /// Net is not monotone at cent level: the tax jumps when the next row starts.
    ///
    /// Official rows: € 4.000,49 → tax 818,67, net 3.181,82; € 4.000,50 → tax 820,92, net 3.179,58.
    @Test func netDropsWhereTheNextRowStarts() throws {
        let a = try Self.tax(4_000_49)
        let b = try Self.tax(4_000_50)
        #expect(4_000_49 - a.periodTax.cents == 3_181_82)
        #expect(4_000_50 - b.periodTax.cents == 3_179_58)
    }

    /// Each rounding goes the documented way: L down to Lv, X1 down, AHK up, ARK up, period half up.
    @Test func roundingDirections() throws {
        let s = try Self.scale()
        for l in stride(from: Int64(0), through: 140_000, by: 54) {
            let exactX1 = Self.exactTaxBeforeCredits(s, l)
            let x1 = s.taxBeforeCredits(l) * WageTaxScale.micro
            #expect(x1 <= exactX1 && exactX1 - x1 < WageTaxScale.micro, "X1 at \(l)")
            if l > s.ahkFrom && l < s.ahkTo {
                let exact = s.ahkMax * WageTaxScale.micro - (l - s.ahkFrom) * s.ahkRate
                let up = s.generalCredit(l) * WageTaxScale.micro
                #expect(up >= exact && up - exact < WageTaxScale.micro, "AHK at \(l)")
            }
        }
        for g in stride(from: Int64(0), through: 1_000_000, by: 1_234) {
            let l = s.annualTableWage(periodCents: g, factor: 12)
            #expect(l % s.lv == 0 && l * 100 <= g * 12 && (g * 12 - l * 100) < s.lv * 100)
            let x = s.annual(l, credit: true).tax
            let cents = s.period(cents: g, factor: 12, credit: true).periodTax.cents
            #expect(abs(cents * 12 - x * 100) <= 6, "period rounding at \(g)")
        }
    }

    static func exactTaxBeforeCredits(_ s: WageTaxScale, _ l: Int64) -> Int64 {
        if l <= s.a2 { return l * s.b1 }
        if l <= s.a3 { return (l - s.a2) * s.b2 + s.c2 * WageTaxScale.micro }
        return (l - s.a3) * s.b3 + s.c3 * WageTaxScale.micro
    }

    /// c2 and c3 are the floored tax over the lower brackets (a check on the data, not the code).
    @Test func cumulatedBracketTaxIsConsistent() throws {
        for month in [CalendarMonth("2026-06"), CalendarMonth("2027-06")] {
            let s = try Self.scale(month)
            #expect(s.c2 == s.a2 * s.b1 / WageTaxScale.micro)
            #expect(s.c3 == s.c2 + (s.a3 - s.a2) * s.b2 / WageTaxScale.micro)
            #expect(s.lmax % s.lv == 0)
        }
    }

    // MARK: Net → gross

    /// The inversion returns the lowest gross whose net matches, for every net it can meet.
    @Test func grossFromNetRoundTrips() throws {
        for f: Int64 in [12, 13, 52] {
            let s = try Self.scale()
            var g: Int64 = 0
            while g <= 1_200_000 {
                let n = g - s.period(cents: g, factor: f, credit: true).periodTax.cents
                let back = s.grossFromNet(n, factor: f, credit: true)
                #expect(back.exact && back.gross <= g, "factor \(f), gross \(g)")
                #expect(
                    back.gross
                        - s.period(cents: back.gross, factor: f, credit: true).periodTax.cents == n)
                g += 1_019
            }
        }
    }
}
