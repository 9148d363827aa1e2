import KompasCore
import KompasRules

/// How often wages are paid.
///
/// The municipality settles per calendar month; wage tax is per period.
public enum PayFrequency: String, Sendable, Codable, CaseIterable {
    case week
    case vierWeken = "4weken"
    case maand
    public var periodsPerYear: Int64 {
        switch self {
        case .week: 52
        case .vierWeken: 13
        case .maand: 12
        }
    }
}

/// Wage tax (loonheffing) on one pay period, as an **annualised approximation of the white tables**
/// (witte tabel): the period wage × periods per year, box 1 rates, minus the algemene heffingskorting
/// and the arbeidskorting when the employer applies the loonheffingskorting, back to one period.
///
/// Why an approximation: the official 2026 table values were not found (`rules-2026-resolved.md`
/// §6.1). The tables work in income brackets and round, so expect a difference of a few euros a
/// month; the resolved note's annualised values (e.g. € 1.000 → € 14,01 with korting) are
/// reproduced exactly by the examples below. Holiday pay is taxed separately (special-payments
/// table) and pension premiums are not deducted: both are stated in the output.
/// Below AOW age only: at AOW age the AOW premium is not due and the rates differ.
///
/// Sources: Wet op de loonbelasting 1964 art. 20a–22a; Wet IB 2001 art. 2.10, 8.10, 8.11.
public enum Loonheffing: LegalRule {
    public static let id = "lb.loonheffing"
    public static let reference = LegalReference.law(
        "Wet op de loonbelasting 1964", article: "art. 20a, 22 en 22a",
        url: "https://wetten.overheid.nl/BWBR0002471/2026-01-01")

    public struct Input: Sendable, Hashable {
        public var periodGross: Money
        public var frequency: PayFrequency
        /// The employer applies the loonheffingskorting (most people choose this at their main job).
        public var withCredit: Bool
        public init(periodGross: Money, frequency: PayFrequency, withCredit: Bool) {
            self.periodGross = periodGross
            self.frequency = frequency
            self.withCredit = withCredit
        }
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    /// Tax for one period, half up to the cent.
    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Money {
        let n = i.frequency.periodsPerYear
        let yearly = i.periodGross * n
        let tax = try Box1.compute(yearly, &p)
        var credits = Money.zero
        if i.withCredit {
            credits =
                try AlgemeneHeffingskorting.compute(yearly, &p) + Arbeidskorting.compute(yearly, &p)
        }
        let due = max(tax - credits, .zero)
        return due.scaled(by: 1, over: n, rounding: .halfUp)
    }

    static func month(_ gross: Int64, credit: Bool = true) -> Input {
        Input(periodGross: eur(gross), frequency: .maand, withCredit: credit)
    }
    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "€ 500 per maand, met korting", month: CalendarMonth("2026-02"), month(500_00),
            .value(.zero)),
        .init(
            "€ 1.000 per maand, met korting", month: CalendarMonth("2026-02"), month(1_000_00),
            .value(eur(14_01)),
            note:
                "12.000: box 1 4.290 − AHK 3.115 − AK 1.006,85 = 168,15 per jaar; /12 = 14,0125 (rules-2026-resolved §6.1: ≈ 14,01)"
        ),
        .init(
            "€ 1.000 per maand, zonder korting", month: CalendarMonth("2026-02"),
            month(1_000_00, credit: false), .value(eur(357_50))),
        .init(
            "€ 1.500 per maand, met korting", month: CalendarMonth("2026-02"), month(1_500_00),
            .value(eur(37_72)), note: "resolved §6.1: ≈ 37,72"),
        .init(
            "€ 2.000 per maand, met korting", month: CalendarMonth("2026-02"), month(2_000_00),
            .value(eur(61_42)), note: "resolved §6.1: ≈ 61,42"),
        .init(
            "minimumloon € 2.294,40, met korting", month: CalendarMonth("2026-02"), month(2_294_40),
            .value(eur(116_26)), note: "resolved §6.1: ≈ 116,26"),
        .init(
            "4-weken € 1.000, met korting", month: CalendarMonth("2026-02"),
            Input(periodGross: eur(1_000_00), frequency: .vierWeken, withCredit: true),
            .value(eur(16_58)),
            note:
                "13.000: 4.647,50 − 3.115 − (996 + 31,009 % × 1.035 = 1.316,94) = 215,56 per jaar; /13 = 16,5815"
        ),
        .init(
            "2027 voorlopig (Prinsjesdag)", month: CalendarMonth("2027-01"), month(1_000_00),
            .value(eur(4_44)),
            note:
                "12.000 × 36,23 % = 4.347,60 − heffingskorting 3.154 − arbeidskorting 12.000 × 9,503 % = 1.140,36 → 53,24 / 12"
        ),
        .init(
            "2024: niet in de data", month: CalendarMonth("2024-01"), month(1_000_00), .notInForce),
    ]
}
