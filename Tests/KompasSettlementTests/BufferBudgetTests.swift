import Foundation
import KompasCore
import KompasIncome
import Testing

@testable import KompasSettlement

/// Artikel 34b Participatiewet (issue 16): an overpayment caused by counting income from work can be
/// settled from the bufferbudget, at most € 1.000 a calendar year; the municipality decides.
@Suite struct BufferBudgetTests {
    let single = Household(type: .alleenstaande, age: 35)
    func slip(_ month: String, _ net: Int64) -> Payslip {
        Payslip(
            employer: "Winkel", payDate: d("\(month)-25"), periodStart: d("\(month)-01"),
            periodEnd: d("\(month)-28"), frequency: .maand, net: eur(net))
    }
    func preview(_ month: String, settles: Bool, used: Int64 = 0) throws -> SettlementPreview {
        var policy = SettlementPolicy()
        policy.bufferBudgetSettles = settles
        var input = SettlementInput(
            month: m(month), household: single, started: m(month), payslips: [slip(month, 110_000)],
            policy: policy, alreadyPaid: eur(90_000))
        input.bufferBudgetUsed = eur(used)
        return try Settlement.preview(input)
    }

    @Test func from2027TheOverpaymentNamesTheBufferBudget() throws {
        let p = try preview("2027-02", settles: false)
        #expect(p.difference < .zero)
        let b = try #require(p.bufferBudget)
        #expect(b.maximum == eur(100_000))
        #expect(b.used == .zero, "without the municipality's policy nothing is settled")
        #expect(b.remaining == -p.difference)
        #expect(b.step.message.key == "settle.step.bufferPossible")
        #expect(b.step.parameters.first?.state == .voorlopig)
        #expect(p.recovery?.total == -p.difference)
    }

    @Test func theMunicipalitysPolicySettlesUpToWhatIsLeftThisYear() throws {
        let p = try preview("2027-02", settles: true)
        let over = -p.difference
        let b = try #require(p.bufferBudget)
        #expect(b.used == min(over, eur(100_000)))
        #expect(b.remaining == over - b.used)
        let partly = try preview("2027-02", settles: true, used: 80_000)
        let pb = try #require(partly.bufferBudget)
        #expect(pb.available == eur(20_000))
        #expect(pb.used == min(over, eur(20_000)))
        #expect(partly.recovery?.total == over - pb.used)
        #expect(pb.step.message.key == "settle.step.bufferSettled")
    }

    @Test func before2027ThereIsNoBufferBudget() throws {
        let p = try preview("2026-11", settles: true)
        #expect(p.difference < .zero)
        #expect(p.bufferBudget == nil)
    }

    @Test func provisionalFiguresMarkTheSettlement() throws {
        let p = try preview("2027-02", settles: false)
        #expect(p.line(SettlementPreview.Line.norm)?.provisional == true)
        #expect(p.line(SettlementPreview.Line.difference)?.provisional == true)
        #expect(
            p.line(SettlementPreview.Line.alreadyPaid)?.provisional == false, "given by the client")
        #expect(
            p.provisional.contains { $0.id == "pw.norm.alleenstaande" && $0.state == .verwacht })
        let nov = try preview("2026-11", settles: false)
        #expect(nov.lines.allSatisfy { !$0.provisional })
    }
}
