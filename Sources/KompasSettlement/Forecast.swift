import KompasCore
import KompasIncome

/// A coming month in which more pay arrives than usual, and what that does to the top-up.
public struct ForecastMonth: Sendable, Hashable {
    public var month: CalendarMonth
    /// Paydays expected in the month (all employers together).
    public var paydays: Int
    /// The expected extra pay (the payslip(s) beyond the usual count).
    public var extraPay: Money
    /// How much lower the paid top-up is expected to be than in a usual month.
    public var lowerTopUp: Money
}

/// The forecast from the pay pattern: months with an extra payday, and (×13/12) the expected
/// year-end reconciliation.
///
/// The person hears it before it happens.
public struct Forecast: Sendable {
    public var months: [ForecastMonth]
    /// ×13/12: what the year's reconciliation is expected to be, per year.
    public var reconciliations: [ThirteenTwelfthsAllocation.YearReconciliation]
    /// The expected payslips the forecast assumed (same net as the last payslip of each employer).
    public var projected: [Payslip]

    /// The months whose paid top-up is expected to be lower (the views tell each one).
    public var lowerTopUpMonths: [ForecastMonth] { months.filter { $0.lowerTopUp > .zero } }
    /// The year reconciliations that change anything (a difference that is not zero).
    public var reconciliationsWithDifference: [ThirteenTwelfthsAllocation.YearReconciliation] {
        reconciliations.filter { $0.difference != .zero }
    }
}

public enum Forecaster {
    /// Projects the pay pattern of each employer (weekly and four-weekly pay, from its last payslip,
    /// same net amount) over `count` months from `from`, and compares each month with extra paydays
    /// against the same month with the usual number.
    ///
    /// Only the pay-date method makes such a month
    /// count more income; under ×13/12 and working days the months stay level (shown as none).
    public static func forecast(
        payslips: [Payslip], household: Household, started: CalendarMonth? = nil,
        policy: SettlementPolicy, from: CalendarMonth, count: Int = 12, extendedMonths: Int = 0
    ) throws -> Forecast {
        let end = from.advanced(by: count - 1).lastDay
        var projected: [Payslip] = []
        var byEmployer: [String: Payslip] = [:]
        for s in payslips where s.frequency == .week || s.frequency == .vierWeken {
            let k = s.employer.lowercased()
            if let cur = byEmployer[k], cur.payDate >= s.payDate { continue }
            byEmployer[k] = s
        }
        for (_, last) in byEmployer.sorted(by: { $0.key < $1.key }) {
            let step = last.frequency == .week ? 7 : 28
            var n = 1
            while true {
                let pay = last.payDate.adding(days: step * n)
                if pay > end { break }
                projected.append(
                    Payslip(
                        employer: last.employer, payDate: pay,
                        periodStart: last.periodStart.adding(days: step * n),
                        periodEnd: last.periodEnd.adding(days: step * n), frequency: last.frequency,
                        gross: last.gross,
                        net: last.regularNet, hours: last.hours,
                        taxCreditApplied: last.taxCreditApplied))
                n += 1
            }
        }
        let all = payslips + projected
        let usual: [PayslipFrequency: Int] = [.week: 4, .vierWeken: 1]
        var months: [ForecastMonth] = []
        let granted = policy.income.exemptionGrantedByDefault
        for m in from...from.advanced(by: count - 1) {
            // Extra payslips in this month: per employer, those beyond the usual count.
            var extra: [Payslip] = []
            var paydays = 0
            for (k, slip) in byEmployer.sorted(by: { $0.key < $1.key }) {
                let f = slip.frequency
                let inMonth = projected.filter {
                    $0.employer.lowercased() == k && $0.payDate.calendarMonth == m
                }.sorted { $0.payDate < $1.payDate }
                paydays += inMonth.count
                let usualCount = usual[f] ?? 1
                if policy.method(for: f) == .betaaldatum, inMonth.count > usualCount {
                    extra += inMonth.dropFirst(usualCount)
                }
            }
            guard !extra.isEmpty else { continue }
            let withExtra = Allocator.allocate(all, policy: policy)
            let without = Allocator.allocate(all.filter { !extra.contains($0) }, policy: policy)
            let input = SettlementInput(
                month: m, household: household, started: started, payslips: all, policy: policy)
            let a = try Settlement.figures(
                month: m, household: household,
                workIncome: try Settlement.workIncome(withExtra, month: m, policy: policy).total,
                workMonth: input.workMonth, granted: granted,
                payMonth: policy.income.holidayAllowancePayMonth, extendedMonths: extendedMonths)
            let b = try Settlement.figures(
                month: m, household: household,
                workIncome: try Settlement.workIncome(without, month: m, policy: policy).total,
                workMonth: input.workMonth, granted: granted,
                payMonth: policy.income.holidayAllowancePayMonth, extendedMonths: extendedMonths)
            let lower = b.topUpPaid - a.topUpPaid
            months.append(
                ForecastMonth(
                    month: m, paydays: paydays, extraPay: extra.reduce(.zero) { $0 + $1.net },
                    lowerTopUp: lower))
        }
        // Only years whose December lies in the window: a reconciliation of a partly projected year would mislead.
        let last = from.advanced(by: count - 1)
        let recs = Allocator.allocate(all, policy: policy).reconciliations.filter {
            CalendarMonth(index: $0.year * 12 + 11) <= last
        }
        return Forecast(months: months, reconciliations: recs, projected: projected)
    }
}

/// `kompas uren`: a provisional figure for a month from the hours worked so far.
public struct HoursEstimate: Sendable, Hashable {
    public var month: CalendarMonth
    /// Hundredths of an hour worked up to and including `today`.
    public var worked: Int
    /// Working days left in the month after `today`.
    public var remainingDays: Int
    /// Hundredths expected on those days.
    public var expectedRemaining: Int
    public var total: Int { worked + expectedRemaining }
    /// Gross pay for the total hours at the hourly wage.
    public var gross: Money
}

public enum HoursEstimator {
    /// Hours so far plus an estimate for the remaining working days: `hoursPerWeek / 5` a day when
    /// given, else the average per working day so far.
    ///
    /// Gross = hours × hourly wage (holiday pay
    /// excluded, as `watals` does); the App turns it into net and a top-up with the income engine.
    public static func estimate(
        records: [HourRecord], month: CalendarMonth, today: LocalDate, hourlyWage: Money,
        hoursPerWeek: Int? = nil,
        extraWorked: Int = 0
    ) -> HoursEstimate {
        let inMonth = records.filter { $0.date.calendarMonth == month && $0.date <= today }
        let worked = inMonth.reduce(0) { $0 + $1.hours } + extraWorked
        let cutoff = min(max(today, month.firstDay.adding(days: -1)), month.lastDay)
        let elapsed = cutoff < month.firstDay ? 0 : workingDays(from: month.firstDay, to: cutoff)
        let remaining =
            cutoff >= month.lastDay
            ? 0 : workingDays(from: max(cutoff.adding(days: 1), month.firstDay), to: month.lastDay)
        let perDay: Int
        if let w = hoursPerWeek {
            perDay = (w + 2) / 5
        } else {
            perDay = elapsed > 0 ? (worked + elapsed / 2) / elapsed : 0
        }
        let expected = perDay * remaining
        let gross = hourlyWage.scaled(by: Int64(worked + expected), over: 100, rounding: .halfUp)
        return HoursEstimate(
            month: month, worked: worked, remainingDays: remaining, expectedRemaining: expected,
            gross: gross)
    }
}
