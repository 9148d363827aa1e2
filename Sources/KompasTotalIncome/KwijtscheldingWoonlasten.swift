import KompasCore
import KompasRules
import KompasToeslagen

/// The housing costs a kwijtschelding deducts from the netto-besteedbaar inkomen, per month.
///
/// Uitvoeringsregeling Invorderingswet 1990 (BWBR0004766), artikel 15 lid 1 onder b: "het bedrag van
/// de voor rekening van de belastingschuldige komende nettowoonlasten tot maximaal het bedrag,
/// genoemd in artikel 13, eerste lid, onderdeel a, van de Wet op de huurtoeslag, voorzover dit meer
/// is dan het bedrag, genoemd in artikel 17, tweede lid, van die wet"; lid 3: nettowoonlasten are
/// "de op de belastingschuldige drukkende huurprijs, bedoeld in artikel 5, eerste lid, van de Wet op
/// de huurtoeslag […] verminderd met de te ontvangen huurtoeslag". So: the kale huur minus the
/// huurtoeslag, capped at the maximale huurgrens (`wht.maximaleHuurgrens`), above the normhuur
/// (`wht.normhuur`); never below zero. Exact in cents (no rounding: only subtraction).
///
/// Kompas knows the rent and the huurtoeslag, so this expense of artikel 15 is computed; the others
/// (the health premium above the normpremie, payments on tax debts, …) are not, and the
/// explanation says so. A mortgage (hypotheekrente) is not in the situation either.
public enum KwijtscheldingWoonlasten: LegalRule {
    public static let id = "uri1990.woonlasten"
    public static let reference = LegalReference.law(
        "Uitvoeringsregeling Invorderingswet 1990", article: "art. 15 lid 1 onder b en lid 3",
        url: "https://wetten.overheid.nl/BWBR0004766/2026-01-01#Artikel15")

    public struct Input: Sendable, Hashable {
        /// Kale huur per month (nil: no rent known).
        public var rent: Money?
        /// Huurtoeslag per month.
        public var huurtoeslag: Money
        public init(rent: Money?, huurtoeslag: Money) {
            self.rent = rent
            self.huurtoeslag = huurtoeslag
        }
    }

    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Money {
        guard let rent = i.rent else { return .zero }
        let cap = try p(ToeslagParameters.huurMaximaleHuurgrens21)
        let threshold = try p(ToeslagParameters.huurNormhuur)
        let net = min(max(rent - i.huurtoeslag, .zero), cap)
        return max(net - threshold, .zero)
    }

    public static func evaluate(_ input: Input, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(input, &p)
    }

    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "huur € 650, huurtoeslag € 377,25: 272,75 − 252,49 = 20,26",
            month: CalendarMonth("2026-03"),
            Input(rent: .cents(650_00), huurtoeslag: .cents(377_25)),
            .value(.cents(20_26)), note: "normhuur 2026 € 252,49 (art. 17 lid 2 WHT)"),
        .init(
            "hoge huur zonder huurtoeslag: tot de maximale huurgrens € 932,93",
            month: CalendarMonth("2026-03"), Input(rent: .cents(1_200_00), huurtoeslag: .zero),
            .value(.cents(680_44)), note: "932,93 − 252,49"),
        .init(
            "nettowoonlasten onder de normhuur: niets", month: CalendarMonth("2026-03"),
            Input(rent: .cents(500_00), huurtoeslag: .cents(300_00)), .value(.zero)),
        .init(
            "geen huur bekend: niets", month: CalendarMonth("2026-03"),
            Input(rent: nil, huurtoeslag: .zero), .value(.zero)),
    ]
}
