import KompasCore

/// End with a concrete next step ("Ik vertel u graag meer in een gesprek; ik bel u volgende week"),
/// not only "ik hoop van u te horen" (Nationale Beroepengids "Sollicitatiebrief afsluiten").
struct ClosingRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.afsluiting", level: .suggestie, kinds: [.brief],
        praise: "brief.afsluiting.praise",
        nonTriggering: [
            RuleExample(
                "Ik werk graag bij u.\nIn een gesprek vertel ik u graag meer.\nMet vriendelijke groet,\nSam"
            )
        ],
        triggering: [
            RuleExample(
                "Ik werk graag bij u.\nIk hoop van u te horen.\nMet vriendelijke groet,\n↓Sam"),
            RuleExample("I would like to work for you.\nKind regards,\n↓Sam", language: .en),
        ])

    static let nextSteps = [
        "gesprek", "sollicitatiegesprek", "kennismaken", "kennismaking", "kennismakingsgesprek",
        "uitnodiging",
        "toelichten", "bel ik", "bellen", "spreken", "afspraak", "langskomen", "proefdag",
        "meeloopdag",
        "interview", "meet", "call you", "discuss", "conversation", "trial day", "phone you",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        let lines = input.document.contentLineNumbers
        guard let last = lines.last else { return [] }
        let tail = lines.suffix(max(3, lines.count / 3))
        let found = tail.contains { n in
            Self.nextSteps.contains { !input.document.occurrences(of: $0, line: n).isEmpty }
        }
        return found ? [] : [Self.description.finding(last, 1)]
    }
}
