import KompasCore
import KompasIncome
import KompasRules

/// The yearly *toetsingsinkomen* that Dienst Toeslagen uses, estimated from one projected month as
/// if that month's situation holds for the whole calendar year: the gross wage **including**
/// holiday pay, plus the **gross** bijstand.
///
/// The municipality pays the net top-up and withholds wage tax on it (art. 19 lid 4 Participatiewet),
/// so the gross bijstand is the net top-up grossed up ("bruteren", `rules-2026-resolved.md` §6.2):
/// - the employer applies the loonheffingskorting: the municipality does not, and
///   G = net / (1 − first-bracket rate);
/// - otherwise the municipality applies the algemene heffingskorting on the bijstand:
///   G solves G − max(0; rate × G − AHK) = net, so G = (net − AHK) / (1 − rate) when that exceeds net.
/// Rounded half up to the cent; Dienst Toeslagen itself works in whole euros.
/// Sources: Awir art. 7 and 8 (toetsingsinkomen = verzamelinkomen); Wet IB 2001 art. 2.10, 8.10.
public enum Toetsingsinkomen: LegalRule {
    public static let id = "awir.toetsingsinkomen"
    public static let reference = LegalReference.law(
        "Algemene wet inkomensafhankelijke regelingen", article: "art. 8",
        url: "https://wetten.overheid.nl/BWBR0018472/2026-01-01#Artikel8")

    public struct Input: Sendable, Hashable {
        public var grossWageMonthly: Money
        public var holidayPayGrossMonthly: Money
        public var topUpMonthly: Money
        public var employerAppliesCredit: Bool
        public init(
            grossWageMonthly: Money, holidayPayGrossMonthly: Money, topUpMonthly: Money,
            employerAppliesCredit: Bool
        ) {
            self.grossWageMonthly = grossWageMonthly
            self.holidayPayGrossMonthly = holidayPayGrossMonthly
            self.topUpMonthly = topUpMonthly
            self.employerAppliesCredit = employerAppliesCredit
        }
    }
    public struct Output: Sendable, Hashable {
        public var wageYearly: Money
        public var bijstandGrossYearly: Money
        public var total: Money { wageYearly + bijstandGrossYearly }
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Output {
        var p = ParameterReader(month)
        return try compute(i, &p).value
    }

    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> (
        value: Output, step: TraceStep
    ) {
        let rate = try p(TaxParameters.schijf1Tarief)
        let wage = (i.grossWageMonthly + i.holidayPayGrossMonthly) * 12
        let netYear = i.topUpMonthly * 12
        let keep = Rate.scale - rate.partsPerMillion
        var gross: Money
        if netYear == .zero {
            gross = .zero
        } else if i.employerAppliesCredit {
            gross = netYear.scaled(by: Rate.scale, over: keep, rounding: .halfUp)
        } else {
            let ahk = try p(TaxParameters.ahkMaximum)
            gross = max(
                netYear, (netYear - ahk).scaled(by: Rate.scale, over: keep, rounding: .halfUp))
        }
        let out = Output(wageYearly: wage, bijstandGrossYearly: gross)
        let key =
            i.employerAppliesCredit
            ? "totaal.toetsingsinkomen.elders" : "totaal.toetsingsinkomen.gemeente"
        return (
            out,
            TraceStep(
                Message(
                    key,
                    [
                        "wage": .money(wage), "net": .money(netYear), "gross": .money(gross),
                        "total": .money(out.total),
                    ]),
                parameters: p.take(), reference: reference)
        )
    }

    public static let examples: [RuleExample<Input, Output>] = [
        .init(
            "alleen bijstand, alleenstaande 2026", month: CalendarMonth("2026-03"),
            Input(
                grossWageMonthly: .zero, holidayPayGrossMonthly: .zero,
                topUpMonthly: .cents(1_401_50), employerAppliesCredit: false),
            .value(Output(wageYearly: .zero, bijstandGrossYearly: .cents(21_327_63))),
            note:
                "12 × 1.401,50 = 16.818; (16.818 − 3.115) / 0,6425 = 13.703 / 0,6425 = 21.327,626 (resolved §6.2: ≈ 21.328)"
        ),
        .init(
            "werk met korting bij de werkgever", month: CalendarMonth("2026-03"),
            Input(
                grossWageMonthly: .cents(1_000_00), holidayPayGrossMonthly: .cents(80_00),
                topUpMonthly: .cents(600_00), employerAppliesCredit: true),
            .value(Output(wageYearly: .cents(12_960_00), bijstandGrossYearly: .cents(11_206_23))),
            note:
                "loon (1.000 + 80) × 12 = 12.960; 7.200 / 0,6425 = 11.206,23 (resolved §6.2: 600 netto ≈ 933,85 bruto per maand)"
        ),
        .init(
            "geen aanvulling", month: CalendarMonth("2026-03"),
            Input(
                grossWageMonthly: .cents(2_000_00), holidayPayGrossMonthly: .cents(160_00),
                topUpMonthly: .zero, employerAppliesCredit: true),
            .value(Output(wageYearly: .cents(25_920_00), bijstandGrossYearly: .zero))),
    ]
}
