import KompasCore

/// "Verantwoordelijk voor…" lists duties; employers look for what you did and achieved.
///
/// Start with
/// an action verb and add a result ("Ruimde dagelijks 120 orders foutloos"; VMock "Impact", resumx.dev).
struct DutiesRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.taken", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample(
                "- Verzamelde dagelijks 120 orders zonder fouten\n- Leerde twee nieuwe collega's in"
            )
        ],
        triggering: [
            RuleExample("- ↓Verantwoordelijk voor het magazijn\n- ↓Belast met de kassa"),
            RuleExample("- ↓Responsible for the stock", language: .en),
        ])

    static let nl: PhraseList = [
        "verantwoordelijk voor", "belast met", "mijn taken waren", "taken:",
        "werkzaamheden:", "taken bestonden uit",
    ]
    static let en: PhraseList = [
        "responsible for", "duties included", "tasks included", "duties:", "tasks:",
        "in charge of",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input,
            nl: Self.nl,
            en: Self.en)
    }
}
