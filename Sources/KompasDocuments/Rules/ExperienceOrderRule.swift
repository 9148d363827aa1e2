import KompasCore

/// Work experience newest first ("omgekeerd chronologisch"): the reader sees your latest job
/// at once (2mrecruitment.nl, qompas.nl).
struct ExperienceOrderRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.werkervaring.volgorde", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample("Werkervaring\n2021 – heden  Orderpicker\n2019 – 2021  Kassamedewerker")
        ],
        triggering: [RuleExample("Werkervaring\n2015 – 2019  Schoonmaker\n↓2019 – heden  Bezorger")]
    )

    func check(_ input: CheckInput) -> [Finding] {
        let periods = input.workPeriods
        for (a, b) in zip(periods, periods.dropFirst()) where b.start > a.start {
            return [Self.description.finding(b.line, b.column)]
        }
        return []
    }
}
