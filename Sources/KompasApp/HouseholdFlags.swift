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
    static let started = FlagSpec(["--gestart", "--started"], .value(placeholder: "JJJJ-MM"))
    static let all: [FlagSpec] = [household, age, partnerAge, child, costSharers, aow, medical]

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
            aow: inv.arguments.has(aow), medicallyLimited: inv.arguments.has(medical))
    }
}
