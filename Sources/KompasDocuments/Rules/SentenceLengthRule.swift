import KompasCore

/// Long sentences are hard to read; B1 writing keeps sentences under about 20–25 words
/// (Rijksoverheid "Direct duidelijk"; Vale `occurrence` with `max: 25`).
///
/// Uses ``Readability``.
struct SentenceLengthRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.zinslengte", level: .suggestie, kinds: [.cv, .brief],
        nonTriggering: [RuleExample("Ik werk graag met mensen. Ik ben elke dag op tijd.")],
        triggering: [
            RuleExample(
                "Kort. ↓Ik heb in de afgelopen jaren in verschillende winkels en magazijnen gewerkt waar ik veel heb geleerd over klanten, over voorraad, over samenwerken en over het oplossen van problemen."
            )
        ])

    static let maximumWords = 25

    func check(_ input: CheckInput) -> [Finding] {
        Readability.longSentences(in: input.document, maxWords: Self.maximumWords).map {
            Self.description.finding(
                $0.line, $0.column, nil,
                ["words": .number($0.words.count), "max": .number(Self.maximumWords)])
        }
    }
}
