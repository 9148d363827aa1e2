import KompasCore
import KompasIncome
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasSettlement

func d(_ s: String) -> LocalDate { fixture(LocalDate.parse(s), s) }
func m(_ s: String) -> CalendarMonth { fixture(CalendarMonth.parse(s), s) }
func eur(_ cents: Int64) -> Money { Money(cents: cents) }

func policy(
    _ four: AllocationMethod, weekly: AllocationMethod = .werkdagen,
    other: AllocationMethod = .werkdagen,
    holidayMonthly: Bool = true, bonus: BonusMethod = .opbouwmaanden,
    style: SettlementStyle = .achteraf
) -> SettlementPolicy {
    SettlementPolicy(
        fourWeekly: four, weekly: weekly, other: other, yearEndBonus: bonus, style: style,
        income: IncomePolicy(holidayPayCountedMonthly: holidayMonthly))
}

/// Every allocation rule's worked examples, run by the one verifier.
@Suite struct SettlementRuleExampleTests {
    @Test func payDate() { #expect(verifyExamples(PayDateAllocation.self) == []) }
    @Test func workingDays() { #expect(verifyExamples(WorkingDaysAllocation.self) == []) }
    @Test func thirteenTwelfths() { #expect(verifyExamples(ThirteenTwelfthsAllocation.self) == []) }
    @Test func yearEndBonus() { #expect(verifyExamples(YearEndBonusAllocation.self) == []) }
    @Test func holidayPay() { #expect(verifyExamples(HolidayPayAllocation.self) == []) }
}

/// Hand-calculated cases for each method (issue 5, "Verification").
@Suite struct HandCalculatedAllocationTests {
    let year = ThirteenTwelfthsAllocation.yearOf13

    @Test func thirteenFourWeeklyPayslipsOneMonthHasTwo() {
        let months = year.map { $0.payDate.calendarMonth }
        #expect(months.filter { $0 == m("2026-10") }.count == 2, "paid 2 and 30 October")
        #expect(Set(months).count == 12)
    }

    @Test func thirteenTwelfthsCountsEveryMonthTheSameAndReconcilesAfterTheYear() {
        let a = Allocator.allocate(year, policy: policy(.dertienTwaalfde))
        for n in 1...12 {
            #expect(a.counted(in: CalendarMonth(year: 2026, month: n)!) == eur(86_667))
        }
        #expect(
            a.uncounted.count == 1 && a.payslips[a.uncounted[0].slip].payDate == d("2026-10-30"))
        #expect(a.reconciliations.count == 1)
        #expect(
            a.reconciliations[0].difference == eur(-4),
            "12 × 866,67 = 10.400,04 against 10.400,00 paid")
    }

    @Test func payDateCountsOctoberTwice() {
        let a = Allocator.allocate(year, policy: policy(.betaaldatum))
        #expect(a.counted(in: m("2026-10")) == eur(160_000))
        #expect(a.counted(in: m("2026-09")) == eur(80_000))
        #expect(a.reconciliations.isEmpty)
    }

    @Test func workingDaysSplitsPeriodsOverMonths() {
        // Period 1: Mon 22 Dec 2025 – Sun 18 Jan 2026: 8 working days in December, 12 in January.
        // Period 2: Mon 19 Jan – Sun 15 Feb: 10 and 10.
        let a = Allocator.allocate(year, policy: policy(.werkdagen))
        #expect(a.counted(in: m("2025-12")) == eur(32_000))
        #expect(a.counted(in: m("2026-01")) == eur(48_000 + 40_000))
        #expect(a.counted(in: m("2026-10")) != eur(160_000))
    }

    @Test func weeklyPayAcrossAMonthBoundary() {
        let s = Payslip(
            employer: "Zorg", payDate: d("2026-10-09"), periodStart: d("2026-09-28"),
            periodEnd: d("2026-10-04"), frequency: .week, net: eur(25_000))
        let wd = Allocator.allocate([s], policy: policy(.dertienTwaalfde, weekly: .werkdagen))
        #expect(wd.counted(in: m("2026-09")) == eur(15_000))
        #expect(wd.counted(in: m("2026-10")) == eur(10_000))
        let pd = Allocator.allocate([s], policy: policy(.dertienTwaalfde, weekly: .betaaldatum))
        #expect(pd.counted(in: m("2026-10")) == eur(25_000))
        #expect(pd.counted(in: m("2026-09")) == .zero)
    }

    @Test func twoEmployers() {
        let a = Payslip(
            employer: "Winkel", payDate: d("2026-03-25"), periodStart: d("2026-03-01"),
            periodEnd: d("2026-03-31"), frequency: .maand, net: eur(50_000))
        let b = Payslip(
            employer: "Schoonmaak", payDate: d("2026-03-13"), periodStart: d("2026-02-09"),
            periodEnd: d("2026-03-08"), frequency: .vierWeken, net: eur(40_000))
        let x = Allocator.allocate([a, b], policy: policy(.dertienTwaalfde))
        #expect(x.counted(in: m("2026-03")) == eur(50_000 + 43_333), "400 × 13/12 = 433,33")
        let w = Allocator.allocate([a, b], policy: policy(.werkdagen))
        // 9 Feb – 8 Mar: 15 working days in February, 5 in March.
        #expect(w.counted(in: m("2026-02")) == eur(30_000))
        #expect(w.counted(in: m("2026-03")) == eur(50_000 + 10_000))
    }

    @Test func jobStartingOnThe20th() {
        let s = Payslip(
            employer: "Magazijn", payDate: d("2026-02-20"), periodStart: d("2026-01-20"),
            periodEnd: d("2026-02-16"), frequency: .vierWeken, net: eur(60_000))
        // 20–31 January: 9 working days; 1–16 February: 11.
        let w = Allocator.allocate([s], policy: policy(.werkdagen))
        #expect(w.counted(in: m("2026-01")) == eur(27_000))
        #expect(w.counted(in: m("2026-02")) == eur(33_000))
        let t = Allocator.allocate([s], policy: policy(.dertienTwaalfde))
        #expect(t.counted(in: m("2026-02")) == eur(65_000))
        #expect(t.reconciliations[0].difference == eur(-5_000))
        #expect(
            Allocator.allocate([s], policy: policy(.betaaldatum)).counted(in: m("2026-02"))
                == eur(60_000))
    }

    @Test func holidayPayInMay() throws {
        let s = Payslip(
            employer: "Winkel", payDate: d("2026-05-25"), periodStart: d("2026-05-01"),
            periodEnd: d("2026-05-31"), frequency: .maand,
            net: eur(135_000), holidayPayPaid: eur(55_000))
        let monthly = policy(.dertienTwaalfde, holidayMonthly: true)
        let a = Allocator.allocate([s], policy: monthly)
        #expect(a.counted(in: m("2026-05")) == eur(80_000))
        #expect(a.uncounted.map(\.amount) == [eur(55_000)])
        let w = try Settlement.workIncome(a, month: m("2026-05"), policy: monthly)
        #expect(w.entitlement == eur(6_400), "8 % of € 800")
        #expect(w.total == eur(86_400))
        let whenPaid = policy(.dertienTwaalfde, holidayMonthly: false)
        let b = Allocator.allocate([s], policy: whenPaid)
        #expect(
            try Settlement.workIncome(b, month: m("2026-05"), policy: whenPaid).total
                == eur(135_000))
    }

    @Test func yearEndBonusInDecember() {
        let slips = (1...12).map { n -> Payslip in
            let mm = CalendarMonth(year: 2026, month: n)!
            return Payslip(
                employer: "Kantoor", payDate: LocalDate(year: 2026, month: n, day: 25)!,
                periodStart: mm.firstDay, periodEnd: mm.lastDay,
                frequency: .maand, net: eur(n == 12 ? 140_000 : 80_000),
                yearEndBonus: n == 12 ? eur(60_000) : .zero)
        }
        let spread = Allocator.allocate(
            slips, policy: policy(.dertienTwaalfde, bonus: .opbouwmaanden))
        #expect(spread.counted(in: m("2026-01")) == eur(85_000))
        #expect(spread.counted(in: m("2026-12")) == eur(85_000))
        let once = Allocator.allocate(slips, policy: policy(.dertienTwaalfde, bonus: .betaalmaand))
        #expect(once.counted(in: m("2026-01")) == eur(80_000))
        #expect(once.counted(in: m("2026-12")) == eur(140_000))
    }
}

/// Over a whole year, each method counts exactly what was paid: nothing lost, nothing twice.
@Suite struct AllocationPropertyTests {
    struct Rng {
        var s: UInt64
        mutating func next(_ n: Int) -> Int {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((s >> 33) % UInt64(n))
        }
    }

    /// A random year: one to three employers, each weekly, four-weekly or monthly, starting somewhere
    /// in the year, with random amounts, holiday pay in May and sometimes a bonus in December.
    func randomYear(_ r: inout Rng) -> [Payslip] {
        var slips: [Payslip] = []
        for e in 0..<(1 + r.next(3)) {
            let f = [PayslipFrequency.week, .vierWeken, .maand][r.next(3)]
            let name = "Werkgever \(e)"
            let start = LocalDate("2026-01-01").adding(days: r.next(200))
            func amount() -> Money { Money(cents: Int64(1_000 + r.next(150_000))) }
            switch f {
            case .maand:
                var mm = start.calendarMonth
                while mm.year == 2026 {
                    let net = amount()
                    let hp = mm.month == 5 ? Money(cents: Int64(r.next(Int(net.cents)))) : .zero
                    let bonus =
                        mm.month == 12 && r.next(2) == 0
                        ? Money(cents: Int64(r.next(Int((net - hp).cents)))) : .zero
                    slips.append(
                        Payslip(
                            employer: name,
                            payDate: mm.day(25),
                            periodStart: mm.firstDay, periodEnd: mm.lastDay,
                            frequency: .maand, net: net, holidayPayPaid: hp, yearEndBonus: bonus))
                    mm = mm.advanced(by: 1)
                }
            default:
                let step = f == .week ? 7 : 28
                var from = start
                while from.adding(days: step + 4).year == 2026 {
                    let to = from.adding(days: step - 1)
                    let pay = to.adding(days: 4)
                    let net = amount()
                    let hp =
                        pay.month == 5 && r.next(3) == 0
                        ? Money(cents: Int64(r.next(Int(net.cents)))) : .zero
                    slips.append(
                        Payslip(
                            employer: name, payDate: pay, periodStart: from, periodEnd: to,
                            frequency: f, net: net, holidayPayPaid: hp))
                    from = to.adding(days: 1)
                }
            }
        }
        return slips
    }

    @Test(arguments: AllocationMethod.allCases)
    func totalCountedEqualsTotalPaid(_ method: AllocationMethod) {
        var r = Rng(s: 20_260_101 &+ UInt64(method.rawValue.count))
        for _ in 0..<300 {
            let slips = randomYear(&r)
            let paid = slips.reduce(Money.zero) { $0 + $1.net }
            for holidayMonthly in [true, false] {
                for bonus in BonusMethod.allCases {
                    let p = policy(
                        method, weekly: method == .dertienTwaalfde ? .werkdagen : method,
                        other: method == .dertienTwaalfde ? .werkdagen : method,
                        holidayMonthly: holidayMonthly, bonus: bonus)
                    let a = Allocator.allocate(slips, policy: p)
                    let counted = a.shares.reduce(Money.zero) { $0 + $1.amount }
                    let free = a.uncounted.filter { $0.kind == .vakantiegeld }.reduce(Money.zero) {
                        $0 + $1.amount
                    }
                    let reconciled = a.reconciliations.reduce(Money.zero) { $0 + $1.difference }
                    #expect(
                        counted + free + reconciled == paid,
                        "\(method) holidayMonthly=\(holidayMonthly) bonus=\(bonus)")
                    // Every share lies in a month a payslip period or pay date touches, or the bonus build-up.
                    #expect(a.shares.allSatisfy { $0.month.year >= 2025 && $0.month.year <= 2027 })
                }
            }
        }
    }

    @Test func distributeIsExact() {
        var r = Rng(s: 7)
        for _ in 0..<2_000 {
            let total = Money(cents: Int64(r.next(1_000_000)) - 500_000)
            let w = (0..<(1 + r.next(6))).map { _ in r.next(25) }
            let parts = distribute(total, weights: w)
            if w.reduce(0, +) > 0 { #expect(parts.reduce(Money.zero, +) == total) }
        }
    }
}
