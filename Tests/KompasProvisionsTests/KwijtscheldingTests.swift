import Foundation
import KompasCore
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasProvisions

/// Kwijtschelding after the betalingscapaciteit, as a rule and as Amsterdam's provision.
///
/// Uitvoeringsregeling Invorderingswet 1990, artikel 11 to 16.
@Suite struct KwijtscheldingTests {
    static let norm = Money.cents(1_401_50)

    static func amsterdam() throws -> MunicipalProvision {
        try #require(
            try BuiltInProvisions.provisions(for: "amsterdam")?.first {
                $0.id == "amsterdam.kwijtschelding"
            })
    }

    static func input(disposable: Money, income: Money? = nil, partner: Bool = false)
        -> ProvisionInput
    {
        ProvisionInput(
            month: CalendarMonth("2026-03"),
            household: ProvisionHousehold(applicantAge: 35, hasPartner: partner),
            monthlyIncome: income ?? disposable, applicableNorm: norm,
            disposableIncome: disposable)
    }

    @Test func examples() { #expect(verifyExamples(Kwijtschelding.self) == []) }

    @Test func amsterdamDataSaysWhatTheRuleUses() throws {
        let p = try Self.amsterdam()
        #expect(p.eligibility.incomeLimitPercent == 100)
        #expect(p.eligibility.capacityPercent == 80)
        #expect(p.needsVerification)
    }

    /// At the norm: the whole tax, however high the income *with* the exemption is.
    ///
    /// The exempted earnings do not count (artikel 14 lid 1 onder c 9°). On the old all-or-nothing
    /// path an income of norm + exemption gave nothing.
    @Test func exemptedEarningsDoNotCount() throws {
        let e = try Self.amsterdam().evaluate(
            Self.input(disposable: Self.norm, income: Self.norm + .cents(200_00)))
        #expect(e.waiver?.kind == .full)
        #expect(
            e.outcome
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(344), period: .jaar, monthlyEquivalent: .cents(28_67))))
        #expect(e.partialWaiverMessage == nil)
        #expect(e.checks.map(\.key).contains("voorziening.check.betalingscapaciteit.geen"))
    }

    @Test func partialAboveTheNorm() throws {
        // € 20 a month above: 20 × 12 = 240; 80 % = 192; 344 − 192 = 152 a year, 12,67 a month.
        let e = try Self.amsterdam().evaluate(Self.input(disposable: Self.norm + .euros(20)))
        #expect(
            e.outcome
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(152), period: .jaar, monthlyEquivalent: .cents(12_67))))
        #expect(e.waiver?.kind == .partial)
        #expect(e.waiver?.toPay == .euros(192))
        #expect(e.partialWaiverMessage?.key == "voorziening.kwijtschelding.deels")
        #expect(e.checks.map(\.key).contains("voorziening.check.betalingscapaciteit"))
        #expect(e.checks.map(\.key).contains("voorziening.check.kwijtscheldingUitgaven"))
        // Multi-person household: the tax is € 459; the same capacity leaves 459 − 192 = 267.
        let two = try Self.amsterdam().evaluate(
            Self.input(disposable: Self.norm + .euros(20), partner: true))
        #expect(two.waiver?.waived == .euros(267))
    }

    @Test func noneFarAbove() throws {
        // € 36 a month: 36 × 12 × 0,8 = 345,60 ≥ 344: nothing waived.
        let e = try Self.amsterdam().evaluate(Self.input(disposable: Self.norm + .euros(36)))
        #expect(
            e.outcome == .notEligible(.capacityCoversTax(used: .cents(345_60), tax: .euros(344))))
        #expect(e.monthlyValue == .zero)
        #expect(e.waiver?.kind == Kwijtschelding.Outcome.Kind.none)
    }

    @Test func assetsStillDecideFirst() throws {
        var i = Self.input(disposable: Self.norm)
        i.assets = .euros(3_276)
        #expect(
            try Self.amsterdam().evaluate(i).outcome
                == .notEligible(.assetsAboveLimit(assets: .euros(3_276), limit: .euros(3_275))))
    }

    @Test func capacityShareIsData() throws {
        let json = try #require(BuiltInProvisions.json(for: "amsterdam"))
        let changed = json.replacingOccurrences(
            of: #""betalingscapaciteitProcent": 80"#, with: #""betalingscapaciteitProcent": 100"#)
        #expect(changed != json)
        let p = try #require(
            try ProvisionLoader.load(Data(changed.utf8), fileName: "test.json").first {
                $0.id == "amsterdam.kwijtschelding"
            })
        // € 20 × 12 × 100 % = 240; 344 − 240 = 104.
        #expect(
            p.evaluate(Self.input(disposable: Self.norm + .euros(20))).waiver?.waived == .euros(104)
        )
        // Below the law's 80 % is refused.
        let low = json.replacingOccurrences(
            of: #""betalingscapaciteitProcent": 80"#, with: #""betalingscapaciteitProcent": 70"#)
        #expect(throws: ProvisionFileError.self) {
            try ProvisionLoader.load(Data(low.utf8), fileName: "test.json")
        }
    }

    /// Other provisions keep their income limit: all or nothing.
    @Test func otherProvisionsStayAllOrNothing() throws {
        let pass = try #require(
            try BuiltInProvisions.provisions(for: "amsterdam")?.first {
                $0.id == "amsterdam.stadspas"
            })
        let limit = Self.norm.scaled(by: 130, over: 100)
        let e = pass.evaluate(Self.input(disposable: Self.norm, income: limit + .cents(1)))
        #expect(
            e.outcome
                == .notEligible(
                    .incomeAboveLimit(income: limit + .cents(1), limit: limit, percent: 130)))
        #expect(e.waiver == nil)
    }
}
