import KompasCore

/// Stock phrases make a letter sound like every other letter.
///
/// Show it with an example instead
/// (LanguageTool nl "Pas op voor clichés"; write-good "Cliches"). A word list: data, not code.
struct LetterClichesRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.cliches", level: .suggestie, kinds: [.brief],
        nonTriggering: [
            RuleExample("Vorig jaar hielp ik in de kerstdrukte twee nieuwe collega's op weg.")
        ],
        triggering: [
            RuleExample("↓Met veel interesse las ik uw vacature. ↓Mijn cv vindt u in de bijlage."),
            RuleExample("I am ↓the perfect candidate and ↓a team player.", language: .en),
        ])

    static let nl: PhraseList = [
        "met veel interesse", "met grote interesse", "mijn cv vindt u in de bijlage",
        "in de bijlage vindt u mijn cv",
        "in de bijlage treft u mijn cv aan", "uitdagende functie", "de juiste kandidaat",
        "de geschikte kandidaat",
        "ik ben een echte teamspeler", "een echte teamplayer", "stressbestendig",
        "uitdaging aangaan", "ik hoop van u te horen",
    ]
    static let en: PhraseList = [
        "the perfect candidate", "the ideal candidate", "a team player", "team player",
        "hard worker", "think outside the box",
        "please find attached my cv", "please find my cv attached",
        "i look forward to hearing from you", "challenging position",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(Self.description, input, nl: Self.nl, en: Self.en)
    }
}
