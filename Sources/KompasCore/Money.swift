/// An amount of euros as integer cents.
///
/// Never `Double`: benefit law is settled to the cent,
/// and every rounding step is a named decision (see ``Money/RoundingRule``) next to its source.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public static func cents(_ c: Int64) -> Money { Money(cents: c) }
    public static func euros(_ e: Int64) -> Money { Money(cents: e * 100) }
    public static let zero = Money(cents: 0)

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }
    public static func * (a: Money, n: Int64) -> Money { Money(cents: a.cents * n) }

    /// How a fractional cent is resolved.
    ///
    /// Which one applies is a legal decision, stated at the call site.
    public enum RoundingRule: Sendable {
        /// Half away from zero (commercial rounding), the default for published amounts.
        case halfUp
        /// Towards negative infinity: used where the law says "naar beneden afgerond".
        case down
        /// Towards positive infinity.
        case up
    }

    /// `self × numerator / denominator`, rounded once, exactly (128-bit intermediate).
    public func scaled(
        by numerator: Int64, over denominator: Int64, rounding: RoundingRule = .halfUp
    ) -> Money {
        precondition(denominator != 0, "denominator must not be zero")
        let product = cents.multipliedFullWidth(by: numerator)
        let wide = (Int128(product.high) << 64) | Int128(product.low)
        return Money(cents: Int64(Money.divide(wide, Int128(denominator), rounding)))
    }

    /// Applies a rate (for example 25 %) to this amount, rounded once.
    public func applying(_ rate: Rate, rounding: RoundingRule = .halfUp) -> Money {
        scaled(by: rate.partsPerMillion, over: Rate.scale, rounding: rounding)
    }

    /// Rounds to whole euros (some toeslagen and tax amounts are set in whole euros).
    public func roundedToEuros(_ rounding: RoundingRule = .halfUp) -> Money {
        Money(cents: Int64(Money.divide(Int128(cents), 100, rounding)) * 100)
    }

    static func divide(_ n: Int128, _ d: Int128, _ rule: RoundingRule) -> Int128 {
        var q = n / d
        let r = n % d
        if r == 0 { return q }
        let negative = (n < 0) != (d < 0)
        switch rule {
        case .down: if negative { q -= 1 }
        case .up: if !negative { q += 1 }
        case .halfUp:
            let twice = (r < 0 ? -r : r) * 2
            let dd = d < 0 ? -d : d
            if twice >= dd { q += negative ? -1 : 1 }
        }
        return q
    }

    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        let c = a % 100
        return "\(sign)\(a / 100).\(c < 10 ? "0" : "")\(c)"
    }

    public func clamped(min lo: Money) -> Money { Swift.max(self, lo) }

    /// Parses an amount as people type it: `14,71`, `14.71`, `€ 1.401,50`, `1,401.50`, `1401`.
    ///
    /// With both separators, the last one is the decimal one. With one kind only, a separator
    /// followed by exactly three digits (`1.401`) or occurring more than once is a thousands
    /// separator; otherwise it is the decimal one. A single comma before three digits (`14,711`)
    /// is ambiguous and refused. Returns nil for anything else.
    public static func parse(_ raw: String) -> Money? {
        var s = Whitespace.trimmed(raw)
        for junk in ["€", "EUR", "\u{00A0}", " "] { s = s.replacingOccurrences(of: junk, with: "") }
        var negative = false
        if s.hasPrefix("-") {
            negative = true
            s.removeFirst()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
        else { return nil }
        let kinds = Set(s.filter { $0 == "," || $0 == "." })
        var whole = s
        var fraction = ""
        func thousands(_ t: Substring, _ sep: Character) -> String? {
            let groups = t.split(separator: sep, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            return groups.joined()
        }
        if kinds.count == 2 {
            guard let last = s.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
            let decimalSep = s[last]
            let thousandSep: Character = decimalSep == "," ? "." : ","
            let head = s[..<last]
            guard !head.contains(decimalSep), let w = thousands(head, thousandSep) else {
                return nil
            }
            whole = w
            fraction = String(s[s.index(after: last)...])
        } else if let sep = kinds.first {
            let count = s.filter { $0 == sep }.count
            guard let last = s.lastIndex(of: sep) else { return nil }
            let tail = s[s.index(after: last)...]
            // "14,711" is ambiguous (Dutch 14,711 has three decimals; English means 14711): refuse it.
            if count == 1 && tail.count == 3 && sep == "," { return nil }
            if count == 1 && tail.count != 3 {
                whole = String(s[..<last])
                fraction = String(tail)
            } else {
                guard let w = thousands(Substring(s), sep) else { return nil }
                whole = w
            }
        }
        guard fraction.count <= 2, !(whole.isEmpty && fraction.isEmpty) else { return nil }
        if s.last == "," || s.last == "." { return nil }
        while fraction.count < 2 { fraction += "0" }
        guard whole.count <= 12, let e = Int64(whole.isEmpty ? "0" : whole), let c = Int64(fraction)
        else { return nil }
        let total = e * 100 + c
        return Money(cents: negative ? -total : total)
    }
}

/// A ratio stored as parts per million, exact for every percentage the law uses (4,8 %, 12,5 %, 37,56 %).
public struct Rate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    public var partsPerMillion: Int64
    public init(partsPerMillion: Int64) { self.partsPerMillion = partsPerMillion }
    /// `Rate(percent: 25)`; with decimals `Rate(percentHundredths: 1250)` is 12,5 %.
    public init(percent: Int64) { partsPerMillion = percent * 10_000 }
    public init(percentHundredths: Int64) { partsPerMillion = percentHundredths * 100 }
    public static func percent(_ p: Int64) -> Rate { Rate(percent: p) }
    /// Basis points of a percent: `Rate.percent(hundredths: 3756)` is 37,56 %.
    public static func percent(hundredths: Int64) -> Rate { Rate(percentHundredths: hundredths) }
    public static func < (a: Rate, b: Rate) -> Bool { a.partsPerMillion < b.partsPerMillion }
    /// Plain decimal percentage without locale, for example "12.5%" (localized formatting lives in KompasLocalization).
    public var description: String {
        let whole = partsPerMillion / 10_000
        var frac = String(partsPerMillion.magnitude % 10_000)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return frac.isEmpty ? "\(whole)%" : "\(whole).\(frac)%"
    }
}
