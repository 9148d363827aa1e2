import KompasCore

/// Shared by the word-list rules (Vale's `existence` check): every whole-word occurrence of a
/// phrase from the list for the document's language, with the text as written.
enum PhraseSearch {
    /// `onePerLine`: report a line once (a label and its value, "Burgerlijke staat: ongehuwd").
    static func findings(
        _ d: RuleDescription, _ input: CheckInput, nl: [String], en: [String],
        bothLanguages: Bool = false,
        onePerLine: Bool = false
    ) -> [Finding] {
        let phrases = bothLanguages ? nl + en : (input.language == .nl ? nl : en)
        // Longest phrase first at each place, so "a team player" hides the "team player" inside it.
        let hits = input.document.occurrences(of: phrases).sorted {
            ($0.line, $0.column, -$0.phrase.count) < ($1.line, $1.column, -$1.phrase.count)
        }
        var result: [Finding] = []
        var coveredUntil: (line: Int, column: Int) = (0, 0)
        for hit in hits {
            if hit.line == coveredUntil.line && (onePerLine || hit.column < coveredUntil.column) {
                continue
            }
            let line = Array(input.document.lines[hit.line - 1])
            let text = String(
                line[(hit.column - 1)..<min(line.count, hit.column - 1 + hit.phrase.count)])
            result.append(d.finding(hit.line, hit.column, nil, ["text": .text(text)]))
            coveredUntil = (hit.line, hit.column + hit.phrase.count)
        }
        return result
    }

    static func contains(_ input: CheckInput, _ phrases: [String]) -> Bool {
        !input.document.occurrences(of: phrases).isEmpty
    }
}
