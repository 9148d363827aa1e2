import KompasCore
import KompasRules

/// The exemption for someone who can only work limited hours on medical grounds: 15 % of the net
/// income from work, up to a monthly maximum, without a time limit, but not while onderdeel n
/// applies ("tenzij onderdeel n van toepassing is").
///
/// Source: Participatiewet art. 31 lid 2 onder y. Rounding: half up to the cent, then capped.
public enum VrijlatingY: LegalRule {
    public static let id = "pw.vrijlating.y"
    public static let reference = ExemptionParameters.n

    public struct Input: Sendable {
        public var exemption: ExemptionInput
        public var nApplies: Bool
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> ExemptionOutcome {
        var p = ParameterReader(month)
        return try compute(i.exemption, nApplies: i.nApplies, &p)
    }

    public static func compute(_ i: ExemptionInput, nApplies: Bool, _ p: inout ParameterReader)
        throws -> ExemptionOutcome
    {
        let share = try p(ExemptionParameters.yPercentage)
        let cap = try p(ExemptionParameters.yMaximum)
        guard i.household.medicallyLimited else {
            return .notApplicable(reason: "income.exemption.y.notMedical")
        }
        guard !nApplies else { return .notApplicable(reason: "income.exemption.y.nFirst") }
        guard i.netEarnings > .zero else {
            return .notApplicable(reason: "income.exemption.noEarnings")
        }
        return .applies(
            .medical, amount: min(i.netEarnings.applying(share, rounding: .halfUp), cap),
            monthsLeft: nil)
    }

    static func input(_ net: Int64, medical: Bool = true, n: Bool = false) -> Input {
        Input(
            exemption: ExemptionInput(
                household: Household(type: .alleenstaande, age: 40, medicallyLimited: medical),
                netEarnings: eur(net), workMonth: 8), nApplies: n)
    }
    public static let examples: [RuleExample<Input, ExemptionOutcome>] = [
        .init(
            "15 % van € 600", month: CalendarMonth("2026-03"), input(600_00),
            .value(.applies(.medical, amount: eur(90_00), monthsLeft: nil))),
        .init(
            "maximum € 180,19", month: CalendarMonth("2026-03"), input(1_500_00),
            .value(.applies(.medical, amount: eur(180_19), monthsLeft: nil))),
        .init(
            "maximum € 173,04 in januari 2025", month: CalendarMonth("2025-01"), input(1_500_00),
            .value(.applies(.medical, amount: eur(173_04), monthsLeft: nil))),
        .init(
            "niet samen met onderdeel n", month: CalendarMonth("2026-03"), input(600_00, n: true),
            .value(.notApplicable(reason: "income.exemption.y.nFirst"))),
        .init(
            "geen medische beperking", month: CalendarMonth("2026-03"),
            input(600_00, medical: false),
            .value(.notApplicable(reason: "income.exemption.y.notMedical"))),
    ]
}
