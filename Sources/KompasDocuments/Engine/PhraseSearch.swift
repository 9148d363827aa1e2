import KompasCore

/// Shared by the word-list rules (Vale's `existence` check): every whole-word occurrence of a
/// phrase from the list for the document's language, with the text as written.
enum PhraseSearch {
    static func findings(_ d: RuleDescription, _ input: CheckInput, nl: [String], en: [String], bothLanguages: Bool = false) -> [Finding] {
        let phrases = bothLanguages ? nl + en : (input.language == .nl ? nl : en)
        return input.document.occurrences(of: phrases).map { hit in
            let line = Array(input.document.lines[hit.line - 1])
            let text = String(line[(hit.column - 1)..<min(line.count, hit.column - 1 + hit.phrase.count)])
            return d.finding(hit.line, hit.column, nil, ["text": .text(text)])
        }.reduce(into: [Finding]()) { acc, f in
            // One finding per position (a longer phrase and its prefix at the same place count once).
            if !acc.contains(where: { $0.line == f.line && $0.column == f.column }) { acc.append(f) }
        }
    }

    static func contains(_ input: CheckInput, _ phrases: [String]) -> Bool {
        !input.document.occurrences(of: phrases).isEmpty
    }
}
