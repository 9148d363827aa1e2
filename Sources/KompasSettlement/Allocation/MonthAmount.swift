import KompasCore

/// An amount attributed to a calendar month (the output of every allocation method).
public struct MonthAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    public var month: CalendarMonth
    public var amount: Money
    public init(_ month: CalendarMonth, _ amount: Money) {
        self.month = month
        self.amount = amount
    }
    public var description: String { "\(month): \(amount)" }
}

/// Splits `total` over weights so that the parts add up to exactly `total`: each part is rounded
/// down and the cents left over go to the largest remainders (ties: the earlier part).
///
/// This is
/// why no allocation method loses or invents a cent (the year property in the tests).
public func distribute(_ total: Money, weights: [Int]) -> [Money] {
    let sum = Int64(weights.reduce(0, +))
    guard sum > 0 else { return weights.map { _ in .zero } }
    let negative = total.cents < 0
    let t = negative ? -total.cents : total.cents
    var parts = weights.map { t * Int64($0) / sum }
    let rema = weights.map { (t * Int64($0)) % sum }
    var left = t - parts.reduce(0, +)
    let order = rema.indices.sorted { rema[$0] != rema[$1] ? rema[$0] > rema[$1] : $0 < $1 }
    var i = 0
    while left > 0 {
        parts[order[i % order.count]] += 1
        left -= 1
        i += 1
    }
    return parts.map { Money(cents: negative ? -$0 : $0) }
}

/// The Divosa werkwijzer on settling part-time income: the source of the three methods.
public enum SettlementSources {
    public static let divosa = LegalReference(
        "Divosa, Werkwijzer verrekening parttime inkomsten (2019)", article: "§2.5",
        url:
            "https://divosa.nl/publicaties/verrekening-parttime-inkomsten/werkwijzer-verrekening-parttime-inkomsten/het/de"
    )
    public static let article32 = LegalReference.law(
        "Participatiewet", article: "art. 32 lid 1 onder b en lid 2",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel32")
    public static let article31lid4 = LegalReference.law(
        "Participatiewet", article: "art. 31 lid 4",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel31")
    public static let article58 = LegalReference.law(
        "Participatiewet", article: "art. 58 en 60 (terugvordering en verrekening)",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel58")
}
