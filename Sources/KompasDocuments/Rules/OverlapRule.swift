import KompasCore

/// Two jobs at the same time are fine (many people combine part-time jobs), but a reader may
/// think a date is wrong.
///
/// Saying "parttime" or "naast" makes it clear. Overlaps of one month are
/// normal job changes and are not flagged.
struct OverlapRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.periode.overlap", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample("Werkervaring\n2021 – heden  Orderpicker\n2019 – 2021  Kassamedewerker"),
            RuleExample(
                "Werkervaring\n2021 – heden  Orderpicker\n2020 – 2022  Vakkenvuller (parttime, naast mijn werk)"
            ),
        ],
        triggering: [
            RuleExample(
                "Werkervaring\njan 2021 – heden  Orderpicker\n↓mrt 2020 – dec 2022  Kassamedewerker"
            )
        ])

    static let explained: PhraseList = [
        "parttime", "part-time", "bijbaan", "naast", "oproep", "oproepkracht", "weekend",
        "weekenden",
        "side job", "alongside", "evenings", "avonden", "zaterdag", "zaterdagen",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        let periods = input.workPeriods
        var result: [Finding] = []
        for (i, b) in periods.enumerated() {
            for a in periods[..<i] {
                let overlap =
                    min(a.earliestEnd, b.earliestEnd) - max(a.latestStart, b.latestStart) + 1
                guard overlap > 1 else { continue }
                let explainedHere = [a.line, b.line].contains { n in
                    input.document.contains(any: Self.explained, line: n)
                }
                if !explainedHere {
                    result.append(Self.description.finding(b.line, b.column))
                    break
                }
            }
        }
        return result
    }
}
