import KompasCore

/// "Hierbij solliciteer ik…" is the opening of most letters; start with why this job appeals to
/// you or what you bring (werk.nl; Nationale Beroepengids "Sollicitatiebrief beginnen").
struct OpenerRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.opening", level: .suggestie, kinds: [.brief], praise: "brief.opening.praise",
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\nIn uw magazijn wil ik graag laten zien hoe snel en precies ik werk."
            )
        ],
        triggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\n↓Hierbij solliciteer ik naar de functie van orderpicker."),
            RuleExample("↓Naar aanleiding van uw vacature wil ik graag reageren."),
            RuleExample("Dear Ms Shah,\n↓I am writing to apply for the picker job.", language: .en),
        ])

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(
            Self.description, input,
            nl: [
                "hierbij solliciteer ik", "hierbij wil ik solliciteren",
                "hierbij wil ik graag solliciteren", "hierbij reageer ik",
                "naar aanleiding van uw vacature", "naar aanleiding van uw advertentie",
                "met deze brief solliciteer ik",
            ],
            en: [
                "i am writing to apply", "i hereby apply", "i am writing in response to",
                "with reference to your advertisement",
                "please accept this letter as my application",
            ])
    }
}
