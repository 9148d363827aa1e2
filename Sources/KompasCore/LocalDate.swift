/// A calendar date in Europe/Amsterdam, without time.
///
/// Benefit law works in calendar days and months;
/// keeping dates free of time and zone avoids off-by-one-day errors around midnight and DST.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates (31 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date the caller has already checked (year 1–9999, month 1–12, day within the month).
    init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Trusted literal for data tables: `LocalDate("2026-01-01")`.
    ///
    /// Traps on a malformed literal.
    public init(_ iso: StaticString) {
        guard let d = LocalDate.parseISO("\(iso)") else {
            preconditionFailure("bad date literal \(iso)")
        }
        self = d
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `JJJJ-MM-DD` strictly; also accepts `DD-MM-JJJJ` as Dutch people write it.
    public static func parse(_ raw: String) -> LocalDate? {
        let s = Whitespace.trimmed(raw)
        if let d = parseISO(s) { return d }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count <= 2, parts[2].count == 4,
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        {
            return LocalDate(year: y, month: m, day: d)
        }
        return nil
    }

    static func parseISO(_ s: String) -> LocalDate? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and weekdays.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 + 1 }
    public var calendarMonth: CalendarMonth { CalendarMonth(index: year * 12 + (month - 1)) }

    /// Whole years of age on this date for someone born on `birth`.
    public func age(bornOn birth: LocalDate) -> Int {
        var a = year - birth.year
        if (month, day) < (birth.month, birth.day) { a -= 1 }
        return a
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    public var description: String { String(format4(year)) + "-" + pad2(month) + "-" + pad2(day) }
}

/// A calendar month, the period in which the municipality settles income (artikel 45 Participatiewet).
public struct CalendarMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    Strideable
{
    public let year: Int
    public let month: Int
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }
    public init(_ literal: StaticString) {
        guard let m = CalendarMonth.parse("\(literal)") else {
            preconditionFailure("bad month literal \(literal)")
        }
        self = m
    }
    /// Parses `JJJJ-MM` (also `MM-JJJJ`).
    public static func parse(_ raw: String) -> CalendarMonth? {
        let parts = Whitespace.trimmed(raw).split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        if parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) {
            return CalendarMonth(year: y, month: m)
        }
        if parts[1].count == 4, parts[0].count <= 2, let y = Int(parts[1]), let m = Int(parts[0]) {
            return CalendarMonth(year: y, month: m)
        }
        return nil
    }
    public var firstDay: LocalDate { day(1) }
    public var lastDay: LocalDate { day(numberOfDays) }
    /// The given day of this month, or its last day when the month is shorter (a pay day of the
    /// 31st falls on 30 April); a day below 1 is the first.
    public func day(_ d: Int) -> LocalDate {
        LocalDate(checkedYear: year, month: month, day: Swift.max(1, Swift.min(d, numberOfDays)))
    }
    public var numberOfDays: Int { LocalDate.daysIn(year: year, month: month) }
    public var index: Int { year * 12 + (month - 1) }
    public init(index: Int) {
        year = index / 12
        month = index % 12 + 1
    }
    public func advanced(by n: Int) -> CalendarMonth { CalendarMonth(index: index + n) }
    public func distance(to other: CalendarMonth) -> Int { other.index - index }
    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.index < b.index }
    public var description: String { format4(year) + "-" + pad2(month) }
    /// Working days (Monday–Friday) in this month; public holidays are not subtracted (documented approximation).
    public var weekdays: Int {
        (1...numberOfDays).filter { day($0).weekday <= 5 }
            .count
    }
}

@inline(__always) func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
@inline(__always) func format4(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
