import KompasCore

/// A citizen service number (BSN) on a CV: a privacy and fraud risk.
///
/// Only bodies with a legal
/// basis may use it (Wet algemene bepalingen burgerservicenummer, artikel 10); an employer needs it
/// only after hiring, for the payroll. Numbers are flagged only when they pass the eleven-test.
struct PrivacyBSNRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.privacy.bsn", level: .fout, kinds: [.cv, .brief], praise: "cv.privacy.praise",
        link:
            "https://www.rijksoverheid.nl/onderwerpen/privacy-en-persoonsgegevens/burgerservicenummer-bsn",
        nonTriggering: [
            // Nine digits that fail the eleven-test.
            RuleExample("Telefoon: 06 12345678\nKlantnummer 123456789"),
            RuleExample("Postcode 1234 AB, huisnummer 12"),
            RuleExample("Referentie 1112223334"),  // ten digits
        ],
        triggering: [
            RuleExample("Naam: Sam de Vries\nBSN: ↓111222333"),
            RuleExample("Burgerservicenummer ↓1234.56.782"),
            RuleExample("bsn ↓111 222 333 en nog eens ↓111.222.333"),
        ],
        praised: [RuleExample("Sam de Vries\nTelefoon: 06 12345678", kind: .cv)],
        notPraised: [RuleExample("Geachte mevrouw Jansen,\nGraag werk ik bij u.", kind: .brief)])

    /// "Je deelt geen BSN" is worth saying on a CV, where people do put it; on a letter it is not news.
    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, input.kind == .cv else { return nil }
        return Message("cv.privacy.praise")
    }

    func check(_ input: CheckInput) -> [Finding] {
        input.document.lines.enumerated().flatMap { n, line in
            BSN.find(in: line).map { Self.description.finding(n + 1, $0.column) }
        }
    }
}
