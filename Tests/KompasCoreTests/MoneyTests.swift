import Testing

@testable import KompasCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("14,71", 1471), ("14.71", 1471), ("€ 1.401,50", 140150), ("1,401.50", 140150),
        ("1401", 140100),
        ("1.401", 140100), ("0,5", 50), ("-12,00", -1200), ("€1.234.567,89", 123_456_789),
        ("  7 ", 700),
    ])
    func parsesAmountsAsPeopleTypeThem(_ raw: String, _ cents: Int64) {
        #expect(Money.parse(raw) == Money(cents: cents))
    }

    @Test(arguments: [
        "", "abc", "14,711", "1,2,3", "1.40,50", "12,", "--5", "14,7a", "1.2345", "€",
    ])
    func rejectsMalformedAmounts(_ raw: String) {
        #expect(Money.parse(raw) == nil)
    }

    @Test func roundingIsNamed() {
        let m = Money(cents: 1001)
        #expect(m.scaled(by: 1, over: 2, rounding: .halfUp) == .cents(501))
        #expect(m.scaled(by: 1, over: 2, rounding: .down) == .cents(500))
        #expect(Money(cents: -1001).scaled(by: 1, over: 2, rounding: .down) == .cents(-501))
        #expect(Money(cents: -1001).scaled(by: 1, over: 2, rounding: .halfUp) == .cents(-501))
        #expect(Money(cents: 1000).scaled(by: 1, over: 3, rounding: .up) == .cents(334))
        #expect(Money.euros(2000).applying(.percent(25)) == .euros(500))
        #expect(
            Money(cents: 10001).applying(Rate(percentHundredths: 1250), rounding: .down)
                == .cents(1250))
    }

    @Test func largeProductsDoNotOverflow() {
        let big = Money(cents: 9_000_000_000_000)
        #expect(big.scaled(by: 1_000_000, over: 1_000_000) == big)
    }

    @Test func rateDescription() {
        #expect(Rate(percentHundredths: 1250).description == "12.5%")
        #expect(Rate.percent(25).description == "25%")
        #expect(Rate(percentHundredths: 3756).description == "37.56%")
    }
}

@Suite struct DateTests {
    @Test func parsesAndRejects() {
        #expect(LocalDate.parse("2026-03-01") == LocalDate(year: 2026, month: 3, day: 1))
        #expect(LocalDate.parse("01-03-2026") == LocalDate(year: 2026, month: 3, day: 1))
        #expect(LocalDate.parse("2026-02-29") == nil)
        #expect(LocalDate.parse("2024-02-29") != nil)
        #expect(LocalDate.parse("2026-13-01") == nil)
        #expect(LocalDate.parse("2026-3-1") == nil)
        #expect(CalendarMonth.parse("2026-07") == CalendarMonth(year: 2026, month: 7))
        #expect(CalendarMonth.parse("2026-7x") == nil)
        #expect(CalendarMonth.parse("2026-00") == nil)
    }

    @Test func epochRoundTripAndWeekday() {
        let d = LocalDate("2026-03-15")
        #expect(LocalDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(LocalDate("1970-01-01").daysSinceEpoch == 0)
        #expect(d.weekday == 7)  // 15 March 2026 is a Sunday
        #expect(LocalDate("2026-01-01").weekday == 4)  // Thursday
        #expect(LocalDate("2026-02-28").adding(days: 1) == LocalDate("2026-03-01"))
    }

    @Test func ageOnBirthday() {
        let birth = LocalDate("1999-03-16")
        #expect(LocalDate("2026-03-15").age(bornOn: birth) == 26)
        #expect(LocalDate("2026-03-16").age(bornOn: birth) == 27)
    }

    @Test func monthArithmetic() {
        let m = CalendarMonth("2026-12")
        #expect(m.advanced(by: 1) == CalendarMonth("2027-01"))
        #expect(CalendarMonth("2026-01").distance(to: CalendarMonth("2026-07")) == 6)
        #expect(CalendarMonth("2026-02").numberOfDays == 28)
        #expect(CalendarMonth("2026-03").weekdays == 22)
    }
}
