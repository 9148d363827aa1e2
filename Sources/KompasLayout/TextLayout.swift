/// The one text layout for the terminal (issue 22): paragraphs wrapped by words to a width.
///
/// Why one module: people on bijstand often read Kompas on a phone-sized terminal or with a
/// screen reader at 40 columns; a line that is wider than the screen is cut by the terminal in
/// the middle of a word ("bijvoorbe/eld"), and an amount split from its "€" is misread. Every
/// command, warning and the guide therefore prints through this layout. It is pure (no I/O):
/// text and a width in, lines out.
///
/// The rules, in order:
/// - a line breaks only at a space, or after the hyphen of a hyphenated word
///   ("kinderopvang-" / "toeslag");
/// - an amount with its currency sign ("€ 1.234,56", "-€ 14,67"), a number with its unit
///   ("16 uur", "3 maanden") and a date ("1 januari 2027", "maart 2026") stay on one line when
///   the line is wide enough for them;
/// - a token longer than the whole line (a URL) gets a line of its own and only then is cut,
///   each cut marked with ``continuationMark``;
/// - continuation lines hang under the text of a list item ("- ", "12. ") or under the
///   paragraph's own leading spaces.
public struct TextLayout: Sendable, Equatable {
    /// The width in columns; never less than ``minimumWidth``.
    public let width: Int

    /// Narrower than this, no sentence fits sensibly; the terminal's own wrapping takes over.
    public static let minimumWidth = 20

    /// Ends each piece of a token that had to be cut because it is longer than a line.
    public static let continuationMark: Character = "↩"

    public init(width: Int) {
        self.width = max(Self.minimumWidth, width)
    }

    // MARK: Whole texts

    /// Lays out a text for printing: a line that fits stays exactly as it is (alignment kept);
    /// a line that is too wide is wrapped by words, hanging under its indent or list marker.
    public func fit(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            DisplayWidth.of(line) <= width ? String(line) : wrapLine(String(line))
        }.joined(separator: "\n")
    }

    /// Like ``fit(_:)``, with `indent` added to the continuation lines of a wrapped line: for
    /// records that are one line each when they fit (`regels`).
    public func fit(_ text: String, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            DisplayWidth.of(line) <= width
                ? String(line) : wrapLine(String(line), extraIndent: indent)
        }.joined(separator: "\n")
    }

    /// Wraps every line of `text` (existing line breaks stay) with its own hanging indent, and
    /// `indent` added to the continuation lines.
    public func wrap(_ text: String, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            wrapLine(String($0), extraIndent: indent)
        }.joined(separator: "\n")
    }

    /// Wraps one paragraph with an explicit first-line prefix and a prefix for later lines
    /// (a label or a bullet hanging over its text).
    public func wrap(_ paragraph: String, first: String, rest: String) -> [String] {
        var builder = LineBuilder(width: width, first: first, hang: fitIndent(rest))
        for unit in Self.units(paragraph) { builder.place(unit) }
        return builder.finish()
    }

    /// One line of text: its leading spaces and list marker decide the hanging indent.
    func wrapLine(_ line: String, extraIndent: String = "") -> String {
        let own = String(line.prefix(while: { $0 == " " }))
        let body = String(line.dropFirst(own.count))
        guard !body.isEmpty else { return line }
        let lead = fitIndent(own)
        let marker = Self.listMarkerWidth(body)
        let hang = lead + String(repeating: " ", count: marker) + extraIndent
        return wrap(body, first: lead, rest: hang).joined(separator: "\n")
    }

    /// A hanging indent that leaves at least half the line for text.
    func fitIndent(_ indent: String) -> String {
        DisplayWidth.of(indent) <= width / 2
            ? indent : String(repeating: " ", count: min(4, width / 4))
    }

    /// The width of a list marker at the start of a line ("- ", "• ", "3) "), else 0.
    static func listMarkerWidth(_ body: String) -> Int {
        for bullet in ["- ", "• ", "* ", "· ", "– "] where body.hasPrefix(bullet) {
            return DisplayWidth.of(bullet)
        }
        let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let after = body.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") { return digits.count + 2 }
        }
        return 0
    }

    // MARK: Label and value

    /// A label with its value right-aligned at the width; when both do not fit, the label
    /// (wrapped) above and the value right-aligned on the line below.
    public func row(_ label: String, _ value: String) -> String {
        let lw = DisplayWidth.of(label)
        let vw = DisplayWidth.of(value)
        if lw + 1 + vw <= width {
            return label + String(repeating: " ", count: width - lw - vw) + value
        }
        let labelLines = lw > width ? wrapLine(label) : label
        return labelLines + "\n" + String(repeating: " ", count: max(0, width - vw)) + value
    }

    // MARK: Definition lists

    /// Terms with their explanation (help pages): in two columns when the explanation keeps at
    /// least 20 columns, each explanation wrapped under its own column; otherwise each term on
    /// its own line with the explanation below it, indented by four more.
    ///
    /// A term longer than `maxTermWidth` always has its explanation on the next line.
    public func definitions(
        _ items: [(term: String, text: String)], indent: String = "  ", maxTermWidth: Int = 36
    ) -> [String] {
        let termWidth = min(items.map { DisplayWidth.of($0.term) }.max() ?? 0, maxTermWidth)
        let column = DisplayWidth.of(indent) + termWidth + 2
        var out: [String] = []
        if width - column >= 20 {
            let hang = String(repeating: " ", count: column)
            for (term, text) in items {
                let tw = DisplayWidth.of(term)
                if tw > termWidth {
                    out.append(indent + term)
                    out += wrap(text, first: hang, rest: hang)
                } else {
                    out += wrap(
                        text,
                        first: indent + term
                            + String(repeating: " ", count: column - DisplayWidth.of(indent) - tw),
                        rest: hang)
                }
            }
            return out
        }
        let below = indent + "    "
        for (term, text) in items {
            out += wrap(term, first: indent, rest: indent + "  ")
            out += wrap(text, first: below, rest: below)
        }
        return out
    }

    // MARK: Units

    /// The paragraph as units that are never split over two lines when they fit on one.
    ///
    /// Units are words and the non-breaking groups (amounts, number + unit, dates). Runs of
    /// spaces become one.
    public static func units(_ paragraph: String) -> [String] {
        let tokens = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(
            String.init)
        var units: [String] = []
        var i = 0
        while i < tokens.count {
            // A command to type with its flags ("kompas sync instellen --eindpunt URL") stays on
            // one line; without a flag it is not told apart from a sentence ("kompas opnieuw").
            // (`hasSuffix` first: it is cheap, and only a word ending in "kompas" can be one.)
            if tokens[i].hasSuffix("kompas"),
                tokens[i].drop(while: { "'\"‘“`(".contains($0) }) == "kompas"
            {
                var j = i + 1
                while j < tokens.count, Self.isCommandWord(tokens[j]),
                    !".,;:)'\"’”".contains(tokens[j - 1].last ?? " ")
                {
                    j += 1
                }
                if tokens[(i + 1)..<j].contains(where: { $0.hasPrefix("--") }) {
                    units.append(tokens[i..<j].joined(separator: " "))
                    i = j
                    continue
                }
            }
            var unit = tokens[i]
            var j = i + 1
            while j < tokens.count, Self.glues(last: tokens[j - 1], to: tokens[j]) {
                unit += " " + tokens[j]
                j += 1
            }
            units.append(unit)
            i = j
        }
        return units
    }

    /// A word of a command line: a subcommand, a flag, a placeholder or a short value
    /// ("sync", "--eindpunt", "URL", "2026-03").
    static func isCommandWord(_ token: String) -> Bool {
        var t = Substring(token)
        while let c = t.last, ".,;:)'\"’”".contains(c) { t = t.dropLast() }
        guard !t.isEmpty, t.count <= 24 else { return false }
        if t.hasPrefix("--") { return true }
        if t.allSatisfy({ $0.isASCII && ($0.isUppercase || $0 == "-" || $0 == "|") }) {
            return true
        }
        return t.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// Whether `next` belongs on the same line as the token `last` before it.
    static func glues(last: String, to next: String) -> Bool {
        // "€ 1.234,56", "-€ 14,67", "€ -12,00", "§ 7": a sign is never alone at a line's end.
        if prefixSigns.contains(String(last.unicodeScalars.drop(while: isOpening))) {
            return true
        }
        // Each token's bare word once: these checks run for every word of every paragraph
        // (issue 23: `glues` was a tenth of a cold `watals`).
        let bareLast = bare(last)
        let bareNext = bare(next)
        // "art. 7", "lid 1", "artikel 31": a reference stays with its number.
        if numberPrefixes.contains(last.lowercased()), isNumber(bare: bareNext) { return true }
        // "16 uur", "3 maanden", "12 %", "1 januari".
        if isNumber(bare: bareLast), unitWords.contains(bareNext) || months.contains(bareNext) {
            return true
        }
        // "1 januari 2027", "maart 2026".
        if months.contains(bareLast), isYear(bare: bareNext) { return true }
        // "Loonheffing *": a mark (the provisional "*", a footnote sign) is never alone at the start
        // of a line, where it would point at nothing.
        if isMark(next) { return true }
        return false
    }

    /// A token of one or two signs and no letter or digit ("*", "**", "†").
    static func isMark(_ token: String) -> Bool {
        token.count <= 2 && token.allSatisfy { "*†‡".contains($0) }
    }

    static let prefixSigns: Set<String> = ["€", "-€", "+€", "−€", "€-", "EUR", "§"]

    /// Words that belong to the number after them.
    static let numberPrefixes: Set<String> = [
        "art.", "artikel", "article", "lid", "nr.", "no.", "paragraph", "paragraaf",
    ]

    /// Unit words that belong to the number before them (Dutch and English).
    static let unitWords: Set<String> = [
        "uur", "uren", "u", "hour", "hours", "week", "weken", "weeks", "maand", "maanden", "month",
        "months", "jaar", "jaren", "year", "years", "dag", "dagen", "day", "days", "%", "procent",
        "percent", "cent", "keer", "times", "minuten", "minutes", "kinderen", "children",
    ]

    static let months: Set<String> = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december", "january", "february", "march", "may", "june", "july",
        "august", "october",
        // Polish (nominative and genitive), Turkish and Arabic (issue 24: ``Formatters``).
        "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
        "wrzesień", "październik", "listopad", "grudzień", "stycznia", "lutego", "marca",
        "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
        "listopada", "grudnia", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz",
        "ağustos", "eylül", "ekim", "kasım", "aralık", "يناير", "فبراير", "مارس", "أبريل", "مايو",
        "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    /// A word without the punctuation that may follow it, lowercased.
    static func bare(_ token: String) -> String {
        var t = Substring(token).unicodeScalars
        while let c = t.last, isClosing(c) { t = t.dropLast() }
        while let c = t.first, isOpening(c) { t = t.dropFirst() }
        return String(t).lowercased()
    }

    /// Punctuation that may follow a word: `. , ; : ! ? ) ] " ' ” ’`.
    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?", ")", "]", "\"", "'", "”", "’": return true
        default: return false
        }
    }

    /// Punctuation that may open a word: `( [ " ' “ ‘`.
    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "[", "\"", "'", "“", "‘": return true
        default: return false
        }
    }

    /// "16", "14,71", "1.019,89", "-3", "16,5": digits with separators and an optional sign.
    static func isNumber(_ token: String) -> Bool { isNumber(bare: bare(token)) }

    /// ``isNumber(_:)`` of a token already made ``bare(_:)``.
    static func isNumber(bare token: String) -> Bool {
        var t = Substring(token).unicodeScalars
        if let c = t.first, "-+−~±".unicodeScalars.contains(c) { t = t.dropFirst() }
        guard let first = t.first, ("0"..."9").contains(first) else { return false }
        return t.allSatisfy { ("0"..."9").contains($0) || ".,:–-/".unicodeScalars.contains($0) }
    }

    static func isYear(_ token: String) -> Bool { isYear(bare: bare(token)) }

    static func isYear(bare t: String) -> Bool {
        t.utf8.count == 4 && t.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The position after which a hyphenated word may break: a hyphen between two letters, in a
    /// word of more than 12 characters that is not an address, a code or an id (no digit, no
    /// "/", "@", ":", "|" — a list of values to type — or inner ".").
    static func hyphenBreaks(_ word: [Character]) -> [Int] {
        // A short compound ("top-up", "e-mail") reads worse broken than moved to the next line.
        guard word.count > 12, !word.contains(where: { "/@:|".contains($0) || $0.isNumber }),
            !word.dropLast().contains(".")
        else { return [] }
        var result: [Int] = []
        for i in word.indices.dropFirst().dropLast() where word[i] == "-" {
            if word[i - 1].isLetter && word[i + 1].isLetter { result.append(i) }
        }
        return result
    }
}

/// Builds lines one unit at a time.
struct LineBuilder {
    let width: Int
    let hang: String
    let hangWidth: Int
    var lines: [String] = []
    var line: String
    var hasText = false
    /// The columns of `line`, kept as it grows: measuring the whole line again for every word
    /// made wrapping quadratic (issue 23).
    var used: Int

    init(width: Int, first: String, hang: String) {
        self.width = width
        self.hang = hang
        self.hangWidth = DisplayWidth.of(hang)
        self.line = first
        self.used = DisplayWidth.of(first)
    }

    mutating func append(_ text: String, width columns: Int) {
        line += text
        used += columns
    }

    mutating func flush() {
        var scalars = Substring(line).unicodeScalars
        while scalars.last == " " { scalars.removeLast() }
        lines.append(String(scalars))
        line = hang
        used = hangWidth
        hasText = false
    }

    mutating func place(_ unit: String) {
        let w = DisplayWidth.of(unit)
        let room = width - used - (hasText ? 1 : 0)
        if w <= room {
            append((hasText ? " " : "") + unit, width: w + (hasText ? 1 : 0))
            hasText = true
            return
        }
        // Break after a hyphen when the first part fills this line.
        let chars = Array(unit)
        if !unit.contains(" ") {
            let breaks = TextLayout.hyphenBreaks(chars).reversed()
            if let i = breaks.first(where: { DisplayWidth.of(String(chars[...$0])) <= room }) {
                let head = String(chars[...i])
                append(
                    (hasText ? " " : "") + head, width: DisplayWidth.of(head) + (hasText ? 1 : 0))
                flush()
                place(String(chars[(i + 1)...]))
                return
            }
        }
        if hasText {
            flush()
            place(unit)
            return
        }
        // Alone on a line and still too wide.
        if unit.contains(" ") {
            // A group that cannot fit: its words go one by one.
            for part in unit.split(separator: " ") { place(String(part)) }
            return
        }
        hardSplit(chars)
    }

    /// Cuts a token longer than a whole line, each piece marked; prefers a cut after "/", "-"
    /// or "." in the last third of the line.
    mutating func hardSplit(_ chars: [Character]) {
        var rest = chars[...]
        while !rest.isEmpty {
            let room = max(2, width - used)
            let restWidth = DisplayWidth.of(String(rest))
            if restWidth <= room {
                append(String(rest), width: restWidth)
                hasText = true
                return
            }
            var take = 0
            var cols = 0
            for c in rest {
                let cw = DisplayWidth.columns(of: c)
                if cols + cw > room - 1 { break }
                cols += cw
                take += 1
            }
            take = max(1, take)
            let piece = rest.prefix(take)
            if let slash = piece.lastIndex(where: { "/?&-._~#".contains($0) }),
                slash - rest.startIndex + 1 >= take * 2 / 3
            {
                take = slash - rest.startIndex + 1
            }
            let cut = String(rest.prefix(take)) + String(TextLayout.continuationMark)
            append(cut, width: DisplayWidth.of(cut))
            hasText = true
            rest = rest.dropFirst(take)
            flush()
        }
    }

    mutating func finish() -> [String] {
        if hasText || lines.isEmpty { flush() }
        return lines
    }
}
