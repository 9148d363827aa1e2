import Foundation
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
    ///
    /// Version 2 (issue 15): a work history of several jobs, each with an optional end month and
    /// employer, and the months of art. 34a lid 2 Pw the municipality added (``extendedMonths``).
    /// A version 1 situation (one job, no end month) reads as version 2 with the same meaning
    /// (``init(from:)``).
    public static let currentVersion = 2

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
    /// Months the municipality added to the twelve of artikel 34a lid 1 onder a (lid 2: "kan het
    /// college de periode waarin de inkomsten uit arbeid niet worden verrekend verlengen met een
    /// door het college te bepalen periode"); 0 when it did not.
    public var extendedMonths: Int = 0

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

    /// The first job of the work history (the one the single-job flags and questions describe).
    public var job: Job? { jobs.first }

    /// The jobs that pay in `month`, with their number in the history (1 = the first job).
    public func jobs(in month: CalendarMonth) -> [(number: Int, job: Job)] {
        jobs.enumerated().filter { $0.element.works(in: month) }.map { ($0.offset + 1, $0.element) }
    }

    /// The month the exemption clock starts: the earliest job start (payslips, which the
    /// engine takes beside the situation, may start it earlier).
    ///
    /// A second job does not restart it: artikel 31 lid 2 onder n counts "inkomsten uit arbeid"
    /// "gedurende ten hoogste zes maanden", onder r "gedurende een aaneengesloten periode van
    /// maximaal 30 maanden", whatever the number of employers (Participatiewet, text of
    /// 1-7-2026). Only artikel 34a lid 3 lets the college apply the exemption again for a new
    /// job; the engine decides that (`Situation.exemptionClock`).
    public var workStarted: CalendarMonth? { jobs.compactMap(\.started).min() ?? workStart }

    enum CodingKeys: String, CodingKey {
        case version, household, jobs, childcare, costs, otherIncome, municipality, workStart
        case extendedMonths
    }

    /// Reads a stored situation of this or an older version.
    ///
    /// Version 1 had no end months, employers or extended months: its one job reads as the first
    /// job of the history and the extension as none. A newer version than this Kompas knows is
    /// refused rather than half read.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let stored = try c.decode(Int.self, forKey: .version)
        guard stored <= Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "situation version \(stored) is newer than \(Self.currentVersion)"
            )
        }
        household = try c.decode(Household.self, forKey: .household)
        jobs = try c.decodeIfPresent([Job].self, forKey: .jobs) ?? []
        childcare = try c.decodeIfPresent([Childcare?].self, forKey: .childcare) ?? []
        costs = try c.decodeIfPresent(SituationCosts.self, forKey: .costs) ?? SituationCosts()
        otherIncome = try c.decodeIfPresent(Money.self, forKey: .otherIncome) ?? .zero
        municipality = try c.decodeIfPresent(String.self, forKey: .municipality)
        workStart = try c.decodeIfPresent(CalendarMonth.self, forKey: .workStart)
        extendedMonths = try c.decodeIfPresent(Int.self, forKey: .extendedMonths) ?? 0
        // Migrated: it is now a situation of this version.
        version = Self.currentVersion
    }
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
    /// The last month this job pays; nil: it goes on.
    public var ended: CalendarMonth?
    /// The employer's name, to attribute stored payslips to this job (nil: not given).
    public var employer: String?
    public var frequency: PayFrequency
    public var pay: Pay
    /// The employer applies the loonheffingskorting.
    public var withCredit: Bool
    /// Travel costs for this job per month.
    public var travelCosts: Money
    /// One known pay date of this job (a payslip's date, or the date the person gives).
    ///
    /// With pay every week or four weeks it fixes every pay date, so the engine knows which month
    /// has an extra payslip (nil: not known). Optional in a stored situation of version 2.
    public var payDate: LocalDate?

    /// Creates a job.
    public init(
        started: CalendarMonth?, frequency: PayFrequency = .maand, pay: Pay,
        withCredit: Bool = true, travelCosts: Money = .zero, ended: CalendarMonth? = nil,
        employer: String? = nil, payDate: LocalDate? = nil
    ) {
        self.payDate = payDate
        self.started = started
        self.ended = ended
        self.employer = employer
        self.frequency = frequency
        self.pay = pay
        self.withCredit = withCredit
        self.travelCosts = travelCosts
    }

    /// The job pays in `month`: on or after its start (when known) and not after its end.
    public func works(in month: CalendarMonth) -> Bool {
        (started.map { $0 <= month } ?? true) && (ended.map { month <= $0 } ?? true)
    }

    /// A payslip's employer is this job's employer (case and surrounding spaces ignored).
    public func pays(employer name: String) -> Bool {
        guard let e = employer?.trimmingCharacters(in: .whitespaces).lowercased(), !e.isEmpty
        else { return false }
        return e == name.trimmingCharacters(in: .whitespaces).lowercased()
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
