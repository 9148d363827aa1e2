import KompasCore

/// A CV of at most two A4 pages (solliciteerbeter.nl): employers read the first page, often for
/// less than a minute.
///
/// A page is about 450 words or 50 lines.
struct CVLengthRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.lengte", level: .waarschuwing, kinds: [.cv],
        nonTriggering: [
            RuleExample(
                String(repeating: "Orderpicker bij een groot magazijn in Tilburg.\n", count: 90))
        ],
        triggering: [
            RuleExample(
                String(repeating: "Orderpicker bij een groot magazijn in Tilburg.\n", count: 100)
                    + "↓Nog een regel\n" + "Laatste regel")
        ])

    func check(_ input: CheckInput) -> [Finding] {
        Length.finding(Self.description, input, pages: 2)
    }
}

/// Where a document passes `pages` pages (450 words or 50 non-empty lines per page).
enum Length {
    static let wordsPerPage = 450, linesPerPage = 50

    static func finding(_ d: RuleDescription, _ input: CheckInput, pages: Int) -> [Finding] {
        var words = 0
        var lines = 0
        for (n, tokens) in input.document.tokens.enumerated() where !tokens.isEmpty {
            words += tokens.reduce(0) { $0 + ($1.kind == .punctuation ? 0 : 1) }
            lines += 1
            if words > wordsPerPage * pages || lines > linesPerPage * pages {
                let total = input.document.wordCount
                let estimate = max(
                    pages + 1, Int((Double(max(total, 1)) / Double(wordsPerPage)).rounded(.up)))
                return [
                    d.finding(n + 1, 1, nil, ["pages": .number(estimate), "limit": .number(pages)])
                ]
            }
        }
        return []
    }
}
