import KompasCore
import KompasIncome
import KompasRules
import KompasSettlement

/// How much of a job's pay per period a projected month counts: the settlement's own allocation
/// (``Allocator``) applied to the job's pay dates, so `watals` shows the month the municipality
/// will settle.
///
/// Participatiewet art. 32 lid 1 onder b: income is what "betrekking [heeft] op een periode
/// waarover beroep op bijstand wordt gedaan"; how pay per four weeks or per week becomes a
/// calendar month is the municipality's method (its data file's `verrekening`, Divosa
/// Werkwijzer verrekening parttime inkomsten §2.5):
/// - `betaaldatum`: counted in the month it is paid, so the month with two four-weekly paydays
///   (five weekly) counts both payslips and every other month one (four);
/// - `dertien-twaalfde`: the first payslip of a month × 13 / 12, a second left free: every month
///   the year's average;
/// - `werkdagen`: spread over the working days of each period, so each month counts its own
///   working days (a four-weekly period has 20, a week 5).
///
/// The pay dates follow from one known pay date (the anchor: a payslip's date or the date the
/// person gives, ``Job/payDate``). Without it `betaaldatum` cannot know which month has the extra
/// payslip: the month keeps the year's average, marked (``MonthShare/Basis/averagePayDatesUnknown``).
/// The other two methods do not depend on the anchor (× 13 / 12 counts in every month, and
/// consecutive periods cover every working day once). A given monthly amount and monthly pay are
/// the month itself. A job's first and last month count as whole months, as the work history
/// knows months, not days.
public enum JobMonthShare: LegalRule {
    public static let id = "verrekening.maanddeel"
    public static let reference = SettlementSources.divosa

    /// One job's pay pattern in one municipality.
    public struct Input: Sendable, Hashable {
        public var frequency: PayFrequency
        /// The job is paid by the hour (a period's pay is known); a given monthly amount is not split.
        public var hourly: Bool
        /// A known pay date of this job (nil: not known).
        public var anchor: LocalDate?
        public var policy: SettlementPolicy

        /// Creates the input.
        public init(
            frequency: PayFrequency, hourly: Bool = true, anchor: LocalDate?,
            policy: SettlementPolicy
        ) {
            self.frequency = frequency
            self.hourly = hourly
            self.anchor = anchor
            self.policy = policy
        }
    }

    /// The pay of one synthetic payslip: divisible by 12 (× 13 / 12), 20 and 5 (working days), so
    /// the allocation's cents give the share exactly.
    static let unit = Money(cents: 100_800)
    /// Any Monday, for the methods whose month does not depend on the pay dates.
    static let someMonday = LocalDate("2024-01-01")

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> MonthShare {
        share(i, in: month)
    }

    /// The month's share of a period's pay.
    public static func share(_ i: Input, in month: CalendarMonth) -> MonthShare {
        guard i.hourly, i.frequency != .maand else { return .average(i.frequency) }
        let slipFrequency: PayslipFrequency = i.frequency == .week ? .week : .vierWeken
        let method = i.policy.method(for: slipFrequency)
        if method == .betaaldatum && i.anchor == nil {
            return .average(i.frequency, payDatesUnknown: true)
        }
        // The job's payslips around the month, each over the days since the one before, placed
        // by the municipality's own allocation.
        let step = i.frequency == .week ? 7 : 28
        let dates = PayDates.dates(
            from: month.firstDay.adding(days: -2 * step),
            through: month.lastDay.adding(days: 2 * step), frequency: i.frequency,
            anchor: i.anchor ?? someMonday)
        let slips = dates.map { d in
            Payslip(
                employer: "baan", payDate: d, periodStart: d.adding(days: -step),
                periodEnd: d.adding(days: -1), frequency: slipFrequency, net: unit)
        }
        let counted = Allocator.allocate(slips, policy: i.policy, explain: false).wage(in: month)
        switch method {
        case .betaaldatum:
            let n = dates.filter { $0.calendarMonth == month }.count
            return MonthShare(.payslips(n), numerator: counted.cents, denominator: unit.cents)
                .reduced
        case .werkdagen:
            let perPeriod = step / 7 * 5
            return MonthShare(
                .workingDays(days: month.weekdays, perPeriod: perPeriod),
                numerator: counted.cents, denominator: unit.cents
            ).reduced
        case .dertienTwaalfde:
            return MonthShare(.average, numerator: counted.cents, denominator: unit.cents).reduced
        }
    }

    static let betaaldatum = SettlementPolicy(fourWeekly: .betaaldatum, weekly: .betaaldatum)
    static let averaged = SettlementPolicy(fourWeekly: .dertienTwaalfde, weekly: .werkdagen)

    public static let examples: [RuleExample<Input, MonthShare>] = [
        .init(
            "vierwekelijks, betaald op 2 okt 2026, gemeente telt op betaaldatum: oktober heeft twee loonstroken (2 en 30 okt)",
            month: CalendarMonth("2026-10"),
            Input(frequency: .vierWeken, anchor: LocalDate("2026-10-02"), policy: betaaldatum),
            .value(MonthShare(.payslips(2), numerator: 2, denominator: 1))),
        .init(
            "dezelfde baan in november: één loonstrook (27 nov)", month: CalendarMonth("2026-11"),
            Input(frequency: .vierWeken, anchor: LocalDate("2026-10-02"), policy: betaaldatum),
            .value(MonthShare(.payslips(1), numerator: 1, denominator: 1))),
        .init(
            "dezelfde baan, gemeente rekent × 13 / 12: oktober blijft het gemiddelde",
            month: CalendarMonth("2026-10"),
            Input(frequency: .vierWeken, anchor: LocalDate("2026-10-02"), policy: averaged),
            .value(MonthShare(.average, numerator: 13, denominator: 12))),
        .init(
            "betaaldatum zonder bekende loondatum: het gemiddelde, gemarkeerd",
            month: CalendarMonth("2026-10"),
            Input(frequency: .vierWeken, anchor: nil, policy: betaaldatum),
            .value(MonthShare(.averagePayDatesUnknown, numerator: 13, denominator: 12))),
        .init(
            "wekelijks op vrijdag, betaaldatum: oktober 2026 heeft vijf vrijdagen",
            month: CalendarMonth("2026-10"),
            Input(frequency: .week, anchor: LocalDate("2026-10-02"), policy: betaaldatum),
            .value(MonthShare(.payslips(5), numerator: 5, denominator: 1))),
        .init(
            "wekelijks, werkdagen: december 2026 heeft 23 werkdagen, een week 5",
            month: CalendarMonth("2026-12"),
            Input(frequency: .week, anchor: nil, policy: averaged),
            .value(MonthShare(.workingDays(days: 23, perPeriod: 5), numerator: 23, denominator: 5)),
            note: "geen loondatum nodig: opeenvolgende weken dekken elke werkdag één keer"),
        .init(
            "maandloon: de maand zelf", month: CalendarMonth("2026-10"),
            Input(frequency: .maand, anchor: nil, policy: betaaldatum),
            .value(MonthShare(.average, numerator: 12, denominator: 12))),
    ]
}

extension MonthShare {
    /// The same share with its fraction in lowest terms (13 / 12, 2 / 1).
    var reduced: MonthShare {
        func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? abs(a) : gcd(b, a % b) }
        let g = max(1, gcd(numerator, denominator))
        return MonthShare(basis, numerator: numerator / g, denominator: denominator / g)
    }
}
