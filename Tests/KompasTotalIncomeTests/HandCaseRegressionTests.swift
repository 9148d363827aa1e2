import KompasCore
import KompasIncome
import KompasRules
import KompasToeslagen
import KompasTotalIncome
import Testing

/// One named test per error the December 2026 hand cases found (issue 17).
@Suite struct HandCaseRegressionTests {
    static let march = CalendarMonth("2026-03")

    /// An 18–20-year-old living alone got the bare youth norm without a word about artikel 20 lid 3–4.
    @Test func youthNormSaysThatArticle20Lid3MayApply() throws {
        let unanswered = try Projector.project(
            ProjectionInput(month: Self.march, household: Household(type: .alleenstaande, age: 19)))
        #expect(unanswered.amount(Projection.Line.norm) == .cents(345_99))
        let warning = try #require(
            unanswered.warnings.first { $0.key == "income.warning.youthSupplementUnanswered" })
        #expect(warning.arguments["amount"] == .money(.cents(746_45)))

        let raised = try Projector.project(
            ProjectionInput(
                month: Self.march,
                household: Household(type: .alleenstaande, age: 19, cannotRelyOnParents: true)))
        #expect(raised.amount(Projection.Line.norm) == .cents(1_092_44))
        #expect(!raised.warnings.contains { $0.key == "income.warning.youthSupplementUnanswered" })

        // Answered "can rely on the parents": the bare norm, no warning.
        let answered = try Projector.project(
            ProjectionInput(
                month: Self.march,
                household: Household(type: .alleenstaande, age: 19, cannotRelyOnParents: false)))
        #expect(answered.amount(Projection.Line.norm) == .cents(345_99))
        #expect(answered.warnings.isEmpty)
        // 21 and older: nothing to ask.
        let adult = try Projector.project(
            ProjectionInput(month: Self.march, household: Household(type: .alleenstaande, age: 21)))
        #expect(!adult.warnings.contains { $0.key == "income.warning.youthSupplementUnanswered" })
    }

    /// With only a net wage the wage counted € 0 in the toetsingsinkomen.
    ///
    /// So every toeslag was overstated (single parent at € 2.500 gross: € 63,76 a month). Net-only now gives the same
    /// toetsingsinkomen and toeslagen as the gross wage, and says the gross wage is derived.
    @Test func netOnlyWageCountsInTheToetsingsinkomen() throws {
        let household = Household(type: .alleenstaandeOuder, age: 25, childrenAges: [4, 7])
        let costs = HouseholdCosts(rent: .cents(720_00))
        let gross = try TotalIncomeCalculator.compute(
            ProjectionInput(
                month: Self.march, household: household, work: .grossMonthly(.cents(2_500_00))),
            costs: costs, provisions: [])
        let net = gross.projection.amount(Projection.Line.net)
        #expect(net == .cents(2_314_00))
        let netOnly = try TotalIncomeCalculator.compute(
            ProjectionInput(month: Self.march, household: household, work: .netMonthly(net)),
            costs: costs, provisions: [])
        #expect(netOnly.projection.amount(Projection.Line.gross) == .cents(2_500_00))
        #expect(netOnly.toetsingsinkomen.total == gross.toetsingsinkomen.total)
        #expect(netOnly.toeslagenMonthly == gross.toeslagenMonthly)
        #expect(netOnly.projection.warnings.contains { $0.key == "income.warning.grossDerived" })
        let step = try #require(netOnly.projection.line(Projection.Line.gross)?.steps.first)
        #expect(step.message.key == "income.gross.derived")
    }

    /// The huurtoeslag explanation said "boven het ijkpunt van € 23.425,00" for a toetsingsinkomen
    /// of € 21.327,63: the amount was right, the sentence wrong.
    @Test func huurtoeslagSentenceBelowTheIjkpunt() throws {
        let r = try Huurtoeslag.calculate(
            on: Self.march.firstDay,
            household: ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650)),
            toetsingsinkomen: .cents(21_327_63))
        #expect(r.trace.contains { $0.message.key == "toeslag.huur.onderIjkpunt" })
        #expect(!r.trace.contains { $0.message.key == "toeslag.huur.afbouw" })
        let above = try Huurtoeslag.calculate(
            on: Self.march.firstDay,
            household: ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650)),
            toetsingsinkomen: .euros(26_000))
        #expect(above.trace.contains { $0.message.key == "toeslag.huur.afbouw" })
    }

    /// `pw.kostendeler.minimumleeftijd` said "27 from 2015"; it was 21 until 31-12-2022.
    @Test func kostendelerMinimumAgeHistory() throws {
        let p = NormParameters.kostendelerMinimumleeftijd
        #expect(try p.value(on: LocalDate("2015-01-01")) == 21)
        #expect(try p.value(on: LocalDate("2022-12-31")) == 21)
        #expect(try p.value(on: LocalDate("2023-01-01")) == 27)
        #expect(try p.value(on: LocalDate("2026-03-01")) == 27)
    }

    /// Wage tax was an annualised approximation (€ 4.000 → € 820,86; € 11.092,50 → € 4.651,80);
    /// the official white table gives € 818,67 and € 4.651,67.
    @Test func wageTaxIsTheOfficialTable() throws {
        for (gross, official) in [(Int64(4_000_00), Int64(818_67)), (11_092_50, 4_651_67)] {
            let p = try Projector.project(
                ProjectionInput(
                    month: Self.march, household: Household(type: .alleenstaande, age: 40),
                    work: .grossMonthly(.cents(gross))))
            #expect(p.amount(Projection.Line.tax) == .cents(official))
        }
    }

    /// The holiday allowance is valued with the tabel bijzondere beloningen, and the counted
    /// aanspraak (8 % of net, an estimate) comes with the range the published table shapes give.
    @Test func holidayPayIsTaxedByItsOwnTable() throws {
        let p = try Projector.project(
            ProjectionInput(
                month: Self.march, household: Household(type: .alleenstaande, age: 40),
                work: .grossMonthly(.cents(1_000_00))))
        let steps = try #require(p.line(Projection.Line.holidayPay)?.steps)
        let whenPaid = try #require(
            steps.first { $0.message.key == "income.holidayPay.netWhenPaid" })
        // Annual wage 12.960: row 12.923, 4,74 %; € 80 − 3,79 = € 76,21.
        #expect(whenPaid.message.arguments["net"] == .money(.cents(76_21)))
        let range = try #require(steps.first { $0.message.key == "income.holidayPay.range" })
        // 2015 shape: 5,99 % × 986,17 − 2,96 = 56,11; 8 % of net: 78,89.
        #expect(range.message.arguments["low"] == .money(.cents(56_11)))
        #expect(range.message.arguments["high"] == .money(.cents(78_89)))
        #expect(p.amount(Projection.Line.holidayPay) == .cents(78_89))
    }
}
