/// Sentences and their length in words, for readability checks.
///
/// Reusable for any Kompas text:
/// B1-level writing advice keeps sentences short (about 15 words on average, rarely over 20–25;
/// Rijksoverheid "Direct duidelijk", Stichting Lezen & Schrijven).
public struct Sentence: Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let words: [Token]
}

public enum Readability {
    /// Splits into sentences at `.`, `!`, `?` (not inside numbers such as 1.250 or abbreviations
    /// of one letter) and at blank lines.
    ///
    /// A line without end mark that is followed by an empty line
    /// or a list line ends its sentence too, so headings and list items count on their own.
    public static func sentences(in document: Document) -> [Sentence] {
        var result: [Sentence] = []
        var current: [Token] = []
        var start: (Int, Int)?
        func flush() {
            if let s = start, !current.isEmpty {
                result.append(Sentence(line: s.0, column: s.1, words: current))
            }
            current = []
            start = nil
        }
        for (n, tokens) in document.tokens.enumerated() {
            if tokens.isEmpty {
                flush()
                continue
            }
            let trimmed = document.lines[n].drop(while: \.isWhitespace)
            if let f = trimmed.first, f == "-" || f == "*" || f == "•" || f == "#" { flush() }
            for (k, t) in tokens.enumerated() {
                if t.kind == .punctuation {
                    if [".", "!", "?"].contains(t.text) {
                        let prev = k > 0 ? tokens[k - 1] : nil
                        let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                        let inNumber =
                            prev?.kind == .number && next?.kind == .number
                            && next?.column == t.column + 1
                        let initial = prev?.kind == .word && prev?.text.count == 1
                        if !inNumber && !initial { flush() }
                    }
                    continue
                }
                if start == nil { start = (t.line, t.column) }
                current.append(t)
            }
            // A line without an end mark that is short (a heading, an address) stands on its own.
            if let last = tokens.last, ![".", "!", "?", ","].contains(last.text), tokens.count <= 8
            {
                flush()
            }
        }
        flush()
        return result
    }

    /// Sentences longer than `maxWords` words.
    public static func longSentences(in document: Document, maxWords: Int) -> [Sentence] {
        sentences(in: document).filter { $0.words.count > maxWords }
    }
}
