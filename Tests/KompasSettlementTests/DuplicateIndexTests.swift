import KompasCore
import Testing

@testable import KompasSettlement

/// The validator's duplicate index (issue 23) gives exactly the answer of the scan it replaced:
/// the lowest index of a kept payslip equal to the new one.
@Suite struct DuplicateIndexTests {
    typealias Dice = PeriodIndexTests.Dice

    /// Issue 23: the duplicate index finds the first equal kept payslip, as a scan of all of them
    /// did, also when several kept payslips share the dates and net amount but differ elsewhere.
    @Test func firstDuplicateMatchesAScan() {
        var dice = Dice(state: 23)
        for _ in 0..<20 {
            var index = DuplicateIndex(capacity: 0)
            var kept: [Payslip] = []
            for _ in 0..<150 {
                let start = LocalDate("2026-01-01").adding(days: 7 * dice.next(5))
                var p = Payslip(
                    employer: ["Winkel", "Café", "winkel"][dice.next(3)],
                    payDate: start.adding(days: 28), periodStart: start,
                    periodEnd: start.adding(days: 27), net: .euros(Int64(300 + 100 * dice.next(2))))
                if dice.next(3) == 0 { p.hours = 1_000 + dice.next(2) * 600 }
                if dice.next(4) == 0 { p.holidayPayPaid = .euros(50) }
                #expect(index.first(equalTo: p, in: kept) == kept.firstIndex(of: p))
                if dice.next(2) == 0 {
                    index.insert(p, at: kept.count)
                    kept.append(p)
                }
            }
        }
    }

    @Test func theValidatorReportsADuplicateOnlyForAnEqualPayslip() {
        let march = Payslip(
            employer: "Winkel", payDate: LocalDate("2026-03-25"),
            periodStart: LocalDate("2026-03-01"), periodEnd: LocalDate("2026-03-31"),
            net: .euros(800))
        var otherEmployer = march
        otherEmployer.employer = "Café"
        let rows = [march, otherEmployer, otherEmployer, march].enumerated().map {
            PayslipRow(line: $0.offset + 2, payslip: $0.element)
        }
        let outcome = PayslipValidator.validate(rows)
        #expect(outcome.findings.map(\.ruleID) == ["loonstrook.dubbel", "loonstrook.dubbel"])
        #expect(outcome.findings.map(\.line) == [4, 5])
        #expect(outcome.findings.map { $0.message.arguments["line"] } == [.number(3), .number(2)])
        #expect(outcome.accepted.count == 2)
    }
}
