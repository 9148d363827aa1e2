import KompasCore
import KompasRules

/// The asset limit of the bijstand: savings above it usually mean no bijstand for now.
///
/// Art. 34 lid 2 onder b and lid 3 Participatiewet (text of 1-7-2026): € 8.000 for a single person,
/// € 16.000 for a single parent and for married people together. Kompas only compares the assets
/// the client gives (`--vermogen`) with the limit and says so kindly; it does not refuse bijstand,
/// which is the municipality's decision with the whole picture (debts, the own home of lid 2 d).
public enum Vermogensgrens: LegalRule {
    public static let id = "pw.vermogensgrens"
    public static var reference: LegalReference { alleenstaande.reference }

    public static let alleenstaande = Regels.money("pw.vermogensgrens.alleenstaande")
    public static let alleenstaandeOuder = Regels.money("pw.vermogensgrens.alleenstaande-ouder")
    public static let gehuwden = Regels.money("pw.vermogensgrens.gehuwden")
    public static let descriptors: [ParameterDescriptor] = [
        .init(alleenstaande), .init(alleenstaandeOuder), .init(gehuwden),
    ]

    public struct Input: Sendable, Hashable {
        public var type: HouseholdType
        public var assets: Money
        public init(type: HouseholdType, assets: Money) {
            self.type = type
            self.assets = assets
        }
    }

    /// The limit that applies and whether the assets are above it.
    public struct Outcome: Sendable, Hashable {
        public var limit: Money
        public var above: Bool
        public var step: TraceStep?

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.limit == b.limit && a.above == b.above
        }
        public func hash(into h: inout Hasher) {
            h.combine(limit)
            h.combine(above)
        }
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Outcome {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Outcome {
        let limit: Money
        switch i.type {
        case .alleenstaande: limit = try p(alleenstaande)
        case .alleenstaandeOuder: limit = try p(alleenstaandeOuder)
        case .samenwonend: limit = try p(gehuwden)
        }
        let above = i.assets > limit
        return Outcome(
            limit: limit, above: above,
            step: TraceStep(
                Message(
                    above ? "income.assets.above" : "income.assets.within",
                    ["assets": .money(i.assets), "limit": .money(limit)]), parameters: p.take(),
                reference: reference))
    }

    static func outcome(_ limit: Int64, above: Bool) -> Outcome {
        Outcome(limit: eur(limit), above: above, step: nil)
    }
    public static let examples: [RuleExample<Input, Outcome>] = [
        .init(
            "alleenstaande met € 9.000: boven de grens", month: CalendarMonth("2026-07"),
            Input(type: .alleenstaande, assets: eur(9_000_00)),
            .value(outcome(8_000_00, above: true))),
        .init(
            "alleenstaande met € 8.000: precies op de grens", month: CalendarMonth("2026-07"),
            Input(type: .alleenstaande, assets: eur(8_000_00)),
            .value(outcome(8_000_00, above: false))),
        .init(
            "alleenstaande ouder met € 12.000: eronder", month: CalendarMonth("2026-07"),
            Input(type: .alleenstaandeOuder, assets: eur(12_000_00)),
            .value(outcome(16_000_00, above: false))),
        .init(
            "samen met € 17.000: boven de grens", month: CalendarMonth("2027-01"),
            Input(type: .samenwonend, assets: eur(17_000_00)),
            .value(outcome(16_000_00, above: true)), note: "2027: verwacht, bedrag van 1-7-2026"),
        .init(
            "juni 2026: eerdere tekst niet in de data", month: CalendarMonth("2026-06"),
            Input(type: .alleenstaande, assets: eur(9_000_00)), .notInForce),
    ]
}
