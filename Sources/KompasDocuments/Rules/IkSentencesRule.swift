import KompasCore

/// When most sentences start with "Ik" the letter is about you, not about the employer; start some
/// sentences with the work, the company or a result (werk.nl "Sollicitatiebrief schrijven").
struct IkSentencesRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.ik-zinnen", level: .suggestie, kinds: [.brief],
        nonTriggering: [
            RuleExample(
                "Ik werk graag. Uw magazijn is groot. Ik ben snel. Orders verzamelen gaat mij goed af. Daar zorg ik voor."
            )
        ],
        triggering: [
            RuleExample(
                "↓Ik werk graag. Ik ben snel. Ik ben precies. Ik ben altijd op tijd. Uw bedrijf spreekt mij aan."
            )
        ])

    func check(_ input: CheckInput) -> [Finding] {
        let sentences = Readability.sentences(in: input.document).filter { $0.words.count >= 3 }
        let starters: Set<String> = input.language == .nl ? ["ik"] : ["i"]
        let ik = sentences.filter { starters.contains($0.words[0].lower) }
        guard sentences.count >= 5, ik.count >= 4, ik.count * 100 >= sentences.count * 50,
            let first = ik.first
        else { return [] }
        return [
            Self.description.finding(
                first.line, first.column, nil,
                ["count": .number(ik.count), "total": .number(sentences.count)])
        ]
    }
}
