import KompasCore

/// Marital status is not needed on a CV; selecting on it is forbidden (Algemene wet gelijke
/// behandeling, artikel 1 and 5: "burgerlijke staat").
struct PrivacyMaritalStatusRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.burgerlijke-staat", level: .suggestie, kinds: [.cv],
        link: "https://wetten.overheid.nl/BWBR0006502",
        nonTriggering: [RuleExample("Ik werk graag met mensen.\nStaat: klaar om te beginnen")],
        triggering: [
            RuleExample("↓Burgerlijke staat: gehuwd"),
            RuleExample("Sam de Vries, ↓ongehuwd"),
            RuleExample("↓Marital status: single", language: .en),
        ])

    static let nl: PhraseList = ["burgerlijke staat", "gehuwd", "ongehuwd", "getrouwd"]
    static let en: PhraseList = ["marital status", "civil status"]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input, nl: Self.nl,
            en: Self.en, bothLanguages: true, onePerLine: true)
    }
}
