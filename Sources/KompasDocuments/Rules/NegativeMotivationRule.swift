import KompasCore

/// Negative or apologetic motivation, said kindly and with a better sentence.
///
/// "Ik moet van mijn klantmanager solliciteren" or "Het spijt me dat er een gat in mijn cv zit"
/// tells an employer you do not want this job, or makes a weak point bigger than it is. Say what
/// you do want and what you bring; a gap needs one neutral line, not an apology (issue 20; seed
/// reports: a bad letter goes "meteen op de stapel").
struct NegativeMotivationRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.motivatie", level: .waarschuwing, kinds: [.brief, .cv],
        messages: ["brief.motivatie.moeten", "brief.motivatie.excuus"],
        nonTriggering: [
            RuleExample("Ik wil graag bij u werken, omdat ik van aanpakken houd."),
            RuleExample("In 2022 zorgde ik een jaar voor mijn moeder. Nu ben ik weer beschikbaar."),
            RuleExample("Het spijt me niet dat ik vroeg opsta: dan ben ik op mijn best."),
        ],
        triggering: [
            RuleExample("↓Ik moet van mijn klantmanager solliciteren, anders krijg ik korting."),
            RuleExample("↓Het spijt me dat er een gat in mijn cv zit."),
            RuleExample("↓Ik weet niet of ik geschikt ben, maar ik wil het proberen."),
            RuleExample("↓I have to apply because of my benefit.", language: .en),
        ])

    static let obliged: PhraseList = [
        "moet van mijn klantmanager", "moet van de gemeente", "moet van het uwv",
        "moet van mijn consulent",
        "moet van mijn jobcoach", "moet van de sociale dienst", "ik moet solliciteren",
        "moet ik solliciteren",
        "verplicht om te solliciteren", "verplicht te solliciteren", "sollicitatieplicht",
        "anders krijg ik korting",
        "korting op mijn uitkering", "anders word ik gekort", "i have to apply",
        "i am required to apply",
        "because of my benefit",
    ]
    static let apologetic: PhraseList = [
        "het spijt me dat", "het spijt mij dat", "sorry dat", "sorry voor", "excuses voor",
        "mijn excuses",
        "ik weet niet of ik geschikt", "ik weet niet of ik het kan", "misschien ben ik niet",
        "ik ben misschien niet",
        "ik heb eigenlijk geen", "helaas heb ik geen", "helaas heb ik weinig",
        "ik hoop dat u dat niet erg vindt",
        "ik verwacht niet dat", "hoewel ik niet veel kan", "ik ben niet zo goed in",
        "i am sorry that",
        "sorry for", "i don't know if i am suitable", "unfortunately i have no",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        var result: [Finding] = []
        var lines = Set<Int>()
        for (list, key) in [
            (Self.obliged, "brief.motivatie.moeten"), (Self.apologetic, "brief.motivatie.excuus"),
        ] {
            for hit in input.document.occurrences(of: list) where lines.insert(hit.line).inserted {
                // The sentence the phrase is in starts the finding, so the rewrite replaces it whole.
                let column = Self.sentenceStart(
                    input.document.lines[hit.line - 1], before: hit.column)
                result.append(Self.description.finding(hit.line, column, key))
            }
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The column where the sentence containing `column` starts on its line.
    static func sentenceStart(_ line: String, before column: Int) -> Int {
        let chars = Array(line)
        var i = min(column - 1, chars.count) - 1
        while i >= 0, !".!?".contains(chars[i]) { i -= 1 }
        var start = i + 1
        while start < chars.count, chars[start] == " " { start += 1 }
        return start + 1
    }
}
