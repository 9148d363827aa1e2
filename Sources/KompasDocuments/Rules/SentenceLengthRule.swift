import KompasCore

/// Long sentences are hard to read; B1 writing keeps sentences under about 20–25 words
/// (Rijksoverheid "Direct duidelijk"; Vale `occurrence` with `max: 25`).
///
/// Uses ``Readability``.
struct SentenceLengthRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.zinslengte", level: .suggestie, kinds: [.cv, .brief],
        nonTriggering: [
            RuleExample("Ik werk graag met mensen. Ik ben elke dag op tijd."),
            // A list line on a CV is not a sentence (issue 20: 21 tips on one CV buried the rest).
            RuleExample(
                "Werkervaring\n2015 – 2021  Schoonmaakster\n- Maakte dagelijks 14 kamers schoon volgens de checklist van het hotel, ook in de drukke zomermaanden en rond de feestdagen met veel gasten"
            ),
        ],
        triggering: [
            RuleExample(
                "Kort. ↓Ik heb in de afgelopen jaren in verschillende winkels en magazijnen gewerkt waar ik veel heb geleerd over klanten, over voorraad, over samenwerken en over het oplossen van problemen."
            )
        ])

    static let maximumWords = 25

    /// At most this many tips: the same tip twenty times buries the real problems.
    static let maximumFindings = 3
    static let listMarks: Set<Character> = ["-", "*", "•", "–", "·", "○", "▪"]

    func check(_ input: CheckInput) -> [Finding] {
        // On a CV only real sentences count: a line that does not end a sentence is a list entry.
        return Readability.longSentences(in: input.document, maxWords: Self.maximumWords).filter {
            s in
            let line = input.document.lines[s.line - 1].drop(while: \.isWhitespace)
            if let f = line.first, Self.listMarks.contains(f) { return false }
            if input.kind == .cv {
                let last = s.words.last.map { input.document.lines[$0.line - 1] } ?? ""
                if let end = last.trimmingTrailingSpaces.last, !".!?".contains(end) { return false }
            }
            return true
        }.prefix(Self.maximumFindings).map {
            Self.description.finding(
                $0.line, $0.column, nil,
                ["words": .number($0.words.count), "max": .number(Self.maximumWords)])
        }
    }
}

extension String {
    var trimmingTrailingSpaces: Substring {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
