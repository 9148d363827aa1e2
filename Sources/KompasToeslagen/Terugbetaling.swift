import KompasCore
import KompasRules

/// The estimated settlement of one toeslag when the voorschot was based on another yearly income than the real one.
public struct RepaymentEstimate: Sendable, Hashable, Codable {
    public var toeslag: Toeslag
    public var voorschotIncome: Money
    public var actualIncome: Money
    /// The yearly amount paid as voorschot (based on `voorschotIncome`).
    public var voorschotYearly: Money
    /// The yearly amount the household is entitled to (based on `actualIncome`).
    public var actualYearly: Money
    /// `actualYearly − voorschotYearly`: negative means paying back, positive means receiving extra.
    public var difference: Money

    public var message: Message {
        if difference < .zero {
            return Message(
                "toeslag.terugbetalen",
                ["toeslag": .message(toeslag.name), "bedrag": .money(-difference)])
        } else if difference > .zero {
            return Message(
                "toeslag.nabetaling",
                ["toeslag": .message(toeslag.name), "bedrag": .money(difference)])
        }
        return Message("toeslag.geenVerschil", ["toeslag": .message(toeslag.name)])
    }
}

/// Toeslagen are paid as a voorschot based on an estimate of the yearly toetsingsinkomen (artikel 8 Awir: the
/// verzamelinkomen, that is gross wage incl.
///
/// holiday pay plus the gross bijstand). After the year Dienst Toeslagen
/// sets the definitive amount on the real income (artikel 19 Awir) and claims back or pays out the difference.
/// Reporting an income change early (``reportChangeAdvice``) avoids a claim afterwards.
public enum Terugbetaling {
    /// The advice shown next to every projection that changes the yearly income.
    public static let reportChangeAdvice = Message("toeslag.wijzigingDoorgeven")

    /// For each income-dependent toeslag: the yearly amount on the voorschot income and on the actual income,
    /// with the difference.
    ///
    /// Assumes the household is the same all year (the sweep's assumption).
    /// Kinderbijslag does not depend on income and is left out.
    public static func estimate(
        on date: LocalDate, household: ToeslagHousehold, voorschotIncome: Money,
        actualIncome: Money
    ) throws(NotInForce) -> [RepaymentEstimate] {
        try Toeslag.allCases.filter { $0 != .kinderbijslag }.map {
            (toeslag: Toeslag) throws(NotInForce) -> RepaymentEstimate in
            let before = try Toeslagen.calculate(
                toeslag, on: date, household: household, toetsingsinkomen: voorschotIncome
            ).yearly
            let after = try Toeslagen.calculate(
                toeslag, on: date, household: household, toetsingsinkomen: actualIncome
            ).yearly
            return RepaymentEstimate(
                toeslag: toeslag, voorschotIncome: voorschotIncome, actualIncome: actualIncome,
                voorschotYearly: before, actualYearly: after, difference: after - before)
        }
    }
}

/// Where a toeslag stops as the yearly income rises.
public enum IncomeLimit: Sendable, Hashable, Codable {
    /// Not entitled even at zero income (no rent, no children, assets too high, …).
    case neverEntitled
    /// The lowest yearly income, to the cent, at which the household is no longer entitled.
    case stopsAt(Money)
    /// Still entitled at the highest income searched.
    case entitledBeyond(Money)
}

/// Finds the income at which a toeslag stops, so the sweep can mark it.
public enum StopIncome {
    /// Bisection on whole cents between 0 and `searchUpTo`.
    ///
    /// Every toeslag falls (weakly) as income rises, so the
    /// set of entitled incomes is an interval starting at 0 and bisection gives the exact boundary in ≈ 26 steps.
    public static func find(
        _ toeslag: Toeslag, on date: LocalDate, household: ToeslagHousehold,
        searchUpTo: Money = .euros(500_000)
    ) throws(NotInForce) -> IncomeLimit {
        func entitled(_ income: Money) throws(NotInForce) -> Bool {
            try Toeslagen.calculate(
                toeslag, on: date, household: household, toetsingsinkomen: income
            ).isEntitled
        }
        if !(try entitled(.zero)) { return .neverEntitled }
        if try entitled(searchUpTo) { return .entitledBeyond(searchUpTo) }
        var lo: Int64 = 0
        var hi = searchUpTo.cents  // entitled at lo, not at hi
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if try entitled(.cents(mid)) { lo = mid } else { hi = mid }
        }
        return .stopsAt(.cents(hi))
    }
}
