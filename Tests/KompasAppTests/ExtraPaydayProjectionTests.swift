import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasRules
import KompasSettlement
import Testing

@testable import KompasApp

/// Issue 15 (one situation, one computation): the projection of a month with two four-weekly
/// paydays counts what the municipality's settlement counts.
///
/// Before, `watals` averaged every four-weekly job × 13 / 12 whatever the municipality's method:
/// in a municipality that counts pay when it is paid (`betaaldatum`), the month with two payslips
/// showed the average while the settlement of that month (and the municipality) counted both.
@Suite struct ExtraPaydayProjectionTests {
    /// The municipality file of Amsterdam with the pay-date method for four-weekly and weekly pay.
    static func payDateMunicipality() throws -> (MunicipalityFile, text: String) {
        let text = try #require(MunicipalityLoader.builtIn["amsterdam"])
            .replacingOccurrences(
                of: "\"waarde\": \"dertien-twaalfde\"", with: "\"waarde\": \"betaaldatum\"")
        let file = try MunicipalityLoader.decode(Data(text.utf8), name: "betaaldatum")
        #expect(file.settlementPolicy.fourWeekly == .betaaldatum)
        return (file, text)
    }

    /// Issue 15's single parent (children of 3 and 7), 20 hours at € 14,71 every four weeks since
    /// March 2026, paid on Friday 2 October 2026: October has two paydays (2 and 30 October).
    static func situation(payDate: LocalDate?) throws -> Situation {
        var s = try SituationReader.read([
            .household: ["alleenstaande-ouder"], .age: ["34"], .children: ["3 en 7"],
            .hours: ["20"], .hourlyWage: ["14,71"], .frequency: ["4weken"], .started: ["2026-03"],
            .rent: ["720"],
        ])
        s.jobs[0].payDate = payDate
        return s
    }

    @Test func theRuleKeepsItsExamples() {
        #expect(verifyExamples(JobMonthShare.self) == [])
    }

    // The named regression: `watals --maand 2026-10` in a betaaldatum municipality equals the
    // settlement of the two payslips paid that month, and differs from November (one payslip).
    @Test func theMonthWithTwoPaydaysIsTheSettlementOfTwoPayslips() throws {
        let (gem, _) = try Self.payDateMunicipality()
        let s = try Self.situation(payDate: LocalDate("2026-10-02"))
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10"), CalendarMonth("2026-11")], municipality: gem)
        let oct = try #require(r.months[0].projection)
        let nov = try #require(r.months[1].projection)
        typealias P = Projection.Line
        // Two payslips, each taxed at the four-weekly table on its own: twice November's.
        #expect(oct.amount(P.gross) == nov.amount(P.gross) * 2)
        #expect(oct.amount(P.tax) == nov.amount(P.tax) * 2)
        #expect(oct.amount(P.net) == nov.amount(P.net) * 2)
        #expect(oct.topUp < nov.topUp)
        #expect(oct.jobs.first?.share.basis == .payslips(2))

        // The settlement of the two payslips of October with that net pay.
        let net = nov.amount(P.net)
        let slips = [LocalDate("2026-10-02"), LocalDate("2026-10-30")].map { d in
            Payslip(
                employer: "", payDate: d, periodStart: d.adding(days: -32),
                periodEnd: d.adding(days: -5), frequency: .vierWeken,
                gross: nov.amount(P.gross), net: net)
        }
        let settled = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10")], municipality: gem,
            options: EvaluationOptions(payslips: slips, alreadyPaid: .zero, settle: true))
        let p = try #require(settled.settlement)
        typealias L = SettlementPreview.Line
        #expect(p.amount(L.wage) == oct.amount(P.net))
        #expect(p.amount(L.counted) == oct.amount(P.counted))
        #expect(p.amount(L.topUp) == oct.topUp)
    }

    @Test func theSameHouseholdInAnAveragingMunicipalityStaysAveraged() throws {
        let amsterdam = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        let s = try Self.situation(payDate: LocalDate("2026-10-02"))
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10"), CalendarMonth("2026-11")],
            municipality: amsterdam)
        let oct = try #require(r.months[0].projection)
        let nov = try #require(r.months[1].projection)
        #expect(oct.amount(Projection.Line.gross) == nov.amount(Projection.Line.gross))
        #expect(oct.jobs.first?.share.basis == .average)
        // 20 hours × € 14,71 × 4 weeks = € 1.176,80; × 13 / 12 = € 1.274,87.
        #expect(oct.amount(Projection.Line.gross) == .cents(127_487))
        #expect(!oct.warnings.contains { $0.key.hasPrefix("income.warning.payDatesUnknown") })
    }

    @Test func unknownPayDatesStayAveragedAndAreMarked() throws {
        let (gem, _) = try Self.payDateMunicipality()
        let s = try Self.situation(payDate: nil)
        let r = try Engine.evaluate(s, months: [CalendarMonth("2026-10")], municipality: gem)
        let oct = try #require(r.months[0].projection)
        #expect(oct.amount(Projection.Line.gross) == .cents(127_487))
        #expect(oct.jobs.first?.share.basis == .averagePayDatesUnknown)
        #expect(oct.warnings.contains { $0.key == "income.warning.payDatesUnknown.4weken" })
    }

    @Test func aSavedPayslipGivesThePayDates() throws {
        let (gem, _) = try Self.payDateMunicipality()
        let s = try Self.situation(payDate: nil)
        let slip = Payslip(
            payDate: LocalDate("2026-09-04"), periodStart: LocalDate("2026-08-03"),
            periodEnd: LocalDate("2026-08-30"), frequency: .vierWeken, net: .cents(100_000))
        var options = EvaluationOptions()
        options.storedPayslips = [slip]
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10")], municipality: gem, options: options)
        // 4 September + 28 days = 2 October, + 28 = 30 October.
        #expect(r.months[0].projection?.jobs.first?.share.basis == .payslips(2))
    }

    // A month that waits for its payslips expects what the month will count: in October both
    // payslips, the pay dates known from September's saved payslip.
    @Test func theWaitingMonthExpectsBothPayslips() throws {
        let (gem, _) = try Self.payDateMunicipality()
        let s = try Self.situation(payDate: nil)
        let september = Payslip(
            payDate: LocalDate("2026-09-04"), periodStart: LocalDate("2026-08-03"),
            periodEnd: LocalDate("2026-08-30"), frequency: .vierWeken, net: .cents(114_000))
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10")], municipality: gem,
            options: EvaluationOptions(payslips: [september], settle: true))
        let p = try #require(r.settlement)
        #expect(p.awaitsPayslip)
        let oct = try #require(r.months.first?.projection)
        #expect(oct.jobs.first?.share.basis == .payslips(2))
        typealias L = SettlementPreview.Line
        let wage = try #require(p.lines.first { $0.id == L.wage })
        #expect(wage.shown == .awaitsPayslip(expected: oct.amount(Projection.Line.net)))
        let topUp = try #require(p.lines.first { $0.id == L.topUp })
        #expect(topUp.shown == .awaitsPayslip(expected: oct.topUp))
        let exemption = try #require(p.lines.first { $0.id == L.exemption })
        #expect(exemption.shown == .awaitsPayslip(expected: oct.amount(Projection.Line.exemption)))
    }

    // Each job of the work history has its own frequency, pay date and method: the four-weekly
    // job of 2 October has two payslips in October (betaaldatum in this file), the weekly job is
    // spread over the working days (this file keeps Amsterdam's werkdagen for weekly pay).
    @Test func eachJobCountsItsOwnPaydays() throws {
        let (gem, _) = try Self.payDateMunicipality()
        #expect(gem.settlementPolicy.weekly == .werkdagen)
        let s = try SituationReader.read([
            .household: ["alleenstaande-ouder"], .age: ["34"], .children: ["3 en 7"],
            .hours: ["20"], .hourlyWage: ["14,71"], .frequency: ["4weken"], .started: ["2026-03"],
            .payDate: ["2026-10-02"],
            .otherJob: [
                "uren=6 uurloon=15,10 frequentie=week gestart=2026-05 loondatum=2026-10-01"
            ],
        ])
        #expect(s.jobs.map(\.payDate) == [LocalDate("2026-10-02"), LocalDate("2026-10-01")])
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10"), CalendarMonth("2026-11")], municipality: gem)
        let oct = try #require(r.months[0].projection)
        let nov = try #require(r.months[1].projection)
        #expect(
            oct.jobs.map(\.share.basis) == [.payslips(2), .workingDays(days: 22, perPeriod: 5)])
        #expect(
            nov.jobs.map(\.share.basis) == [.payslips(1), .workingDays(days: 21, perPeriod: 5)])
        // 6 hours × € 15,10 = € 90,60 a week; × 22 / 5 = € 398,64; × 21 / 5 = € 380,52.
        #expect(oct.jobs[1].gross == .cents(39_864))
        #expect(nov.jobs[1].gross == .cents(38_052))
        #expect(oct.jobs[0].gross == nov.jobs[0].gross * 2)
    }

    @Test func theToeslagenLookAtTheYearNotTheMonth() throws {
        let (gem, _) = try Self.payDateMunicipality()
        let s = try Self.situation(payDate: LocalDate("2026-10-02"))
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-10"), CalendarMonth("2026-11")], municipality: gem)
        let oct = try #require(r.months[0].total)
        let nov = try #require(r.months[1].total)
        // Thirteen payslips a year, whichever month the thirteenth is paid in.
        #expect(oct.toetsingsinkomen.total == nov.toetsingsinkomen.total)
        #expect(
            oct.projection.amount(Projection.Line.gross)
                > nov.projection.amount(Projection.Line.gross))
    }

    // A saved payslip is the pay date `watals` needs: no --loondatum, the store's payslip of
    // 4 September fixes 2 and 30 October.
    @Test func watalsTakesThePayDateFromASavedPayslip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-15i-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gem = dir.appendingPathComponent("betaaldatum.json")
        try Self.payDateMunicipality().text.write(to: gem, atomically: true, encoding: .utf8)
        let env = [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("opslag").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let add = runKompas(
            [
                "loonstrook", "toevoegen", "--betaaldatum", "2026-09-04", "--periode-van",
                "2026-08-03", "--periode-tot", "2026-08-30", "--netto", "1140,00",
                "--frequentie", "4weken",
            ], today: "2026-09-15", environment: env)
        #expect(add.code == 0, "\(add.err)")
        func net(_ month: String) throws -> Int {
            let r = runKompas(
                [
                    "watals", "--huishouden", "alleenstaande-ouder", "--leeftijd", "34", "--kind",
                    "3", "--kind", "7", "--uren", "20", "--uurloon", "14,71", "--frequentie",
                    "4weken", "--gestart", "2026-03", "--gemeente", gem.path, "--json", "--maand",
                    month,
                ], today: "2026-09-15", environment: env)
            #expect(r.code == 0, "\(r.err)")
            let o = try #require(
                try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let amounts = try #require(o["bedragen_centen"] as? [String: Any])
            return try #require(amounts["nettoloon"] as? Int)
        }
        #expect(try net("2026-10") == 2 * net("2026-11"))
    }

    @Test func watalsShowsTheMonthAndTheMarker() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-15i-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gem = dir.appendingPathComponent("betaaldatum.json")
        try Self.payDateMunicipality().text.write(to: gem, atomically: true, encoding: .utf8)
        let base = [
            "watals", "--zonder-profiel", "--huishouden", "alleenstaande-ouder", "--leeftijd",
            "34", "--kind", "3", "--kind", "7", "--uren", "20", "--uurloon", "14,71",
            "--frequentie", "4weken", "--gestart", "2026-03", "--gemeente", gem.path, "--json",
        ]
        func net(_ extra: [String]) throws -> (Int, [String]) {
            let r = runKompas(base + extra, today: "2026-09-15")
            #expect(r.code == 0, "\(r.err)")
            let o = try #require(
                try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let amounts = try #require(o["bedragen_centen"] as? [String: Any])
            let warnings = (o["waarschuwingen"] as? [[String: Any]] ?? []).compactMap {
                $0["sleutel"] as? String
            }
            return (try #require(amounts["nettoloon"] as? Int), warnings)
        }
        let (october, _) = try net(["--maand", "2026-10", "--loondatum", "2026-10-02"])
        let (november, _) = try net(["--maand", "2026-11", "--loondatum", "2026-10-02"])
        #expect(october == november * 2)
        let (_, marked) = try net(["--maand", "2026-10"])
        #expect(marked.contains("income.warning.payDatesUnknown.4weken"))
    }
}
