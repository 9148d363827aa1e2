import KompasCore
import Testing

@testable import KompasSettlement

/// The validator's overlap index (issue 18) gives exactly the answer of the scan it replaced:
/// the lowest index of a kept payslip of the same employer whose period overlaps.
@Suite struct PeriodIndexTests {
    /// A small deterministic generator (64-bit LCG), so a failure can be replayed.
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func firstOverlapMatchesAScanOnRandomPeriods() {
        var dice = Dice(state: 18)
        for _ in 0..<20 {
            var index = PeriodIndex()
            var kept: [(start: LocalDate, end: LocalDate, employer: String)] = []
            let base = LocalDate("2026-01-01")
            for _ in 0..<200 {
                let start = base.adding(days: dice.next(400))
                let end = start.adding(days: dice.next(dice.next(4) == 0 ? 120 : 30))
                let employer = ["a", "b", "c"][dice.next(3)]
                let scan = kept.indices.first { i in
                    kept[i].start <= end && start <= kept[i].end && kept[i].employer == employer
                }
                #expect(index.firstOverlap(employer: employer, start: start, end: end) == scan)
                // Keep it as the validator would (overlapping ones too, as old stores may have).
                index.insert(start: start, end: end, index: kept.count, employer: employer)
                kept.append((start, end, employer))
            }
        }
    }

    @Test func theValidatorStillReportsOverlapAndDoubleTaxCredit() {
        let rows = [
            Payslip(
                employer: "Winkel", payDate: LocalDate("2026-03-25"),
                periodStart: LocalDate("2026-03-01"), periodEnd: LocalDate("2026-03-31"),
                net: .euros(800), taxCreditApplied: true),
            Payslip(
                employer: "Café", payDate: LocalDate("2026-03-27"),
                periodStart: LocalDate("2026-03-01"), periodEnd: LocalDate("2026-03-31"),
                net: .euros(300), taxCreditApplied: true),
            Payslip(
                employer: "winkel", payDate: LocalDate("2026-04-25"),
                periodStart: LocalDate("2026-03-20"), periodEnd: LocalDate("2026-04-19"),
                net: .euros(800)),
        ].enumerated().map { PayslipRow(line: $0.offset + 2, payslip: $0.element) }
        let outcome = PayslipValidator.validate(rows)
        #expect(
            outcome.findings.map(\.ruleID) == ["loonstrook.korting-dubbel", "loonstrook.overlap"])
        #expect(outcome.findings.map(\.line) == [3, 4])
        #expect(outcome.accepted.count == 2)
    }
}
