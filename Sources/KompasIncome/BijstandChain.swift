import KompasCore
import KompasRules

/// The month in which the bijstand's own holiday reserve (vakantietoeslag) is paid out.
///
/// Artikel 45 lid 1 Participatiewet (text of 1-7-2026): the vakantietoeslag "wordt, voorzover
/// niet reeds eerder betaald, jaarlijks betaald in de maand juni over de aan die maand
/// voorafgaande twaalf maanden of zo veel eerder als de vakantietoeslag over deze periode
/// vaststaat". So the year of saving runs from June to May: the reserve of December 2026 is paid
/// in the coming May or June (2027), the reserve of May 2026 in May or June 2026, and the reserve
/// of June 2026 a year later. Which month of the year is municipal data
/// (`IncomePolicy.holidayAllowancePayMonth`, at the latest June); the *year* is decided here,
/// once, for every view.
public enum HolidayReservePayout {
    /// The payout month of the reserve saved in `month`, for a municipality that pays in `payMonth`.
    public static func month(for month: CalendarMonth, payMonth: Int) -> CalendarMonth {
        let m = min(12, max(1, payMonth))
        // The period June (year - 1) to May (year) is paid in `year`.
        let year = month.month >= 6 ? month.year + 1 : month.year
        let paid = CalendarMonth(index: year * 12 + m - 1)
        // A payout month before the saving month (a municipality paying in April, say) pays the
        // reserve of May a year later: money is never paid before it is saved.
        return paid < month ? paid.advanced(by: 12) : paid
    }
}

/// The inputs of the bijstand chain for one month: values only.
public struct BijstandChainInput: Sendable, Hashable {
    public var month: CalendarMonth
    public var household: Household
    /// Income from work the exemption applies to (net wage and counted holiday pay).
    public var workIncome: Money
    /// Other income, counted after the exemption.
    public var otherIncome: Money
    /// Which month of work this is (1 = the first), the exemption clock.
    public var workMonth: Int
    /// The college grants the exemption.
    public var granted: Bool
    /// The municipality's payout month of the holiday reserve (1–12).
    public var payMonth: Int
    /// Months the college added under artikel 34a lid 2.
    public var extendedMonths: Int

    /// Creates the input of one month's chain.
    public init(
        month: CalendarMonth, household: Household, workIncome: Money, otherIncome: Money = .zero,
        workMonth: Int, granted: Bool, payMonth: Int = 5, extendedMonths: Int = 0
    ) {
        self.extendedMonths = extendedMonths
        self.month = month
        self.household = household
        self.workIncome = workIncome
        self.otherIncome = otherIncome
        self.workMonth = workMonth
        self.granted = granted
        self.payMonth = payMonth
    }
}

/// One month of the bijstand chain: norm → exemption → counted income → top-up → holiday reserve.
///
/// This is the only place the chain is computed: the projection (`watals`, `samenvatting`), the
/// settlement preview (`verrekening`), the forecast and the caseload all call it, so a month's
/// top-up is one number whichever command shows it.
public struct BijstandChain: Sendable, Hashable {
    public var norm: Money
    public var normStep: TraceStep
    /// Work income plus other income.
    public var income: Money
    public var exemption: ExemptionOutcome
    public var exemptionStep: TraceStep
    public var counted: Money
    public var topUp: Money
    public var reserved: Money
    /// The parameters the reserve used (for its trace step).
    public var reservedParameters: [UsedParameter]
    /// When the reserve of this month is paid out (``HolidayReservePayout``).
    public var payoutMonth: CalendarMonth
    public var topUpPaid: Money { topUp - reserved }

    /// Computes the chain for one month, reading parameters through the caller's reader so the
    /// caller's trace keeps every parameter used.
    public static func compute(_ i: BijstandChainInput, _ p: inout ParameterReader) throws
        -> BijstandChain
    {
        let norm = try Bijstandsnorm.compute(i.household, &p)
        let ex = try Inkomstenvrijlating.compute(
            ExemptionInput(
                household: i.household, netEarnings: i.workIncome, workMonth: i.workMonth,
                granted: i.granted, extendedMonths: i.extendedMonths), &p)
        let income = i.workIncome + i.otherIncome
        let (counted, topUp) = Aanvulling.compute(
            .init(norm: norm.value, income: income, exemption: ex.outcome.amount))
        let reserved = try VakantietoeslagBijstand.compute(topUp, &p)
        return BijstandChain(
            norm: norm.value, normStep: norm.step, income: income, exemption: ex.outcome,
            exemptionStep: ex.step, counted: counted, topUp: topUp, reserved: reserved,
            reservedParameters: p.take(),
            payoutMonth: HolidayReservePayout.month(for: i.month, payMonth: i.payMonth))
    }

    /// Computes the chain with a reader of its own (the month's first day).
    public static func compute(_ i: BijstandChainInput) throws -> BijstandChain {
        var p = ParameterReader(i.month)
        return try compute(i, &p)
    }
}
