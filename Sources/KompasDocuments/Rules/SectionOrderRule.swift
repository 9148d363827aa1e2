import KompasCore

/// The usual order of a Dutch CV: personal details, profile, experience and education, skills,
/// hobbies, references (2mrecruitment.nl; intertransfer.nl; qompas.nl).
///
/// Readers look in that order.
struct SectionOrderRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.secties.volgorde", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample(
                "Profiel\nIk ben Sam.\nWerkervaring\n2020 – heden Bezorger\nOpleiding\nMBO 2\nHobby's\nVoetbal"
            ),
            RuleExample(
                "Profile\nI am Sam.\nEducation\nMBO 2\nWork experience\n2020 – present Driver",
                language: .en),
        ],
        triggering: [
            RuleExample(
                "Profiel\nIk ben Sam.\nHobby's\nVoetbal\n↓Werkervaring\n2020 – heden Bezorger")
        ])

    func check(_ input: CheckInput) -> [Finding] {
        var highest: Section?
        for s in input.sections {
            if let h = highest, s.kind.rank < h.kind.rank {
                return [
                    Self.description.finding(
                        s.headingLine, 1, nil,
                        [
                            "section": .text(
                                input.document.lines[s.headingLine - 1].trimmedOf(" \t#*:")),
                            "after": .text(
                                input.document.lines[h.headingLine - 1].trimmedOf(" \t#*:")),
                        ])
                ]
            }
            if s.kind.rank > highest?.kind.rank ?? Int.min { highest = s }
        }
        return []
    }
}
