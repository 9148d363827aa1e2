import KompasCore

/// The household type as the Participatiewet distinguishes it (artikel 4: alleenstaande,
/// alleenstaande ouder, gehuwden — samenwonenden count as gehuwd, artikel 3 lid 3).
public enum HouseholdType: String, Sendable, Codable, CaseIterable {
    case alleenstaande
    case alleenstaandeOuder = "alleenstaande-ouder"
    case samenwonend
}

/// The facts about a household that the income rules need.
///
/// Ages are whole years on the first day
/// of the projected month; a stored profile (issue 6) can hold birth dates and derive them.
public struct Household: Sendable, Hashable, Codable {
    public var type: HouseholdType
    public var age: Int
    public var partnerAge: Int?
    /// Ages of the children living at home (ten laste komende kinderen).
    public var childrenAges: [Int]
    /// Housemates of 27 or older who are kostendelers (artikel 19a), not counting the partner.
    public var costSharers: Int
    /// The applicant has reached the AOW age (also derived from `age` against the AOW-age parameter).
    public var aow: Bool
    /// Hours are limited on medical grounds (artikel 31 lid 2 onder y; artikel 34a lid 1 onder b).
    public var medicallyLimited: Bool
    /// An 18–20-year-old who cannot rely on the parents for a living (artikel 20 lid 3).
    ///
    /// The parents' means are not enough, or the right to maintenance cannot reasonably be
    /// claimed. Nil: not asked.
    public var cannotRelyOnParents: Bool?

    public init(
        type: HouseholdType, age: Int, partnerAge: Int? = nil, childrenAges: [Int] = [],
        costSharers: Int = 0,
        aow: Bool = false, medicallyLimited: Bool = false, cannotRelyOnParents: Bool? = nil
    ) {
        self.type = type
        self.age = age
        self.partnerAge = partnerAge
        self.childrenAges = childrenAges
        self.costSharers = costSharers
        self.aow = aow
        self.medicallyLimited = medicallyLimited
        self.cannotRelyOnParents = cannotRelyOnParents
    }

    public var hasChildren: Bool { childrenAges.contains { $0 < 18 } }
    public var hasPartner: Bool { type == .samenwonend }
    /// The applicant or the partner is 18, 19 or 20 (artikel 20 lid 3 can apply below AOW age).
    public var hasYoungAdult: Bool {
        (18...20).contains(age) || (hasPartner && partnerAge.map { (18...20).contains($0) } == true)
    }
}

/// Errors of the income engine.
///
/// Typed; the App turns them into text.
public enum IncomeError: KompasError, Equatable {
    /// The bijstandsnormen start at 18 (art. 20); below 18 parents are responsible. Not projected.
    case underEighteen(age: Int)
    case missingPartnerAge
    case impossibleAge(Int)
    case hoursTooHigh(hundredths: Int)
    case negative(field: String)
    /// Wage tax at AOW age uses other rates (no AOW premium); not modelled yet: ask for the net wage.
    case aowGrossToNetNotModelled

    public var exitCode: ExitCode { .dataError }
    public var message: Message {
        switch self {
        case .underEighteen(let a):
            return Message("income.error.underEighteen", ["age": .number(a)])
        case .missingPartnerAge: return Message("income.error.missingPartnerAge")
        case .impossibleAge(let a):
            return Message("income.error.impossibleAge", ["age": .number(a)])
        case .hoursTooHigh(let h):
            return Message("income.error.hoursTooHigh", ["hours": .number(h / 100)])
        case .negative(let f): return Message("income.error.negative", ["field": .text(f)])
        case .aowGrossToNetNotModelled: return Message("income.error.aowGrossToNet")
        }
    }
}
