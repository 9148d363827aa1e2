import KompasCore

/// Nationality is not needed on a CV; selecting on it is forbidden (Algemene wet gelijke
/// behandeling, artikel 1 and 5).
///
/// If you may work in the Netherlands, that is enough to say.
struct PrivacyNationalityRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.nationaliteit", level: .suggestie, kinds: [.cv],
        link: "https://wetten.overheid.nl/BWBR0006502",
        nonTriggering: [RuleExample("Talen: Nederlands, Engels, Arabisch")],
        triggering: [
            RuleExample("↓Nationaliteit: Nederlandse"),
            RuleExample("↓Nationality: Dutch", language: .en),
        ])

    static let nl: PhraseList = ["nationaliteit"]
    static let en: PhraseList = ["nationality", "citizenship"]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input, nl: Self.nl, en: Self.en,
            bothLanguages: true, onePerLine: true)
    }
}
