import KompasCore

/// An employer calls: the CV needs a phone number near the top (swiff.it "contact completeness";
/// wijzijntop.nl).
struct ContactPhoneRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.contact.telefoon", level: .waarschuwing, kinds: [.cv], praise: "cv.contact.praise",
        nonTriggering: [
            RuleExample("Sam de Vries\nTelefoon: 06-12345678"),
            RuleExample("Sam de Vries\n+31 6 1234 5678"),
        ],
        triggering: [RuleExample("↓Sam de Vries\nsam@example.nl\nUtrecht")],
        praised: [RuleExample("Sam de Vries\nTelefoon: 06-12345678")])

    func check(_ input: CheckInput) -> [Finding] {
        input.document.lines.contains(where: Contact.hasPhone)
            ? [] : [Self.description.finding(1, 1)]
    }
}
