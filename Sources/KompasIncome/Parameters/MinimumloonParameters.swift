import KompasCore
import KompasRules

/// The statutory minimum wage (Wet minimumloon en minimumvakantiebijslag): the hourly amount for
/// 21 and older since the switch to an hourly minimum (1-1-2024), and the youth percentages.
///
/// Data in `Regels/wet-minimumloon.json` and `Regels/besluit-minimumjeugdloon.json`. The amount of
/// 1-7-2026 (€ 14,99) is found only in secondary material: it is `verwacht` and marked.
public enum MinimumWageParameters {
    public static let uurloon = Regels.money("wml.uurloon")

    /// The youth percentages of the Besluit minimumjeugdloon, by age.
    public static let youthRates: [Int: Parameter<Rate>] = Dictionary(
        uniqueKeysWithValues: (15...20).map { ($0, Regels.rate("wml.jeugd.\($0)")) })

    /// Holiday allowance: at least 8 % of the wage, paid once a year, usually May or June.
    ///
    /// Art. 15 WML.
    public static let vakantiebijslag = Regels.rate("wml.vakantiebijslag")

    public static let descriptors: [ParameterDescriptor] =
        [.init(uurloon), .init(vakantiebijslag)]
        + youthRates.keys.sorted().compactMap { youthRates[$0].map(ParameterDescriptor.init) }
}
