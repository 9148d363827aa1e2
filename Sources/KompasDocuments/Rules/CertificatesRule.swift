import KompasCore

/// Certificates such as VCA, HACCP or a forklift licence raise the chance of work and employers
/// search for them; a section of their own makes them easy to find (seed digest 004, L449-457).
struct CertificatesRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.certificaten", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample("Certificaten\nVCA basis (2023)\nHeftruckcertificaat"),
            RuleExample("Werkervaring\n2020 – heden Bezorger"),
        ],
        triggering: [
            RuleExample("Werkervaring\n2020 – heden Orderpicker, met ↓VCA en ↓heftruckcertificaat")
        ])

    static let terms: PhraseList = [
        "vca", "vca-vol", "haccp", "heftruck", "heftruckcertificaat", "reachtruck",
        "reachtruckcertificaat", "bhv",
        "ehbo", "sociale hygiëne", "svh", "forklift", "forklift licence", "forklift license",
        "first aid",
        "food hygiene", "food safety", "code 95", "taxipas",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        guard input.section(.certificaten) == nil else { return [] }
        return input.document.occurrences(of: Self.terms).reduce(into: [Finding]()) { acc, hit in
            if !acc.contains(where: { $0.line == hit.line && $0.column == hit.column }) {
                acc.append(
                    Self.description.finding(
                        hit.line, hit.column, nil,
                        [
                            "text": .text(
                                hit.phrase.uppercased() == hit.phrase
                                    ? hit.phrase
                                    : input.document.text(
                                        line: hit.line, column: hit.column, count: hit.phrase.count)
                            )
                        ]))
            }
        }
    }
}
