import KompasCore

/// Employers and their software look for the words of the vacancy; aim to use most of them where
/// they are true for you (Jobscan: aim for 80 %; trainers: adapt the CV per vacancy, seed digest 004 L386-388).
struct KeyTermsRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.vacature.kernwoorden", level: .suggestie, kinds: [.cv],
        praise: "cv.vacature.kernwoorden.praise",
        link: "https://www.jobscan.co/faq", needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Orderpicker in een magazijn met scanner en heftruck. VCA. Ploegendienst.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            )
        ],
        triggering: [
            RuleExample(
                "↓Ik werkte in een winkel aan de kassa.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            )
        ],
        praised: [
            RuleExample(
                "Orderpicker in een magazijn met scanner en heftruck. VCA. Ploegendienst.",
                vacancy:
                    "Orderpicker\nMagazijn zoekt orderpicker met VCA, heftruck en scanner. Ploegendienst."
            )
        ],
        notPraised: [
            // A vacancy of one line has too few words to say the CV fits it.
            RuleExample("Ik ben orderpicker.", vacancy: "Orderpicker")
        ])

    static let minimumPercent = 70

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, (input.vacancy?.keyTerms.count ?? 0) >= 4 else { return nil }
        return Message("cv.vacature.kernwoorden.praise")
    }

    func check(_ input: CheckInput) -> [Finding] {
        guard let v = input.vacancy, !v.keyTerms.isEmpty else { return [] }
        let (covered, missing) =
            input.keyTermCoverage ?? KeyTerms.covered(v.keyTerms, in: input.document)
        let percent = covered.count * 100 / v.keyTerms.count
        guard percent < Self.minimumPercent else { return [] }
        return [
            Self.description.finding(
                1, 1, nil,
                [
                    "percent": .number(percent), "covered": .number(covered.count),
                    "total": .number(v.keyTerms.count),
                    "missing": .text(missing.prefix(8).joined(separator: ", ")),
                ])
        ]
    }
}
