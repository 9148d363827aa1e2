import KompasCore

/// A gap of more than six months between jobs or courses raises questions; one honest line about
/// what you did (caring for family, volunteering, a course, looking for work) answers them
/// (wijzijntop.nl).
///
/// Health or benefits never have to be named. Years without months count as whole
/// years, so "2015 – 2016" followed by "2017 – heden" is no gap.
struct EmploymentGapRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.periode.gat", level: .suggestie, kinds: [.cv], praise: "cv.periode.praise",
        nonTriggering: [
            RuleExample(
                "Werkervaring\n2019 – 2021   Kassamedewerker, supermarkt\n2021 – heden  Orderpicker, magazijn"
            ),
            RuleExample(
                "Werkervaring\nmrt 2021 – heden  Bezorger\njan 2020 – aug 2020  Schoonmaker"),
        ],
        triggering: [
            RuleExample("Werkervaring\n↓2019 – heden Bezorger\n2015 – 2016   Schoonmaker"),
            RuleExample(
                "Work experience\n↓03/2022 – present  Driver\n01/2020 – 06/2021  Cleaner",
                language: .en),
        ])

    static let maximumGapInMonths = 6

    func check(_ input: CheckInput) -> [Finding] {
        let relevant: Set<SectionKind> = [.werkervaring, .opleiding, .vrijwilligerswerk]
        let periods = input.periods.filter { $0.section.map(relevant.contains) ?? true }
            .map(\.period)
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        guard var coveredUntil = periods.first?.end else { return [] }
        var result: [Finding] = []
        for p in periods.dropFirst() {
            let gap = p.start - coveredUntil - 1
            if gap > Self.maximumGapInMonths {
                result.append(
                    Self.description.finding(
                        p.line, p.column, nil,
                        [
                            "from": .month(CalendarMonth(index: coveredUntil + 1)),
                            "to": .month(CalendarMonth(index: p.start - 1)), "months": .number(gap),
                        ]))
            }
            coveredUntil = max(coveredUntil, p.end)
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
