import KompasCore

/// A template placeholder left in the text ("[FUNCTIE] bij [BEDRIJF]", "[Voornaam Achternaam]",
/// "<naam bedrijf>") tells the employer at once that this is a copied standard letter; it is the
/// most urgent thing to fix, so it is "belangrijk" (issue 20).
///
/// A placeholder is text between square brackets, angle brackets or braces that holds letters and
/// no link: "[1]" (a number) and "[tekst](https://…)" (a Markdown link) are not placeholders.
struct PlaceholderRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.invulplek", level: .fout, kinds: [.cv, .brief],
        nonTriggering: [
            RuleExample("Geachte mevrouw Jansen,\nGraag werk ik als kok bij De Gouden Leeuw."),
            RuleExample("Zie [1] en mijn [portfolio](https://example.nl)."),
            RuleExample("Telefoon: 06 12345678 (ook WhatsApp)"),
            RuleExample("Samira El Idrissi\n[Foto]"),
        ],
        triggering: [
            RuleExample(
                "Geachte ↓[NAAM],\nGraag solliciteer ik naar de functie ↓[FUNCTIE] bij ↓[BEDRIJF]."),
            RuleExample("↓[Voornaam Achternaam]\nWoonplaats: ↓[PLAATS]"),
            RuleExample("Ik werk graag bij ↓<naam bedrijf>."),
            RuleExample("Dear ↓{name},", language: .en),
        ])

    static let pairs: [Character: Character] = ["[": "]", "<": ">", "{": "}"]
    static let pictures: Set<String> = [
        "foto", "pasfoto", "afbeelding", "photo", "picture", "image", "logo",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        var result: [Finding] = []
        for (n, line) in input.document.lines.enumerated()
        where line.utf8.contains(where: { $0 == 0x5B || $0 == 0x3C || $0 == 0x7B }) {
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                guard let close = Self.pairs[chars[i]],
                    let end = chars[(i + 1)...].firstIndex(of: close)
                else {
                    i += 1
                    continue
                }
                let inside = chars[(i + 1)..<end]
                let isLink = end + 1 < chars.count && chars[end + 1] == "("
                // "[Foto]" or "[image]" is where a document had a picture: not a placeholder.
                let picture = Self.pictures.contains(String(inside).lowercased())
                if inside.count <= 60, inside.contains(where: \.isLetter), !isLink, !picture,
                    !inside.contains(where: { $0 == "@" || $0 == "/" || $0 == "=" })
                {
                    result.append(
                        Self.description.finding(
                            n + 1, i + 1, nil, ["text": .text(String(chars[i...end]))]))
                }
                i = end + 1
            }
        }
        return result
    }
}
