import KompasCore

/// A gap of more than six months on a CV, up to today.
///
/// A gap of more than six months between jobs or courses raises questions; one honest line about
/// what you did (caring for family, volunteering, a course, looking for work) answers them
/// (wijzijntop.nl). Health or benefits never have to be named. Years without months count as whole
/// years, so "2015 – 2016" followed by "2017 – heden" is no gap.
///
/// Gaps are measured up to today (`KOMPAS_VANDAAG`): a CV whose last job ended in 2020 has a gap
/// from 2021 until now (issue 20). Gaps that ended more than ten years ago are left alone; nobody
/// asks a 55-year-old about 1988. The praise "your experience connects" is only given when there
/// are at least two periods to connect and no string of short jobs either.
struct EmploymentGapRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.periode.gat", level: .suggestie, kinds: [.cv],
        messages: ["cv.periode.gat", "cv.periode.gat.nu"],
        praise: "cv.periode.praise",
        nonTriggering: [
            RuleExample(
                "Werkervaring\n2019 – 2021   Kassamedewerker, supermarkt\n2021 – heden  Orderpicker, magazijn"
            ),
            RuleExample(
                "Werkervaring\nmrt 2021 – heden  Bezorger\njan 2020 – aug 2020  Schoonmaker"),
            RuleExample(
                "Werkervaring\n2010 – heden  Operator\n1989 – 2010  Productiemedewerker\nOpleiding\n1983 – 1987  LBO"
            ),
            RuleExample("Werkervaring\n2021 – okt 2025  Bezorger"),
        ],
        triggering: [
            RuleExample("Werkervaring\n↓2019 – heden Bezorger\n2015 – 2016   Schoonmaker"),
            RuleExample(
                "Work experience\n↓03/2022 – present  Driver\n01/2020 – 06/2021  Cleaner",
                language: .en),
            RuleExample("Werkervaring\n↓2018 – 2020  Callcentermedewerker\n2015 – 2018  Verkoper"),
        ],
        praised: [
            RuleExample("Werkervaring\n2021 – heden  Orderpicker\n2019 – 2021  Kassamedewerker")
        ],
        notPraised: [
            RuleExample("Werkervaring\n2021 – heden  Orderpicker"),
            RuleExample(
                "Werkervaring\njan 2026 – heden  Inpakker\njul 2025 – dec 2025  Schoonmaker\nmrt 2025 – jun 2025  Bezorger\nnov 2024 – feb 2025  Vakkenvuller"
            ),
        ])

    static let maximumGapInMonths = 6
    /// Gaps that ended longer ago than this are not mentioned.
    static let horizonInMonths = 120

    func check(_ input: CheckInput) -> [Finding] {
        let relevant: Set<SectionKind> = [.werkervaring, .opleiding, .vrijwilligerswerk]
        let periods = input.periods.filter { $0.section.map(relevant.contains) ?? true }
            .map(\.period)
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        guard var coveredUntil = periods.first?.end else { return [] }
        let now = input.today.calendarMonth.index
        var result: [Finding] = []
        for p in periods.dropFirst() {
            let gap = p.start - coveredUntil - 1
            if gap > Self.maximumGapInMonths, p.start - 1 >= now - Self.horizonInMonths {
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
        // Up to today: nothing after the last period that ended.
        if now - coveredUntil > Self.maximumGapInMonths,
            let last = periods.filter({ $0.end == coveredUntil }).first
        {
            result.append(
                Self.description.finding(
                    last.line, last.column, "cv.periode.gat.nu",
                    [
                        "from": .month(CalendarMonth(index: coveredUntil + 1)),
                        "months": .number(now - coveredUntil),
                    ]))
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, input.workPeriods.count >= 2, ShortJobsRule().check(input).isEmpty
        else { return nil }
        return Message("cv.periode.praise")
    }
}
