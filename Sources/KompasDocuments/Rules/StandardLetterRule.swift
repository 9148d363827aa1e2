import KompasCore

/// A letter that shares few words with the vacancy reads as a standard letter, and those go to
/// the pile.
///
/// Use the vacancy's words where they are true for you (seed digest 004 L389-390).
struct StandardLetterRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.standaardbrief", level: .waarschuwing, kinds: [.brief], needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Als orderpicker werk ik met een scanner en heftruck. Ik heb VCA en werk graag in ploegendienst in een magazijn.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            )
        ],
        triggering: [
            RuleExample(
                "↓Ik ben een harde werker en wil graag bij uw bedrijf werken.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            )
        ])

    static let minimumPercent = 30

    func check(_ input: CheckInput) -> [Finding] {
        guard let v = input.vacancy, v.keyTerms.count >= 4 else { return [] }
        let covered = KeyTerms.covered(v.keyTerms, in: input.document).covered.count
        let percent = covered * 100 / v.keyTerms.count
        return percent < Self.minimumPercent
            ? [Self.description.finding(1, 1, nil, ["percent": .number(percent)])] : []
    }
}
