import KompasCore

/// Most employers reply by e-mail: the CV needs an address.
struct ContactEmailRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.contact.email", level: .waarschuwing, kinds: [.cv],
        nonTriggering: [RuleExample("Sam de Vries\nsam.devries@example.nl")],
        triggering: [RuleExample("↓Sam de Vries\n06 12345678\nwww.example.nl")])

    func check(_ input: CheckInput) -> [Finding] {
        input.document.lines.contains { !Contact.emails(in: $0).isEmpty }
            ? [] : [Self.description.finding(1, 1)]
    }
}
