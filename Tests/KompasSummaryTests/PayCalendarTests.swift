import KompasCore
import KompasIncome
import Testing

@testable import KompasSummary

@Suite struct PayCalendarTests {
    @Test func fourWeeklyPayGivesOneMonthWithTwoPaydays() {
        // Paid on Friday 2 January 2026, then every 28 days: 30 January is the second payday of January.
        let s = PaySchedule(frequency: .vierWeken, knownPayDate: LocalDate("2026-01-02"))
        #expect(
            PayCalendar.payDates(in: CalendarMonth("2026-01"), schedule: s) == [
                LocalDate("2026-01-02"), LocalDate("2026-01-30"),
            ])
        let year = (1...12).map { CalendarMonth(year: 2026, month: $0)! }
        #expect(PayCalendar.extraPaydayMonths(year, schedule: s) == [CalendarMonth("2026-01")])
        // Thirteen paydays in the year.
        #expect(year.map { PayCalendar.payDates(in: $0, schedule: s)!.count }.reduce(0, +) == 13)
    }

    @Test func weeklyPayHasFiveFridaysInSomeMonths() {
        let s = PaySchedule(frequency: .week, knownPayDate: LocalDate("2026-03-06"))
        // Fridays in May 2026: 1, 8, 15, 22, 29.
        #expect(PayCalendar.payDates(in: CalendarMonth("2026-05"), schedule: s)?.count == 5)
        #expect(PayCalendar.payDates(in: CalendarMonth("2026-04"), schedule: s)?.count == 4)
        #expect(
            PayCalendar.extraPaydayMonths(
                [CalendarMonth("2026-04"), CalendarMonth("2026-05")], schedule: s) == [
                    CalendarMonth("2026-05")
                ])
    }

    @Test func withoutAKnownDateExtraPaydaysAreUnknownNotNone() {
        #expect(
            PayCalendar.extraPaydayMonths(
                [CalendarMonth("2026-04")], schedule: PaySchedule(frequency: .vierWeken)) == nil)
        #expect(
            PayCalendar.extraPaydayMonths(
                [CalendarMonth("2026-04")], schedule: PaySchedule(frequency: .maand)) == [])
    }

    @Test func toeslagenOnTheTwentiethOrTheMondayAfter() {
        // 20 June 2026 is a Saturday.
        #expect(PaymentDays.toeslagen.date(in: CalendarMonth("2026-06")) == LocalDate("2026-06-22"))
        #expect(PaymentDays.toeslagen.date(in: CalendarMonth("2026-03")) == LocalDate("2026-03-20"))
        #expect(PaymentDays.topUp(municipality: "amsterdam")?.toVerify == true)
        #expect(!PaymentDays.toeslagen.toVerify)
    }
}
