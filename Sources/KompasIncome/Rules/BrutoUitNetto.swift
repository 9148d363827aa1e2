import KompasCore
import KompasRules

/// The gross wage behind a net wage: the lowest gross whose net (gross − wage tax per
/// ``Loonheffing``) equals the net that was given.
///
/// Why: the toetsingsinkomen of the toeslagen contains the *gross* wage (Awir art. 8), so a wage
/// known only as net must be grossed up; counting it as € 0 overstates every toeslag near the point
/// where the top-up stops. The result is derived and says so.
///
/// Net is not monotone in gross at cent level (the tax jumps when the next table row starts), so
/// two grosses can give the same net; the lowest is taken. Where no gross gives that net exactly,
/// the lowest gross with a higher net is returned with `exact` false.
public enum BrutoUitNetto: LegalRule {
    public static let id = "lb.bruto-uit-netto"
    public static let reference = Loonheffing.reference

    public struct Input: Sendable, Hashable {
        public var net: Money
        public var frequency: PayFrequency
        public var withCredit: Bool
        public var column: WageTaxColumn
        public init(
            net: Money, frequency: PayFrequency = .maand, withCredit: Bool = true,
            column: WageTaxColumn = .belowAOW
        ) {
            self.net = net
            self.frequency = frequency
            self.withCredit = withCredit
            self.column = column
        }
    }

    public struct Output: Sendable, Hashable {
        public var gross: Money
        public var tax: Money
        /// The net of `gross` equals the given net.
        public var exact: Bool
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Output {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Output {
        let f = i.frequency.periodsPerYear
        let before = p.used
        do {
            let s = try Loonheffing.scale(i.column, &p)
            let r = s.grossFromNet(i.net.cents, factor: f, credit: i.withCredit)
            let tax = s.period(cents: r.gross, factor: f, credit: i.withCredit).periodTax
            return Output(gross: Money(cents: r.gross), tax: tax, exact: r.exact)
        } catch let e as NotInForce
            where WageTaxParameters.tableStep.index(on: e.date) == nil && i.column == .belowAOW
        {
            // The approximation's net rises with gross: a binary search finds the lowest gross.
            p.used = before
            func tax(_ g: Int64) throws -> Money {
                try Loonheffing.approximation(
                    .init(
                        periodGross: Money(cents: g), frequency: i.frequency,
                        withCredit: i.withCredit), &p)
            }
            var lo = max(i.net.cents, 0)
            var hi = lo * 3 + 100
            while lo < hi {
                let mid = (lo + hi) / 2
                if mid - (try tax(mid)).cents >= i.net.cents { hi = mid } else { lo = mid + 1 }
            }
            let t = try tax(lo)
            return Output(gross: Money(cents: lo), tax: t, exact: lo - t.cents == i.net.cents)
        }
    }

    public static let examples: [RuleExample<Input, Output>] = [
        .init(
            "netto € 986,17 per maand", month: CalendarMonth("2026-03"), Input(net: eur(986_17)),
            .value(Output(gross: eur(1_000_00), tax: eur(13_83), exact: true)),
            note: "rij 999,00: loonheffing 13,83; lager brutoloon geeft minder netto"),
        .init(
            "netto € 2.314,00 per maand", month: CalendarMonth("2026-03"),
            Input(net: eur(2_314_00)),
            .value(Output(gross: eur(2_500_00), tax: eur(186_00), exact: true)),
            note:
                "rij 2.497,50: loonheffing 186,00 (alleenstaande ouder met € 2.500 bruto, issue 17)"
        ),
        .init(
            "netto € 1.500,00: laagste van twee mogelijke brutolonen",
            month: CalendarMonth("2026-03"),
            Input(net: eur(1_500_00)),
            .value(Output(gross: eur(1_539_50), tax: eur(39_50), exact: true)),
            note: "gevonden door elke cent te proberen (../notes/17/oracle/gen_oracle.py)"),
        .init(
            "geen netto, geen bruto", month: CalendarMonth("2026-03"), Input(net: .zero),
            .value(Output(gross: .zero, tax: .zero, exact: true))),
    ]
}
