import KompasCore
import Testing

@testable import KompasRules

@Suite struct ParameterTests {
    static let sample = Parameter<Money>(
        id: "test.sample", unit: .eurosPerMonth,
        reference: .law("Voorbeeldwet", article: "art. 1", url: "https://example.invalid/wet"),
        summary: "Synthetic parameter for tests",
        history: [
            .from(LocalDate("2025-01-01"), .cents(100_00), source: "Stcrt. test 1"),
            .from(LocalDate("2025-07-01"), .cents(110_00), source: "Stcrt. test 2"),
            .ended(LocalDate("2026-01-01"), source: "Wet test 3"),
        ])

    @Test func valueFromDateUntilNext() throws {
        #expect(try Self.sample.value(on: LocalDate("2025-01-01")) == .cents(100_00))
        #expect(try Self.sample.value(on: LocalDate("2025-06-30")) == .cents(100_00))
        #expect(try Self.sample.value(in: CalendarMonth("2025-07")) == .cents(110_00))
    }

    @Test func beforeFirstAndAfterEndIsNotInForceNeverZero() {
        #expect(throws: NotInForce(parameterID: "test.sample", date: LocalDate("2024-12-31"))) {
            try Self.sample.value(on: LocalDate("2024-12-31"))
        }
        #expect(throws: NotInForce.self) { try Self.sample.value(on: LocalDate("2026-01-01")) }
        #expect(NotInForce(parameterID: "x", date: LocalDate("2026-01-01")).exitCode == .dataError)
    }

    @Test func lintFindsProblems() {
        let bad = Parameter<Rate>(
            id: "test.bad", unit: .rate, reference: .law("Wet"), summary: "",
            history: [
                .from(LocalDate("2026-01-01"), .percent(5), source: ""),
                .from(LocalDate("2025-01-01"), .percent(6), source: "x"),
            ])
        let registry = ParameterRegistry([
            ParameterDescriptor(Self.sample), ParameterDescriptor(bad),
            ParameterDescriptor(Self.sample),
        ])
        let problems = registry.lint()
        #expect(problems.contains("test.sample: duplicate id"))
        #expect(problems.contains("test.bad: dates not ascending at 2025-01-01"))
        #expect(problems.contains("test.bad: value from 2026-01-01 has no source"))
        #expect(problems.contains("test.bad: reference has no URL"))
        #expect(ParameterRegistry([ParameterDescriptor(Self.sample)]).lint().isEmpty)
    }

    @Test func descriptorRowOnDate() {
        let d = ParameterDescriptor(Self.sample)
        #expect(d.row(on: LocalDate("2025-08-01"))?.value == "€110.00")
        #expect(d.row(on: LocalDate("2026-02-01")) == nil)
        #expect(d.rawValues == [10000, 11000, nil])
    }
}
