import KompasCore

/// Three or more jobs of six months or less can look restless; temporary work through an agency
/// reads better grouped under one heading ("Uitzendwerk via …, 2019 – 2022") with what you learned.
struct ShortJobsRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.periode.korte-banen", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample(
                "Werkervaring\n2021 – heden  Orderpicker\njan 2020 – mrt 2020  Inpakker\n2015 – 2019  Kassamedewerker"
            )
        ],
        triggering: [
            RuleExample(
                "Werkervaring\n↓jan 2022 – mrt 2022  Inpakker\nmei 2021 – aug 2021  Schoonmaker\nfeb 2020 – jun 2020  Bezorger"
            )
        ])

    func check(_ input: CheckInput) -> [Finding] {
        let short = input.workPeriods.filter { !$0.isOngoing && $0.months <= 6 }
        guard short.count >= 3, let first = short.first else { return [] }
        return [
            Self.description.finding(first.line, first.column, nil, ["count": .number(short.count)])
        ]
    }
}
