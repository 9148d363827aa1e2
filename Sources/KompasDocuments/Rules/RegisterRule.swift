import KompasCore

/// Write to an employer the way the vacancy writes to you.
///
/// When the vacancy says "u", a letter
/// with "je", "jij" or "jullie" sounds too familiar; "Hoi" and "Groetjes" are for friends, whatever
/// the vacancy says (werk.nl "Sollicitatiebrief schrijven"; issue 20).
///
/// A greeting or closing is checked always; "je" and "jullie" only against a vacancy that says
/// "u", and only where they address the reader ("je vacature", "jullie team", "Je kunt me
/// bellen"), not the general "je" of "dat merk je pas als het er niet is".
struct RegisterRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.aanspreekvorm", level: .waarschuwing, kinds: [.brief],
        messages: ["brief.aanspreekvorm.groet", "brief.aanspreekvorm.je"],
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Hofman,\nGraag werk ik bij u.\nMet vriendelijke groet,\nSam"),
            RuleExample(
                "Beste Johan,\nIk zag je vacature en kom graag bij jullie werken.\nGroet,\nSam",
                vacancy: "Kassamedewerker\nWij zoeken jou! Je helpt klanten."),
            RuleExample(
                "Geachte mevrouw Hofman,\nEen schoon huis merk je pas als het er niet is.",
                vacancy: "Huishoudelijke hulp\nU ondersteunt onze cliënten. Uw reactie is welkom."),
        ],
        triggering: [
            RuleExample("↓Hoi,\nIk wil graag bij u werken.\n↓Groetjes,\nSam"),
            RuleExample(
                "Beste meneer Koster,\nIk zag ↓je vacature en ik pas goed bij jullie.",
                vacancy:
                    "Beveiliger\nU controleert toegangsbewijzen. Uw reactie kunt u richten aan de heer Koster."
            ),
        ])

    static let greetings: PhraseList = [
        "hoi", "hey", "hee", "hallo", "hai", "yo", "hi", "hello there",
    ]
    static let closings: PhraseList = ["groetjes", "doei", "liefs", "xoxo", "ciao", "kusjes"]
    static let addressing: PhraseList = [
        "je vacature", "jouw vacature", "jullie vacature", "je bedrijf", "jouw bedrijf",
        "jullie bedrijf",
        "je team", "jouw team", "jullie team", "je winkel", "jullie winkel", "je cliënten",
        "jullie cliënten",
        "je klanten", "jullie klanten", "je kunt me", "je kunt mij", "kun je", "kunnen jullie",
        "bij jullie",
        "jullie organisatie", "jij zoekt", "jullie zoeken", "zoeken jullie", "zoek je",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        let d = input.document
        var result: [Finding] = []
        let lines = d.contentLineNumbers
        // The greeting: a line near the top that starts with an informal word; the closing: one of
        // the last three lines.
        for n in lines.prefix(8) {
            if let c = d.occurrences(of: Self.greetings).first(where: {
                $0.line == n && $0.column == 1
            }) {
                result.append(
                    Self.description.finding(
                        n, c.column, "brief.aanspreekvorm.groet",
                        ["text": .text(d.text(line: n, column: 1, count: c.phrase.count))]))
                break
            }
        }
        for n in lines.suffix(3) {
            if let c = d.occurrences(of: Self.closings).first(where: {
                $0.line == n && $0.column == 1
            }) {
                result.append(
                    Self.description.finding(
                        n, c.column, "brief.aanspreekvorm.groet",
                        ["text": .text(d.text(line: n, column: 1, count: c.phrase.count))]))
                break
            }
        }
        if input.vacancy?.register == .u, let hit = d.occurrences(of: Self.addressing).first {
            // Point at the pronoun itself.
            let words = d.tokens[hit.line - 1].filter {
                ["je", "jij", "jou", "jouw", "jullie"].contains($0.lower) && $0.column >= hit.column
            }
            let column = words.first?.column ?? hit.column
            result.append(Self.description.finding(hit.line, column, "brief.aanspreekvorm.je"))
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
