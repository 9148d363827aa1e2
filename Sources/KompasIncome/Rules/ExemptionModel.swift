import KompasCore
import KompasRules

/// What the exemption rules need to know.
public struct ExemptionInput: Sendable, Hashable {
    public var household: Household
    /// Net income from work in the month (artikel 31 lid 3), the base of every exemption.
    public var netEarnings: Money
    /// Which month of (part-time) work this is: 1 for the first month.
    ///
    /// The law lets the client
    /// choose the six months of onderdeel n; Kompas assumes consecutive months from the start.
    public var workMonth: Int
    /// The college judges that the work helps towards arbeidsinschakeling (municipal policy default).
    public var granted: Bool
    /// Months the college added after the twelve of artikel 34a lid 1 onder a (lid 2: "verlengen met
    /// een door het college te bepalen periode"), when it judges more hours not possible.
    public var extendedMonths: Int
    public init(
        household: Household, netEarnings: Money, workMonth: Int = 1, granted: Bool = true,
        extendedMonths: Int = 0
    ) {
        self.household = household
        self.netEarnings = netEarnings
        self.workMonth = workMonth
        self.granted = granted
        self.extendedMonths = extendedMonths
    }
}

/// Which exemption applies.
public enum ExemptionKind: String, Sendable, Codable, Hashable {
    /// art. 31 lid 2 onder n
    case general = "n"
    /// art. 31 lid 2 onder r
    case singleParent = "r"
    /// art. 31 lid 2 onder y
    case medical = "y"
    /// art. 34a lid 1 onder a (from 1-1-2027, te verifiëren)
    case pib = "34a"
    /// art. 34a lid 1 onder b
    case pibMedical = "34a-medisch"
    /// art. 34a lid 1 onder c
    case pibAOW = "34a-aow"

    /// The catalog key of the sentence that explains this exemption; `limited` when it runs for
    /// a number of months (`income.exemption.n.limited`).
    ///
    /// Written out: building the key from the raw value made a new string for every month of every
    /// client in a caseload (issue 23). The single parent's and the 34a exemption always run for a
    /// number of months and the medical and AOW ones never do, so each of those has one sentence;
    /// `ExemptionKindKeyTests` checks the keys against the ones built from the raw value.
    public func sentenceKey(limited: Bool) -> String {
        switch self {
        case .general: return limited ? "income.exemption.n.limited" : "income.exemption.n"
        case .singleParent: return "income.exemption.r.limited"
        case .medical: return "income.exemption.y"
        case .pib: return "income.exemption.34a.limited"
        case .pibMedical: return "income.exemption.34a-medisch"
        case .pibAOW: return "income.exemption.34a-aow"
        }
    }
}

/// The outcome of one exemption rule: it applies (amount, months left after this one, if limited)
/// or it does not, with the reason as a message key.
///
/// Never a silent zero.
public enum ExemptionOutcome: Sendable, Hashable {
    case applies(ExemptionKind, amount: Money, monthsLeft: Int?)
    case notApplicable(reason: String)

    public var amount: Money {
        if case .applies(_, let a, _) = self { return a } else { return .zero }
    }
    public var kind: ExemptionKind? {
        if case .applies(let k, _, _) = self { return k } else { return nil }
    }
}

func isAOW(_ h: Household, _ p: inout ParameterReader) throws -> Bool {
    if h.aow { return true }
    return h.age >= (try p(NormParameters.aowLeeftijd))
}
