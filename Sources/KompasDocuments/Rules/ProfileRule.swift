import KompasCore

/// A short profile of two or three lines under your name tells the reader who you are and what
/// you want; longer profiles are skipped (creatief-cv.nl, qompas.nl).
struct ProfileRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.profiel", level: .suggestie, kinds: [.cv],
        messages: ["cv.profiel.ontbreekt", "cv.profiel.lang", "cv.profiel.woorden"],
        nonTriggering: [
            RuleExample(
                "Profiel\nBetrouwbare orderpicker met vijf jaar ervaring.\nIk zoek werk in de logistiek.\nWerkervaring"
            )
        ],
        triggering: [
            RuleExample("↓Sam de Vries\nWerkervaring\n2020 – heden Bezorger"),
            RuleExample(
                "↓Profiel\nRegel een.\nRegel twee.\nRegel drie.\nRegel vier.\nWerkervaring"),
        ])

    func check(_ input: CheckInput) -> [Finding] {
        guard let s = input.section(.profiel) else {
            return [Self.description.finding(1, 1, "cv.profiel.ontbreekt")]
        }
        guard let body = s.body else { return [] }
        let lines = body.filter { !input.document.isBlank(line: $0) }
        let words = lines.reduce(0) {
            $0 + input.document.tokens[$1 - 1].filter { $0.kind != .punctuation }.count
        }
        // Too many lines, or one long block: the message names what is too long ("je profiel is
        // 1 regels" was issue 20's example of a wrong count).
        if lines.count > 3 {
            return [
                Self.description.finding(
                    s.headingLine, 1, "cv.profiel.lang", ["lines": .number(lines.count)])
            ]
        }
        if words > 60 {
            return [
                Self.description.finding(
                    s.headingLine, 1, "cv.profiel.woorden", ["words": .number(words)])
            ]
        }
        return []
    }
}
