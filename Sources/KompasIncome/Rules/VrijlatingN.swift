import KompasCore
import KompasRules

/// The general exemption for part-time work: 25 % of the net income from work, up to a monthly
/// maximum, for at most six months, when the college judges it helps towards work.
///
/// Not for people under 27 (artikel 31 lid 5). At AOW age the six-month limit does not apply.
///
/// Source: Participatiewet artikel 31 lid 2 onder n (regime until artikel 34a starts).
/// Rounding: 25 % of the net income, half up to the cent, then capped.
public enum VrijlatingN: LegalRule {
    public static let id = "pw.vrijlating.n"
    public static let reference = ExemptionParameters.n

    public static func evaluate(_ i: ExemptionInput, in month: CalendarMonth) throws
        -> ExemptionOutcome
    {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: ExemptionInput, _ p: inout ParameterReader) throws
        -> ExemptionOutcome
    {
        let share = try p(ExemptionParameters.nPercentage)
        let cap = try p(ExemptionParameters.nMaximum)
        let months = try p(ExemptionParameters.nMaanden)
        let minAge = try p(ExemptionParameters.nMinimumleeftijd)
        let aow = try isAOW(i.household, &p)
        guard i.household.age >= minAge else {
            return .notApplicable(reason: "income.exemption.n.underAge")
        }
        guard i.granted else { return .notApplicable(reason: "income.exemption.n.notGranted") }
        guard aow || i.workMonth <= months else {
            return .notApplicable(reason: "income.exemption.n.used")
        }
        guard i.netEarnings > .zero else {
            return .notApplicable(reason: "income.exemption.noEarnings")
        }
        let amount = min(i.netEarnings.applying(share, rounding: .halfUp), cap)
        return .applies(.general, amount: amount, monthsLeft: aow ? nil : months - i.workMonth)
    }

    static func input(_ age: Int, _ net: Int64, month: Int = 1) -> ExemptionInput {
        ExemptionInput(
            household: Household(type: .alleenstaande, age: age), netEarnings: eur(net),
            workMonth: month)
    }
    public static let examples: [RuleExample<ExemptionInput, ExemptionOutcome>] = [
        .init(
            "25 % van € 800", month: CalendarMonth("2026-03"), input(35, 800_00),
            .value(.applies(.general, amount: eur(200_00), monthsLeft: 5))),
        .init(
            "maximum € 285 in 2026", month: CalendarMonth("2026-03"), input(35, 1_500_00),
            .value(.applies(.general, amount: eur(285_00), monthsLeft: 5)),
            note: "25 % × 1.500 = 375 > 285"),
        .init(
            "maximum € 273 in januari 2025", month: CalendarMonth("2025-01"), input(35, 1_500_00),
            .value(.applies(.general, amount: eur(273_00), monthsLeft: 5))),
        .init(
            "maximum € 278 in juli 2025", month: CalendarMonth("2025-07"), input(35, 1_500_00),
            .value(.applies(.general, amount: eur(278_00), monthsLeft: 5))),
        .init(
            "zesde maand: nog 0 over", month: CalendarMonth("2026-03"), input(35, 800_00, month: 6),
            .value(.applies(.general, amount: eur(200_00), monthsLeft: 0))),
        .init(
            "zevende maand: voorbij", month: CalendarMonth("2026-03"), input(35, 800_00, month: 7),
            .value(.notApplicable(reason: "income.exemption.n.used"))),
        .init(
            "26 jaar: niet onder 27", month: CalendarMonth("2026-03"), input(26, 800_00),
            .value(.notApplicable(reason: "income.exemption.n.underAge"))),
        .init(
            "27 jaar: wel", month: CalendarMonth("2026-03"), input(27, 800_00),
            .value(.applies(.general, amount: eur(200_00), monthsLeft: 5))),
        .init(
            "afronding half omhoog", month: CalendarMonth("2026-03"), input(35, 100_02),
            .value(.applies(.general, amount: eur(25_01), monthsLeft: 5)), note: "25,005 → 25,01"),
        .init(
            "AOW-leeftijd: geen termijn", month: CalendarMonth("2026-03"),
            input(67, 400_00, month: 20),
            .value(.applies(.general, amount: eur(100_00), monthsLeft: nil))),
        .init(
            "2027: artikel 34a in plaats van n", month: CalendarMonth("2027-01"), input(35, 800_00),
            .notInForce),
    ]
}
