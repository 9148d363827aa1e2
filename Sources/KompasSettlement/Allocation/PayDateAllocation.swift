import KompasCore
import KompasRules

/// Method "betaaldatum" ("beschikbaar"): pay counts in the calendar month it is received.
///
/// The
/// Participatiewet in balans direction (income counts when it is available); Delft: "De gemeente
/// kijkt altijd naar wat u echt krijgt in één maand". A month with two four-weekly paydays counts
/// both; that is the month the top-up drops, and what the forecast warns about.
public enum PayDateAllocation: LegalRule {
    public static let id = "verrekening.betaaldatum"
    public static let reference = SettlementSources.divosa

    public static func allocate(_ amount: Money, paidOn date: LocalDate) -> [MonthAmount] {
        [MonthAmount(date.calendarMonth, amount)]
    }

    public static func evaluate(_ slip: Payslip, in month: CalendarMonth) throws -> [MonthAmount] {
        allocate(slip.regularNet, paidOn: slip.payDate)
    }

    public static let examples: [RuleExample<Payslip, [MonthAmount]>] = [
        .init(
            "periode in juni, betaald 3 juli: telt in juli", month: CalendarMonth("2026-07"),
            Payslip(
                payDate: LocalDate("2026-07-03"), periodStart: LocalDate("2026-06-01"),
                periodEnd: LocalDate("2026-06-28"), frequency: .vierWeken, net: .cents(80_000)),
            .value([MonthAmount(CalendarMonth("2026-07"), .cents(80_000))])),
        .init(
            "vakantiegeld op de strook telt hier niet mee (eigen regel)",
            month: CalendarMonth("2026-05"),
            Payslip(
                payDate: LocalDate("2026-05-25"), periodStart: LocalDate("2026-05-01"),
                periodEnd: LocalDate("2026-05-31"), net: .cents(120_000),
                holidayPayPaid: .cents(40_000)),
            .value([MonthAmount(CalendarMonth("2026-05"), .cents(80_000))])),
    ]
}
