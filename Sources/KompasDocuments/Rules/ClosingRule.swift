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
            ),
            RuleExample("Ik werk graag bij jullie.\nBel me gerust op 06 12345678.\nGroet,\nSam"),
            RuleExample(
                "Ik werk graag bij u.\nIk kom graag een dag meedraaien.\nMet vriendelijke groet,\nSam"
            ),
        ],
        triggering: [
            RuleExample(
                "Ik werk graag bij u.\nIk hoop van u te horen.\nMet vriendelijke groet,\n↓Sam"),
            RuleExample("I would like to work for you.\nKind regards,\n↓Sam", language: .en),
        ],
        praised: [
            RuleExample(
                "Ik werk graag bij u.\nIn een gesprek vertel ik u graag meer.\nMet vriendelijke groet,\nSam"
            )
        ],
        notPraised: [RuleExample("Gesprek")])

    static let nextSteps: PhraseList = [
        "gesprek", "sollicitatiegesprek", "kennismaken", "kennismaking", "kennismakingsgesprek",
        "uitnodiging", "toelichten", "bel ik", "bellen", "bel me", "bel mij", "spreken", "afspraak",
        "langskomen", "langs komen", "kom graag langs", "proefdag", "meeloopdag", "meedraaien",
        "meelopen",
        "meerijden", "meewerken", "laten zien hoe ik werk", "interview", "meet", "call you",
        "call me",
        "discuss", "conversation", "trial day", "phone you",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        let lines = input.document.contentLineNumbers
        guard let last = lines.last else { return [] }
        let tail = lines.suffix(max(3, lines.count / 3))
        let found = tail.contains { input.document.contains(any: Self.nextSteps, line: $0) }
        return found ? [] : [Self.description.finding(last, 1)]
    }

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, input.document.contentLineNumbers.count >= 3 else { return nil }
        return Message("brief.afsluiting.praise")
    }
}
