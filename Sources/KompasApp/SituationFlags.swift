import KompasCase
import KompasCore
import KompasIncome

/// The command-line builder of a ``Situation``.
///
/// Flags become field values and go through the one reader (``SituationReader``), the same as
/// the profile, the guide and a caseload row. Only the place a value came from is added here: a
/// refused value names its flag.
enum SituationFlags {
    /// One more job of the work history, in one value: the first job's flags without their dashes
    /// (`--baan "uren=12 uurloon=13,50 frequentie=4weken gestart=2026-05"`); repeated per job.
    static let otherJob = FlagSpec(["--baan", "--job"], .repeated(placeholder: "BAAN"))
    /// The last month the (first) job pays.
    static let ended = FlagSpec(["--gestopt", "--ended"], .value(placeholder: "JJJJ-MM"))
    /// Artikel 34a lid 2: the months the municipality added to the twelve.
    static let extendedMonths = FlagSpec(
        ["--verlenging-34a", "--extension-34a"], .value(placeholder: "MAANDEN"))
    /// One known pay date of the (first) job (`--loondatum`): with pay every week or four weeks it
    /// tells which months have an extra payslip.
    static let payDate = FlagSpec(
        ["--loondatum", "--wage-date"], .value(placeholder: "JJJJ-MM-DD"))
    /// The work-history flags of the commands that compute a month from the situation.
    static let workHistory: [FlagSpec] = [
        otherJob, ended, LoonstrookCommand.employer, extendedMonths,
    ]

    /// Which flag gives which field.
    static var fields: [(SituationField, FlagSpec)] {
        let w = WatalsCommand.self
        return [
            (.household, HouseholdFlags.household), (.age, HouseholdFlags.age),
            (.partnerAge, HouseholdFlags.partnerAge), (.children, HouseholdFlags.child),
            (.costSharers, HouseholdFlags.costSharers), (.aow, HouseholdFlags.aow),
            (.medical, HouseholdFlags.medical), (.started, HouseholdFlags.started),
            (.noParentalSupport, HouseholdFlags.noParentalSupport),
            (.hours, w.hours), (.hourlyWage, w.hourlyWage), (.grossMonthly, w.grossMonthly),
            (.netMonthly, w.netMonthly), (.frequency, w.frequency),
            (.withoutCredit, w.withoutCredit), (.travel, w.travel),
            (.childcareCosts, w.childcare), (.otherIncome, w.otherIncome), (.rent, w.rent),
            (.serviceCosts, w.serviceCosts), (.careHours, w.careHours),
            (.carePrice, w.carePrice), (.careKind, w.careKind), (.assets, w.assets),
            (.advance, w.advance), (.municipality, GlobalFlags.municipality),
            (.otherJob, otherJob), (.ended, ended), (.employer, LoonstrookCommand.employer),
            (.extendedMonths, extendedMonths), (.payDate, payDate),
        ]
    }

    /// The flag of a field as the user knows it (for messages about typed flags): the spelling
    /// typed, else the one of the user's language.
    static func flag(_ f: SituationField, _ inv: Invocation) -> String {
        fields.first { $0.0 == f }.map { inv.flagName($0.1) } ?? f.rawValue
    }

    /// The field values present in parsed arguments (toggles as `[""]`).
    static func values(_ a: ParsedArguments) -> SituationValues {
        var v: SituationValues = [:]
        for (field, spec) in fields {
            if case .toggle = spec.kind {
                if a.has(spec) { v[field] = [""] }
            } else if let values = a.values[spec.canonical] {
                v[field] = values
            }
        }
        return v
    }

    /// The situation from an invocation's flags.
    static func situation(
        _ inv: Invocation, requireAge: Bool = true, hoursOptional: Bool = false
    ) throws -> Situation {
        do {
            return try SituationReader.read(
                values(inv.arguments), requireAge: requireAge, hoursOptional: hoursOptional,
                today: inv.context.clock.now().calendarMonth)
        } catch {
            throw commandLine(error, inv)
        }
    }

    /// A reader error as the command line tells it: the same expectation, with the flag typed.
    static func commandLine(_ e: SituationError, _ inv: Invocation) -> KompasError {
        switch e {
        case .invalid(let f, let v, let expected):
            return UsageError.invalidValue(flag: flag(f, inv), value: v, expected: expected)
        case .missing(let f): return UsageError.missingFlag(flag: flag(f, inv))
        case .conflicting(let a, let b): return UsageError.conflicting(flag(a, inv), flag(b, inv))
        case .rule: return e
        case .inJob(let n, let inner):
            return UserError(
                inner.exitCode,
                Message(
                    "situatie.error.inJob.flag",
                    [
                        "flag": .text(otherJob.canonical), "number": .number(n),
                        "message": .message(inner.message),
                    ]))
        }
    }
}
