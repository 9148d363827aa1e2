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

    /// The lines of the waiting month that rest on its payslip, with `watals --json`'s line for
    /// the same month (the projection of the known work) that each one expects.
    static let restOnThePayslip: [(line: String, label: String, watals: String)] = [
        ("loon", "Loon dat meetelt", "nettoloon"),
        ("meegeteld_inkomen", "Inkomen dat meetelt", "meegeteld_inkomen"),
        ("aanvulling", "Aanvulling van de gemeente", "aanvulling"),
        ("aanvulling_uitbetaald", "Aanvulling op je rekening", "aanvulling_uitbetaald"),
    ]

    /// Every line that rests on the missing payslip shows what the known work gives, as expected.
    ///
    /// Symptom (issue 15, after the Vrijlating line was fixed): December waits for its payslip,
    /// and the wage, the income, the counted income and the top-up were still the settlement of
    /// a zero wage, shown as real amounts: "Loon dat meetelt € 0,00", "Inkomen € 0,00 min
    /// vrijlating € 0,00 = € 0,00 telt mee" and the full norm as top-up, as if the client
    /// earned nothing. Each line that rests on the payslip is marked by the engine as waiting for
    /// it, with what the known work gives (the same month's `watals` numbers) as expected.
    @Test func everyLineThatRestsOnTheMissingPayslipShowsWhatIsExpected() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-wacht-alles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = OneTruthTests.storeWithPayslipsThroughNovember(dir)
        let w = runKompas(
            ["watals", "--maand", "2026-12", "--json"] + OneTruthTests.parent,
            today: OneTruthTests.today)
        let wo = try #require(
            try JSONSerialization.jsonObject(with: Data(w.out.utf8)) as? [String: Any])
        let month = try #require(
            (wo["maand_resultaat"] as? [String: Any])?["bedragen_centen"] as? [String: Int])

        let dec = runKompas(
            ["verrekening", "--maand", "2026-12"], today: OneTruthTests.today, environment: env)
        #expect(dec.code == 0, "\(dec.err)")
        let rows = dec.out.split(separator: "\n").map { OneTruthTests.plain(String($0)) }
        for l in Self.restOnThePayslip {
            let want = try #require(month[l.watals], "watals --json has no \(l.watals)")
            let row = try #require(
                rows.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(l.label) },
                "\(dec.out)")
            #expect(
                row.hasSuffix("verwacht " + OneTruthTests.plain(OneTruthTests.euro(want))),
                "verrekening 2026-12: \(row)")
        }
        let text = OneTruthTests.plain(dec.out)
        #expect(!text.contains("Inkomen € 0,00 min vrijlating € 0,00"), "\(dec.out)")
        #expect(text.contains("Het echte bedrag volgt als je loonstrook over december 2026 er is."))
        // The norm does not rest on the payslip: it stays a real amount.
        let norm = try #require(rows.first { $0.contains("Bijstandsnorm") })
        #expect(!norm.contains("verwacht"))

        let json = runKompas(
            ["verrekening", "--maand", "2026-12", "--json"], today: OneTruthTests.today,
            environment: env)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Any])
        let expected = try #require(o["verwacht_centen"] as? [String: Int])
        for l in Self.restOnThePayslip + [("inkomen", "", "")] {
            #expect(amounts[l.line] is NSNull, "verrekening --json 2026-12 \(l.line): \(amounts)")
            if !l.watals.isEmpty {
                #expect(expected[l.line] == month[l.watals], "\(l.line): \(expected)")
            }
        }
        #expect(amounts["norm"] is Int)
        let steps = try #require(o["uitleg"] as? [[String: Any]])
        let counted = try #require(steps.first { $0["regel"] as? String == "meegeteld_inkomen" })
        #expect(counted["bedrag_centen"] is NSNull)
        let said = "\((counted["stappen"] as? [[String: Any]])?.compactMap { $0["tekst"] } ?? [])"
        #expect(!said.contains("€ 0,00 min vrijlating € 0,00"), "\(said)")

        // In English the same lines say "expected".
        let en = runKompas(
            ["verrekening", "--maand", "2026-12"], language: "en", today: OneTruthTests.today,
            environment: env)
        let enRow = try #require(
            en.out.split(separator: "\n").map { OneTruthTests.plain(String($0)) }.first {
                $0.hasPrefix("Income that counts")
            }, "\(en.out)")
        #expect(enRow.contains("expected "), "\(enRow)")
    }
}
