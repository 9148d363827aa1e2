import KompasCore

/// A sentence in capitals: it reads as shouting.
///
/// A sentence in capitals is harder to read (Stichting Lezen & Schrijven:
/// text in capitals is read slower). Headings and names in capitals are fine, and so are
/// abbreviations such as VCA, HACCP or MBO: only four or more words in capitals in a row count.
struct CapitalsRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.hoofdletters", level: .waarschuwing, kinds: [.cv, .brief],
        nonTriggering: [
            RuleExample("WERKERVARING\nTOMASZ NOWAK\nIk heb VCA, HACCP en een MBO 2 diploma."),
            RuleExample("PERSOONLIJKE GEGEVENS EN CONTACT"),
            RuleExample("Ik heb diploma's van VMBO, MBO EN HBO, en VCA."),
        ],
        triggering: [
            RuleExample("Profiel\n↓IK BEN EEN HARDE WERKER DIE GRAAG BUITEN WERKT."),
            RuleExample(
                "Geachte heer, mevrouw,\n↓IK WIL HEEL GRAAG BIJ U WERKEN!!! Buiten werken is mooi."),
        ])

    static let minimumWords = 4
    static let abbreviations: Set<String> = [
        "HAVO", "VMBO", "MAVO", "VWO", "HACCP", "VCA", "BHV", "EHBO", "ROC", "MBO", "HBO", "WO",
        "SVH", "ICT",
        "HRM", "KNVB", "UWV", "NT2", "WERKERVARING", "OPLEIDING", "PROFIEL", "VAARDIGHEDEN",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        var result: [Finding] = []
        for (n, tokens) in input.document.tokens.enumerated()
        where input.document.lines[n].utf8.reduce(0, { $0 + ($1 >= 0x41 && $1 <= 0x5A ? 1 : 0) })
            >= 6
        {
            let words = tokens.filter { $0.kind == .word }
            // A heading: the whole line is a few words (a section, a name).
            if words.count <= Self.minimumWords,
                !tokens.contains(where: { [".", "!", "?"].contains($0.text) })
            {
                continue
            }
            var run: [Token] = []
            for t in tokens {
                if t.kind == .word, t.text.count >= 1,
                    t.text.allSatisfy({ !$0.isLetter || $0.isUppercase }),
                    t.text.contains(where: \.isLetter)
                {
                    run.append(t)
                } else if t.kind == .word {
                    if run.count >= Self.minimumWords { break }
                    run = []
                }
            }
            // A list of abbreviations ("HAVO, VMBO, MBO EN HBO") is not shouting: the run needs
            // at least two longer words that are not abbreviations.
            let long = run.filter { $0.text.count >= 4 && !Self.abbreviations.contains($0.text) }
            if run.count >= Self.minimumWords, long.count >= 2, let first = run.first {
                result.append(Self.description.finding(n + 1, first.column))
            }
        }
        return result
    }
}
