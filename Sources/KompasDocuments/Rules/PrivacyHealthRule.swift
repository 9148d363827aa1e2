import KompasCore

/// Health on a CV or letter: never needed, and telling it early often costs the invitation.
///
/// Your health is your own business: you never have to tell an employer about an illness, a
/// burn-out or a disability, not in a CV or letter and not in an interview (Autoriteit
/// Persoonsgegevens: an employer may not ask about your health when you apply). Telling it early
/// often costs the invitation. You may choose to, for example for a wage-cost subsidy or a no-risk
/// policy; Kompas never pushes disclosure either way (seed digest 001, L518-529).
struct PrivacyHealthRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.privacy.gezondheid", level: .suggestie, kinds: [.cv, .brief],
        link: "https://www.autoriteitpersoonsgegevens.nl/themas/werk-en-uitkering/sollicitatie",
        nonTriggering: [
            RuleExample(
                "Schoonmaker, Ziekenhuis Rivierenland\nIk bleef rustig toen twee collega's ziek waren."
            ),
            RuleExample("Ik zorgde twee jaar voor mijn moeder."),
            RuleExample(
                "Begeleider van cliënten met een verstandelijke beperking; ik deelde medicijnen uit."
            ),
        ],
        triggering: [
            RuleExample("↓Gezondheid: ik heb last van mijn rug (hernia)"),
            RuleExample("Het spijt me. ↓Ik was een paar jaar ziek door een burn-out."),
            RuleExample("↓Health: diabetes type 1", language: .en),
            RuleExample("Ik werk graag. ↓Ik heb een beperking aan mijn hand."),
        ])

    /// About the writer's own health: "beperking", "medicijnen" or "chronisch" alone are words of
    /// care work ("cliënten met een beperking"), so those count only with "ik" or "mijn".
    static let phrases: PhraseList = [
        "gezondheid:", "gezondheid", "hernia", "burn-out", "burnout", "overspannen", "depressie",
        "depressief",
        "ik was ziek", "was ik ziek", "ik ben ziek", "ik werd ziek", "ziek geweest", "mijn ziekte",
        "lang ziek",
        "een paar jaar ziek", "jaar ziek", "rugklachten", "last van mijn rug",
        "ik heb een beperking",
        "mijn beperking", "ik heb een handicap", "mijn handicap", "ik heb adhd", "ik heb autisme",
        "mijn adhd",
        "mijn autisme", "ik gebruik medicijnen", "arbeidsongeschikt", "wajong", "ziektewet",
        "ik heb ptss",
        "health:", "medical condition", "my disability", "my illness", "sick leave",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        var result: [Finding] = []
        var lines = Set<Int>()
        for hit in input.document.occurrences(of: Self.phrases)
        where lines.insert(hit.line).inserted {
            let column = NegativeMotivationRule.sentenceStart(
                input.document.lines[hit.line - 1], before: hit.column)
            result.append(Self.description.finding(hit.line, column))
        }
        return result
    }
}
