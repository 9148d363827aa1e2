import KompasCore
import KompasRules

/// The new exemption of the Participatiewet in balans: 15 % of the net income from work for at
/// most twelve consecutive months (lid 1 onder a), 15 % without a time limit for medically limited
/// hours (onder b), 25 % up to € 226 at AOW age (onder c).
///
/// No euro maximum under a and b.
/// No age limit: the under-27 exclusion of artikel 31 lid 5 does not carry over.
///
/// Source: Participatiewet artikel 34a (Stb. 2025, 312). Start 1-1-2027 per SZW's phasing:
/// **te verifiëren** (the inwerkingtredingsbesluit was not read; `rules-2026-resolved.md` §3).
public enum Vrijlating34a: LegalRule {
    public static let id = "pw.vrijlating.34a"
    public static let reference = ExemptionParameters.a34

    public static func evaluate(_ i: ExemptionInput, in month: CalendarMonth) throws
        -> ExemptionOutcome
    {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: ExemptionInput, _ p: inout ParameterReader) throws
        -> ExemptionOutcome
    {
        let share = try p(ExemptionParameters.a34Percentage)
        let months = try p(ExemptionParameters.a34Maanden)
        guard i.netEarnings > .zero else {
            return .notApplicable(reason: "income.exemption.noEarnings")
        }
        if try isAOW(i.household, &p) {
            let aowShare = try p(ExemptionParameters.a34AOWPercentage)
            let cap = try p(ExemptionParameters.a34AOWMaximum)
            return .applies(
                .pibAOW, amount: min(i.netEarnings.applying(aowShare, rounding: .halfUp), cap),
                monthsLeft: nil)
        }
        if i.household.medicallyLimited {
            return .applies(
                .pibMedical, amount: i.netEarnings.applying(share, rounding: .halfUp),
                monthsLeft: nil)
        }
        guard i.granted else { return .notApplicable(reason: "income.exemption.n.notGranted") }
        guard i.workMonth <= months else {
            return .notApplicable(reason: "income.exemption.34a.used")
        }
        return .applies(
            .pib, amount: i.netEarnings.applying(share, rounding: .halfUp),
            monthsLeft: months - i.workMonth)
    }

    static func input(_ age: Int, _ net: Int64, month: Int = 1, medical: Bool = false)
        -> ExemptionInput
    {
        ExemptionInput(
            household: Household(type: .alleenstaande, age: age, medicallyLimited: medical),
            netEarnings: eur(net), workMonth: month)
    }
    public static let examples: [RuleExample<ExemptionInput, ExemptionOutcome>] = [
        .init(
            "15 % zonder maximum", month: CalendarMonth("2027-02"), input(35, 2_000_00),
            .value(.applies(.pib, amount: eur(300_00), monthsLeft: 11))),
        .init(
            "ook onder 27", month: CalendarMonth("2027-02"), input(22, 1_000_00),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 11))),
        .init(
            "twaalfde maand", month: CalendarMonth("2027-02"), input(35, 1_000_00, month: 12),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 0))),
        .init(
            "dertiende maand: voorbij", month: CalendarMonth("2027-02"),
            input(35, 1_000_00, month: 13),
            .value(.notApplicable(reason: "income.exemption.34a.used"))),
        .init(
            "medisch: geen termijn", month: CalendarMonth("2027-02"),
            input(35, 1_000_00, month: 40, medical: true),
            .value(.applies(.pibMedical, amount: eur(150_00), monthsLeft: nil))),
        .init(
            "AOW-leeftijd: 25 % tot € 226", month: CalendarMonth("2027-02"), input(68, 1_000_00),
            .value(.applies(.pibAOW, amount: eur(226_00), monthsLeft: nil))),
        .init(
            "2026: nog niet in werking", month: CalendarMonth("2026-12"), input(35, 1_000_00),
            .notInForce),
    ]
}
