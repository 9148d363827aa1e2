import KompasCore

/// A photo on a CV: optional, and it can hurt.
///
/// A photo on a CV is not needed in the Netherlands and you may leave it out: it shows age, origin
/// and sometimes religion or health, on which an employer may not choose (Algemene wet gelijke
/// behandeling, art. 1 and 5). If you use one, a friendly, recent passport-style photo is enough.
///
/// Kompas reads text only, so it sees a photo where the text says so ("[Foto]", "Foto: zie bijlage").
struct PrivacyPhotoRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.privacy.foto", level: .suggestie, kinds: [.cv, .brief],
        link: "https://wetten.overheid.nl/BWBR0006502",
        nonTriggering: [
            RuleExample("Hobby's\nFotograferen en fietsen"),
            RuleExample("Werkervaring\n2020 – heden Medewerker fotostudio"),
        ],
        triggering: [
            RuleExample("Samira El Idrissi\n↓[Foto]"),
            RuleExample("↓Foto: zie bijlage"),
            RuleExample("↓Pasfoto"),
            RuleExample("↓Photo: attached", language: .en),
        ])

    static let words: PhraseList = ["foto", "pasfoto", "profielfoto", "photo", "picture"]

    func check(_ input: CheckInput) -> [Finding] {
        // A line that is about the photo: it starts with the word (after a bracket), and is short.
        var result: [Finding] = []
        for hit in input.document.occurrences(of: Self.words) {
            let line = input.document.lines[hit.line - 1]
            let before = line.prefix(hit.column - 1)
            guard before.allSatisfy({ $0 == " " || $0 == "[" || $0 == "(" || $0 == "\t" }),
                input.document.tokens[hit.line - 1].filter({ $0.kind == .word }).count <= 6
            else { continue }
            result.append(
                Self.description.finding(
                    hit.line,
                    before.count + 1 - (before.hasSuffix("[") || before.hasSuffix("(") ? 1 : 0)))
        }
        return result
    }
}
