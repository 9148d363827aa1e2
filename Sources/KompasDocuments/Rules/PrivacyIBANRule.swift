import KompasCore

/// A bank account number (IBAN) does not belong on a CV or letter: the employer asks for it after
/// hiring (viavera.be; AVG artikel 5(1)(c), data minimisation).
///
/// Flagged only when the mod-97 check passes.
struct PrivacyIBANRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.iban", level: .waarschuwing, kinds: [.cv, .brief],
        link: "https://autoriteitpersoonsgegevens.nl/themas/werk-en-uitkering/sollicitatie",
        nonTriggering: [
            RuleExample("Rekening: NL92ABNA0417164300"),  // check digits wrong
            RuleExample("Ik werkte bij NLTEST en AB12 was mijn kluis."),
        ],
        triggering: [
            RuleExample("IBAN: ↓NL91ABNA0417164300"),
            RuleExample("Rekeningnummer ↓NL91 ABNA 0417 1643 00"),
            RuleExample("Account ↓GB82WEST12345698765432", language: .en),
        ])

    func check(_ input: CheckInput) -> [Finding] {
        input.document.lines.enumerated().flatMap { n, line in
            IBAN.find(in: line).map { Self.description.finding(n + 1, $0.column) }
        }
    }
}
