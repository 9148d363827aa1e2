import KompasCore

/// "Hierbij solliciteer ik…" is the opening of most letters; start with why this job appeals to
/// you or what you bring (werk.nl; Nationale Beroepengids "Sollicitatiebrief beginnen").
struct OpenerRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.opening", level: .suggestie, kinds: [.brief], praise: "brief.opening.praise",
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\nIn uw magazijn wil ik graag laten zien hoe snel en precies ik werk."
            ),
            // A stock phrase later in the letter is not the opening (brief.cliches may still see it).
            RuleExample(
                "Geachte mevrouw Jansen,\nOrders verzamelen doe ik al drie jaar.\nIk werk snel.\nIk werk netjes.\nMet veel interesse kijk ik uit naar uw antwoord."
            ),
        ],
        triggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\n↓Hierbij solliciteer ik naar de functie van orderpicker."),
            RuleExample("↓Naar aanleiding van uw vacature wil ik graag reageren."),
            RuleExample("Geachte heer Benali,\n\n↓Met veel interesse heb ik uw vacature gelezen."),
            RuleExample("Geachte [NAAM],\n↓Graag solliciteer ik naar de functie van kok."),
            RuleExample("Dear Ms Shah,\n↓I am writing to apply for the picker job.", language: .en),
        ],
        praised: [
            RuleExample(
                "Geachte mevrouw Jansen,\nIn uw magazijn wil ik graag laten zien hoe snel ik werk.\nMet vriendelijke groet,\nSam"
            )
        ],
        notPraised: [RuleExample("Sam de Vries")])

    static let nl: PhraseList = [
        "hierbij solliciteer ik", "hierbij wil ik solliciteren",
        "hierbij wil ik graag solliciteren",
        "hierbij reageer ik", "hierbij stuur ik", "bij deze solliciteer ik",
        "naar aanleiding van uw vacature",
        "naar aanleiding van uw advertentie", "naar aanleiding van de vacature",
        "met deze brief solliciteer ik",
        "met veel interesse", "met grote interesse", "graag solliciteer ik",
        "graag wil ik solliciteren",
        "ik wil graag solliciteren", "ik wil solliciteren", "ik solliciteer naar",
        "ik las uw vacature",
        "ik heb uw vacature gelezen", "op internet zag ik", "ik zag uw vacature",
    ]
    static let en: PhraseList = [
        "i am writing to apply", "i hereby apply", "i am writing in response to",
        "with reference to your advertisement", "please accept this letter as my application",
        "i would like to apply", "i saw your vacancy", "with great interest",
    ]

    /// The opening: the first two lines of the body, after the greeting (or from the top).
    static func openingLines(_ d: Document) -> [Int] {
        let lines = d.contentLineNumbers.prefix(14)
        let greeting = lines.firstIndex { n in
            let lower = d.lines[n - 1].lowercased()
            return SalutationRule.greetings.contains { lower.hasPrefix($0) }
        }
        let body = greeting.map { Array(lines[(lines.index(after: $0))...]) } ?? Array(lines)
        return Array(body.prefix(2))
    }

    func check(_ input: CheckInput) -> [Finding] {
        let opening = Set(Self.openingLines(input.document))
        return PhraseSearch.findings(Self.description, input, nl: Self.nl, en: Self.en).filter {
            opening.contains($0.line)
        }
    }

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        // Only a letter with a greeting and a body has an opening to praise.
        guard findings.isEmpty, input.document.contentLineNumbers.count >= 3 else { return nil }
        return Message("brief.opening.praise")
    }
}
