import KompasCore
import KompasRules

/// The municipality's top-up (aanvulling): the difference between the norm and the income that
/// counts, never negative.
///
/// "De hoogte van de algemene bijstand is het verschil tussen het inkomen
/// en de bijstandsnorm" (artikel 19 lid 2); income is net (artikel 31 lid 3) minus the exemption (artikel 31 lid 2).
public enum Aanvulling: LegalRule {
    public static let id = "pw.aanvulling"
    public static let reference = LegalReference.law(
        "Participatiewet", article: "art. 19 lid 2",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel19")
    public struct Input: Sendable, Hashable {
        public var norm: Money
        /// Net income that counts, before the exemption.
        public var income: Money
        public var exemption: Money
        public init(norm: Money, income: Money, exemption: Money) {
            self.norm = norm
            self.income = income
            self.exemption = exemption
        }
    }
    /// Counted income (never below zero) and the top-up (never below zero).
    public static func compute(_ i: Input) -> (counted: Money, topUp: Money) {
        let counted = max(i.income - i.exemption, .zero)
        return (counted, max(i.norm - counted, .zero))
    }
    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Money {
        compute(i).topUp
    }
    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "geen inkomen: de hele norm", month: CalendarMonth("2026-03"),
            Input(norm: eur(1_401_50), income: .zero, exemption: .zero), .value(eur(1_401_50))),
        .init(
            "€ 800 netto, € 200 vrijgelaten", month: CalendarMonth("2026-03"),
            Input(norm: eur(1_401_50), income: eur(800_00), exemption: eur(200_00)),
            .value(eur(801_50))),
        .init(
            "inkomen boven de norm: nul, nooit negatief", month: CalendarMonth("2026-03"),
            Input(norm: eur(1_401_50), income: eur(2_000_00), exemption: .zero), .value(.zero)),
        .init(
            "precies de norm", month: CalendarMonth("2026-03"),
            Input(norm: eur(1_401_50), income: eur(1_686_50), exemption: eur(285_00)), .value(.zero)
        ),
    ]
}

/// The part of the top-up that is holiday allowance: 5 % of the bijstand (artikel 19 lid 3).
///
/// The
/// municipality saves it each month and pays it once a year (in May in Amsterdam; municipal data).
/// Rounded half up to the cent.
public enum VakantietoeslagBijstand: LegalRule {
    public static let id = "pw.vakantietoeslag"
    public static let reference = NormParameters.vakantietoeslag.reference
    public static func evaluate(_ topUp: Money, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(topUp, &p)
    }
    public static func compute(_ topUp: Money, _ p: inout ParameterReader) throws -> Money {
        topUp.applying(try p(NormParameters.vakantietoeslag), rounding: .halfUp)
    }
    public static let examples: [RuleExample<Money, Money>] = [
        .init(
            "5 % van de norm alleenstaande", month: CalendarMonth("2026-01"), eur(1_401_50),
            .value(eur(70_08)), note: "70,075 → 70,08 (resolved §4.1: € 70,08)"),
        .init(
            "5 % van de norm gehuwden", month: CalendarMonth("2026-01"), eur(2_002_13),
            .value(eur(100_11))),
        .init(
            "geen aanvulling, geen toeslag", month: CalendarMonth("2026-01"), .zero, .value(.zero)),
    ]
}

/// The holiday pay the employer builds up: at least 8 % of the gross wage (artikel 15 WML), paid once
/// a year.
///
/// The municipality counts the **net entitlement** as income each month (artikel 31 lid 4 with
/// the Regeling Participatiewet, IOAW en IOAZ §6). The 2025/2026 tables of that regeling were not
/// found (`rules-2026-resolved.md` §4.2), so Kompas uses the interim approximation: 8 % of the net
/// wage, marked as an approximation in the output. Rounded half up to the cent.
public enum VakantiegeldWerkgever: LegalRule {
    public static let id = "wml.vakantiegeld"
    public static let reference = MinimumWageParameters.vakantiebijslag.reference
    public struct Output: Sendable, Hashable {
        public var gross: Money
        public var netEntitlement: Money
    }
    public struct Input: Sendable, Hashable {
        public var gross: Money
        public var net: Money
        public init(gross: Money, net: Money) {
            self.gross = gross
            self.net = net
        }
    }
    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Output {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }
    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Output {
        let r = try p(MinimumWageParameters.vakantiebijslag)
        return Output(
            gross: i.gross.applying(r, rounding: .halfUp),
            netEntitlement: i.net.applying(r, rounding: .halfUp))
    }
    public static let examples: [RuleExample<Input, Output>] = [
        .init(
            "8 % van € 1.000 bruto en € 986 netto", month: CalendarMonth("2026-02"),
            Input(gross: eur(1_000_00), net: eur(985_99)),
            .value(Output(gross: eur(80_00), netEntitlement: eur(78_88))),
            note: "8 % × 985,99 = 78,8792")
    ]
}

/// The minimum hourly wage for an age: 100 % from 21, the youth percentages below (Besluit
/// minimumjeugdloon artikel 2), rounded half up to the cent as the published hourly amounts are.
public enum Minimumuurloon: LegalRule {
    public static let id = "wml.minimumuurloon"
    public static let reference = MinimumWageParameters.uurloon.reference
    public static func evaluate(_ age: Int, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(age: age, &p)
    }
    /// nil below 15 (no minimum wage applies).
    public static func compute(age: Int, _ p: inout ParameterReader) throws -> Money {
        let full = try p(MinimumWageParameters.uurloon)
        if age >= 21 { return full }
        guard let youth = MinimumWageParameters.youthRates[max(age, 15)] else { return full }
        return full.applying(try p(youth), rounding: .halfUp)
    }
    public static let examples: [RuleExample<Int, Money>] = [
        .init("21 jaar in 2026", month: CalendarMonth("2026-01"), 21, .value(eur(14_71))),
        .init(
            "20 jaar in 2026: 80 %", month: CalendarMonth("2026-01"), 20, .value(eur(11_77)),
            note: "80 % × 14,71 = 11,768"),
        .init("19 jaar in 2026: 60 %", month: CalendarMonth("2026-01"), 19, .value(eur(8_83))),
        .init(
            "18 jaar in 2026: 50 %", month: CalendarMonth("2026-01"), 18, .value(eur(7_36)),
            note: "7,355 → 7,36"),
        .init("17 jaar in 2026", month: CalendarMonth("2026-01"), 17, .value(eur(5_81))),
        .init("20 jaar juli 2025", month: CalendarMonth("2025-07"), 20, .value(eur(11_52))),
        .init(
            "juli 2026: € 14,99 (verwacht, secundaire bron)", month: CalendarMonth("2026-07"), 30,
            .value(eur(14_99))),
        .init("vóór 2025: niet in de data", month: CalendarMonth("2024-12"), 30, .notInForce),
    ]
}
