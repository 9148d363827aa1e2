import KompasCore

/// How often an employer pays.
///
/// Four-weekly pay gives thirteen payslips a year, so one calendar
/// month gets two; that mismatch with the municipality's calendar month is what this module is for.
public enum PayslipFrequency: String, Sendable, Codable, CaseIterable, Hashable {
    case week
    case vierWeken = "4weken"
    case maand
    case anders

    /// Accepts the Dutch and English words people write in a CSV column.
    public static func parse(_ raw: String) -> PayslipFrequency? {
        switch raw {
        case "maand": return .maand
        case "4weken": return .vierWeken
        case "week": return .week
        default: break
        }
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "week", "weekly", "wekelijks", "1week": return .week
        case "4weken", "4 weken", "vierweken", "4-weekly", "4weekly", "four-weekly",
            "vierwekelijks", "4-wekelijks", "periode":
            return .vierWeken
        case "maand", "month", "monthly", "maandelijks": return .maand
        case "anders", "other": return .anders
        default: return nil
        }
    }
}

/// One payslip (loonstrook) as the employer issues it.
///
/// Amounts are what the slip says; `net` is the
/// amount paid into the bank account and *includes* any holiday pay or year-end bonus paid out on
/// this slip (`holidayPayPaid`, `yearEndBonus` say how much of the net that is), so the allocation
/// can treat those parts by the municipality's own rules (artikel 31 lid 4 and 32 lid 2 Participatiewet).
public struct Payslip: Sendable, Codable, Hashable {
    public var employer: String
    public var payDate: LocalDate
    public var periodStart: LocalDate
    public var periodEnd: LocalDate
    public var frequency: PayslipFrequency
    public var gross: Money?
    public var net: Money
    /// Hours worked in the period, in hundredths (`1625` is 16,25 hours).
    public var hours: Int?
    /// Net holiday pay paid out on this slip (part of `net`).
    public var holidayPayPaid: Money
    /// Holiday pay the slip says was reserved (built up, not paid); for information only.
    public var holidayPayReserved: Money?
    /// Net year-end bonus (eindejaarsuitkering, dertiende maand) paid on this slip (part of `net`).
    public var yearEndBonus: Money
    /// The employer applied the loonheffingskorting on this slip.
    public var taxCreditApplied: Bool?

    public init(
        employer: String = "", payDate: LocalDate, periodStart: LocalDate, periodEnd: LocalDate,
        frequency: PayslipFrequency = .maand, gross: Money? = nil, net: Money, hours: Int? = nil,
        holidayPayPaid: Money = .zero, holidayPayReserved: Money? = nil,
        yearEndBonus: Money = .zero,
        taxCreditApplied: Bool? = nil
    ) {
        self.employer = employer
        self.payDate = payDate
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.frequency = frequency
        self.gross = gross
        self.net = net
        self.hours = hours
        self.holidayPayPaid = holidayPayPaid
        self.holidayPayReserved = holidayPayReserved
        self.yearEndBonus = yearEndBonus
        self.taxCreditApplied = taxCreditApplied
    }

    /// The regular wage of the period: the net without holiday pay and year-end bonus paid out.
    public var regularNet: Money { net - holidayPayPaid - yearEndBonus }

    /// Calendar days in the period, both ends included.
    public var periodDays: Int { periodStart.days(until: periodEnd) + 1 }

    /// A stable id from the slip's identity (employer, period, pay date): the same slip imported
    /// twice gets the same id, so the store keeps it once.
    public var id: String {
        let e = employer.lowercased().filter { $0.isLetter || $0.isNumber }
        return "\(payDate)_\(periodStart)_\(periodEnd)_" + (e.isEmpty ? "-" : String(e.prefix(40)))
    }

    /// The frequency the dates suggest when the slip does not say (7 days: week, 28: four weeks,
    /// a calendar month: month).
    public static func inferredFrequency(from start: LocalDate, to end: LocalDate)
        -> PayslipFrequency
    {
        let days = start.days(until: end) + 1
        if days == 7 { return .week }
        if days == 28 { return .vierWeken }
        if start.day == 1 && end == start.calendarMonth.lastDay { return .maand }
        if (28...31).contains(days) { return .maand }
        return .anders
    }
}

/// Hours worked on one day (an hour record, `kompas uren`), kept until the payslip arrives.
public struct HourRecord: Sendable, Codable, Hashable {
    public var date: LocalDate
    /// Hundredths of an hour.
    public var hours: Int
    public var employer: String
    public init(date: LocalDate, hours: Int, employer: String = "") {
        self.date = date
        self.hours = hours
        self.employer = employer
    }
    public var id: String {
        "\(date)_"
            + (employer.isEmpty ? "-" : employer.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// Working days (Monday–Friday) from `a` to `b`, both included, optionally within one month.
///
/// Public holidays are not subtracted (the same documented approximation as `CalendarMonth.weekdays`).
public func workingDays(from a: LocalDate, to b: LocalDate, in month: CalendarMonth? = nil) -> Int {
    var lo = a
    var hi = b
    if let m = month {
        lo = max(lo, m.firstDay)
        hi = min(hi, m.lastDay)
    }
    guard lo <= hi else { return 0 }
    let total = lo.days(until: hi) + 1
    var count = (total / 7) * 5
    var wd = lo.weekday
    for _ in 0..<(total % 7) {
        if wd <= 5 { count += 1 }
        wd = wd % 7 + 1
    }
    return count
}
