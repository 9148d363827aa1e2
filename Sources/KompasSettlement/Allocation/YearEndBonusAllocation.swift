import KompasCore
import KompasRules

/// The year-end bonus (eindejaarsuitkering, dertiende maand).
///
/// Divosa: it falls under the
/// transactiebeginsel, so it may not be counted in advance; the best method is to settle it when it
/// is paid, over the months in which it was built up (artikel 32 lid 2: deferred income counts in the
/// period it was earned). Build-up months: from January of the pay year, or from the month the
/// job's first payslip period starts when that is later, up to the pay month. Split evenly and
/// exactly (the cents left over go to the earliest months).
public enum YearEndBonusAllocation: LegalRule {
    public static let id = "verrekening.eindejaarsuitkering"
    public static let reference = SettlementSources.article32

    public struct Input: Sendable, Hashable {
        public var amount: Money
        public var paidOn: LocalDate
        /// The first day of the job's first payslip period (nil: unknown, the whole year).
        public var jobStart: LocalDate?
        public var method: BonusMethod
        public init(amount: Money, paidOn: LocalDate, jobStart: LocalDate?, method: BonusMethod) {
            self.amount = amount
            self.paidOn = paidOn
            self.jobStart = jobStart
            self.method = method
        }
    }

    public static func allocate(_ i: Input) -> [MonthAmount] {
        let payMonth = i.paidOn.calendarMonth
        guard i.method == .opbouwmaanden else { return [MonthAmount(payMonth, i.amount)] }
        var first = CalendarMonth(index: payMonth.year * 12)
        if let s = i.jobStart, s.calendarMonth > first { first = min(s.calendarMonth, payMonth) }
        let months = Array(first...payMonth)
        return zip(months, distribute(i.amount, weights: months.map { _ in 1 })).map {
            MonthAmount($0, $1)
        }
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> [MonthAmount] {
        allocate(i)
    }

    public static let examples: [RuleExample<Input, [MonthAmount]>] = [
        .init(
            "€ 600 in december, het hele jaar gewerkt: € 50 per maand",
            month: CalendarMonth("2026-12"),
            Input(
                amount: .cents(60_000), paidOn: LocalDate("2026-12-18"),
                jobStart: LocalDate("2025-06-01"), method: .opbouwmaanden),
            .value(
                (1...12).map {
                    MonthAmount(CalendarMonth(index: 2026 * 12 + $0 - 1), .cents(5_000))
                })),
        .init(
            "€ 100 in december, gestart 20 september: 4 maanden, 25 per maand",
            month: CalendarMonth("2026-12"),
            Input(
                amount: .cents(10_000), paidOn: LocalDate("2026-12-18"),
                jobStart: LocalDate("2026-09-20"), method: .opbouwmaanden),
            .value(
                (9...12).map {
                    MonthAmount(CalendarMonth(index: 2026 * 12 + $0 - 1), .cents(2_500))
                })),
        .init(
            "€ 100 over 3 maanden: de overgebleven cent gaat naar de eerste maand",
            month: CalendarMonth("2026-12"),
            Input(
                amount: .cents(10_000), paidOn: LocalDate("2026-12-18"),
                jobStart: LocalDate("2026-10-05"), method: .opbouwmaanden),
            .value([
                MonthAmount(CalendarMonth("2026-10"), .cents(3_334)),
                MonthAmount(CalendarMonth("2026-11"), .cents(3_333)),
                MonthAmount(CalendarMonth("2026-12"), .cents(3_333)),
            ])),
        .init(
            "gemeente telt bij betaling: alles in december", month: CalendarMonth("2026-12"),
            Input(
                amount: .cents(60_000), paidOn: LocalDate("2026-12-18"), jobStart: nil,
                method: .betaalmaand),
            .value([MonthAmount(CalendarMonth("2026-12"), .cents(60_000))])),
    ]
}

/// Holiday pay from the employer (vakantiegeld).
///
/// When the municipality counts the *entitlement*
/// each month (artikel 31 lid 4 with the Regeling Participatiewet, IOAW en IOAZ §6), the payout in
/// May or June is not counted again: it was already counted month by month. When it counts holiday
/// pay when paid, the payout counts in the month it is received.
public enum HolidayPayAllocation: LegalRule {
    public static let id = "verrekening.vakantiegeld"
    public static let reference = SettlementSources.article31lid4

    public struct Input: Sendable, Hashable {
        public var amount: Money
        public var paidOn: LocalDate
        public var countedMonthly: Bool
        public init(amount: Money, paidOn: LocalDate, countedMonthly: Bool) {
            self.amount = amount
            self.paidOn = paidOn
            self.countedMonthly = countedMonthly
        }
    }

    /// The months the payout counts in (empty when the entitlement is counted monthly instead).
    public static func allocate(_ i: Input) -> [MonthAmount] {
        i.countedMonthly || i.amount == .zero ? [] : [MonthAmount(i.paidOn.calendarMonth, i.amount)]
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> [MonthAmount] {
        allocate(i)
    }

    public static let examples: [RuleExample<Input, [MonthAmount]>] = [
        .init(
            "aanspraak telt elke maand: uitbetaling in mei telt niet nog een keer",
            month: CalendarMonth("2026-05"),
            Input(amount: .cents(55_000), paidOn: LocalDate("2026-05-22"), countedMonthly: true),
            .value([])),
        .init(
            "gemeente telt bij betaling: alles in mei", month: CalendarMonth("2026-05"),
            Input(amount: .cents(55_000), paidOn: LocalDate("2026-05-22"), countedMonthly: false),
            .value([MonthAmount(CalendarMonth("2026-05"), .cents(55_000))])),
    ]
}
