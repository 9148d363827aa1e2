import KompasCore
import KompasRules

/// The exemption for a single parent with a child under 12: 12,5 % of the net income from work,
/// up to a monthly maximum, for at most 30 consecutive months after the six months of onderdeel n.
///
/// Not under 27 (artikel 31 lid 5), not when onderdeel y applies.
///
/// Source: Participatiewet artikel 31 lid 2 onder r. Rounding: half up to the cent, then capped.
public enum VrijlatingR: LegalRule {
    public static let id = "pw.vrijlating.r"
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
        let share = try p(ExemptionParameters.rPercentage)
        let cap = try p(ExemptionParameters.rMaximum)
        let months = try p(ExemptionParameters.rMaanden)
        let childAge = try p(ExemptionParameters.rKindLeeftijd)
        let nMonths = try p(ExemptionParameters.nMaanden)
        let minAge = try p(ExemptionParameters.nMinimumleeftijd)
        let h = i.household
        guard h.type == .alleenstaandeOuder, h.childrenAges.contains(where: { $0 < childAge })
        else {
            return .notApplicable(reason: "income.exemption.r.noYoungChild")
        }
        guard h.age >= minAge else { return .notApplicable(reason: "income.exemption.r.underAge") }
        guard !h.medicallyLimited else {
            return .notApplicable(reason: "income.exemption.r.medical")
        }
        guard i.granted else { return .notApplicable(reason: "income.exemption.n.notGranted") }
        guard i.workMonth > nMonths else {
            return .notApplicable(reason: "income.exemption.r.afterN")
        }
        let rMonth = i.workMonth - nMonths
        guard rMonth <= months else { return .notApplicable(reason: "income.exemption.r.used") }
        guard i.netEarnings > .zero else {
            return .notApplicable(reason: "income.exemption.noEarnings")
        }
        let amount = min(i.netEarnings.applying(share, rounding: .halfUp), cap)
        return .applies(.singleParent, amount: amount, monthsLeft: months - rMonth)
    }

    static func input(_ age: Int, kids: [Int], _ net: Int64, month: Int) -> ExemptionInput {
        ExemptionInput(
            household: Household(type: .alleenstaandeOuder, age: age, childrenAges: kids),
            netEarnings: eur(net), workMonth: month)
    }
    public static let examples: [RuleExample<ExemptionInput, ExemptionOutcome>] = [
        .init(
            "kind van 11, zevende maand", month: CalendarMonth("2026-03"),
            input(30, kids: [11], 800_00, month: 7),
            .value(.applies(.singleParent, amount: eur(100_00), monthsLeft: 29)),
            note: "12,5 % × 800 = 100"),
        .init(
            "kind van 12: niet meer", month: CalendarMonth("2026-03"),
            input(30, kids: [12], 800_00, month: 7),
            .value(.notApplicable(reason: "income.exemption.r.noYoungChild"))),
        .init(
            "maximum € 177,66", month: CalendarMonth("2026-03"),
            input(30, kids: [4], 2_000_00, month: 8),
            .value(.applies(.singleParent, amount: eur(177_66), monthsLeft: 28)),
            note: "12,5 % × 2.000 = 250 > 177,66"),
        .init(
            "eerst zes maanden onderdeel n", month: CalendarMonth("2026-03"),
            input(30, kids: [4], 800_00, month: 6),
            .value(.notApplicable(reason: "income.exemption.r.afterN"))),
        .init(
            "na 30 maanden voorbij", month: CalendarMonth("2026-03"),
            input(30, kids: [4], 800_00, month: 37),
            .value(.notApplicable(reason: "income.exemption.r.used"))),
        .init(
            "laatste maand (36e maand werk)", month: CalendarMonth("2026-03"),
            input(30, kids: [4], 800_00, month: 36),
            .value(.applies(.singleParent, amount: eur(100_00), monthsLeft: 0))),
        .init(
            "onder 27 niet", month: CalendarMonth("2026-03"),
            input(25, kids: [4], 800_00, month: 7),
            .value(.notApplicable(reason: "income.exemption.r.underAge"))),
    ]
}
