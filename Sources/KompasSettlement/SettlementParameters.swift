import KompasCore
import KompasRules

/// The legal figures the settlement engine reads itself (issue 16): the bufferbudget of artikel 34b.
///
/// Data in `Sources/KompasRules/Regels/participatiewet.json`.
public enum SettlementParameters {
    public static let bufferBudgetMaximum = Regels.money("pw.bufferbudget.maximum")

    public static let descriptors: [ParameterDescriptor] = [.init(bufferBudgetMaximum)]
}
