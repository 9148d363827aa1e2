import KompasCore
import KompasIncome
import KompasProvisions
import KompasTestSupport
import Testing

@testable import KompasTotalIncome

/// Amsterdam's kwijtschelding of the afvalstoffenheffing for a single person who works part-time.
///
/// Issue 15: the exempted earnings do not count (Uitvoeringsregeling Invorderingswet 1990, artikel 14
/// lid 1 onder c 9°), so the waiver stays whole while the top-up fills the income to the norm, and
/// shrinks only once the counted income passes the kosten van bestaan (100 % of the norm).
@Suite struct KwijtscheldingIncomeTests {
    static let household = Household(type: .alleenstaande, age: 35)

    static func provision() throws -> MunicipalProvision {
        try #require(
            try BuiltInProvisions.provisions(for: "amsterdam")?.first {
                $0.id == "amsterdam.kwijtschelding"
            })
    }

    static func compute(_ month: String, _ work: WorkInput, rent: Money? = nil) throws
        -> TotalIncome
    {
        try TotalIncomeCalculator.compute(
            ProjectionInput(
                month: fixture(CalendarMonth.parse(month), month), household: household,
                work: work),
            costs: HouseholdCosts(rent: rent), provisions: [try provision()])
    }

    static func evaluation(_ t: TotalIncome) throws -> ProvisionEvaluation {
        try #require(t.provisions.first?.evaluation)
    }

    /// 0, 8, 16 and 24 hours at € 14,71 in a month of 2026 and of 2027: the top-up still fills the
    /// income to the norm, so the whole € 344 is waived — also with an exemption of up to € 285.
    @Test(arguments: ["2026-03", "2026-11", "2027-03"], [0, 8, 16, 24])
    func fullWhileTheTopUpFillsToTheNorm(month: String, hours: Int) throws {
        let work: WorkInput =
            hours == 0 ? .none : .hourly(hundredthsPerWeek: hours * 100, wage: .cents(14_71))
        let t = try Self.compute(month, work)
        let p = t.projection
        #expect(p.amount(Projection.Line.topUp) > .zero, "still on bijstand at \(hours) h")
        if hours > 0 { #expect(p.amount(Projection.Line.exemption) > .zero, "\(hours) h") }
        let e = try Self.evaluation(t)
        #expect(e.waiver?.disposableIncome == p.amount(Projection.Line.norm))
        #expect(e.waiver?.kind == .full, "\(month), \(hours) h")
        #expect(e.monthlyValue == .cents(28_67), "344 / 12, \(month), \(hours) h")
    }

    /// Net monthly wages from the norm up: the waiver never grows with the wage, is partial for a
    /// narrow band (where the counted income is at most € 35,83 above the norm: 344 / 12 / 0,8) and
    /// then nothing; each partial waiver is the tax minus 80 % of twelve months' surplus.
    @Test(arguments: ["2026-03", "2027-03"])
    func partialThenNone(month: String) throws {
        var previous: Money?
        var kinds: Set<Kwijtschelding.Outcome.Kind> = []
        for euros in stride(from: Int64(1_300), through: 2_200, by: 5) {
            let t = try Self.compute(month, .netMonthly(.euros(euros)))
            let e = try Self.evaluation(t)
            let w = try #require(e.waiver)
            let p = t.projection
            // Netto-besteedbaar: what counts for the bijstand plus the bijstand, never the exemption.
            #expect(
                w.disposableIncome
                    == p.amount(Projection.Line.counted) + p.amount(Projection.Line.topUp))
            #expect(w.expenses == .zero, "no rent, no housing costs")
            let surplus = max(w.disposableIncome - p.amount(Projection.Line.norm), .zero)
            let used = (surplus * 12).scaled(by: 80, over: 100, rounding: .up)
            #expect(w.waived == max(.euros(344) - used, .zero), "€ \(euros)")
            if let previous { #expect(w.waived <= previous, "€ \(euros)") }
            previous = w.waived
            kinds.insert(w.kind)
            if w.kind == .partial {
                #expect(e.partialWaiverMessage != nil)
                #expect(e.monthlyValue == w.waived.scaled(by: 1, over: 12))
            }
        }
        #expect(kinds == [.full, .partial, .none], "\(month): \(kinds)")
        // Far above the norm: nothing, with the reason in money.
        let far = try Self.evaluation(try Self.compute(month, .netMonthly(.euros(2_500))))
        guard case .notEligible(.capacityCoversTax(let used, let tax)) = far.outcome else {
            Issue.record("expected no waiver, got \(far.outcome)")
            return
        }
        #expect(tax == .euros(344) && used > tax)
    }

    /// With rent, the nettowoonlasten above the normhuur are an expense (artikel 15 lid 1 onder b):
    /// the same wage leaves a larger waiver than without rent, and the expense is the rent minus the
    /// month's huurtoeslag above the normhuur.
    @Test func rentRaisesTheWaiver() throws {
        var larger = 0
        for euros in stride(from: Int64(1_400), through: 1_900, by: 10) {
            let with = try Self.compute("2026-03", .netMonthly(.euros(euros)), rent: .cents(650_00))
            let without = try Self.compute("2026-03", .netMonthly(.euros(euros)))
            let w = try #require(try Self.evaluation(with).waiver)
            let huurtoeslag =
                with.toeslagen.first { $0.toeslag == .huurtoeslag }?.monthly ?? .zero
            #expect(
                w.expenses
                    == (try KwijtscheldingWoonlasten.evaluate(
                        .init(rent: .cents(650_00), huurtoeslag: huurtoeslag),
                        in: CalendarMonth("2026-03"))))
            let bare = try #require(try Self.evaluation(without).waiver)
            #expect(w.waived >= bare.waived, "€ \(euros)")
            if w.waived > bare.waived { larger += 1 }
        }
        #expect(larger > 0)
    }
}
