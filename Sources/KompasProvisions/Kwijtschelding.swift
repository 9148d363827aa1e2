import KompasCore
import KompasRules

/// How much of a municipal tax (the afvalstoffenheffing, say) is waived: kwijtschelding after the
/// ability to pay (betalingscapaciteit), in whole or in part.
///
/// The municipality applies afdeling 2 of hoofdstuk IV of the Uitvoeringsregeling Invorderingswet
/// 1990 (BWBR0004766) "van overeenkomstige toepassing" (artikel 28 lid 1 onder a). Read in the
/// consolidated text in `statengeneraal/laws-markdown` (undated; it names the Wet langdurige zorg and
/// still the "Wet kinderopvang en kwaliteitseisen peuterspeelzalen", so it dates from 2015–2018); the
/// articles used here read the same in the `MinBZK/regelrecht` model labelled 2026-01-01, whose
/// formula is the one below:
///
/// - artikel 11: kwijtschelding "voor: a. het gehele op de belastingaanslag openstaande bedrag indien geen
///   vermogen en geen betalingscapaciteit aanwezig is; b. het openstaande bedrag van de
///   belastingaanslag dat resteert nadat: 1°. het aanwezige vermogen is aangewend […]; 2°. ten minste
///   80 percent van de betalingscapaciteit is aangewend".
/// - artikel 13 lid 1: betalingscapaciteit is "het positieve verschil in de periode van 12 maanden vanaf
///   de datum waarop het verzoek om kwijtschelding is ingediend van het gemiddeld per maand te
///   verwachten netto-besteedbare inkomen […] en de gemiddeld per maand te verwachten kosten van
///   bestaan in die periode" — so twelve months of the monthly difference.
/// - artikel 14 lid 1 onder c: not counted are, among others, "1°. de uitkeringen ingevolge de Algemene
///   Kinderbijslagwet", "3°. de kinderopvangtoeslag", "7°. het kindgebonden budget", "8°. de
///   huurtoeslag […] en de zorgtoeslag" and "9°. de inkomsten uit arbeid, bedoeld in artikel 31,
///   tweede lid, onderdelen n en r, van de Participatiewet" — the earnings the bijstand exempts.
///   The caller passes that income (``Input/disposableIncome``).
/// - artikel 15: expenses that lower that income. The nettowoonlasten (lid 1 onder b) are computed
///   from the rent and the huurtoeslag by the caller (``Input/expenses``); the others (the health
///   premium above the normpremie, payments on tax debts, …) Kompas does not know: they can only make
///   the waiver larger, and the explanation says so.
/// - artikel 16 lid 1: kosten van bestaan "90 percent van de bijstandsnorm"; a municipality may set
///   between 90 and 100 percent (Regeling kwijtschelding belastingen medeoverheden, artikel 2, as the
///   `MinBZK/regelrecht` audit of artikel 16 quotes it: "mits: a. de percentages ten minste 90 en ten
///   hoogste 100 bedragen"; that regeling itself was not read). The text of artikel 28 read here has
///   no such lid. The percentage is municipal data (`inkomensgrensProcent` of the provision).
///
/// Rounding: the kosten van bestaan are the norm × percentage, half up to the cent; the capacity is
/// twelve times the monthly difference (exact); the part used is rounded *up* to the cent, because
/// artikel 11 says "ten minste" that share is used; the waiver is the tax minus that part, never
/// below zero (artikel 11 onder b: "het […] bedrag […] dat resteert").
///
/// Assets (artikel 11 onder b 1°) are not part of this rule: the provision's asset limit decides
/// before it (unchanged).
public enum Kwijtschelding: LegalRule {
    public static let id = "uri1990.kwijtschelding"
    public static let reference = LegalReference.law(
        "Uitvoeringsregeling Invorderingswet 1990", article: "art. 11 tot en met 16",
        url: "https://wetten.overheid.nl/BWBR0004766/2026-01-01#Artikel11")
    /// The share of the betalingscapaciteit the law uses at least (artikel 11 onder b 2°: "ten minste
    /// 80 percent"), when the municipality's data names no other.
    public static let defaultCapacityPercent = 80
    /// Months of the capacity (artikel 13 lid 1: "in de periode van 12 maanden").
    public static let capacityMonths: Int64 = 12

    public struct Input: Sendable, Hashable {
        /// The tax for the year (the aanslag) the waiver is asked for.
        public var tax: Money
        /// The month's netto-besteedbaar inkomen (artikel 14): without the exempted earnings, the
        /// toeslagen and the kinderbijslag.
        public var disposableIncome: Money
        /// The expenses of artikel 15 that are known, per month (the nettowoonlasten above the normhuur).
        public var expenses: Money
        /// The bijstandsnorm that applies to the household (per month, with vakantietoeslag).
        public var norm: Money
        /// Kosten van bestaan as a percentage of the norm (artikel 16: 90; a municipality up to 100).
        public var costOfLivingPercent: Int
        /// The share of the capacity used (artikel 11: at least 80).
        public var capacityPercent: Int
        public init(
            tax: Money, disposableIncome: Money, expenses: Money = .zero, norm: Money,
            costOfLivingPercent: Int, capacityPercent: Int = Kwijtschelding.defaultCapacityPercent
        ) {
            self.tax = tax
            self.disposableIncome = disposableIncome
            self.expenses = expenses
            self.norm = norm
            self.costOfLivingPercent = costOfLivingPercent
            self.capacityPercent = capacityPercent
        }
    }

    /// Every figure of the computation, for the explanation.
    public struct Outcome: Sendable, Hashable, Codable {
        public var tax: Money
        public var disposableIncome: Money
        /// The known expenses of artikel 15, already deducted from the capacity.
        public var expenses: Money
        public var costOfLiving: Money
        public var costOfLivingPercent: Int
        /// The positive difference per month (artikel 13).
        public var capacityPerMonth: Money
        /// Twelve months of it.
        public var capacityPerYear: Money
        public var capacityPercent: Int
        /// The part of the capacity used to pay the tax.
        public var capacityUsed: Money
        /// What the municipality waives: the tax minus the part used, never below zero.
        public var waived: Money
        /// What is left to pay.
        public var toPay: Money { tax - waived }
        public var kind: Kind {
            if waived == tax { return .full }
            return waived > .zero ? .partial : .none
        }
        public enum Kind: String, Sendable, Hashable, Codable { case full, partial, none }
    }

    public static func compute(_ i: Input) -> Outcome {
        let costOfLiving = i.norm.scaled(
            by: Int64(i.costOfLivingPercent), over: 100, rounding: .halfUp)
        // Artikel 14: the income "met de in artikel 15 vermelde uitgaven verminderd".
        let perMonth = max(i.disposableIncome - i.expenses - costOfLiving, .zero)
        let perYear = perMonth * capacityMonths
        let used = perYear.scaled(by: Int64(i.capacityPercent), over: 100, rounding: .up)
        let waived = max(i.tax - used, .zero)
        return Outcome(
            tax: i.tax, disposableIncome: i.disposableIncome, expenses: i.expenses,
            costOfLiving: costOfLiving,
            costOfLivingPercent: i.costOfLivingPercent, capacityPerMonth: perMonth,
            capacityPerYear: perYear, capacityPercent: i.capacityPercent, capacityUsed: used,
            waived: waived)
    }

    public static func evaluate(_ input: Input, in month: CalendarMonth) throws -> Money {
        compute(input).waived
    }

    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "inkomen gelijk aan de norm, kosten van bestaan 100 %: alles kwijt",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_401_50), norm: .cents(1_401_50),
                costOfLivingPercent: 100), .value(.cents(344_00))),
        .init(
            "€ 10 per maand boven de kosten van bestaan: deels kwijt",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_411_50), norm: .cents(1_401_50),
                costOfLivingPercent: 100), .value(.cents(248_00)),
            note: "10 × 12 = 120; 80 % = 96; 344 − 96 = 248"),
        .init(
            "€ 0,01 per maand boven: 12 cent × 80 % = 9,6 cent, naar boven 10 cent",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_401_51), norm: .cents(1_401_50),
                costOfLivingPercent: 100), .value(.cents(343_90))),
        .init(
            "€ 40 per maand boven: 40 × 12 × 80 % = 384, meer dan de belasting: niets kwijt",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_441_50), norm: .cents(1_401_50),
                costOfLivingPercent: 100), .value(.zero)),
        .init(
            "landelijke 90 %: op de norm is er al € 140,15 per maand capaciteit",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_401_50), norm: .cents(1_401_50),
                costOfLivingPercent: 90), .value(.zero),
            note: "90 % van 1.401,50 = 1.261,35; 140,15 × 12 × 0,8 = 1.345,44 > 344"),
        .init(
            "gemeente gebruikt 100 % van de capaciteit", month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(459_00), disposableIncome: .cents(2_012_13), norm: .cents(2_002_13),
                costOfLivingPercent: 100, capacityPercent: 100), .value(.cents(339_00)),
            note: "10 × 12 = 120; 459 − 120 = 339"),
        .init(
            "€ 30 boven de norm, € 20,26 woonlasten als uitgave: deels kwijt",
            month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(1_431_50), expenses: .cents(20_26),
                norm: .cents(1_401_50), costOfLivingPercent: 100), .value(.cents(250_49)),
            note: "9,74 × 12 = 116,88; 80 % = 93,504 → 93,51 (naar boven); 344 − 93,51 = 250,49"),
        .init(
            "inkomen onder de norm: alles kwijt", month: CalendarMonth("2026-03"),
            Input(
                tax: .cents(344_00), disposableIncome: .cents(900_00), norm: .cents(1_401_50),
                costOfLivingPercent: 100), .value(.cents(344_00))),
    ]
}
