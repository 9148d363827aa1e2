import KompasCore

/// Number, money and date formatting per language, in one place.
///
/// Rules never format. Dutch, English, Polish and Turkish follow CLDR (v44, the `nl`, `en`, `pl`
/// and `tr` locales); Arabic is a choice, see ``Formatters/Style/arabic``.
///
/// | | nl | en | pl | tr | ar |
/// |---|---|---|---|---|---|
/// | money | € 1.401,50 | €1,401.50 | 1401,50 € | €1.401,50 | € 1.401,50 |
/// | large | € 12.345,00 | €12,345.00 | 12 345,00 € | €12.345,00 | € 12.345,00 |
/// | rate | 12,5 % | 12.5% | 12,5% | %12,5 | 12,5 % |
/// | date | 1 januari 2027 | 1 January 2027 | 1 stycznia 2027 | 1 Ocak 2027 | 1 يناير 2027 |
/// | month | januari 2027 | January 2027 | styczeń 2027 | Ocak 2027 | يناير 2027 |
///
/// Polish groups thousands with a no-break space only from five digits on (CLDR
/// `minimumGroupingDigits` 2: "1401,50 €", "12 345,00 €") and names the month in the genitive in
/// a date ("1 stycznia") but in the nominative with a year alone ("styczeń 2027").
public struct Formatters: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    /// No-break space: an amount's parts stay on one line in the terminal (``TextLayout`` splits at
    /// plain spaces only) and on paper.
    static let nbsp = "\u{00A0}"

    static let monthsNL = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]
    static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]
    /// Polish, nominative (CLDR `stand-alone` wide): a month with its year, a table's row.
    static let monthsPL = [
        "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
        "sierpień", "wrzesień", "październik", "listopad", "grudzień",
    ]
    /// Polish, genitive (CLDR `format` wide): the month in a date, "1 stycznia 2027".
    static let monthsPLGenitive = [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
        "sierpnia", "września", "października", "listopada", "grudnia",
    ]
    static let monthsTR = [
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz",
        "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık",
    ]
    /// Arabic: the month names of CLDR `ar` (يناير … ديسمبر), the transliterated Latin names read
    /// from Morocco to Egypt and in Arabic news media; the Levantine names (كانون الثاني …) are
    /// known to Syrian readers but not to Moroccan ones, the two largest Arabic-reading groups of
    /// clients in the Netherlands.
    static let monthsAR = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
        "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    /// The month's name on its own or with a year ("maart", "styczeń").
    public func monthName(_ m: Int) -> String {
        switch language {
        case .nl: return Self.monthsNL[m - 1]
        case .en: return Self.monthsEN[m - 1]
        case .pl: return Self.monthsPL[m - 1]
        case .tr: return Self.monthsTR[m - 1]
        case .ar: return Self.monthsAR[m - 1]
        }
    }

    /// The month's name after a day number ("1 maart", Polish "1 marca").
    public func monthNameInDate(_ m: Int) -> String {
        language == .pl ? Self.monthsPLGenitive[m - 1] : monthName(m)
    }

    /// The weekdays Monday to Sunday as short column headers of a calendar (at most 3 columns
    /// wide): CLDR `short` for nl/en/tr, the two-letter forms of Polish wall calendars, and for
    /// Arabic the CLDR `narrow` letters (the short forms are the whole names).
    public var weekdayAbbreviations: [String] {
        switch language {
        case .nl: return ["ma", "di", "wo", "do", "vr", "za", "zo"]
        case .en: return ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        case .pl: return ["pn", "wt", "śr", "cz", "pt", "so", "nd"]
        case .tr: return ["Pt", "Sa", "Ça", "Pe", "Cu", "Ct", "Pz"]
        case .ar: return ["ن", "ث", "ر", "خ", "ج", "س", "ح"]
        }
    }

    /// How a language writes numbers.
    struct Style {
        var thousands: String
        var decimal: String
        /// The smallest number of digits before the decimal sign that is grouped (CLDR
        /// `minimumGroupingDigits`: 1 groups 1.000, 2 groups from 10 000).
        var minimumGrouping: Int
        var euroBefore: Bool
        var euroSpace: String
        var percentBefore: Bool
        var percentSpace: String

        static let dutch = Style(
            thousands: ".", decimal: ",", minimumGrouping: 1, euroBefore: true, euroSpace: " ",
            percentBefore: false, percentSpace: " ")
        static let english = Style(
            thousands: ",", decimal: ".", minimumGrouping: 1, euroBefore: true, euroSpace: "",
            percentBefore: false, percentSpace: "")
        static let polish = Style(
            thousands: nbsp, decimal: ",", minimumGrouping: 2, euroBefore: false,
            euroSpace: nbsp, percentBefore: false, percentSpace: "")
        static let turkish = Style(
            thousands: ".", decimal: ",", minimumGrouping: 1, euroBefore: true, euroSpace: "",
            percentBefore: true, percentSpace: "")
        /// Arabic: Western digits, the amount as on the municipality's Dutch letters.
        ///
        /// "€ 1.401,50" as on the letters and payslips, so a client can find a figure of the
        /// summary on the letter.
        /// Arabic-Indic digits (٠١٢) are used in the Mashriq but not in Morocco, and the letters,
        /// bank statements and DigiD pages the client compares with are all Dutch; an Arabic
        /// decimal separator (٫) would be a third way of writing the same amount. The renderer keeps
        /// an amount left to right inside Arabic text (HTML: an isolated `dir="ltr"` span).
        static let arabic = dutch
    }

    var style: Style {
        switch language {
        case .nl: return .dutch
        case .en: return .english
        case .pl: return .polish
        case .tr: return .turkish
        case .ar: return .arabic
        }
    }

    /// `€ 1.401,50` (nl), `€1,401.50` (en), `1401,50 €` (pl), `€1.401,50` (tr).
    ///
    /// Negative: `-€ 12,00` / `-€12.00` / `-12,00 €` / `-€12,00`.
    public func money(_ m: Money) -> String {
        let sign = m.cents < 0 ? "-" : ""
        let s = style
        let amount = plainAmount(Money(cents: Int64(m.cents.magnitude)))
        return s.euroBefore ? sign + "€" + s.euroSpace + amount : sign + amount + s.euroSpace + "€"
    }

    /// The amount without its sign (`€ 12,00` for -12,00), where the sentence says the direction
    /// ("te veel", "krijg je terug").
    public func unsignedMoney(_ m: Money) -> String {
        money(Money(cents: Int64(m.cents.magnitude)))
    }

    /// `1.401,50` / `1,401.50` without the euro sign (for tables).
    ///
    /// Written as UTF-8 bytes (``text(capacity:_:)``): a caseload writes four of these a row, and
    /// building them from `Character` arrays was a fifth of the time of the thread that wrote
    /// its output (issue 23).
    public func plainAmount(_ m: Money) -> String {
        let s = style
        let a = m.cents.magnitude
        return Self.text(capacity: Self.longestNumber + 4) { out in
            var n = 0
            if m.cents < 0 {
                out[n] = UInt8(ascii: "-")
                n += 1
            }
            Self.writeGrouped(a / 100, s, into: out, at: &n)
            for b in s.decimal.utf8 {
                out[n] = b
                n += 1
            }
            out[n] = UInt8(ascii: "0") + UInt8(a % 100 / 10)
            out[n + 1] = UInt8(ascii: "0") + UInt8(a % 10)
            return n + 2
        }
    }

    public func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(UInt64(n.magnitude), style)
    }

    /// `12,5 %` / `12.5%` / `12,5%` / `%12,5`.
    public func rate(_ r: Rate) -> String {
        let s = style
        var n = String(r.description.dropLast())
        if s.decimal != "." { n = n.replacingOccurrences(of: ".", with: s.decimal) }
        return s.percentBefore ? "%" + s.percentSpace + n : n + s.percentSpace + "%"
    }

    /// Hours with up to two decimals: `12,25` / `12.25`.
    public func hours(hundredths h: Int) -> String {
        let whole = h / 100
        let frac = abs(h % 100)
        if frac == 0 { return String(whole) }
        var f = frac < 10 ? "0\(frac)" : "\(frac)"
        if f.hasSuffix("0") { f.removeLast() }
        return "\(whole)\(style.decimal)\(f)"
    }

    /// `1 maart 2026` / `1 March 2026` / `1 marca 2026` / `1 Mart 2026` / `1 مارس 2026`.
    public func date(_ d: LocalDate) -> String {
        "\(d.day) \(monthNameInDate(d.month)) \(d.year)"
    }
    /// `maart 2026` / `March 2026` / `marzec 2026` / `Mart 2026` / `مارس 2026`.
    public func month(_ m: CalendarMonth) -> String { "\(monthName(m.month)) \(m.year)" }

    private func grouped(_ n: UInt64, _ s: Style) -> String {
        Self.text(capacity: Self.longestNumber) { out in
            var count = 0
            Self.writeGrouped(n, s, into: out, at: &count)
            return count
        }
    }

    /// A string of the bytes `write` puts in a buffer on the stack (it returns how many).
    ///
    /// An amount is short: made from the stack it is a small string, with no memory of its own;
    /// `String(unsafeUninitializedCapacity:)` with room for the longest number allocated for
    /// every amount (issue 23).
    static func text(
        capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let n = write(buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }

    /// The most bytes ``writeGrouped(_:_:into:at:)`` writes: 20 digits and 6 separators of up to
    /// 2 bytes (the no-break space).
    static let longestNumber = 20 + 6 * 2

    /// Writes `n`'s digits with the style's thousands separator between groups of three, from
    /// `out[at]` on, and moves `at` past them.
    ///
    /// CLDR minimumGroupingDigits: Polish writes 1401 but 12 345.
    static func writeGrouped(
        _ n: UInt64, _ s: Style, into out: UnsafeMutableBufferPointer<UInt8>, at: inout Int
    ) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        let count = withUnsafeMutableBytes(of: &digits) { d -> Int in
            var rest = n
            var k = 0
            repeat {
                d[k] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                k += 1
            } while rest > 0
            return k
        }
        let group = count > 3 + (s.minimumGrouping - 1)
        withUnsafeBytes(of: &digits) { d in
            for i in 0..<count {
                if group, i > 0, (count - i) % 3 == 0 {
                    for b in s.thousands.utf8 {
                        out[at] = b
                        at += 1
                    }
                }
                out[at] = d[count - 1 - i]
                at += 1
            }
        }
    }
}
