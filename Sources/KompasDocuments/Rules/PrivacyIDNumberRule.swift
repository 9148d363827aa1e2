import KompasCore

/// An identity-card or passport number: never on a CV.
///
/// Identity fraud uses exactly these numbers,
/// and vacancy scams ask for them (Rijksoverheid, "Identiteitsfraude"; viavera.be).
struct PrivacyIDNumberRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.id-nummer", level: .waarschuwing, kinds: [.cv, .brief],
        link: "https://www.rijksoverheid.nl/onderwerpen/identiteitsfraude",
        nonTriggering: [
            RuleExample("Paspoort: geldig\nRijbewijs B"),
            RuleExample("Ik heb een geldig ID-bewijs."),
        ],
        triggering: [
            RuleExample("↓Paspoortnummer: NW3B4K7P2"),
            RuleExample("↓ID-kaartnummer IX1234567"),
            RuleExample("↓Passport number: X12345678", language: .en),
            RuleExample("↓Documentnummer: SPECI2014"),
        ])

    static let labels: PhraseList = [
        "paspoortnummer", "paspoort nr", "paspoortnr", "id-nummer", "id nummer", "id-kaartnummer",
        "idkaartnummer",
        "identiteitskaartnummer", "documentnummer", "passport number", "passport no", "id number",
        "identity card number",
        "id card number", "document number",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        // A label followed (after `:` or spaces) by a code with at least one digit.
        input.document.occurrences(of: Self.labels).compactMap { hit in
            let rest = input.document.lines[hit.line - 1].dropFirst(
                hit.column - 1 + hit.phrase.count)
            let code = rest.drop { $0 == ":" || $0 == " " || $0 == "." || $0 == "\t" }.prefix {
                $0.isLetter || $0.isNumber
            }
            guard code.count >= 6, code.contains(where: \.isNumber) else { return nil }
            return Self.description.finding(hit.line, hit.column)
        }
    }
}
