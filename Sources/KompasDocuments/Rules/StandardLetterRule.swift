import KompasCore

/// A letter that shares few words with the vacancy reads as a standard letter, and those go to
/// the pile.
///
/// Use the vacancy's words where they are true for you (seed digest 004 L389-390).
///
/// A letter that names the job was written for this vacancy, however few of its
/// words it uses, and a letter with placeholders gets the (more urgent) placeholder finding; so
/// this rule speaks only of letters that could go to any employer (issue 20: it fired on good
/// letters).
struct StandardLetterRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.standaardbrief", level: .waarschuwing, kinds: [.brief], needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Als orderpicker werk ik met een scanner en heftruck. Ik heb VCA en werk graag in ploegendienst in een magazijn.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            ),
            RuleExample(
                "Als een klant boos belt, blijf ik rustig. Daarom word ik graag klantenservicemedewerker bij Eneco.",
                vacancy:
                    "Functie: Klantenservicemedewerker\nBedrijf: Eneco\nU helpt klanten met vragen over hun energierekening, in ons klantsysteem."
            ),
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
        let covered = (input.keyTermCoverage ?? KeyTerms.covered(v.keyTerms, in: input.document))
            .covered.count
        let percent = covered * 100 / v.keyTerms.count
        let forThisVacancy = v.role.map { RoleRule.named($0, in: input.document) } ?? false
        if forThisVacancy || !PlaceholderRule().check(input).isEmpty { return [] }
        return percent < Self.minimumPercent
            ? [Self.description.finding(1, 1, nil, ["percent": .number(percent)])] : []
    }
}
