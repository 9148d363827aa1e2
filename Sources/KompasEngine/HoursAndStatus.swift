import KompasCase
import KompasCore
import KompasIncome
import KompasMunicipality
import KompasSettlement

/// What `kompas uren` shows for a month, decided once (issue 15).
///
/// The estimate of the month's hours, the net pay and top-up that follow from it through the
/// one bijstand chain (``Engine/evaluate(_:months:municipality:options:)``), and, once a payslip
/// counts in the month, the difference that is settled next month.
public struct HoursResult: Sendable {
    public var estimate: HoursEstimate
    /// The month evaluated with the estimated gross pay.
    public var month: MonthResult
    /// The estimated net pay and the top-up on the account (lines of ``month``).
    public var estimatedNet: Money
    public var estimatedTopUpPaid: Money
    /// The net pay the payslips count in the month (nil: no payslip counts there yet).
    public var payslipNet: Money?
    /// `payslipNet` minus `estimatedNet` (nil without a payslip), and the month it is settled in.
    public var difference: Money?
    /// How the payslip compares with the estimate (nil without a payslip): the same, more or
    /// less, each its own sentence.
    public var payslipComparison: PayslipComparison? {
        difference.map { $0 == .zero ? .same : $0 > .zero ? .more : .less }
    }
    public var settledIn: CalendarMonth
    /// The last day for the month's income form.
    public var deadline: LocalDate

    /// Every amount `uren` shows, by id (the lint and cross-view tests check the view against them).
    public var lines: [ResultLine] {
        var out = [
            ResultLine(id: .hoursGross, amount: estimate.gross),
            ResultLine(id: .projection(Projection.Line.net), amount: estimatedNet),
            ResultLine(id: .projection(Projection.Line.topUpPaid), amount: estimatedTopUpPaid),
        ]
        if let p = payslipNet { out.append(ResultLine(id: .hoursPayslipNet, amount: p)) }
        if let d = difference {
            out.append(ResultLine(id: .hoursDifference, amount: d))
            out.append(ResultLine(id: .hoursDifferenceSize, amount: Money(cents: abs(d.cents))))
        }
        return out
    }
}

/// How a month's payslip compares with the estimate from the hours.
public enum PayslipComparison: String, Sendable {
    case same, more, less
}

extension LineID {
    /// `uren`: the month's gross pay estimated from the hours, the net pay the payslips count,
    /// that minus the estimate, and its size (the sentence says "more" or "less").
    public static let hoursGross = LineID("uren:bruto")
    public static let hoursPayslipNet = LineID("uren:loonstrook")
    public static let hoursDifference = LineID("uren:verschil")
    public static let hoursDifferenceSize = LineID("uren:verschil_bedrag")
}

/// What `kompas status` says is due and missing, decided once (issue 15).
public struct CaseStatus: Sendable, Hashable {
    /// The month whose income form is due next, and its last day.
    public var formMonth: CalendarMonth
    public var formDeadline: LocalDate
    public var daysLeft: Int
    /// A payslip the pay pattern expects but that is not there, with the day it is due.
    public struct MissingPayslip: Sendable, Hashable {
        public var employer: String
        public var expected: LocalDate
        public var due: LocalDate
    }
    public var missing: [MissingPayslip]
    /// Months before this one with hours but no payslip.
    public var hoursWithoutPayslip: [CalendarMonth]
    /// Hundredths of hours recorded this month (nil: none).
    public var hoursThisMonth: Int?
    public var hasPayslips: Bool
}

extension Engine {
    /// Evaluates `uren`: the month's hours so far plus the estimate, through the one chain.
    ///
    /// The situation's job is valued at the estimated gross pay of the month (hours × hourly
    /// wage, holiday pay excluded, as `watals` does).
    public static func hours(
        _ s: Situation, month: CalendarMonth, today: LocalDate, hourlyWage: Money,
        records: [HourRecord], hoursPerWeek: Int?, extraWorked: Int, payslips: [Payslip],
        municipality: MunicipalityFile
    ) throws -> HoursResult {
        let policy = municipality.settlementPolicy
        let estimate = HoursEstimator.estimate(
            records: records, month: month, today: today, hourlyWage: hourlyWage,
            hoursPerWeek: hoursPerWeek, extraWorked: extraWorked)
        var situation = s
        let pay = Job.Pay.grossMonthly(estimate.gross)
        if situation.jobs.isEmpty {
            situation.jobs = [Job(started: s.workStart, pay: pay)]
        } else {
            situation.jobs[0].pay = pay
        }
        let result = try evaluate(situation, months: [month], municipality: municipality)
        guard let m = result.first else { preconditionFailure("one month was asked") }
        let net = m.amount(.projection(Projection.Line.net)) ?? .zero
        let paid = m.amount(.projection(Projection.Line.topUpPaid)) ?? .zero
        let alloc = Allocator.allocate(payslips, policy: policy)
        let actual = alloc.shares(in: month).isEmpty ? nil : alloc.wage(in: month)
        return HoursResult(
            estimate: estimate, month: m, estimatedNet: net, estimatedTopUpPaid: paid,
            payslipNet: actual, difference: actual.map { $0 - net },
            settledIn: month.advanced(by: 1), deadline: policy.incomeFormDeadline(for: month))
    }

    /// What is due and missing on `today`: the income form (last month's while its deadline has
    /// not passed, else this month's), payslips the pay pattern expects, and hours without a
    /// payslip.
    public static func status(
        today: LocalDate, payslips: [Payslip], hours: [HourRecord], policy: SettlementPolicy
    ) -> CaseStatus {
        let last = today.calendarMonth.advanced(by: -1)
        let month = today <= policy.incomeFormDeadline(for: last) ? last : today.calendarMonth
        let deadline = policy.incomeFormDeadline(for: month)
        var missing: [CaseStatus.MissingPayslip] = []
        var latest: [String: Payslip] = [:]
        for s in payslips {
            let k = s.employer.lowercased()
            if (latest[k]?.payDate ?? .init(daysSinceEpoch: 0)) < s.payDate { latest[k] = s }
        }
        for (_, s) in latest.sorted(by: { $0.key < $1.key }) {
            func after(_ d: LocalDate) -> LocalDate {
                switch s.frequency {
                case .week: return d.adding(days: 7)
                case .vierWeken: return d.adding(days: 28)
                case .maand, .anders: return d.calendarMonth.advanced(by: 1).day(s.payDate.day)
                }
            }
            var next = after(s.payDate)
            var count = 0
            while next <= today && count < 24 {
                missing.append(
                    CaseStatus.MissingPayslip(
                        employer: s.employer, expected: next,
                        due: next.adding(days: policy.payslipDays)))
                count += 1
                next = after(next)
            }
        }
        let covered = Set(
            payslips.flatMap { s in
                Array(s.periodStart.calendarMonth...max(s.periodStart, s.periodEnd).calendarMonth)
            })
        let hourMonths = Set(hours.map(\.date.calendarMonth)).filter {
            $0 < today.calendarMonth && !covered.contains($0)
        }
        let thisMonth = hours.filter { $0.date.calendarMonth == today.calendarMonth }
        return CaseStatus(
            formMonth: month, formDeadline: deadline, daysLeft: today.days(until: deadline),
            missing: missing, hoursWithoutPayslip: hourMonths.sorted(),
            hoursThisMonth: thisMonth.isEmpty ? nil : thisMonth.reduce(0) { $0 + $1.hours },
            hasPayslips: !payslips.isEmpty)
    }
}
