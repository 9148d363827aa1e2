import KompasCase
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

    /// The household from flags, read by the one situation reader; `--leeftijd` is required.
    static func parse(_ inv: Invocation) throws -> Household {
        let household: Set<SituationField> = [
            .household, .age, .partnerAge, .children, .costSharers, .aow, .medical,
            .noParentalSupport,
        ]
        do {
            return try SituationReader.read(
                SituationFlags.values(inv.arguments).filter { household.contains($0.key) }
            ).household
        } catch {
            throw SituationFlags.commandLine(error, inv)
        }
    }
}
