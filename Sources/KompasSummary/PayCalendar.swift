import KompasCore
import KompasIncome

/// Pay dates and the months with an extra payday.
///
/// Pure date arithmetic, no rules.
///
/// Four-weekly pay gives 13 paydays a year, so one month a year has two; weekly pay gives four or
/// five paydays a month. The settlement (Participatiewet artikel 32 lid 1: income is counted in the
/// month it is received, by most municipalities) makes the top-up lower in such a month.
public enum PayCalendar {
    /// Every pay date in `month`, from a known pay date and the frequency; nil when it cannot be known.
    public static func payDates(in month: CalendarMonth, schedule s: PaySchedule) -> [LocalDate]? {
        switch s.frequency {
        case .maand:
            if let d = s.wageDay {
                return [
                    month.day(d)
                ]
            }
            if let k = s.knownPayDate {
                return [
                    month.day(k.day)
                ]
            }
            return nil
        case .week, .vierWeken:
            guard let k = s.knownPayDate else { return nil }
            return PayDates.dates(in: month, frequency: s.frequency, anchor: k)
        }
    }

    /// Months among `months` with more paydays than usual: two (four-weekly) or five (weekly).
    public static func extraPaydayMonths(_ months: [CalendarMonth], schedule s: PaySchedule)
        -> [CalendarMonth]?
    {
        guard s.frequency != .maand else { return [] }
        var result: [CalendarMonth] = []
        for m in months {
            guard let dates = payDates(in: m, schedule: s) else { return nil }
            if dates.count > (s.frequency == .week ? 4 : 1) { result.append(m) }
        }
        return result
    }
}
