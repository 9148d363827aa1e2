import KompasCore
import KompasRules

/// Method "werkdagen": the pay of a period is spread over the working days (Monday–Friday) of that
/// period, and each calendar month counts the part of its own working days.
///
/// "De wet geeft aan dat
/// we moeten korten wat er in die desbetreffende maand is verdiend" (Súdwest-Fryslân; artikel 32 lid 1
/// onder b). Public holidays are not subtracted (documented approximation). A period without any
/// working day (a weekend) is spread over its calendar days instead. Exact to the cent: the parts
/// always add up to the pay (``distribute(_:weights:)``).
public enum WorkingDaysAllocation: LegalRule {
    public static let id = "verrekening.werkdagen"
    public static let reference = SettlementSources.divosa

    public static func allocate(_ amount: Money, from start: LocalDate, to end: LocalDate)
        -> [MonthAmount]
    {
        guard start <= end else { return [MonthAmount(end.calendarMonth, amount)] }
        let months = Array(start.calendarMonth...end.calendarMonth)
        if months.count == 1 { return [MonthAmount(months[0], amount)] }
        var weights = months.map { workingDays(from: start, to: end, in: $0) }
        if weights.reduce(0, +) == 0 {
            weights = months.map { m in
                max(
                    0,
                    min(end, m.lastDay).daysSinceEpoch - max(start, m.firstDay).daysSinceEpoch + 1)
            }
        }
        return zip(months, distribute(amount, weights: weights)).map { MonthAmount($0, $1) }.filter
        { $0.amount != .zero }
    }

    public static func evaluate(_ slip: Payslip, in month: CalendarMonth) throws -> [MonthAmount] {
        allocate(slip.regularNet, from: slip.periodStart, to: slip.periodEnd)
    }

    public static let examples: [RuleExample<Payslip, [MonthAmount]>] = [
        .init(
            "vier weken 19 jan–15 feb 2026: 10 werkdagen in januari, 10 in februari",
            month: CalendarMonth("2026-02"),
            Payslip(
                payDate: LocalDate("2026-02-20"), periodStart: LocalDate("2026-01-19"),
                periodEnd: LocalDate("2026-02-15"), frequency: .vierWeken, net: .cents(100_000)),
            .value([
                MonthAmount(CalendarMonth("2026-01"), .cents(50_000)),
                MonthAmount(CalendarMonth("2026-02"), .cents(50_000)),
            ])),
        .init(
            "week ma 28 sep–zo 4 okt 2026: 3 werkdagen in september, 2 in oktober",
            month: CalendarMonth("2026-10"),
            Payslip(
                payDate: LocalDate("2026-10-09"), periodStart: LocalDate("2026-09-28"),
                periodEnd: LocalDate("2026-10-04"), frequency: .week, net: .cents(25_000)),
            .value([
                MonthAmount(CalendarMonth("2026-09"), .cents(15_000)),
                MonthAmount(CalendarMonth("2026-10"), .cents(10_000)),
            ]),
            note: "250 × 3/5 = 150; 250 × 2/5 = 100"),
        .init(
            "centen gaan naar de grootste rest: € 100,00 over 3+2+... werkdagen",
            month: CalendarMonth("2026-04"),
            Payslip(
                payDate: LocalDate("2026-04-10"), periodStart: LocalDate("2026-03-30"),
                periodEnd: LocalDate("2026-04-05"), frequency: .week, net: .cents(10_001)),
            .value([
                MonthAmount(CalendarMonth("2026-03"), .cents(4_000)),
                MonthAmount(CalendarMonth("2026-04"), .cents(6_001)),
            ]),
            note:
                "30–31 maart: 2 werkdagen, 1–3 april: 3; 100,01 × 2/5 = 40,004 → 40,00; rest 60,01"),
        .init(
            "een maandperiode blijft in zijn maand", month: CalendarMonth("2026-03"),
            Payslip(
                payDate: LocalDate("2026-03-25"), periodStart: LocalDate("2026-03-01"),
                periodEnd: LocalDate("2026-03-31"), net: .cents(90_000)),
            .value([MonthAmount(CalendarMonth("2026-03"), .cents(90_000))])),
    ]
}
