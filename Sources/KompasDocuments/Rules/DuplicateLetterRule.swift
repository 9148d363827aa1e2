import KompasCore

/// Nearly the same letter as one checked before: a base letter is fine, but each letter should be
/// tailored to its vacancy (seed digest 004 L389-390).
///
/// Compared by fingerprint only (``LetterFingerprint``).
struct DuplicateLetterRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.kopie", level: .waarschuwing, kinds: [.brief],
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\nGraag werk ik als orderpicker in uw magazijn in Tilburg.",
                earlierLetters: [
                    "Beste heer Smit,\nIk wil graag kok worden in uw restaurant in Leiden, want koken is mijn vak."
                ])
        ],
        triggering: [
            RuleExample(
                "↓Geachte mevrouw Jansen,\nGraag werk ik als orderpicker in uw magazijn in Tilburg. Ik heb drie jaar ervaring.",
                earlierLetters: [
                    "Geachte heer Smit,\nGraag werk ik als orderpicker in uw magazijn in Tilburg. Ik heb drie jaar ervaring."
                ])
        ])

    static let threshold = 0.6

    func check(_ input: CheckInput) -> [Finding] {
        let mine = LetterFingerprint(document: input.document, documentHash: input.documentHash)
        let best =
            input.earlierLetters.filter { $0.documentHash != input.documentHash }.map {
                mine.similarity(to: $0)
            }.max() ?? 0
        return best >= Self.threshold
            ? [Self.description.finding(1, 1, nil, ["percent": .number(Int(best * 100))])] : []
    }
}
