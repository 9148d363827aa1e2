import Foundation
import KompasCore
import KompasIncome
import Testing

@testable import KompasSettlement

/// The settlement preview, hand-calculated (norm and exemption from the income engine's 2026 figures).
@Suite struct SettlementPreviewTests {
    let single = Household(type: .alleenstaande, age: 35)
    let march = Payslip(
        employer: "Winkel", payDate: d("2026-03-25"), periodStart: d("2026-03-01"),
        periodEnd: d("2026-03-31"), frequency: .maand, net: eur(80_000))

    @Test func afterwardsStyle() throws {
        let p = try Settlement.preview(
            SettlementInput(
                month: m("2026-03"), household: single, started: m("2026-01"), payslips: [march],
                policy: policy(.dertienTwaalfde)))
        typealias L = SettlementPreview.Line
        #expect(p.amount(L.norm) == eur(140_150))
        #expect(p.amount(L.wage) == eur(80_000))
        #expect(p.amount(L.holidayEntitlement) == eur(6_400))
        #expect(p.amount(L.income) == eur(86_400))
        #expect(p.amount(L.exemption) == eur(21_600), "25 % of 864, third month of n")
        #expect(p.amount(L.counted) == eur(64_800))
        #expect(p.amount(L.topUp) == eur(75_350))
        #expect(p.amount(L.reserved) == eur(3_768), "5 % of 753,50 = 37,675 → 37,68")
        #expect(p.amount(L.topUpPaid) == eur(71_582))
        #expect(
            p.amount(L.alreadyPaid) == eur(133_142),
            "1.401,50 − 70,08 paid before the income was known")
        #expect(p.difference == eur(71_582 - 133_142))
        #expect(p.recovery == RecoveryPlan(total: eur(61_560), months: 1, perMonth: eur(61_560)))
        #expect(p.lines.allSatisfy { !$0.steps.isEmpty }, "every step has a sentence")
    }

    @Test func estimateStyleRecoversOverAtMostSixMonths() throws {
        let feb = Payslip(
            employer: "Winkel", payDate: d("2026-02-25"), periodStart: d("2026-02-01"),
            periodEnd: d("2026-02-28"), frequency: .maand, net: eur(40_000))
        var mar = march
        mar.net = eur(120_000)
        let p = try Settlement.preview(
            SettlementInput(
                month: m("2026-03"), household: single, started: m("2026-01"),
                payslips: [feb, mar],
                policy: policy(.dertienTwaalfde, style: .schatten)))
        // Estimate from February: 400 + 32 = 432; exemption 108; counted 324; top-up 1.077,50; reserved 53,88; paid 1.023,62.
        #expect(p.amount(SettlementPreview.Line.alreadyPaid) == eur(102_362))
        // Actual: 1.200 + 96 = 1.296; exemption 285 (max); counted 1.011; top-up 390,50; reserved 19,53; paid 370,97.
        #expect(p.amount(SettlementPreview.Line.topUpPaid) == eur(37_097))
        #expect(p.recovery?.months == 6)
        #expect(p.recovery?.perMonth == eur(10_878), "652,65 / 6 = 108,775 → 108,78 (rounded up)")
    }

    @Test func givenAdvanceIsUsed() throws {
        let p = try Settlement.preview(
            SettlementInput(
                month: m("2026-03"), household: single, started: m("2026-01"), payslips: [march],
                policy: policy(.dertienTwaalfde), alreadyPaid: eur(70_000)))
        #expect(p.difference == eur(1_582))
        #expect(p.recovery == nil)
    }

    @Test func forecastWarnsAboutTwoPaydaysUnderThePayDateMethod() throws {
        let last = ThirteenTwelfthsAllocation.yearOf13[0]
        let f = try Forecaster.forecast(
            payslips: [last], household: single, started: m("2026-01"),
            policy: policy(.betaaldatum), from: m("2026-02"), count: 11)
        #expect(f.months.map(\.month) == [m("2026-10")])
        #expect(f.months[0].paydays == 2)
        #expect(f.months[0].lowerTopUp > .zero)
        let t = try Forecaster.forecast(
            payslips: [last], household: single, policy: policy(.dertienTwaalfde),
            from: m("2026-02"), count: 11)
        #expect(t.months.isEmpty, "×13/12 leaves the second payslip free")
        #expect(t.reconciliations.first?.difference == eur(-4))
    }

    @Test func hoursEstimate() {
        let recs = [
            HourRecord(date: d("2026-03-02"), hours: 600),
            HourRecord(date: d("2026-03-04"), hours: 600),
            HourRecord(date: d("2026-03-10"), hours: 800),
        ]
        // 1–13 March: 10 working days elapsed, 20 hours: 2 hours a day; 14–31 March: 12 working days left.
        let e = HoursEstimator.estimate(
            records: recs, month: m("2026-03"), today: d("2026-03-13"), hourlyWage: eur(1_500))
        #expect(e.worked == 2_000)
        #expect(e.remainingDays == 12)
        #expect(e.expectedRemaining == 2_400)
        #expect(e.gross == eur(66_000))
        let w = HoursEstimator.estimate(
            records: recs, month: m("2026-03"), today: d("2026-03-13"), hourlyWage: eur(1_500),
            hoursPerWeek: 1_000)
        #expect(w.expectedRemaining == 2_400)
    }
}

/// Reading payslip files: separators, decimals, line numbers, and the validation rules.
@Suite struct PayslipReaderTests {
    @Test func semicolonsAndDutchDecimals() {
        let r = PayslipReader.read(
            Data(
                "betaaldatum;periode_van;periode_tot;netto;bruto;uren;werkgever\n2026-03-25;2026-03-01;2026-03-31;1.234,56;1.500,00;64,5;Winkel\n"
                    .utf8))
        #expect(r.findings.isEmpty)
        #expect(r.rows.first?.payslip.net == eur(123_456))
        #expect(r.rows.first?.payslip.hours == 6_450)
        #expect(r.rows.first?.payslip.frequency == .maand)
    }

    @Test func commasWithQuotedEnglishAndDutchAmounts() {
        let csv =
            "pay_date,period_from,period_to,net\n2026-03-25,2026-03-01,2026-03-31,\"1,234.56\"\n2026-04-24,2026-04-01,2026-04-30,\"800,50\"\n2026-05-25,2026-05-01,2026-05-31,800,50\n"
        let r = PayslipReader.read(Data(csv.utf8))
        #expect(r.rows.map(\.payslip.net) == [eur(123_456), eur(80_050)])
        #expect(r.findings.map(\.line) == [4])
        #expect(r.findings.first?.message.key == "payslip.error.fieldCountComma")
    }

    @Test func badRowsDoNotStopGoodRows() {
        let csv =
            "betaaldatum;periode_van;periode_tot;netto\n2026-02-30;2026-02-01;2026-02-28;100\n2026-03-25;2026-03-01;2026-03-31;abc\n2026-04-24;2026-04-01;2026-04-30;500\n"
        let r = PayslipReader.read(Data(csv.utf8))
        #expect(r.rows.map(\.line) == [4])
        #expect(r.findings.map(\.line) == [2, 3])
    }

    @Test func missingColumnIsOneClearError() {
        let r = PayslipReader.read(Data("betaaldatum;netto\n2026-03-25;100\n".utf8))
        #expect(r.rows.isEmpty && r.findings.first?.message.key == "payslip.error.columns")
    }

    @Test func jsonWithLineNumbers() {
        let json = """
            {"loonstroken": [
              {"betaaldatum": "2026-03-25", "periode_van": "2026-03-01", "periode_tot": "2026-03-31", "netto": 800.5, "loonheffingskorting": true},
              {"betaaldatum": "2026-04-24", "periode_van": "2026-04-01", "periode_tot": "2026-04-30", "netto": "x"}
            ]}
            """
        let r = PayslipReader.read(Data(json.utf8))
        #expect(r.rows.first?.payslip.net == eur(80_050))
        #expect(r.rows.first?.payslip.taxCreditApplied == true)
        #expect(r.findings.map(\.line) == [3])
    }

    @Test func validationRulesWithLines() {
        func row(
            _ line: Int, _ pay: String, _ from: String, _ to: String, net: Int64,
            gross: Int64? = nil, hours: Int? = nil, employer: String = "A"
        ) -> PayslipRow {
            PayslipRow(
                line: line,
                payslip: Payslip(
                    employer: employer, payDate: d(pay), periodStart: d(from), periodEnd: d(to),
                    gross: gross.map(eur), net: eur(net), hours: hours))
        }
        let rows = [
            row(2, "2026-03-25", "2026-03-31", "2026-03-01", net: 100),  // end before start
            // pay date far (warning, kept)
            row(3, "2026-09-25", "2026-03-01", "2026-03-31", net: 100, employer: "B"),
            // net above gross
            row(4, "2026-04-25", "2026-04-01", "2026-04-30", net: 900, gross: 800),
            // 200 hours in 7 days
            row(5, "2026-05-25", "2026-05-01", "2026-05-07", net: 100, hours: 20_000),
            row(6, "2026-06-25", "2026-06-01", "2026-06-30", net: 100),  // good
            // exact duplicate of line 6
            row(7, "2026-06-25", "2026-06-01", "2026-06-30", net: 100),
            row(8, "2026-06-30", "2026-06-15", "2026-07-14", net: 100),  // overlaps line 6
        ]
        let o = PayslipValidator.validate(rows)
        #expect(o.accepted.map(\.line) == [3, 6])
        #expect(
            o.findings.map(\.ruleID) == [
                "loonstrook.einde-voor-begin", "loonstrook.betaaldatum",
                "loonstrook.netto-boven-bruto", "loonstrook.uren",
                "loonstrook.dubbel", "loonstrook.overlap",
            ])
        #expect(o.findings.map(\.line) == [2, 3, 4, 5, 7, 8])
        #expect(o.findings.first { $0.ruleID == "loonstrook.dubbel" }?.level == .waarschuwing)
        // Against stored payslips: the same slip again is a duplicate, not an error.
        let again = PayslipValidator.validate([rows[4]], existing: [rows[4].payslip])
        #expect(again.accepted.isEmpty && !again.hasErrors)
    }
}
