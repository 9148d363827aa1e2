import KompasCore
import KompasRules

/// The input of a toeslag rule in the shared ``KompasRules/LegalRule`` shape.
public struct ToeslagInput: Sendable, Hashable {
    public var household: ToeslagHousehold
    /// Yearly toetsingsinkomen (joint with a toeslagpartner).
    public var toetsingsinkomen: Money
    public init(household: ToeslagHousehold, toetsingsinkomen: Money) {
        self.household = household
        self.toetsingsinkomen = toetsingsinkomen
    }
}

extension ToeslagExample {
    /// The example in the shared shape, so ``KompasRules/verifyExamples(_:)`` runs it like every other rule's.
    public var ruleExample: RuleExample<ToeslagInput, Entitlement> {
        let expectation: ExpectedOutcome<Entitlement>
        switch expected {
        case .entitled(let m, let y): expectation = .value(.entitled(monthly: m, yearly: y))
        case .notEntitled(let r): expectation = .value(.notEntitled(r))
        case .notInForce: expectation = .notInForce
        }
        return RuleExample(
            name, month: date.calendarMonth,
            ToeslagInput(household: household, toetsingsinkomen: toetsingsinkomen),
            expectation, note: "line \(line)")
    }
}

extension Zorgtoeslag: LegalRule {
    public static let id = "wzt.zorgtoeslag"
    public static let reference = LegalReference.law(
        "Wet op de zorgtoeslag", article: "art. 2",
        url: "https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel2")
    public static var examples: [RuleExample<ToeslagInput, Entitlement>] {
        workedExamples.map(\.ruleExample)
    }
    public static func evaluate(_ i: ToeslagInput, in month: CalendarMonth) throws -> Entitlement {
        try calculate(
            on: month.firstDay, household: i.household, toetsingsinkomen: i.toetsingsinkomen
        ).entitlement
    }
}

extension Huurtoeslag: LegalRule {
    public static let id = "wht.huurtoeslag"
    public static let reference = LegalReference.law(
        "Wet op de huurtoeslag", article: "art. 21",
        url: "https://wetten.overheid.nl/BWBR0008659/2026-01-01#Artikel21")
    public static var examples: [RuleExample<ToeslagInput, Entitlement>] {
        workedExamples.map(\.ruleExample)
    }
    public static func evaluate(_ i: ToeslagInput, in month: CalendarMonth) throws -> Entitlement {
        try calculate(
            on: month.firstDay, household: i.household, toetsingsinkomen: i.toetsingsinkomen
        ).entitlement
    }
}

extension KindgebondenBudget: LegalRule {
    public static let id = "wkb.kindgebondenBudget"
    public static let reference = LegalReference.law(
        "Wet op het kindgebonden budget", article: "art. 2",
        url: "https://wetten.overheid.nl/BWBR0022751/2026-01-01#Artikel2")
    public static var examples: [RuleExample<ToeslagInput, Entitlement>] {
        workedExamples.map(\.ruleExample)
    }
    public static func evaluate(_ i: ToeslagInput, in month: CalendarMonth) throws -> Entitlement {
        try calculate(
            on: month.firstDay, household: i.household, toetsingsinkomen: i.toetsingsinkomen
        ).entitlement
    }
}

extension Kinderopvangtoeslag: LegalRule {
    public static let id = "kot.kinderopvangtoeslag"
    public static let reference = LegalReference.law(
        "Wet kinderopvang", article: "art. 1.6-1.7",
        url: "https://wetten.overheid.nl/BWBR0017017/2026-01-01")
    public static var examples: [RuleExample<ToeslagInput, Entitlement>] {
        workedExamples.map(\.ruleExample)
    }
    public static func evaluate(_ i: ToeslagInput, in month: CalendarMonth) throws -> Entitlement {
        try calculate(
            on: month.firstDay, household: i.household, toetsingsinkomen: i.toetsingsinkomen
        ).result.entitlement
    }
}

extension Kinderbijslag: LegalRule {
    public static let id = "akw.kinderbijslag"
    public static let reference = LegalReference.law(
        "Algemene Kinderbijslagwet", article: "art. 12",
        url: "https://wetten.overheid.nl/BWBR0002368/2026-01-01")
    public static var examples: [RuleExample<ToeslagInput, Entitlement>] {
        workedExamples.map(\.ruleExample)
    }
    public static func evaluate(_ i: ToeslagInput, in month: CalendarMonth) throws -> Entitlement {
        try calculate(on: month.firstDay, household: i.household).entitlement
    }
}
