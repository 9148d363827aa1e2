import KompasCore
import KompasEngine
import KompasIncome
import KompasProvisions
import KompasRules
import KompasToeslagen
import KompasTotalIncome

/// Who the summary is for: the client (plain language) or the caseworker (compact, with articles).
public enum Audience: String, Sendable, CaseIterable {
    case klant, klantmanager
}

/// The client's contact person at the municipality.
///
/// From `--contactpersoon`/`--contact` or the
/// profile now; from the synced messages once sync (issue 7) lands.
public struct ContactPerson: Sendable, Hashable {
    public var name: String
    /// A phone number or e-mail address.
    public var reach: String?
    /// A photo as a `data:` URI (never a link: the printable HTML makes no external requests).
    public var photoDataURI: String?
    public init(name: String, reach: String? = nil, photoDataURI: String? = nil) {
        self.name = name
        self.reach = reach
        self.photoDataURI = photoDataURI
    }
}

/// A fixed cost on a day of the month (`--vaste-last NAAM:BEDRAG:DAG`).
public struct FixedCost: Sendable, Hashable {
    public var name: String
    public var amount: Money
    public var day: Int
    public init(name: String, amount: Money, day: Int) {
        self.name = name
        self.amount = amount
        self.day = day
    }
}

/// When wages are paid.
///
/// A known pay date (`--loondatum`) with a weekly or four-weekly frequency
/// gives every later pay date (every 7 or 28 days); with monthly pay the wage day is the day of the month.
public struct PaySchedule: Sendable, Hashable {
    public var frequency: PayFrequency
    /// Day of the month for monthly pay (`--loondag`).
    public var wageDay: Int?
    /// One known pay date (`--loondatum`).
    public var knownPayDate: LocalDate?
    public init(frequency: PayFrequency, wageDay: Int? = nil, knownPayDate: LocalDate? = nil) {
        self.frequency = frequency
        self.wageDay = wageDay
        self.knownPayDate = knownPayDate
    }
}

/// What the municipality is, as far as the summary needs it (from the municipality data file).
public struct MunicipalityFacts: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Policy choices with their source and verification ("methods used" in the caseworker version).
    public var methods: [PolicyMethod]
    public init(id: String, name: String, methods: [PolicyMethod]) {
        self.id = id
        self.name = name
        self.methods = methods
    }
}

/// One choice the municipality makes, for example "vrijlating_standaard = ja", with its source.
public struct PolicyMethod: Sendable, Hashable {
    public var field: String
    public var value: String
    public var source: String
    public var toVerify: Bool
    public init(field: String, value: String, source: String, toVerify: Bool) {
        self.field = field
        self.value = value
        self.source = source
        self.toVerify = toVerify
    }
}

/// Everything the summary is built from.
///
/// The optional fields are where later work plugs in:
/// `deadlineDay` and `twoPaydayMonths` from the settlement (issue 5, the municipality file's
/// `verrekening` section and its pay-date forecast), `contact` from sync (issue 7).
public struct SummaryRequest: Sendable {
    public var base: ProjectionInput
    public var costs: HouseholdCosts
    public var provisions: [MunicipalProvision]
    public var municipality: MunicipalityFacts
    public var audience: Audience
    public var months: Int
    public var pay: PaySchedule
    public var rentDay: Int
    public var fixedCosts: [FixedCost]
    public var contact: ContactPerson?
    /// How many payslips the person saved: with no hours given, the summary says so instead of
    /// "no paid work".
    public var storedPayslips = 0
    /// Day of the next month by which the income form must be in; nil: "the date in your municipality's letter".
    public var deadlineDay: Int?
    /// Months with two (or five weekly) paydays, when a forecast is known (issue 5); nil: derived from `pay`.
    public var twoPaydayMonths: [CalendarMonth]?
    /// How the municipality counts a month with an extra payday (from its settlement method):
    /// `lowerTopUp` (counted when received), `averaged` (× 13 / 12), `spread` (by working days).
    public var extraPaydayEffect: ExtraPaydayEffect = .lowerTopUp
    /// The sweep for the stacked-bar chart: up to this many hours per week (hundredths) in steps.
    public var sweepTo: Int
    public var sweepStep: Int

    public init(
        base: ProjectionInput, costs: HouseholdCosts, provisions: [MunicipalProvision],
        municipality: MunicipalityFacts,
        audience: Audience = .klant, months: Int = 6, pay: PaySchedule? = nil, rentDay: Int = 1,
        fixedCosts: [FixedCost] = [],
        contact: ContactPerson? = nil, deadlineDay: Int? = nil,
        twoPaydayMonths: [CalendarMonth]? = nil,
        sweepTo: Int = 4_000, sweepStep: Int = 400
    ) {
        self.base = base
        self.costs = costs
        self.provisions = provisions
        self.municipality = municipality
        self.audience = audience
        self.months = months
        self.pay = pay ?? PaySchedule(frequency: base.frequency)
        self.rentDay = rentDay
        self.fixedCosts = fixedCosts
        self.contact = contact
        self.deadlineDay = deadlineDay
        self.twoPaydayMonths = twoPaydayMonths
        self.sweepTo = sweepTo
        self.sweepStep = sweepStep
    }
}

/// One month of the six: computed, or not known because a parameter is not in force yet.
public struct MonthOutcome: Sendable {
    public enum Result: Sendable {
        case known(TotalIncome)
        /// The month cannot be computed: this parameter has no value on this date (shown as "nog niet bekend").
        case notKnown(NotInForce)
    }
    public var month: CalendarMonth
    public var result: Result
    /// Number of wage paydays in the month (nil: not known).
    public var paydays: Int?
    /// The engine's lines of this month (``MonthResult/lines``).
    public var lines: [ResultLine] = []
    /// A line of this month.
    public func amount(_ id: LineID) -> Money? { lines.first { $0.id == id }?.amount }
    public var total: TotalIncome? {
        if case .known(let t) = result { return t }
        return nil
    }
    /// True when some toeslag of this month is not in force: its total is not complete.
    public var incomplete: Bool {
        guard let t = total else { return true }
        return t.toeslagen.contains {
            if case .failure = $0.result { return true }
            return false
        }
    }
}

/// Something that changes in a month (or at a moment that is known only roughly).
public struct SummaryEvent: Sendable {
    public enum Kind: String, Sendable {
        case exemptionEnds, twoPaydays, holidayAllowance, employerHolidayPay, childTurns12,
            childTurns18, parameterChange, parameterUnknown
        /// The exemption changes to another rule or amount, or its rules are not known yet
        /// (the engine's ``CaseEvent`` kinds, so `samenvatting --json` names them as `watals` does).
        case exemptionChanges, exemptionUnknown
    }
    public var kind: Kind
    public var month: CalendarMonth?
    public var message: Message
}

/// Something the client must do, and by when.
public struct SummaryAction: Sendable {
    public enum Kind: String, Sendable {
        case incomeForm, changedHours, toeslagenAdvance, contactMunicipality
    }
    public var kind: Kind
    public var message: Message
}

/// A source of one or more amounts: law and article, or a municipal/agency source.
public struct Footnote: Sendable, Hashable {
    public var number: Int
    public var text: String
    public var url: String?
    public var toVerify: Bool
    /// The law, an official page, or background reading (from the data, ``SourceKind``).
    public var kind: SourceKind = .law
}

/// One entry in the month calendar.
public struct CalendarEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case wage, topUp, toeslagen, holidayAllowance, rent, fixed
    }
    public var kind: Kind
    public var date: LocalDate
    /// Last day of a window ("22–26"), when the day is only known roughly.
    public var lastDay: Int?
    public var amount: Money?
    public var name: String?
    public var toVerify: Bool
    public var incoming: Bool { kind != .rent && kind != .fixed }
}

/// A point the caseworker should look at (open point or risk).
public struct CaseworkerPoint: Sendable {
    public enum Kind: String, Sendable { case open, risk }
    public var kind: Kind
    public var message: Message
}

/// The summary: the values every renderer (text, Markdown, HTML, SVG) shows.
///
/// Amounts come only
/// from ``TotalIncomeCalculator`` and ``TotalSweeper``; nothing here recomputes a rule.
public struct Summary: Sendable {
    public var request: SummaryRequest
    /// The first month, with work.
    public var current: TotalIncome
    /// The first month, without work (what the work adds).
    public var baseline: TotalIncome
    public var months: [MonthOutcome]
    public var events: [SummaryEvent]
    public var actions: [SummaryAction]
    public var calendar: [CalendarEntry]
    public var sweep: TotalSweepResult?
    public var footnotes: [Footnote]
    /// Footnote numbers per amount id (projection line ids, `toeslag:…`, `voorziening:…`).
    public var footnoteIndex: [String: [Int]]
    public var points: [CaseworkerPoint]
    public var works: Bool {
        if case .none = request.base.work { return false }
        return true
    }
}

extension MonthOutcome: ResultLines {}

extension Summary {
    /// Line `id` of the first month (the summary's "current" month) as a sentence argument
    /// (``Message/Argument/line(_:in:)``): the amount the month's table shows.
    public func line(_ id: LineID) -> Message.Argument {
        months.first.map { .line(id, in: $0) } ?? .notKnown
    }
}
