import Foundation
import KompasCore
import Testing

@testable import KompasApp

/// A month waiting for its payslip shows on its Vrijlating line what its sentence says.
///
/// Symptom (issue 15): in December 2026 the single parent's settlement said "In december 2026
/// geldt nog je vrijlating alleenstaande ouder … € 168,47. Het echte bedrag volgt als je
/// loonstrook er is." beside a Vrijlating line of "€ 0,00" (the rules on a wage that is not
/// there yet), and the JSON gave 0 for it. The engine decides how the line is shown
/// (`SettlementLine.shown`): the schedule's amount, marked as expected; the JSON gives null
/// with the expected amount under `verwacht_centen`.
@Suite struct WaitingMonthLineTests {
    @Test func theExemptionLineOfAWaitingMonthShowsTheExpectedAmount() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-wacht-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = OneTruthTests.storeWithPayslipsThroughNovember(dir)
        let w = runKompas(["watals", "--maand", "2026-12"] + OneTruthTests.parent)
        let watalsLine = try #require(
            w.out.split(separator: "\n").first { $0.contains("Vrijlating:") }.map {
                OneTruthTests.plain(String($0))
            })
        let amount = try #require(watalsLine.firstMatch(of: /(€ [0-9.]+,[0-9]{2})/)?.output.1)
        let cents = try #require(Money.parse(String(amount.dropFirst(2)))?.cents)

        let dec = runKompas(
            ["verrekening", "--maand", "2026-12"], today: OneTruthTests.today, environment: env)
        #expect(dec.code == 0, "\(dec.err)")
        let text = OneTruthTests.plain(dec.out)
        let line = try #require(
            dec.out.split(separator: "\n").first {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("Vrijlating")
            }.map { OneTruthTests.plain(String($0)) }, "\(dec.out)")
        #expect(!line.contains("€ 0,00"), "verrekening 2026-12: \(line)")
        #expect(line.hasSuffix("verwacht \(amount)"), "verrekening 2026-12: \(line)")
        #expect(text.contains("Met het werk dat Kompas van je weet, is die \(amount)."))

        let json = runKompas(
            ["verrekening", "--maand", "2026-12", "--json"], today: OneTruthTests.today,
            environment: env)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Any])
        #expect(amounts["vrijlating"] is NSNull, "verrekening --json 2026-12: \(amounts)")
        let expected = try #require(o["verwacht_centen"] as? [String: Int])
        #expect(expected["vrijlating"].map(Int64.init) == cents)
        let explained = try #require(o["uitleg"] as? [[String: Any]]).first {
            $0["regel"] as? String == "vrijlating"
        }
        #expect(explained?["bedrag_centen"] is NSNull)

        // November has its payslip: its line is the rules' own amount, nothing expected.
        let nov = runKompas(
            ["verrekening", "--maand", "2026-11", "--json"], today: OneTruthTests.today,
            environment: env)
        let n = try #require(
            try JSONSerialization.jsonObject(with: Data(nov.out.utf8)) as? [String: Any])
        #expect((n["bedragen_centen"] as? [String: Any])?["vrijlating"] is Int)
        #expect((n["verwacht_centen"] as? [String: Any])?.isEmpty == true)
    }
}
