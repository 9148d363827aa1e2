import Foundation
import KompasTestSupport
import Testing

/// The guide's settlement of a month that waits for its payslip shows, on its Vrijlating line,
/// the exemption the schedule expects (as `watals` computes it), never "€ 0,00" (issue 15).
@Suite struct GuideWaitingMonthTests {
    @Test func theGuidesSettlementOfAWaitingMonthShowsTheExpectedExemption() throws {
        let p = try GuideJourneyTests.Place()
        defer { try? FileManager.default.removeItem(at: p.dir) }
        let first = try p.guide(GuideJourneyTests.firstRun + ["stop"])
        #expect(first.status == 0, "\(first.stderr)")
        let work = [
            "--huishouden", "alleenstaande-ouder", "--leeftijd", "35", "--kind", "3", "--kind",
            "7", "--uren", "20", "--uurloon", "14,71", "--huur", "720", "--gestart", "2025-12",
        ]
        let set = try TestSupport.kompas(
            ["profiel", "instellen"] + work, environment: p.env(passphrase: true))
        #expect(set.status == 0, "\(set.stderr)")
        for (pay, from, to) in [
            ("2026-01-25", "2026-01-01", "2026-01-31"), ("2026-02-25", "2026-02-01", "2026-02-28"),
        ] {
            let add = try TestSupport.kompas(
                [
                    "loonstrook", "toevoegen", "--betaaldatum", pay, "--periode-van", from,
                    "--periode-tot", to, "--netto", "1180,00", "--bruto", "1274,87",
                    "--werkgever", "Zorg",
                ], environment: p.env(passphrase: true))
            #expect(add.status == 0, "\(add.stderr)")
        }
        // March 2026 (today) has no payslip yet.
        let watals = try TestSupport.kompas(
            ["watals", "--zonder-profiel", "--maand", "2026-03"] + work, environment: p.env())
        let line = try #require(
            watals.stdout.split(separator: "\n").first { $0.contains("Vrijlating:") })
        let amount = try #require(line.firstMatch(of: /(€\s[0-9.]+,[0-9]{2})/)?.output.1)
        let r = try p.guide([GuideJourneyTests.passphrase, "3", "", "stop"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.replacingOccurrences(of: "\u{00A0}", with: " ")
        let row = try #require(
            out.split(separator: "\n").first {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("Vrijlating")
            }, "\(out)")
        #expect(!row.contains("€ 0,00"), "guide 2026-03: \(row)")
        #expect(
            row.hasSuffix("verwacht " + amount.replacingOccurrences(of: "\u{00A0}", with: " ")),
            "guide 2026-03: \(row), watals: \(line)")
    }

    /// The guide's settlement of a waiting month shows every line that rests on it as expected.
    ///
    /// Symptom (issue 15, after the Vrijlating line): the guide's settlement of the waiting month
    /// still showed "Loon dat meetelt € 0,00", "Inkomen € 0,00 min vrijlating € 0,00" and the full
    /// norm as "Aanvulling", as if the client earned nothing while the payslip was not there yet.
    /// Every line that rests on the payslip says what the known work gives, as expected.
    @Test func theGuidesSettlementOfAWaitingMonthShowsEveryLineAsExpected() throws {
        let p = try GuideJourneyTests.Place()
        defer { try? FileManager.default.removeItem(at: p.dir) }
        let first = try p.guide(GuideJourneyTests.firstRun + ["stop"])
        #expect(first.status == 0, "\(first.stderr)")
        let set = try TestSupport.kompas(
            [
                "profiel", "instellen", "--huishouden", "alleenstaande-ouder", "--leeftijd", "35",
                "--kind", "3", "--kind", "7", "--uren", "20", "--uurloon", "14,71", "--huur",
                "720", "--gestart", "2026-01",
            ], environment: p.env(passphrase: true))
        #expect(set.status == 0, "\(set.stderr)")
        let add = try TestSupport.kompas(
            [
                "loonstrook", "toevoegen", "--betaaldatum", "2026-02-25", "--periode-van",
                "2026-02-01", "--periode-tot", "2026-02-28", "--netto", "1180,00", "--bruto",
                "1274,87", "--werkgever", "Zorg",
            ], environment: p.env(passphrase: true))
        #expect(add.status == 0, "\(add.stderr)")
        // March 2026 (today, the default month) has no payslip yet.
        let r = try p.guide([GuideJourneyTests.passphrase, "3", "", "stop"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.replacingOccurrences(of: "\u{00A0}", with: " ")
        let rows = out.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        for label in [
            "Loon dat meetelt", "Inkomen samen", "Inkomen dat meetelt",
            "Aanvulling van de gemeente",
            "Aanvulling op je rekening",
        ] {
            let row = try #require(rows.first { $0.hasPrefix(label) }, "\(out)")
            #expect(row.contains("verwacht €"), "guide 2026-03: \(row)")
        }
        let flat = GuideJourneyTests.flat(out)
        #expect(!flat.contains("Inkomen € 0,00 min vrijlating € 0,00"), "\(out)")
        #expect(flat.contains("volgt als je loonstrook over maart 2026 er is."), "\(out)")
    }
}
