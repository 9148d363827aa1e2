import KompasCore

/// Shared by the word-list rules (Vale's `existence` check): every whole-word occurrence of a
/// phrase from the list for the document's language, with the text as written.
///
/// Lists are ``PhraseList``s kept in a `static let`, so they are compiled once per process.
enum PhraseSearch {
    /// `onePerLine`: report a line once (a label and its value, "Burgerlijke staat: ongehuwd").
    static func findings(
        _ d: RuleDescription, _ input: CheckInput, nl: PhraseList, en: PhraseList,
        bothLanguages: Bool = false,
        onePerLine: Bool = false
    ) -> [Finding] {
        var hits: [(line: Int, column: Int, phrase: String)]
        if bothLanguages {
            hits = input.document.occurrences(of: nl) + input.document.occurrences(of: en)
        } else {
            hits = input.document.occurrences(of: input.language == .nl ? nl : en)
        }
        // Longest phrase first at each place, so "a team player" hides the "team player" inside it.
        hits.sort {
            ($0.line, $0.column, -$0.phrase.count) < ($1.line, $1.column, -$1.phrase.count)
        }
        var result: [Finding] = []
        var coveredUntil: (line: Int, column: Int) = (0, 0)
        for hit in hits {
            if hit.line == coveredUntil.line && (onePerLine || hit.column < coveredUntil.column) {
                continue
            }
            let text = input.document.text(
                line: hit.line, column: hit.column, count: hit.phrase.count)
            result.append(d.finding(hit.line, hit.column, nil, ["text": .text(text)]))
            coveredUntil = (hit.line, hit.column + hit.phrase.count)
        }
        return result
    }

    static func contains(_ input: CheckInput, _ list: PhraseList) -> Bool {
        input.document.contains(any: list)
    }
}

extension PhraseList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: String...) { self.init(elements) }

    public static func + (a: PhraseList, b: PhraseList) -> PhraseList {
        PhraseList(a.phrases + b.phrases)
    }
}

extension Document {
    /// `count` characters of line `line` from `column` (1-based), as written.
    public func text(line: Int, column: Int, count: Int) -> String {
        let l = lines[line - 1]
        let start = l.index(l.startIndex, offsetBy: column - 1, limitedBy: l.endIndex) ?? l.endIndex
        let end = l.index(start, offsetBy: count, limitedBy: l.endIndex) ?? l.endIndex
        return String(l[start..<end])
    }
}
