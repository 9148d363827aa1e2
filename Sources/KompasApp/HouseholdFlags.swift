import KompasCore
import KompasIncome

/// The household flags shared by `watals`, `verrekening` and `uren`: one parser, one set of messages.
enum HouseholdFlags {
    static let household = FlagSpec(
        ["--huishouden", "--household"],
        .value(placeholder: "alleenstaande|alleenstaande-ouder|samenwonend"))
    static let age = FlagSpec(["--leeftijd", "--age"], .value(placeholder: "N"))
    static let partnerAge = FlagSpec(
        ["--leeftijd-partner", "--partner-age"], .value(placeholder: "N"))
    static let child = FlagSpec(["--kind", "--child"], .repeated(placeholder: "LEEFTIJD"))
    static let costSharers = FlagSpec(
        ["--kostendelers", "--cost-sharers"], .value(placeholder: "N"))
    static let aow = FlagSpec(["--aow"])
    static let medical = FlagSpec(["--medisch-urenbeperkt", "--medically-limited"])
    /// Artikel 20 lid 3 Participatiewet: an 18–20-year-old who cannot rely on the parents.
    static let noParentalSupport = FlagSpec(
        ["--geen-steun-ouders", "--no-parental-support"], .value(placeholder: "ja|nee"))
    static let started = FlagSpec(["--gestart", "--started"], .value(placeholder: "JJJJ-MM"))
    static let all: [FlagSpec] = [
        household, age, partnerAge, child, costSharers, aow, medical, noParentalSupport,
    ]

    /// The household from flags; `--leeftijd` is required.
    ///
    /// Default type: alleenstaande.
    static func parse(_ inv: Invocation) throws -> Household {
        let typeRaw = inv.arguments.value(household) ?? "alleenstaande"
        guard let type = HouseholdType(rawValue: typeRaw) else {
            throw UsageError.invalidValue(
                flag: "--huishouden", value: typeRaw, expected: Message("expect.household"))
        }
        guard let a = try inv.integer(age, range: 0...120) else {
            throw UsageError.missingFlag(flag: "--leeftijd")
        }
        let pa = try inv.integer(partnerAge, range: 0...120)
        if type == .samenwonend && pa == nil {
            throw UsageError.missingFlag(flag: "--leeftijd-partner")
        }
        if type != .samenwonend && pa != nil {
            throw UsageError.conflicting("--leeftijd-partner", "--huishouden \(typeRaw)")
        }
        let kids = try inv.arguments.values(child).map {
            try Invocation.integer($0, flag: "--kind", range: 0...30)
        }
        if type == .alleenstaandeOuder && !kids.contains(where: { $0 < 18 }) {
            throw UserError(.usage, Message("income.error.parentWithoutChild"))
        }
        return Household(
            type: type, age: a, partnerAge: pa, childrenAges: kids,
            costSharers: try inv.integer(costSharers, range: 0...20) ?? 0,
            aow: inv.arguments.has(aow), medicallyLimited: inv.arguments.has(medical),
            cannotRelyOnParents: try yesNo(inv, noParentalSupport))
    }

    /// A `ja|nee` flag: nil when absent.
    static func yesNo(_ inv: Invocation, _ flag: FlagSpec) throws -> Bool? {
        guard let raw = inv.arguments.value(flag) else { return nil }
        switch raw.lowercased() {
        case "ja", "j", "yes", "y": return true
        case "nee", "n", "no": return false
        default:
            throw UsageError.invalidValue(
                flag: flag.canonical, value: raw, expected: Message("expect.yesNo"))
        }
    }
}
