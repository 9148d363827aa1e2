import KompasCore
import KompasIncome
import KompasProvisions
import KompasRules
import KompasTestSupport
import KompasToeslagen
import Testing

@testable import KompasTotalIncome

/// `explain: false` (a sweep's levels, issue 23) skips the toeslagen's sentences and the
/// provisions' checks; everything a view reads besides those must be the same as with the full
/// trace: amounts, entitlements, reasons, provisional figures.
@Suite struct QuietCompletionTests {
    static let amsterdam = fixture(
        from: { try BuiltInProvisions.provisions(for: "amsterdam") }, "amsterdam")

    /// Households across the rules' branches: no rent, rent, children with childcare, a partner,
    /// a young adult, assets above a limit.
    static let cases: [(Household, HouseholdCosts)] = [
        (Household(type: .alleenstaande, age: 35), HouseholdCosts()),
        (Household(type: .alleenstaande, age: 19), HouseholdCosts(rent: .cents(600_00))),
        (
            Household(type: .alleenstaandeOuder, age: 32, childrenAges: [4, 9]),
            HouseholdCosts(
                rent: .cents(720_00),
                childcare: [
                    Childcare(kind: .dagopvang, hoursHundredths: 80_00, hourlyPrice: .cents(10_50)),
                    nil,
                ])
        ),
        (
            Household(type: .samenwonend, age: 40, partnerAge: 41, childrenAges: [15]),
            HouseholdCosts(rent: .cents(1_000_00), assets: .cents(90_000_00))
        ),
    ]

    @Test(arguments: [CalendarMonth("2026-03"), CalendarMonth("2026-12"), CalendarMonth("2027-02")])
    func sameFiguresWithoutSentences(month: CalendarMonth) throws {
        for (household, costs) in Self.cases {
            for hours in [0, 8, 16, 24, 36] {
                let input = ProjectionInput(
                    month: month, household: household,
                    work: hours == 0
                        ? .none : .hourly(hundredthsPerWeek: hours * 100, wage: .cents(14_71)))
                let full = try TotalIncomeCalculator.compute(
                    input, costs: costs, provisions: Self.amsterdam)
                let quiet = try TotalIncomeCalculator.compute(
                    input, costs: costs, provisions: Self.amsterdam, explain: false)
                let label = Comment(rawValue: "\(month) \(household.type) \(hours) h")
                #expect(quiet.total == full.total, label)
                #expect(quiet.keep == full.keep, label)
                #expect(quiet.childcareNetCost == full.childcareNetCost, label)
                #expect(quiet.provisional == full.provisional, label)
                #expect(quiet.hasProvisionalAmounts == full.hasProvisionalAmounts, label)
                #expect(quiet.toeslagen.count == full.toeslagen.count, label)
                for (q, f) in zip(quiet.toeslagen, full.toeslagen) {
                    #expect(q.toeslag == f.toeslag)
                    switch (q.result, f.result) {
                    case (.success(let a), .success(let b)):
                        #expect(a.entitlement == b.entitlement, label)
                        #expect(a.provisional == b.provisional, label)
                        #expect(a.phaseOutStartsAt == b.phaseOutStartsAt, label)
                        #expect(full.isProvisional(f) == quiet.isProvisional(q))
                        // No sentence was built: no step carries arguments.
                        #expect(a.trace.allSatisfy { $0.message.arguments.isEmpty })
                        #expect(!b.trace.isEmpty)
                    case (.failure(let a), .failure(let b)): #expect(a == b)
                    default: Issue.record(label)
                    }
                }
                #expect(quiet.provisionEvaluations.count == full.provisionEvaluations.count)
                for (q, f) in zip(quiet.provisionEvaluations, full.provisionEvaluations) {
                    #expect(q.index == f.index)
                    #expect(q.evaluation.outcome == f.evaluation.outcome, label)
                    #expect(q.evaluation.incomeLimit == f.evaluation.incomeLimit)
                    #expect(q.evaluation.needsVerification == f.evaluation.needsVerification)
                    #expect(q.evaluation.checks.isEmpty)
                }
            }
        }
    }

    /// 2027's toeslag figures are `verwacht`: the quiet trace still carries them, so a sweep
    /// says "voorlopig" as the full one does (this fails if the quiet tracer drops parameters).
    @Test func provisionalFiguresSurviveWithoutSentences() throws {
        let input = ProjectionInput(
            month: CalendarMonth("2027-02"),
            household: Household(type: .alleenstaandeOuder, age: 32, childrenAges: [4, 9]),
            work: .hourly(hundredthsPerWeek: 1600, wage: .cents(14_71)))
        let quiet = try TotalIncomeCalculator.compute(
            input, costs: HouseholdCosts(rent: .cents(720_00)), provisions: [], explain: false)
        let toeslag = quiet.toeslagen.flatMap { (try? $0.result.get().provisional) ?? [] }
        #expect(!toeslag.isEmpty)
    }
}
