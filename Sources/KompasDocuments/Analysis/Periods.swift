import KompasCore

/// A period on a CV (`2019 – heden`, `mrt 2021 - jun 2022`, `03/2021 – 06/2022`), as month indexes
/// (`CalendarMonth.index`).
///
/// A year without a month counts from January to December, so a CV that
/// only gives years never shows a gap that is not really there.
public struct Period: Sendable, Hashable {
    public let start: Int
    public let end: Int
    public let isOngoing: Bool
    public let line: Int
    public let column: Int
    /// The latest possible start and earliest possible end (a bare year starts in December and ends
    /// in January at the latest), for overlap checks that must not fire on "2019 – 2021, 2021 – heden".
    public let latestStart: Int
    public let earliestEnd: Int
    public var months: Int { end - start + 1 }

    init(
        start: Int, end: Int, isOngoing: Bool, line: Int, column: Int, latestStart: Int? = nil,
        earliestEnd: Int? = nil
    ) {
        self.start = start
        self.end = end
        self.isOngoing = isOngoing
        self.line = line
        self.column = column
        self.latestStart = latestStart ?? start
        self.earliestEnd = earliestEnd ?? end
    }
}

/// Parses the date forms used on Dutch and English CVs.
public enum PeriodParser {
    static let months: [String: Int] = [
        "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mrt": 3,
        "maart": 3, "mar": 3, "march": 3,
        "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7,
        "juli": 7, "july": 7,
        "aug": 8, "augustus": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10,
        "oktober": 10, "oct": 10, "october": 10,
        "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
    static let present: Set<String> = [
        "heden", "nu", "present", "now", "current", "huidig", "today", "nog",
    ]

    /// A point in time: year and optional month, and how many tokens it used.
    struct Point {
        let year: Int
        let month: Int?
        let length: Int
    }

    static func year(_ t: Token) -> Int? {
        guard t.kind == .number, t.text.count == 4, let y = Int(t.text), (1950...2100).contains(y)
        else { return nil }
        return y
    }

    /// A date at token `i`: `mrt 2021`, `maart 2021`, `mrt. 2021`, `03/2021`, `3-2021`, `2021-03`, `2021`.
    static func point(_ t: [Token], _ i: Int) -> Point? {
        guard i < t.count else { return nil }
        if t[i].kind == .word, let m = months[t[i].lower] {
            var j = i + 1
            if j < t.count, t[j].text == "." { j += 1 }
            if j < t.count, let y = year(t[j]) {
                return Point(year: y, month: m, length: j - i + 1)
            }
            return nil
        }
        if t[i].kind == .number, t[i].text.count <= 2, let m = Int(t[i].text), (1...12).contains(m),
            i + 2 < t.count, ["/", "-", "."].contains(t[i + 1].text), let y = year(t[i + 2])
        {
            return Point(year: y, month: m, length: 3)
        }
        if let y = year(t[i]) {
            if i + 2 < t.count, t[i + 1].text == "-", t[i + 2].kind == .number,
                t[i + 2].text.count == 2,
                let m = Int(t[i + 2].text), (1...12).contains(m)
            {
                return Point(year: y, month: m, length: 3)
            }
            return Point(year: y, month: nil, length: 1)
        }
        return nil
    }

    /// The separator at token `i` (`–`, `-`, `—`, `t/m`, `tot`, `tot en met`, `to`, `until`): its length.
    static func separator(_ t: [Token], _ i: Int) -> Int? {
        guard i < t.count else { return nil }
        switch t[i].lower {
        case "-", "–", "—", "‒", "―": return 1
        case "to", "until", "till", "tm": return 1
        case "tot":
            if i + 2 < t.count, t[i + 1].lower == "en", t[i + 2].lower == "met" { return 3 }
            return 1
        case "t":
            if i + 2 < t.count, t[i + 1].text == "/", t[i + 2].lower == "m" { return 3 }
            return nil
        default: return nil
        }
    }

    /// All periods on one line of tokens.
    ///
    /// `today` ends an ongoing period.
    public static func periods(in tokens: [Token], today: CalendarMonth) -> [Period] {
        var result: [Period] = []
        var i = 0
        while i < tokens.count {
            // "sinds 2020" / "since March 2020": from then until now.
            if ["sinds", "since", "vanaf"].contains(tokens[i].lower), let p = point(tokens, i + 1) {
                let s = (p.year * 12 + (p.month ?? 1) - 1)
                result.append(
                    Period(
                        start: s, end: max(s, today.index), isOngoing: true, line: tokens[i].line,
                        column: tokens[i].column,
                        latestStart: (p.year * 12 + (p.month ?? 12) - 1)))
                i += 1 + p.length
                continue
            }
            guard let a = point(tokens, i) else {
                i += 1
                continue
            }
            let startIndex = (a.year * 12 + (a.month ?? 1) - 1)
            let latestStart = (a.year * 12 + (a.month ?? 12) - 1)
            var j = i + a.length
            if let sep = separator(tokens, j) {
                j += sep
                if j < tokens.count, present.contains(tokens[j].lower) {
                    result.append(
                        Period(
                            start: startIndex, end: max(startIndex, today.index), isOngoing: true,
                            line: tokens[i].line, column: tokens[i].column,
                            latestStart: latestStart))
                    i = j + 1
                    continue
                }
                if let b = point(tokens, j) {
                    let endIndex = (b.year * 12 + (b.month ?? 12) - 1)
                    if endIndex >= startIndex {
                        result.append(
                            Period(
                                start: startIndex, end: endIndex, isOngoing: false,
                                line: tokens[i].line, column: tokens[i].column,
                                latestStart: latestStart,
                                earliestEnd: (b.year * 12 + (b.month ?? 1) - 1)
                            ))
                    }
                    i = j + b.length
                    continue
                }
            }
            i += a.length
        }
        return result
    }

    /// Convenience for tests and other callers: the periods in a single line of text.
    public static func periods(in line: String, today: CalendarMonth) -> [Period] {
        periods(in: Tokenizer.tokens(in: line, line: 1), today: today)
    }
}
