import KompasCore

/// You never have to tell an employer that you receive a benefit.
///
/// Some people choose to, for
/// example because a wage-cost subsidy (loonkostensubsidie, Participatiewet artikel 10d) helps; then
/// switch this tip off with `--uit doc.uitkering`. Kompas never pushes disclosure (seed digest 001, L518-529).
struct BenefitMentionRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.uitkering", level: .suggestie, kinds: [.cv, .brief],
        nonTriggering: [RuleExample("Ik zoek werk voor 24 uur per week.")],
        triggering: [
            RuleExample("Ik zit sinds 2022 in de ↓bijstand."),
            RuleExample("I have been on ↓social assistance since 2022.", language: .en),
        ])

    static let nl: PhraseList = [
        "bijstand", "bijstandsuitkering", "uitkering", "participatiewet", "ww-uitkering",
        "ww uitkering",
    ]
    static let en: PhraseList = [
        "social assistance", "welfare", "on benefits", "unemployment benefit",
        "benefit claimant",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input,
            nl: Self.nl,
            en: Self.en,
            bothLanguages: true)
    }
}
