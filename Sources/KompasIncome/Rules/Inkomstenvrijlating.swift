import KompasCore
import KompasRules

/// Chooses the exemption that applies in a month.
///
/// Two dated branches, as the law changes its
/// logic (OpenFisca's `formula_YYYY`): until 2026 artikel 31 lid 2 onder n, r and y; from 1-1-2027
/// artikel 34a (start te verifiëren). Each branch is a rule of its own with its own examples.
public enum Inkomstenvrijlating: LegalRule {
    public static let id = "pw.vrijlating"
    public static let reference = ExemptionParameters.n
    /// The first month of the artikel 34a regime.
    public static let pibStart = CalendarMonth("2027-01")

    public struct Result: Sendable, Hashable {
        public var outcome: ExemptionOutcome
        public var step: TraceStep
    }

    public static func evaluate(_ i: ExemptionInput, in month: CalendarMonth) throws
        -> ExemptionOutcome
    {
        var p = ParameterReader(month)
        return try compute(i, &p).outcome
    }

    public static func compute(_ i: ExemptionInput, _ p: inout ParameterReader) throws -> Result {
        let month = p.date.calendarMonth
        if month >= pibStart {
            let o = try Vrijlating34a.compute(i, &p)
            return Result(outcome: o, step: step(o, i, &p, reference: Vrijlating34a.reference))
        }
        let n = try VrijlatingN.compute(i, &p)
        if n.kind != nil {
            return Result(outcome: n, step: step(n, i, &p, reference: VrijlatingN.reference))
        }
        let y = try VrijlatingY.compute(i, nApplies: false, &p)
        if y.kind != nil {
            return Result(outcome: y, step: step(y, i, &p, reference: VrijlatingY.reference))
        }
        let r = try VrijlatingR.compute(i, &p)
        if r.kind != nil {
            return Result(outcome: r, step: step(r, i, &p, reference: VrijlatingR.reference))
        }
        // None applies: explain with the reason of the general rule (the one most people ask about).
        return Result(outcome: n, step: step(n, i, &p, reference: VrijlatingN.reference))
    }

    static func step(
        _ o: ExemptionOutcome, _ i: ExemptionInput, _ p: inout ParameterReader,
        reference: LegalReference
    ) -> TraceStep {
        switch o {
        case .applies(let kind, let amount, let left):
            let args: Message.Arguments =
                if let left {
                    ["amount": .money(amount), "net": .money(i.netEarnings), "left": .number(left)]
                } else {
                    ["amount": .money(amount), "net": .money(i.netEarnings)]
                }
            return TraceStep(
                Message(kind.sentenceKey(limited: left != nil), args), parameters: p.take(),
                reference: reference)
        case .notApplicable(let reason):
            return TraceStep(Message(reason), parameters: p.take(), reference: reference)
        }
    }

    static func input(_ h: Household, _ net: Int64, month: Int) -> ExemptionInput {
        ExemptionInput(household: h, netEarnings: eur(net), workMonth: month)
    }
    static let single35 = Household(type: .alleenstaande, age: 35)
    static let parent30 = Household(type: .alleenstaandeOuder, age: 30, childrenAges: [11])
    static let medical40 = Household(type: .alleenstaande, age: 40, medicallyLimited: true)
    public static let examples: [RuleExample<ExemptionInput, ExemptionOutcome>] = [
        .init(
            "eerste maand: n", month: CalendarMonth("2026-03"), input(single35, 800_00, month: 1),
            .value(.applies(.general, amount: eur(200_00), monthsLeft: 5))),
        .init(
            "zevende maand alleenstaande: geen", month: CalendarMonth("2026-03"),
            input(single35, 800_00, month: 7),
            .value(.notApplicable(reason: "income.exemption.n.used"))),
        .init(
            "zevende maand ouder met kind van 11: r", month: CalendarMonth("2026-03"),
            input(parent30, 800_00, month: 7),
            .value(.applies(.singleParent, amount: eur(100_00), monthsLeft: 29))),
        .init(
            "medisch eerste maand: n gaat voor", month: CalendarMonth("2026-03"),
            input(medical40, 800_00, month: 1),
            .value(.applies(.general, amount: eur(200_00), monthsLeft: 5))),
        .init(
            "medisch na n: y", month: CalendarMonth("2026-03"), input(medical40, 800_00, month: 7),
            .value(.applies(.medical, amount: eur(120_00), monthsLeft: nil))),
        .init(
            "2027: art. 34a, gestart in september 2026: maart is maand 3",
            month: CalendarMonth("2027-03"), input(single35, 800_00, month: 7),
            .value(.applies(.pib, amount: eur(120_00), monthsLeft: 9))),
    ]
}
