import KompasCore
import KompasRules

/// Box 1 income tax plus premiums for the national insurances, below AOW age, on a yearly
/// taxable income (artikel 2.10 Wet IB 2001; the combined rate includes 27,65 % premies).
///
/// Each bracket's amount is computed exactly on cents and rounded once, half up.
public enum Box1: LegalRule {
    public static let id = "ib.box1"
    public static let reference = TaxParameters.schijf1Tarief.reference

    public static func evaluate(_ income: Money, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(income, &p)
    }

    public static func compute(_ income: Money, _ p: inout ParameterReader) throws -> Money {
        let g1 = try p(TaxParameters.schijf1Grens)
        let t1 = try p(TaxParameters.schijf1Tarief)
        let g2 = try p(TaxParameters.schijf2Grens)
        let t2 = try p(TaxParameters.schijf2Tarief)
        let t3 = try p(TaxParameters.schijf3Tarief)
        let y = max(income, .zero)
        let a = min(y, g1)
        let b = min(max(y - g1, .zero), g2 - g1)
        let c = max(y - g2, .zero)
        // One exact sum in ppm-cents, rounded once.
        let wide =
            a.cents * t1.partsPerMillion + b.cents * t2.partsPerMillion + c.cents
            * t3.partsPerMillion
        return Money(cents: 1).scaled(by: wide, over: Rate.scale, rounding: .halfUp)
    }

    public static let examples: [RuleExample<Money, Money>] = [
        .init(
            "2026: € 12.000", month: CalendarMonth("2026-01"), eur(12_000_00),
            .value(eur(4_290_00)), note: "35,75 % × 12.000"),
        .init(
            "2026: € 50.000", month: CalendarMonth("2026-01"), eur(50_000_00),
            .value(eur(18_076_22)),
            note: "35,75 % × 38.883 = 13.900,6725; 37,56 % × 11.117 = 4.175,5452; samen 18.076,2177"
        ),
        .init(
            "2025: € 12.000", month: CalendarMonth("2025-06"), eur(12_000_00),
            .value(eur(4_298_40)), note: "35,82 % × 12.000"),
        .init(
            "2026: € 100.000", month: CalendarMonth("2026-01"), eur(100_000_00),
            .value(eur(39_432_15)),
            note:
                "13.900,6725 + 37,56 % × 39.543 = 14.852,3508 + 49,5 % × 21.574 = 10.679,13; samen 39.432,1533"
        ),
        .init("nul", month: CalendarMonth("2026-01"), .zero, .value(.zero)),
        .init(
            "2027 voorlopig (Prinsjesdag): 36,23 %", month: CalendarMonth("2027-01"),
            eur(12_000_00),
            .value(eur(4_347_60)), note: "12.000 × 36,23 % = 4.347,60"),
        .init(
            "2024: niet in de data", month: CalendarMonth("2024-01"), eur(12_000_00), .notInForce),
    ]
}

/// The algemene heffingskorting: a maximum, reduced by a percentage of the income above a
/// threshold, never below zero (artikel 8.10 Wet IB 2001).
///
/// Rounded half up to the cent.
public enum AlgemeneHeffingskorting: LegalRule {
    public static let id = "ib.ahk"
    public static let reference = TaxParameters.ahkMaximum.reference

    public static func evaluate(_ income: Money, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(income, &p)
    }
    public static func compute(_ income: Money, _ p: inout ParameterReader) throws -> Money {
        let max = try p(TaxParameters.ahkMaximum)
        let threshold = try p(TaxParameters.ahkDrempel)
        let rate = try p(TaxParameters.ahkAfbouw)
        let over = Swift.max(income - threshold, .zero)
        return Swift.max(max - over.applying(rate, rounding: .halfUp), .zero)
    }
    public static let examples: [RuleExample<Money, Money>] = [
        .init(
            "onder de grens: maximum", month: CalendarMonth("2026-05"), eur(20_000_00),
            .value(eur(3_115_00))),
        .init(
            "€ 10.000 boven de grens", month: CalendarMonth("2026-05"), eur(39_736_00),
            .value(eur(2_475_20)), note: "3.115 − 6,398 % × 10.000 = 3.115 − 639,80"),
        .init("hoog inkomen: nul", month: CalendarMonth("2026-05"), eur(90_000_00), .value(.zero)),
        .init(
            "2025 maximum", month: CalendarMonth("2025-05"), eur(20_000_00), .value(eur(3_068_00))),
    ]
}

/// The arbeidskorting: four segments on the yearly income from work (artikel 8.11 Wet IB 2001):
/// a percentage up to the first limit; an amount plus a percentage to the second; an amount plus
/// a small percentage up to the maximum; then a reduction to zero.
///
/// Rounded half up to the cent.
public enum Arbeidskorting: LegalRule {
    public static let id = "ib.ak"
    public static let reference = TaxParameters.akMaximum.reference

    public static func evaluate(_ income: Money, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(income, &p)
    }
    public static func compute(_ income: Money, _ p: inout ParameterReader) throws -> Money {
        let taxParameters = TaxParameters.self
        let g1 = try p(taxParameters.akGrens1)
        let p1 = try p(taxParameters.akPct1)
        let b2 = try p(taxParameters.akBedrag2)
        let g2 = try p(taxParameters.akGrens2)
        let p2 = try p(taxParameters.akPct2)
        let b3 = try p(taxParameters.akBedrag3)
        let g3 = try p(taxParameters.akGrens3)
        let p3 = try p(taxParameters.akPct3)
        let mx = try p(taxParameters.akMaximum)
        let af = try p(taxParameters.akAfbouw)
        let y = max(income, .zero)
        if y <= g1 { return min(y.applying(p1, rounding: .halfUp), b2) }
        if y <= g2 { return min(b2 + (y - g1).applying(p2, rounding: .halfUp), b3) }
        if y <= g3 { return min(b3 + (y - g2).applying(p3, rounding: .halfUp), mx) }
        return max(mx - (y - g3).applying(af, rounding: .halfUp), .zero)
    }
    public static let examples: [RuleExample<Money, Money>] = [
        .init(
            "€ 10.000 in 2026", month: CalendarMonth("2026-01"), eur(10_000_00),
            .value(eur(832_40)), note: "8,324 % × 10.000"),
        .init(
            "€ 12.000 in 2026", month: CalendarMonth("2026-01"), eur(12_000_00),
            .value(eur(1_006_85)), note: "996 + 31,009 % × 35 = 996 + 10,85"),
        .init(
            "€ 30.000 in 2026", month: CalendarMonth("2026-01"), eur(30_000_00),
            .value(eur(5_381_02)), note: "5.300 + 1,95 % × 4.155 = 5.300 + 81,02"),
        .init(
            "€ 50.000 in 2026", month: CalendarMonth("2026-01"), eur(50_000_00),
            .value(eur(5_398_04)), note: "5.685 − 6,51 % × 4.408 = 5.685 − 286,96"),
        .init("€ 150.000: nul", month: CalendarMonth("2026-01"), eur(150_000_00), .value(.zero)),
        .init(
            "€ 10.000 in 2025", month: CalendarMonth("2025-01"), eur(10_000_00),
            .value(eur(805_30)), note: "8,053 % × 10.000"),
    ]
}
