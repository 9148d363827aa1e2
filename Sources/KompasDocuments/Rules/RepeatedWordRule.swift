import KompasCore

/// The same word twice in a row ("de de") is almost always a typing slip (write-good "Illusions").
struct RepeatedWordRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.herhaald-woord", level: .suggestie, kinds: [.cv, .brief],
        nonTriggering: [RuleExample("Ik werk graag. Graag tot ziens.\nDat dat klopt, weet ik.")],
        triggering: [RuleExample("Ik werk ↓graag graag in ↓de de winkel.\nI like ↓the\nthe job.")])

    func check(_ input: CheckInput) -> [Finding] {
        // Words in reading order, across line ends; punctuation in between breaks a repeat.
        var result: [Finding] = []
        var previous: Token?
        for line in input.document.tokens {
            if line.isEmpty { previous = nil }
            for t in line {
                guard t.kind == .word else {
                    previous = nil
                    continue
                }
                if let p = previous, p.lower == t.lower, !Self.allowed.contains(t.lower) {
                    result.append(
                        Self.description.finding(p.line, p.column, nil, ["word": .text(t.text)]))
                }
                previous = t
            }
        }
        return result
    }
    /// Repeats that are correct Dutch ("dat dat", "die die") or English ("had had", "that that").
    static let allowed: Set<String> = ["dat", "die", "had", "that", "is"]
}
