import KompasCore

/// A worked example of a toeslag rule: inputs, the expected outcome and (in a comment at the call site) the
/// hand calculation.
///
/// Examples are documentation and tests at once: one verifier test runs them all.
public struct ToeslagExample: Sendable {
    public enum Expected: Sendable, Hashable {
        /// Entitled: the monthly amount (cents) and the yearly amount (whole euros).
        case entitled(monthly: Money, yearly: Money)
        case notEntitled(NotEntitledReason)
        /// The rule has no parameters for the date: the calculation throws ``KompasRules/NotInForce``.
        case notInForce
    }
    public var name: String
    public var toeslag: Toeslag
    public var date: LocalDate
    public var household: ToeslagHousehold
    public var toetsingsinkomen: Money
    public var expected: Expected
    public var line: UInt

    public init(
        _ name: String, _ toeslag: Toeslag, date: LocalDate, household: ToeslagHousehold,
        income: Money, _ expected: Expected, line: UInt = #line
    ) {
        self.name = name
        self.toeslag = toeslag
        self.date = date
        self.household = household
        self.toetsingsinkomen = income
        self.expected = expected
        self.line = line
    }
}
