import KompasCore
import KompasRules
import Testing

@testable import KompasIncome

/// Every income rule's worked examples, run by the one verifier (house-style §9.5).
@Suite struct RuleExampleTests {
    @Test func bijstandsnorm() { #expect(verifyExamples(Bijstandsnorm.self) == []) }
    @Test func kostendelersnorm() { #expect(verifyExamples(Kostendelersnorm.self) == []) }
    @Test func vrijlatingN() { #expect(verifyExamples(VrijlatingN.self) == []) }
    @Test func vrijlatingR() { #expect(verifyExamples(VrijlatingR.self) == []) }
    @Test func vrijlatingY() { #expect(verifyExamples(VrijlatingY.self) == []) }
    @Test func vrijlating34a() { #expect(verifyExamples(Vrijlating34a.self) == []) }
    @Test func vermogensgrens() { #expect(verifyExamples(Vermogensgrens.self) == []) }
    @Test func inkomstenvrijlating() { #expect(verifyExamples(Inkomstenvrijlating.self) == []) }
    @Test func box1() { #expect(verifyExamples(Box1.self) == []) }
    @Test func algemeneHeffingskorting() {
        #expect(verifyExamples(AlgemeneHeffingskorting.self) == [])
    }
    @Test func arbeidskorting() { #expect(verifyExamples(Arbeidskorting.self) == []) }
    @Test func loonheffing() { #expect(verifyExamples(Loonheffing.self) == []) }
    @Test func aanvulling() { #expect(verifyExamples(Aanvulling.self) == []) }
    @Test func vakantietoeslag() { #expect(verifyExamples(VakantietoeslagBijstand.self) == []) }
    @Test func vakantiegeld() { #expect(verifyExamples(VakantiegeldWerkgever.self) == []) }
    @Test func minimumuurloon() { #expect(verifyExamples(Minimumuurloon.self) == []) }

    /// The verifier itself must be able to fail: a wrong expectation is reported.
    @Test func verifierReportsAWrongExample() {
        enum Wrong: LegalRule {
            static let id = "test.wrong"
            static let reference = LegalReference.law("Test")
            static let examples: [RuleExample<Money, Money>] = [
                .init(
                    "off by a cent", month: CalendarMonth("2026-01"), .cents(100),
                    .value(.cents(101)))
            ]
            static func evaluate(_ i: Money, in month: CalendarMonth) throws -> Money { i }
        }
        enum Empty: LegalRule {
            static let id = "test.empty"
            static let reference = LegalReference.law("Test")
            static let examples: [RuleExample<Money, Money>] = []
            static func evaluate(_ i: Money, in month: CalendarMonth) throws -> Money { i }
        }
        #expect(verifyExamples(Wrong.self).count == 1)
        #expect(verifyExamples(Empty.self) == ["test.empty: has no examples"])
    }

    @Test func parameterRegistryIsClean() {
        let registry = ParameterRegistry(IncomeParameters.descriptors)
        #expect(registry.lint() == [])
        #expect(registry.all.count > 40)
        // Every row has a verification note: either what was verified, or "te verifiëren".
        for p in registry.all {
            for r in p.rows where r.value != nil {
                #expect(!r.verified.isEmpty, "\(p.id) from \(r.from)")
            }
        }
    }
}
