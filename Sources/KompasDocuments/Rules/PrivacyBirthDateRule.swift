import KompasCore

/// A date of birth is not needed on a CV, and can lead to age discrimination, which the law forbids
/// (Wet gelijke behandeling op grond van leeftijd bij de arbeid, artikel 3).
///
/// Leaving it out is fine.
struct PrivacyBirthDateRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.geboortedatum", level: .suggestie, kinds: [.cv],
        link: "https://www.mensenrechten.nl/themas/leeftijd",
        nonTriggering: [RuleExample("Woonplaats: Utrecht\nTelefoon: 06 12345678")],
        triggering: [
            RuleExample("Naam: Sam de Vries\n↓Geboortedatum: 4 mei 1990"),
            RuleExample("↓Date of birth: 4 May 1990", language: .en),
            RuleExample("↓Geboren op 4 mei 1990 in Gouda"),
            RuleExample("↓Geboren: 3 mei 1990 te Helmond"),
            RuleExample("Romano Kartosen\n↓Geboren te Paramaribo"),
        ])

    static let nl: PhraseList = [
        "geboortedatum", "geboren op", "geb. datum", "geboren", "geboorteplaats",
        "geboortedatum en -plaats",
    ]
    static let en: PhraseList = [
        "date of birth", "birth date", "born on", "d.o.b", "place of birth", "born in",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input, nl: Self.nl,
            en: Self.en, bothLanguages: true,
            onePerLine: true)
    }
}
