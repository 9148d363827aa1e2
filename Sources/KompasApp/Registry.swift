import KompasIncome
import KompasRules
import KompasSettlement
import KompasToeslagen

/// The parameter registry of this build: every engine's parameter list, composed once.
enum AppRegistry {
    static let standard = ParameterRegistry(
        // Each engine adds its list here: IncomeParameters.descriptors, ToeslagParameters.descriptors, …
        IncomeParameters.descriptors,
        ToeslagParameters.descriptors,
        SettlementParameters.descriptors
    )
}
