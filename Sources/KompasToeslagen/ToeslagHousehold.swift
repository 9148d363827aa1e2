import KompasCore

/// The kind of registered childcare; each has its own maximum hourly price (Besluit kinderopvangtoeslag).
public enum ChildcareKind: String, Sendable, Hashable, Codable, CaseIterable {
    case dagopvang
    case buitenschoolseOpvang = "bso"
    case gastouderopvang = "gastouder"
}

/// Childcare for one child in one month.
public struct Childcare: Sendable, Hashable, Codable {
    public var kind: ChildcareKind
    /// Hours of childcare in the month, in hundredths (12,5 hours = 1250), so half hours are exact.
    public var hoursHundredths: Int
    /// The price the provider charges per hour.
    public var hourlyPrice: Money

    public init(kind: ChildcareKind, hoursHundredths: Int, hourlyPrice: Money) {
        self.kind = kind
        self.hoursHundredths = hoursHundredths
        self.hourlyPrice = hourlyPrice
    }
    public init(kind: ChildcareKind, hours: Int, hourlyPrice: Money) {
        self.init(kind: kind, hoursHundredths: hours * 100, hourlyPrice: hourlyPrice)
    }
}

/// A child living in the household.
public struct ChildFacts: Sendable, Hashable, Codable {
    /// Age in whole years in the month being calculated (the caller derives it from the birth date).
    public var age: Int
    public var childcare: Childcare?
    public init(age: Int, childcare: Childcare? = nil) {
        self.age = age
        self.childcare = childcare
    }
}

/// A toeslagpartner (artikel 3 Awir).
public struct PartnerFacts: Sendable, Hashable, Codable {
    public var age: Int
    /// Insured under the Zorgverzekeringswet; if not, zorgtoeslag is halved (artikel 2 lid 4 Wzt).
    public var insured: Bool
    public init(age: Int, insured: Bool = true) {
        self.age = age
        self.insured = insured
    }
}

/// The household facts the toeslagen depend on.
///
/// Income is passed separately because the sweep varies it.
public struct ToeslagHousehold: Sendable, Hashable, Codable {
    public var applicantAge: Int
    public var partner: PartnerFacts?
    public var children: [ChildFacts]
    /// Ages of other people living in the home (medebewoners other than partner and children).
    public var otherResidentAges: [Int]
    /// Yearly toetsingsinkomen of medebewoners, counted in the huurtoeslag rekeninkomen (artikel 1 onder i Wht).
    public var otherResidentsIncome: Money
    /// Kale huur per month; nil when the household does not rent.
    public var kaleHuur: Money?
    /// Service costs per month.
    ///
    /// Shown, but from 2026 they no longer count for huurtoeslag (artikel 5 Wht).
    public var servicekosten: Money
    /// Assets (rendementsgrondslag) on 1 January, jointly with the toeslagpartner.
    public var assets: Money
    /// The parent works, and so does the partner if there is one (kinderopvangtoeslag, artikel 1.6 Wet kinderopvang).
    public var parentsWork: Bool

    public init(
        applicantAge: Int, partner: PartnerFacts? = nil, children: [ChildFacts] = [],
        otherResidentAges: [Int] = [], otherResidentsIncome: Money = .zero,
        kaleHuur: Money? = nil, servicekosten: Money = .zero, assets: Money = .zero,
        parentsWork: Bool = true
    ) {
        self.applicantAge = applicantAge
        self.partner = partner
        self.children = children
        self.otherResidentAges = otherResidentAges
        self.otherResidentsIncome = otherResidentsIncome
        self.kaleHuur = kaleHuur
        self.servicekosten = servicekosten
        self.assets = assets
        self.parentsWork = parentsWork
    }

    public var hasPartner: Bool { partner != nil }
    /// Everyone living in the home (huurder, partner, children, medebewoners).
    public var size: Int { 1 + (partner == nil ? 0 : 1) + children.count + otherResidentAges.count }
    /// Children under 18: the ones that count for kindgebonden budget and kinderbijslag.
    ///
    /// The household's own list when every child is a minor (the usual case): no new list on
    /// every toeslag of every projection (issue 23).
    public var minorChildren: [ChildFacts] {
        children.allSatisfy { (0..<18).contains($0.age) }
            ? children : children.filter { (0..<18).contains($0.age) }
    }
}
