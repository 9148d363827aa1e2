import KompasCore
import KompasIncome
import KompasToeslagen

/// One household's situation: the single typed input of every computation.
///
/// Flags, the stored profile, the guide's answers and a caseload row are four ways to build it
/// (see ``SituationReader``); the engine takes nothing else. Like an OpenFisca *situation*
/// (`situation_examples/single.json`): one description in, every output asked of it. Versioned,
/// so a profile stored by an older Kompas can be read and upgraded.
public struct Situation: Sendable, Hashable, Codable {
    /// The version this Kompas writes.
    public static let currentVersion = 1

    public var version: Int
    /// Household type, ages, children, kostendelers, AOW and medical limits (Pw articles 4, 19a, 31).
    public var household: Household
    /// The work history: each job with its start month, pay frequency and pay.
    public var jobs: [Job]
    /// Childcare per child, in the order of ``Household/childrenAges`` (nil: none for that child).
    public var childcare: [Childcare?]
    public var costs: SituationCosts
    /// Other net income per month (counted after the exemption).
    public var otherIncome: Money
    /// The municipality's id or data file; nil: the default (Amsterdam).
    public var municipality: String?
    /// The month paid work started, as the person gave it (also without a job's pay, for a
    /// settlement from payslips); the exemption clock.
    public var workStart: CalendarMonth?

    /// Creates a situation; ``SituationReader`` is the way to build one from what people type.
    public init(
        household: Household, jobs: [Job] = [], childcare: [Childcare?] = [],
        costs: SituationCosts = SituationCosts(), otherIncome: Money = .zero,
        municipality: String? = nil
    ) {
        self.version = Self.currentVersion
        self.household = household
        self.jobs = jobs
        self.childcare = childcare
        self.costs = costs
        self.otherIncome = otherIncome
        self.municipality = municipality
    }

    /// The job the projection uses (Kompas computes one job at a time; the validator refuses more).
    public var job: Job? { jobs.first }

    /// The month the exemption clock starts: the earliest job start (payslips, which the
    /// engine takes beside the situation, may start it earlier).
    public var workStarted: CalendarMonth? { jobs.compactMap(\.started).min() ?? workStart }
}

/// One job.
public struct Job: Sendable, Hashable, Codable {
    /// How the pay is known.
    public enum Pay: Sendable, Hashable, Codable {
        /// Hours per week in hundredths (16 hours = 1600) at a gross hourly wage.
        case hourly(hundredthsPerWeek: Int, wage: Money)
        case grossMonthly(Money)
        case netMonthly(Money)
    }

    /// The first month of this job; nil: not known (the exemption then counts from the month shown).
    public var started: CalendarMonth?
    public var frequency: PayFrequency
    public var pay: Pay
    /// The employer applies the loonheffingskorting.
    public var withCredit: Bool
    /// Travel costs for this job per month.
    public var travelCosts: Money

    /// Creates a job.
    public init(
        started: CalendarMonth?, frequency: PayFrequency = .maand, pay: Pay,
        withCredit: Bool = true, travelCosts: Money = .zero
    ) {
        self.started = started
        self.frequency = frequency
        self.pay = pay
        self.withCredit = withCredit
        self.travelCosts = travelCosts
    }
}

/// Housing and other costs, and what the toeslagen advance was based on.
public struct SituationCosts: Sendable, Hashable, Codable {
    /// Kale huur per month; nil: not given (no huurtoeslag).
    public var rent: Money?
    public var serviceCosts: Money
    /// Childcare costs per month when given as one amount (instead of per child).
    public var childcareMonthly: Money
    public var assets: Money
    /// The yearly income the toeslagen advance was based on.
    public var advanceIncome: Money?

    /// Creates the costs.
    public init(
        rent: Money? = nil, serviceCosts: Money = .zero, childcareMonthly: Money = .zero,
        assets: Money = .zero, advanceIncome: Money? = nil
    ) {
        self.rent = rent
        self.serviceCosts = serviceCosts
        self.childcareMonthly = childcareMonthly
        self.assets = assets
        self.advanceIncome = advanceIncome
    }
}
