import KompasCore

/// Number, money and date formatting per language, in one place.
///
/// Rules never format.
public struct Formatters: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    static let monthsNL = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]
    static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    public func monthName(_ m: Int) -> String {
        (language == .nl ? Self.monthsNL : Self.monthsEN)[m - 1]
    }

    /// `€ 1.401,50` (nl) or `€1,401.50` (en).
    ///
    /// Negative: `-€ 12,00` / `-€12.00`.
    public func money(_ m: Money) -> String {
        let sign = m.cents < 0 ? "-" : ""
        let sym = language == .nl ? "€ " : "€"
        return sign + sym + plainAmount(Money(cents: Int64(m.cents.magnitude)))
    }

    /// The amount without its sign (`€ 12,00` for -12,00), where the sentence says the direction
    /// ("te veel", "krijg je terug").
    public func unsignedMoney(_ m: Money) -> String {
        money(Money(cents: Int64(m.cents.magnitude)))
    }

    /// `1.401,50` / `1,401.50` without the euro sign (for tables).
    public func plainAmount(_ m: Money) -> String {
        let (thousands, decimal) = language == .nl ? (".", ",") : (",", ".")
        let a = m.cents.magnitude
        let c = a % 100
        let sign = m.cents < 0 ? "-" : ""
        return sign + grouped(a / 100, thousands) + decimal + (c < 10 ? "0" : "") + String(c)
    }

    public func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(UInt64(n.magnitude), language == .nl ? "." : ",")
    }

    /// `12,5 %` / `12.5%`.
    public func rate(_ r: Rate) -> String {
        var s = r.description.dropLast()
        if language == .nl {
            s = Substring(s.replacingOccurrences(of: ".", with: ","))
            return s + " %"
        }
        return s + "%"
    }

    /// Hours with up to two decimals: `12,25` / `12.25`.
    public func hours(hundredths h: Int) -> String {
        let whole = h / 100
        let frac = abs(h % 100)
        if frac == 0 { return String(whole) }
        var f = frac < 10 ? "0\(frac)" : "\(frac)"
        if f.hasSuffix("0") { f.removeLast() }
        return "\(whole)\(language == .nl ? "," : ".")\(f)"
    }

    /// `1 maart 2026` / `1 March 2026`.
    public func date(_ d: LocalDate) -> String { "\(d.day) \(monthName(d.month)) \(d.year)" }
    /// `maart 2026` / `March 2026`.
    public func month(_ m: CalendarMonth) -> String { "\(monthName(m.month)) \(m.year)" }

    private func grouped<T: BinaryInteger>(_ n: T, _ sep: String) -> String {
        var digits = Array(String(n))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: digits.suffix(3), at: 0)
            out.insert(contentsOf: sep, at: 0)
            digits.removeLast(3)
        }
        out.insert(contentsOf: digits, at: 0)
        return String(out)
    }
}
