import KompasCore
import KompasRules

/// One toeslag's outcome for a date: a result, or "not in force" (the rule has no parameters for the date).
public struct ToeslagOutcome: Sendable {
    public var toeslag: Toeslag
    public var result: Result<ToeslagResult, NotInForce>
}

/// Entry points over all toeslag rules, for `watals` and the sweep.
public enum Toeslagen {
    /// Calculates one toeslag.
    ///
    /// Kinderbijslag ignores the income. Kinderopvangtoeslag's detail (net childcare cost)
    /// is available from ``Kinderopvangtoeslag/calculate(on:household:toetsingsinkomen:explain:)``.
    /// `explain: false` builds no sentences (same amounts and provisional figures; see `Tracer`).
    public static func calculate(
        _ toeslag: Toeslag, on date: LocalDate, household: ToeslagHousehold,
        toetsingsinkomen: Money, explain: Bool = true
    ) throws(NotInForce) -> ToeslagResult {
        switch toeslag {
        case .zorgtoeslag:
            return try Zorgtoeslag.calculate(
                on: date, household: household, toetsingsinkomen: toetsingsinkomen,
                explain: explain)
        case .huurtoeslag:
            return try Huurtoeslag.calculate(
                on: date, household: household, toetsingsinkomen: toetsingsinkomen,
                explain: explain)
        case .kindgebondenBudget:
            return try KindgebondenBudget.calculate(
                on: date, household: household, toetsingsinkomen: toetsingsinkomen,
                explain: explain)
        case .kinderopvangtoeslag:
            return try Kinderopvangtoeslag.calculate(
                on: date, household: household, toetsingsinkomen: toetsingsinkomen,
                explain: explain
            ).result
        case .kinderbijslag:
            return try Kinderbijslag.calculate(on: date, household: household, explain: explain)
        }
    }

    /// Every toeslag for one household and income; a rule not in force on the date is reported, not zeroed.
    public static func all(on date: LocalDate, household: ToeslagHousehold, toetsingsinkomen: Money)
        -> [ToeslagOutcome]
    {
        Toeslag.allCases.map { toeslag in
            do throws(NotInForce) {
                return ToeslagOutcome(
                    toeslag: toeslag,
                    result: .success(
                        try calculate(
                            toeslag, on: date, household: household,
                            toetsingsinkomen: toetsingsinkomen)))
            } catch {
                return ToeslagOutcome(toeslag: toeslag, result: .failure(error))
            }
        }
    }

    /// All worked examples of all rules (run by the verifier test).
    public static var examples: [ToeslagExample] {
        Zorgtoeslag.workedExamples + Huurtoeslag.workedExamples + KindgebondenBudget.workedExamples
            + Kinderopvangtoeslag.workedExamples + Kinderbijslag.workedExamples
    }
}
