import Foundation
import KompasCore

/// What kind of municipal provision (minimaregeling) an entry is.
///
/// A file with any other kind is rejected,
/// so a typo cannot silently drop a provision.
public enum ProvisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case stadspas
    case inkomenstoeslag
    case zorgverzekering
    case scholierenvergoeding
    case kwijtschelding
    case werkpremie
    case uitstroompremie
    case kindregeling
    case bijzondereBijstand = "bijzondere-bijstand"

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ProvisionKind(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: ProvisionDecoding.unknownKindPrefix + raw))
        }
        self = kind
    }
}

/// A text in Dutch and English (Dutch at B1 level).
public struct LocalizedText: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String
    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }
}

/// An amount in a data file: written as text the way people type it ("601", "3.275,00", "12.50").
public struct Amount: Sendable, Hashable, Codable {
    public var money: Money
    public init(_ money: Money) { self.money = money }
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let m = Money.parse(raw), m >= .zero else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: ProvisionDecoding.invalidPrefix + "bedrag")
        }
        money = m
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(money.description)
    }
}

/// A date in a data file, `JJJJ-MM-DD`.
public struct DateValue: Sendable, Hashable, Codable {
    public var date: LocalDate
    public init(_ date: LocalDate) { self.date = date }
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let d = LocalDate.parse(try c.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: ProvisionDecoding.invalidPrefix + "datum")
        }
        date = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(date.description)
    }
}

/// Which households an amount rule applies to.
public enum HouseholdType: String, Sendable, Hashable, Codable {
    /// No partner (with or without children).
    case alleenstaand
    /// With a partner.
    case partners
    /// One person in the home.
    case eenpersoons
    /// More than one person in the home.
    case meerpersoons
}

/// Who qualifies.
///
/// Every field is optional: a missing condition does not apply.
public struct ProvisionEligibility: Sendable, Hashable, Codable {
    /// Income limit as a percentage of the applicable bijstandsnorm (for example 130).
    ///
    /// The norm is an input of the evaluation.
    public var incomeLimitPercent: Int?
    public var assetLimit: AssetLimit?
    public var minimumAge: Int?
    public var maximumAge: Int?
    /// Children required: at least one child in this age range.
    public var children: AgeRange?
    /// Only for people who work (a premium for working part-time).
    public var requiresWork: Bool?
    /// Conditions Kompas cannot check (for example "36 months low income"), shown as-is.
    public var otherConditions: [LocalizedText]?
    /// For a kwijtschelding: the share of the betalingscapaciteit the municipality uses, in percent
    /// (Uitvoeringsregeling Invorderingswet 1990 artikel 11 onder b 2°: "ten minste 80 percent").
    ///
    /// Absent: 80 (``Kwijtschelding/defaultCapacityPercent``). For a kwijtschelding,
    /// `inkomensgrensProcent` is the kosten van bestaan as a percentage of the norm (artikel 16).
    public var capacityPercent: Int?

    public struct AssetLimit: Sendable, Hashable, Codable {
        public var single: Amount
        public var couple: Amount
        enum CodingKeys: String, CodingKey {
            case single = "alleenstaand"
            case couple = "partners"
        }
    }
    enum CodingKeys: String, CodingKey {
        case incomeLimitPercent = "inkomensgrensProcent"
        case assetLimit = "vermogensgrens"
        case minimumAge = "minimumLeeftijd"
        case maximumAge = "maximumLeeftijd"
        case children = "kinderen"
        case requiresWork = "alleenMetWerk"
        case otherConditions = "overigeVoorwaarden"
        case capacityPercent = "betalingscapaciteitProcent"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        incomeLimitPercent = try c.decodeIfPresent(Int.self, forKey: .incomeLimitPercent)
        if let p = incomeLimitPercent, !(1...1000).contains(p) {
            throw DecodingError.dataCorruptedError(
                forKey: .incomeLimitPercent, in: c,
                debugDescription: ProvisionDecoding.invalidPrefix + "procent")
        }
        assetLimit = try c.decodeIfPresent(AssetLimit.self, forKey: .assetLimit)
        minimumAge = try c.decodeIfPresent(Int.self, forKey: .minimumAge)
        maximumAge = try c.decodeIfPresent(Int.self, forKey: .maximumAge)
        for (key, v) in [(CodingKeys.minimumAge, minimumAge), (.maximumAge, maximumAge)]
        where v.map({ !(0...130).contains($0) }) ?? false {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: ProvisionDecoding.invalidPrefix + "leeftijd")
        }
        children = try c.decodeIfPresent(AgeRange.self, forKey: .children)
        requiresWork = try c.decodeIfPresent(Bool.self, forKey: .requiresWork)
        otherConditions = try c.decodeIfPresent([LocalizedText].self, forKey: .otherConditions)
        capacityPercent = try c.decodeIfPresent(Int.self, forKey: .capacityPercent)
        // "ten minste 80 percent" (art. 11): a share below 80 is not the law; above 100 is not a share.
        if let p = capacityPercent, !(Kwijtschelding.defaultCapacityPercent...100).contains(p) {
            throw DecodingError.dataCorruptedError(
                forKey: .capacityPercent, in: c,
                debugDescription: ProvisionDecoding.invalidPrefix + "procent")
        }
    }
}

/// An age range in whole years, both ends included.
public struct AgeRange: Sendable, Hashable, Codable {
    public var from: Int
    public var through: Int
    public func contains(_ age: Int) -> Bool { (from...through).contains(age) }
    enum CodingKeys: String, CodingKey {
        case from = "vanLeeftijd"
        case through = "totEnMetLeeftijd"
    }
    public init(from: Int, through: Int) {
        self.from = from
        self.through = through
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(Int.self, forKey: .from)
        through = try c.decode(Int.self, forKey: .through)
        guard (0...130).contains(from), from <= through, through <= 130 else {
            throw DecodingError.dataCorruptedError(
                forKey: .through, in: c,
                debugDescription: ProvisionDecoding.invalidPrefix + "leeftijdsbereik")
        }
    }
}

/// One amount and the households it applies to.
///
/// The first matching rule wins, so list specific rules first.
public struct AmountRule: Sendable, Hashable, Codable {
    public var household: HouseholdType?
    /// With `perChild`: the child's age must be in this range.
    ///
    /// Otherwise: at least one child in this range.
    public var childAge: AgeRange?
    public var amount: Amount
    enum CodingKeys: String, CodingKey {
        case household = "huishouden"
        case childAge = "kindLeeftijd"
        case amount = "bedrag"
    }
}

/// How often an amount is paid.
public enum ProvisionPeriod: String, Sendable, Hashable, Codable {
    case maand, jaar, eenmalig
}

/// What a provision is worth: fixed amounts, a share of earnings (a work premium), or nothing in euros (in kind).
public struct ProvisionValue: Sendable, Hashable, Codable {
    public var period: ProvisionPeriod
    public var perChild: Bool
    /// Amount rules (first match wins).
    ///
    /// Empty when the value is a share of earnings.
    public var amounts: [AmountRule]
    /// A share of the monthly earnings (werkpremie), in percent, with a monthly maximum.
    public var percentOfEarnings: Int?
    public var maximumPerMonth: Amount?

    enum CodingKeys: String, CodingKey {
        case period = "periode"
        case perChild = "perKind"
        case amounts = "bedragen"
        case percentOfEarnings = "percentageVanLoon"
        case maximumPerMonth = "maximumPerMaand"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        period = try c.decode(ProvisionPeriod.self, forKey: .period)
        perChild = try c.decodeIfPresent(Bool.self, forKey: .perChild) ?? false
        percentOfEarnings = try c.decodeIfPresent(Int.self, forKey: .percentOfEarnings)
        maximumPerMonth = try c.decodeIfPresent(Amount.self, forKey: .maximumPerMonth)
        if let p = percentOfEarnings {
            guard (1...100).contains(p) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .percentOfEarnings, in: c,
                    debugDescription: ProvisionDecoding.invalidPrefix + "procent")
            }
            amounts = try c.decodeIfPresent([AmountRule].self, forKey: .amounts) ?? []
        } else {
            amounts = try c.decode([AmountRule].self, forKey: .amounts)
            if amounts.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: .amounts, in: c,
                    debugDescription: ProvisionDecoding.invalidPrefix + "bedragen")
            }
        }
    }
}

/// The legal source of a provision: the municipal regulation (CVDR) or, when that was not found, the page used.
public struct ProvisionSource: Sendable, Hashable, Codable {
    public var title: String
    public var url: String
    /// The CVDR identifier of the regulation (lokaleregelgeving.overheid.nl), when known.
    public var cvdr: String?
    /// The kind of source (`"soort"`).
    ///
    /// `wet` (a verordening, a law), `overheid` (an official page of the municipality or
    /// an agency) or `achtergrond` (news, other sites). Absent: `achtergrond`, so a page nobody
    /// classified is never listed next to the law.
    public var kind: SourceKind
    enum CodingKeys: String, CodingKey {
        case title = "titel"
        case url, cvdr
        case kind = "soort"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        url = try c.decode(String.self, forKey: .url)
        cvdr = try c.decodeIfPresent(String.self, forKey: .cvdr)
        kind = try c.decodeIfPresent(SourceKind.self, forKey: .kind) ?? .background
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw DecodingError.dataCorruptedError(
                forKey: .url, in: c, debugDescription: ProvisionDecoding.invalidPrefix + "url")
        }
        if let id = cvdr,
            !(id.hasPrefix("CVDR") && id.dropFirst(4).allSatisfy(\.isNumber) && id.count > 4)
        {
            throw DecodingError.dataCorruptedError(
                forKey: .cvdr, in: c, debugDescription: ProvisionDecoding.invalidPrefix + "cvdr")
        }
    }
}

/// A municipal provision (minimaregeling) as stored in a municipality's data file.
///
/// The JSON shape (an array of these objects; in a municipality file under `"voorzieningen"`):
/// ```json
/// {
///   "id": "alphen.individuele-inkomenstoeslag",       // same id may appear again for another period
///   "soort": "inkomenstoeslag",                       // stadspas | inkomenstoeslag | zorgverzekering |
///                                                     // scholierenvergoeding | kwijtschelding | werkpremie |
///                                                     // uitstroompremie | kindregeling | bijzondere-bijstand
///   "naam": {"nl": "…", "en": "…"},
///   "omschrijving": {"nl": "… (B1)", "en": "…"},
///   "voorwaarden": {                                  // every condition optional
///     "inkomensgrensProcent": 110,                    // % of the applicable bijstandsnorm (kwijtschelding:
///                                                     // the kosten van bestaan, 90–100)
///     "vermogensgrens": {"alleenstaand": "3.275", "partners": "4.350"},
///     "minimumLeeftijd": 21, "maximumLeeftijd": 66,
///     "kinderen": {"vanLeeftijd": 4, "totEnMetLeeftijd": 17},
///     "alleenMetWerk": true,
///     "betalingscapaciteitProcent": 80,               // kwijtschelding only: share of the capacity used
///     "overigeVoorwaarden": [{"nl": "…", "en": "…"}]
///   },
///   "waarde": {                                       // optional: absent = in kind (no euro value)
///     "periode": "maand" | "jaar" | "eenmalig",
///     "perKind": false,
///     "bedragen": [{"huishouden": "alleenstaand", "kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "801"}],
///     "percentageVanLoon": 30, "maximumPerMaand": "219"   // instead of "bedragen", for a werkpremie
///   },
///   "uitbetaling": {"nl": "…", "en": "…"},
///   "bron": {"titel": "…", "url": "https://lokaleregelgeving.overheid.nl/CVDR…", "cvdr": "CVDR460812",
///            "soort": "wet"},                      // wet | overheid | achtergrond (absent: achtergrond)
///   "geldigVan": "2026-01-01", "geldigTot": "2026-12-31",   // geldigTot optional, inclusive
///   "geverifieerd": "geverifieerd op 2026-11-23" | "te verifiëren…",
///   "toelichting": "what was checked where; the date of the last confirmed value"
/// }
/// ```
/// Amounts are text ("601", "3.275,00"); `huishouden` is alleenstaand | partners | eenpersoons | meerpersoons.
///
/// The fields live in one shared, copy-on-write box (issue 23): the whole income evaluates every
/// provision each month, and copying a provision's two dozen texts and lists for each evaluation
/// (retaining and releasing each one) was 5,300 instructions of a whole-income projection. A copy
/// now retains one object; changing a field copies the box only when it is shared.
public struct MunicipalProvision: Sendable, Hashable, Codable {
    /// The stored fields, as the struct held them before they moved into a box.
    struct Fields: Sendable, Hashable {
        var id: String
        var kind: ProvisionKind
        var name: LocalizedText
        var description: LocalizedText
        var eligibility: ProvisionEligibility
        var value: ProvisionValue?
        var payment: LocalizedText
        var source: ProvisionSource
        var validFrom: DateValue
        var validUntil: DateValue?
        var verified: String
        var needsVerification: Bool
        var note: String?
    }

    /// Mutable only through ``MunicipalProvision``'s setters, which copy it first when shared, so
    /// no two values ever see one change: that is why the unchecked `Sendable` is sound.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The fields for writing: a box of its own first when another value shares this one.
    private var writable: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    public var id: String {
        get { box.fields.id }
        set { writable.fields.id = newValue }
    }
    public var kind: ProvisionKind {
        get { box.fields.kind }
        set { writable.fields.kind = newValue }
    }
    public var name: LocalizedText {
        get { box.fields.name }
        set { writable.fields.name = newValue }
    }
    public var description: LocalizedText {
        get { box.fields.description }
        set { writable.fields.description = newValue }
    }
    public var eligibility: ProvisionEligibility {
        get { box.fields.eligibility }
        set { writable.fields.eligibility = newValue }
    }
    /// nil: the provision is in kind (discounts, a free insurance package) and has no euro value here.
    public var value: ProvisionValue? {
        get { box.fields.value }
        set { writable.fields.value = newValue }
    }
    public var payment: LocalizedText {
        get { box.fields.payment }
        set { writable.fields.payment = newValue }
    }
    public var source: ProvisionSource {
        get { box.fields.source }
        set { writable.fields.source = newValue }
    }
    public var validFrom: DateValue {
        get { box.fields.validFrom }
        set { writable.fields.validFrom = newValue }
    }
    /// Last day in force (inclusive); nil when open-ended.
    public var validUntil: DateValue? {
        get { box.fields.validUntil }
        set { writable.fields.validUntil = newValue }
    }
    /// "geverifieerd op JJJJ-MM-DD" or "te verifiëren" (optionally followed by why).
    public var verified: String {
        get { box.fields.verified }
        set {
            let b = writable
            b.fields.verified = newValue
            b.fields.needsVerification = Self.marksToVerify(newValue)
        }
    }
    /// True when the figures still have to be checked at their source; `watals` shows a mark.
    ///
    /// Decided once when the text is set (issue 23): a `hasPrefix` with the non-ASCII
    /// "ë" on every evaluation was 23 % of the whole income's instructions.
    public var needsVerification: Bool { box.fields.needsVerification }
    public var note: String? {
        get { box.fields.note }
        set { writable.fields.note = newValue }
    }

    /// Equal when every field is: the same as before the fields moved into a box.
    public static func == (a: MunicipalProvision, b: MunicipalProvision) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    enum CodingKeys: String, CodingKey {
        case id
        case kind = "soort"
        case name = "naam"
        case description = "omschrijving"
        case eligibility = "voorwaarden"
        case value = "waarde"
        case payment = "uitbetaling"
        case source = "bron"
        case validFrom = "geldigVan"
        case validUntil = "geldigTot"
        case verified = "geverifieerd"
        case note = "toelichting"
    }

    private init(_ fields: Fields) { box = Box(fields) }

    public init(from decoder: Decoder) throws { self.init(try Self.fields(from: decoder)) }

    /// The fields read and checked in one place: `self` is set once, from the finished fields.
    private static func fields(from decoder: Decoder) throws -> Fields {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        if id.isEmpty || id.contains(where: { $0.isWhitespace }) {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: c, debugDescription: ProvisionDecoding.invalidPrefix + "id")
        }
        let kind = try c.decode(ProvisionKind.self, forKey: .kind)
        let name = try c.decode(LocalizedText.self, forKey: .name)
        let description = try c.decode(LocalizedText.self, forKey: .description)
        let eligibility = try c.decode(ProvisionEligibility.self, forKey: .eligibility)
        let value = try c.decodeIfPresent(ProvisionValue.self, forKey: .value)
        let payment = try c.decode(LocalizedText.self, forKey: .payment)
        let source = try c.decode(ProvisionSource.self, forKey: .source)
        let validFrom = try c.decode(DateValue.self, forKey: .validFrom)
        let validUntil = try c.decodeIfPresent(DateValue.self, forKey: .validUntil)
        if let until = validUntil, until.date < validFrom.date {
            throw DecodingError.dataCorruptedError(
                forKey: .validUntil, in: c,
                debugDescription: ProvisionDecoding.invalidPrefix + "einddatum")
        }
        let verified = try c.decode(String.self, forKey: .verified)
        if !MunicipalProvision.isValidVerification(verified) {
            throw DecodingError.dataCorruptedError(
                forKey: .verified, in: c,
                debugDescription: ProvisionDecoding.invalidPrefix + "geverifieerd")
        }
        let note = try c.decodeIfPresent(String.self, forKey: .note)
        return Fields(
            id: id, kind: kind, name: name, description: description, eligibility: eligibility,
            value: value, payment: payment, source: source, validFrom: validFrom,
            validUntil: validUntil, verified: verified,
            needsVerification: marksToVerify(verified), note: note)
    }

    /// The same keys the synthesized encoder wrote before the fields moved into a box (optional
    /// fields left out when nil).
    public func encode(to encoder: Encoder) throws {
        let f = box.fields
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(f.id, forKey: .id)
        try c.encode(f.kind, forKey: .kind)
        try c.encode(f.name, forKey: .name)
        try c.encode(f.description, forKey: .description)
        try c.encode(f.eligibility, forKey: .eligibility)
        try c.encodeIfPresent(f.value, forKey: .value)
        try c.encode(f.payment, forKey: .payment)
        try c.encode(f.source, forKey: .source)
        try c.encode(f.validFrom, forKey: .validFrom)
        try c.encodeIfPresent(f.validUntil, forKey: .validUntil)
        try c.encode(f.verified, forKey: .verified)
        try c.encodeIfPresent(f.note, forKey: .note)
    }

    static func marksToVerify(_ verified: String) -> Bool { verified.hasPrefix("te verifiëren") }

    static func isValidVerification(_ s: String) -> Bool {
        if s.hasPrefix("te verifiëren") { return true }
        let prefix = "geverifieerd op "
        guard s.hasPrefix(prefix) else { return false }
        let rest = s.dropFirst(prefix.count)
        return rest.count == 10 && LocalDate.parse(String(rest)) != nil
    }

    /// In force on a date: from `validFrom` through `validUntil`.
    public func isInForce(on date: LocalDate) -> Bool {
        box.fields.validFrom.date <= date && box.fields.validUntil.map { date <= $0.date } ?? true
    }
}
