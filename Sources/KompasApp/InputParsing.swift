import KompasCase
import KompasCore

/// Parsing of flag values people type: amounts (`14,71`), hours (`16,5`), whole numbers, months.
/// Each failure is a usage error naming the flag, the value and what was expected.
extension Invocation {
    /// A flag as the user knows it: the spelling typed (`--hours`), or when it was not typed
    /// the spelling of the user's language (`--uren` / `--hours`).
    func flagName(_ flag: FlagSpec) -> String {
        arguments.typedName(flag) ?? flag.name(in: context.localizer.language)
    }

    func money(_ flag: FlagSpec) throws -> Money? {
        guard let raw = arguments.value(flag) else { return nil }
        guard let m = SituationReader.amount(raw) else {
            throw UsageError.invalidValue(
                flag: flagName(flag), value: raw, expected: Message("expect.amount"))
        }
        guard m >= .zero else {
            throw UsageError.invalidValue(
                flag: flagName(flag), value: raw, expected: Message("expect.positiveAmount"))
        }
        return m
    }

    func integer(_ flag: FlagSpec, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = arguments.value(flag) else { return nil }
        return try Self.integer(raw, flag: flagName(flag), range: range)
    }

    static func integer(_ raw: String, flag: String, range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw UsageError.invalidValue(
                flag: flag, value: raw,
                expected: Message(
                    "expect.wholeNumber",
                    ["min": .number(range.lowerBound), "max": .number(range.upperBound)]))
        }
        return n
    }

    func month(_ flag: FlagSpec) throws -> CalendarMonth? {
        guard let raw = arguments.value(flag) else { return nil }
        guard let m = SituationReader.month(raw, today: context.clock.now().calendarMonth) else {
            throw UsageError.invalidValue(
                flag: flagName(flag), value: raw, expected: Message("expect.month"))
        }
        return m
    }

    /// Hours as hundredths: `16` → 1600, `16,5` → 1650, `16.25` → 1625.
    ///
    /// Negative values are refused here;
    /// absurd values (over 168 a week) are refused by the engine with a data error.
    func hours(_ flag: FlagSpec) throws -> Int? {
        guard let raw = arguments.value(flag) else { return nil }
        guard let h = Self.parseHours(raw) else {
            throw UsageError.invalidValue(
                flag: flagName(flag), value: raw, expected: Message("expect.hours"))
        }
        return h
    }

    static func parseHours(_ raw: String) -> Int? {
        SituationReader.parseHours(raw)
    }
}
