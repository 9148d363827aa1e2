import KompasCore

/// A cover letter fits on one A4 page: about 250–400 words (werk.nl; Nationale Beroepengids).
struct LetterLengthRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.lengte", level: .waarschuwing, kinds: [.brief],
        nonTriggering: [RuleExample(String(repeating: "Ik werk graag in een team.\n", count: 40))],
        triggering: [
            RuleExample(
                String(repeating: "Ik werk graag met mensen in de winkel.\n", count: 50)
                    + "↓Met vriendelijke groet,\nSam")
        ])

    func check(_ input: CheckInput) -> [Finding] {
        Length.finding(Self.description, input, pages: 1)
    }
}
