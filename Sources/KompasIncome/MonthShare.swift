import KompasCore

/// How much of a job's pay per period a calendar month counts.
///
/// Participatiewet art. 32 lid 1 (text of 4-2-2025, BWBR0015703): "Onder inkomen wordt verstaan de
/// op grond van artikel 31 in aanmerking genomen middelen voorzover deze: … b. betrekking hebben op
/// een periode waarover beroep op bijstand wordt gedaan." The law leaves how pay per four weeks or
/// per week is turned into a calendar month to the municipality (Divosa, Werkwijzer verrekening
/// parttime inkomsten 2019: "worden niet gedicteerd door de Participatiewet"), and its
/// data file says which method (``ProjectionInput`` takes the share, the engine decides it with
/// the settlement's own allocation, so `watals` and `verrekening` count a month the same way).
/// The month's gross wage and wage tax are the period's × ``numerator`` / ``denominator``: two
/// four-weekly payslips paid in one month are 2 / 1 (each taxed at the four-weekly table on its
/// own), the year's average is 13 / 12 (four weeks) or 52 / 12 (a week).
public struct MonthShare: Sendable, Hashable {
    /// Why the month counts this share.
    public enum Basis: Sendable, Hashable {
        /// The year's average (periods a year / 12): the municipality averages (× 13 / 12), or
        /// the pay is monthly.
        case average
        /// The municipality counts pay in the month it is paid, but the pay dates are not known:
        /// the average, marked, so no view tells it as the month's own number.
        case averagePayDatesUnknown
        /// Counted in the month it is paid: this many payslips are paid in the month.
        case payslips(Int)
        /// Spread over the working days of each period: `days` of the month's working days, out
        /// of `perPeriod` working days in a period.
        case workingDays(days: Int, perPeriod: Int)
    }

    public var basis: Basis
    public var numerator: Int64
    public var denominator: Int64

    /// Creates a share.
    public init(_ basis: Basis, numerator: Int64, denominator: Int64) {
        self.basis = basis
        self.numerator = numerator
        self.denominator = max(1, denominator)
    }

    /// The year's average for pay at `frequency` (the path every projection took before).
    public static func average(_ frequency: PayFrequency, payDatesUnknown: Bool = false)
        -> MonthShare
    {
        MonthShare(
            payDatesUnknown ? .averagePayDatesUnknown : .average,
            numerator: frequency.periodsPerYear, denominator: 12)
    }

    /// The month's amount of a period's `amount` (rounded half up to the cent).
    public func of(_ amount: Money) -> Money {
        amount.scaled(by: numerator, over: denominator, rounding: .halfUp)
    }

    /// The share is the year's average (marked or not): the month is not its own number.
    public var isAverage: Bool {
        switch basis {
        case .average, .averagePayDatesUnknown: return true
        case .payslips, .workingDays: return false
        }
    }
}

/// The pay dates of pay every week or every four weeks, from one known pay date.
///
/// Pure date arithmetic, no rules: four-weekly pay comes every 28 days, weekly pay every 7, so
/// one known pay date (a payslip's date, or the date the person gives) fixes every other one.
/// The summary's pay calendar and the engine's month shares both use this.
public enum PayDates {
    /// Every pay date in `month` in the cycle of `anchor` (every 7 or 28 days); monthly pay has
    /// one, on the anchor's day of the month (clamped to the month's last day).
    public static func dates(in month: CalendarMonth, frequency: PayFrequency, anchor: LocalDate)
        -> [LocalDate]
    {
        switch frequency {
        case .maand:
            return [month.day(anchor.day)]
        case .week, .vierWeken:
            let step = frequency == .week ? 7 : 28
            let first = month.firstDay.daysSinceEpoch
            let last = month.lastDay.daysSinceEpoch
            // The first pay date on or after the first of the month, in the cycle of the anchor.
            let offset = ((anchor.daysSinceEpoch - first) % step + step) % step
            return Swift.stride(from: first + offset, through: last, by: step).map {
                LocalDate(daysSinceEpoch: $0)
            }
        }
    }

    /// Every pay date from `from` through `to` in the cycle of `anchor` (weekly or four-weekly).
    public static func dates(
        from: LocalDate, through to: LocalDate, frequency: PayFrequency, anchor: LocalDate
    ) -> [LocalDate] {
        let step = frequency == .week ? 7 : 28
        let offset = ((anchor.daysSinceEpoch - from.daysSinceEpoch) % step + step) % step
        return Swift.stride(
            from: from.daysSinceEpoch + offset, through: to.daysSinceEpoch, by: step
        ).map { LocalDate(daysSinceEpoch: $0) }
    }
}
