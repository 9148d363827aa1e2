import KompasCore
import KompasRules

/// The white table for special rewards (tabel bijzondere beloningen): per band of the annual wage,
/// the percentage without loonheffingskorting, the standard rate and the verrekeningspercentage, for
/// each column (below AOW age; AOW age born 1945 or earlier; AOW age born 1946 or later).
///
/// One dated parameter value: the bands and percentages change together every 1 January.
public struct SpecialRewardTable: ParameterValue {
    public struct Rates: Sendable, Hashable {
        public var without: Rate
        public var standard: Rate
        public var offset: Rate
        /// With loonheffingskorting: the standard rate plus the verrekeningspercentage, never below nil.
        public var withCredit: Rate {
            Rate(partsPerMillion: max(0, standard.partsPerMillion + offset.partsPerMillion))
        }
    }
    public struct Row: Sendable, Hashable {
        /// The lowest annual wage of the band, whole euros.
        public var from: Money
        public var belowAOW: Rates
        public var aow1945: Rates
        public var aow1946: Rates
    }
    public let rows: [Row]

    /// Reads the table from its rule file; nil when the shape is wrong.
    ///
    /// Rows of `from` (whole euros) and nine percentages, ascending, the first from 0; a
    /// verrekeningspercentage may be negative.
    public init?(json: RuleJSON) {
        guard case .array(let items, _) = json, !items.isEmpty else { return nil }
        func rate(_ v: RuleJSON) -> Rate? {
            guard case .string(let s, let line) = v else { return nil }
            if s.hasPrefix("-") {
                return RuleValues.rate(.string(String(s.dropFirst()), line: line)).map {
                    Rate(partsPerMillion: -$0.partsPerMillion)
                }
            }
            return RuleValues.rate(v)
        }
        var rows: [Row] = []
        for item in items {
            guard case .array(let cells, _) = item, cells.count == 10,
                let from = RuleValues.integer(cells[0])
            else { return nil }
            let r = cells.dropFirst().compactMap(rate)
            guard r.count == 9 else { return nil }
            let row = Row(
                from: .euros(Int64(from)),
                belowAOW: Rates(without: r[0], standard: r[1], offset: r[2]),
                aow1945: Rates(without: r[3], standard: r[4], offset: r[5]),
                aow1946: Rates(without: r[6], standard: r[7], offset: r[8]))
            if let last = rows.last, row.from <= last.from { return nil }
            rows.append(row)
        }
        guard rows.first?.from == .zero else { return nil }
        self.rows = rows
    }

    /// The band of an annual wage: the last whose lower bound is at or below it.
    public func row(for annualWage: Money) -> Row? { rows.last { $0.from <= annualWage } }

    public var listing: String { "\(rows.count) rijen" }
}

/// Wage tax on a special reward (holiday pay, a year-end bonus) with the tabel bijzondere
/// beloningen, and the net amount that remains.
///
/// The percentage is read at the annual wage including holiday pay (the "jaarloon"); Kompas takes
/// this month's gross wage as if it held for the year (× 12 × 1,08), because the previous year's
/// wage is not asked. How the tax on a special reward is rounded is not in the stored material:
/// Kompas rounds it down to the cent, as the Rekenvoorschriften do above the highest row.
public enum BijzondereBeloning: LegalRule {
    public static let id = "lb.bijzondere-beloning"
    public static let reference = LegalReference.law(
        "Regeling loonbelasting- en premietabellen 1990",
        article: "art. 2 (tabellen voor bijzondere beloningen)",
        url: "https://wetten.overheid.nl/BWBR0004482/2026-01-01")

    public struct Input: Sendable, Hashable {
        public var amount: Money
        public var annualWage: Money
        public var withCredit: Bool
        public var column: WageTaxColumn
        public init(
            amount: Money, annualWage: Money, withCredit: Bool, column: WageTaxColumn = .belowAOW
        ) {
            self.amount = amount
            self.annualWage = annualWage
            self.withCredit = withCredit
            self.column = column
        }
    }
    public struct Output: Sendable, Hashable {
        public var rate: Rate
        public var tax: Money
        public var net: Money
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Output {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Output {
        let table = try p(WageTaxParameters.specialRewards)
        guard let row = table.row(for: i.annualWage) else {
            return Output(rate: Rate(partsPerMillion: 0), tax: .zero, net: i.amount)
        }
        let rates: SpecialRewardTable.Rates
        switch i.column {
        case .belowAOW: rates = row.belowAOW
        case .aow1945: rates = row.aow1945
        case .aow1946: rates = row.aow1946
        }
        let rate = i.withCredit ? rates.withCredit : rates.without
        let tax = i.amount.applying(rate, rounding: .down)
        return Output(rate: rate, tax: tax, net: i.amount - tax)
    }

    public static let examples: [RuleExample<Input, Output>] = [
        .init(
            "vakantiegeld € 80 bij € 1.000 per maand (jaarloon 12.960)",
            month: CalendarMonth("2026-03"),
            Input(amount: eur(80_00), annualWage: eur(12_960_00), withCredit: true),
            .value(Output(rate: Rate(partsPerMillion: 47_400), tax: eur(3_79), net: eur(76_21))),
            note: "rij 12.923: 35,75 % − 31,01 % = 4,74 %; 80 × 4,74 % = 3,792 → 3,79"),
        .init(
            "onder de eerste grens met korting: 0 %", month: CalendarMonth("2026-03"),
            Input(amount: eur(40_00), annualWage: eur(6_480_00), withCredit: true),
            .value(Output(rate: Rate(partsPerMillion: 0), tax: .zero, net: eur(40_00)))),
        .init(
            "zonder korting: 35,75 %", month: CalendarMonth("2026-03"),
            Input(amount: eur(80_00), annualWage: eur(12_960_00), withCredit: false),
            .value(Output(rate: Rate(partsPerMillion: 357_500), tax: eur(28_60), net: eur(51_40)))),
        .init(
            "2027 voorlopig: rij 11.801, 36,23 % − 9,5 %", month: CalendarMonth("2027-03"),
            Input(amount: eur(80_00), annualWage: eur(12_960_00), withCredit: true),
            .value(Output(rate: Rate(partsPerMillion: 267_300), tax: eur(21_38), net: eur(58_62))),
            note: "jaarloon 12.960 valt in 11.801–13.433: 26,73 %; 80 × 26,73 % = 21,384"),
    ]
}

/// The shape of the table for the aanspraak op vakantietoeslag.
///
/// Regeling Participatiewet, IOAW en IOAZ, artikel 11: per band of the net monthly income, a percentage of the income minus an amount.
public struct HolidayEntitlementTable: ParameterValue {
    public struct Band: Sendable, Hashable {
        public var from: Money
        public var rate: Rate
        public var minus: Money
    }
    public let bands: [Band]

    /// Reads `[[from, percentage, amount], …]`, ascending from 0.00; nil when the shape is wrong.
    public init?(json: RuleJSON) {
        guard case .array(let items, _) = json, !items.isEmpty else { return nil }
        var bands: [Band] = []
        for item in items {
            guard case .array(let c, _) = item, c.count == 3, let from = RuleValues.money(c[0]),
                let rate = RuleValues.rate(c[1]), let minus = RuleValues.money(c[2])
            else { return nil }
            if let last = bands.last, from <= last.from { return nil }
            bands.append(Band(from: from, rate: rate, minus: minus))
        }
        guard bands.first?.from == .zero else { return nil }
        self.bands = bands
    }

    /// The aanspraak on a net monthly income, half up to the cent, never below nil.
    public func entitlement(onNet net: Money) -> Money {
        guard let b = bands.last(where: { $0.from <= net }) else { return .zero }
        return max(net.applying(b.rate, rounding: .halfUp) - b.minus, .zero)
    }

    public var listing: String { "\(bands.count) schijven" }
}
