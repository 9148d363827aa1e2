import KompasCore

/// Many short jobs can look restless: three or more of six months or less, or five or more jobs
/// of a year or less that started in the last four years ("tien banen in vijf jaar", seed
/// reports).
///
/// Temporary work through an agency reads better grouped under one heading ("Uitzendwerk via …,
/// 2019 – 2022") with what you learned. Jobs that are still running and jobs from long ago do not
/// count for the second test.
struct ShortJobsRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.periode.korte-banen", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample(
                "Werkervaring\n2021 – heden  Orderpicker\njan 2020 – mrt 2020  Inpakker\n2015 – 2019  Kassamedewerker"
            ),
            RuleExample(
                "Werkervaring\nmrt 2024 – heden  Uitzendwerk via Randstad\n2019 – 2023  VMBO basis"),
        ],
        triggering: [
            RuleExample(
                "Werkervaring\n↓jan 2022 – mrt 2022  Inpakker\nmei 2021 – aug 2021  Schoonmaker\nfeb 2020 – jun 2020  Bezorger"
            ),
            RuleExample(
                "Werkervaring\n↓feb 2025 – jan 2026  Inpakker\nmrt 2024 – jan 2025  Schoonmaker\nmei 2023 – feb 2024  Bezorger\njul 2022 – apr 2023  Vakkenvuller\napr 2022 – jun 2022  Kassamedewerker"
            ),
        ])

    func check(_ input: CheckInput) -> [Finding] {
        let periods = input.workPeriods
        let short = periods.filter { !$0.isOngoing && $0.months <= 6 }
        if short.count >= 3, let first = short.first {
            return [
                Self.description.finding(
                    first.line, first.column, nil, ["count": .number(short.count)])
            ]
        }
        let now = input.today.calendarMonth.index
        let recent = periods.filter { !$0.isOngoing && $0.months <= 12 && $0.start >= now - 48 }
        if recent.count >= 5, let first = recent.first {
            return [
                Self.description.finding(
                    first.line, first.column, nil, ["count": .number(recent.count)])
            ]
        }
        return []
    }
}
