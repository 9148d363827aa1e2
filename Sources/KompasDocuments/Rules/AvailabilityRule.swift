import KompasCore

/// Employers want to know when and how much you can work, and often whether you can drive;
/// a line "Beschikbaar: per direct, 24 uur per week, rijbewijs B" answers that.
struct AvailabilityRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.beschikbaarheid", level: .suggestie, kinds: [.cv],
        messages: ["cv.beschikbaarheid.uren", "cv.beschikbaarheid.rijbewijs"],
        nonTriggering: [RuleExample("Beschikbaarheid\nPer direct, 24 uur per week. Rijbewijs B.")],
        triggering: [
            RuleExample("↓↓Sam de Vries\nWerkervaring"),
            RuleExample("↓Availability: 20 hours a week", language: .en),
        ])

    static let hours: PhraseList = [
        "beschikbaar", "beschikbaarheid", "per direct", "uur per week", "uren per week",
        "available", "availability",
        "hours a week", "hours per week", "start immediately", "immediately available",
    ]
    static let licence: PhraseList = [
        "rijbewijs", "driving licence", "driving license", "driver's license", "driver’s license",
        "driver's licence",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        var r: [Finding] = []
        if !PhraseSearch.contains(input, Self.hours) {
            r.append(Self.description.finding(1, 1, "cv.beschikbaarheid.uren"))
        }
        if !PhraseSearch.contains(input, Self.licence) {
            r.append(Self.description.finding(1, 1, "cv.beschikbaarheid.rijbewijs"))
        }
        return r
    }
}
