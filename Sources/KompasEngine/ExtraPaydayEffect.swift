import KompasIncome
import KompasMunicipality
import KompasSettlement

/// What an extra payday in a month does to the top-up, by the municipality's settlement method.
///
/// A 4-weekly job pays thirteen times a year, so one month has two paydays (a weekly job: some
/// months have five). Whether that month's top-up is lower depends on how the municipality
/// counts such pay (its data file, `SettlementPolicy`): by pay date the month counts both
/// payslips, ×13/12 averages them, by working days each month counts its own days. Decided here
/// once for the summary and `watals` (it used to be decided in the command layer).
public enum ExtraPaydayEffect: String, Sendable, Hashable {
    case lowerTopUp = "lager"
    case averaged = "gemiddeld"
    case spread = "werkdagen"

    /// The effect for pay at `frequency` in this municipality.
    public static func of(_ m: MunicipalityFile, frequency: PayFrequency) -> ExtraPaydayEffect {
        let policy = m.settlementPolicy
        switch frequency == .week ? policy.weekly : policy.fourWeekly {
        case .betaaldatum: return .lowerTopUp
        case .dertienTwaalfde: return .averaged
        case .werkdagen: return .spread
        }
    }
}
