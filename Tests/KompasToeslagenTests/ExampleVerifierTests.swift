import Foundation
import KompasCore
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasToeslagen

/// The one verifier: every worked example of every toeslag rule reproduces its hand-calculated amount.
@Suite struct ExampleVerifierTests {
    @Test(arguments: Toeslagen.examples.map { ExampleCase($0) })
    func example(_ c: ExampleCase) throws {
        let e = c.example
        switch e.expected {
        case .notInForce:
            #expect(throws: NotInForce.self, "\(e.name) (line \(e.line))") {
                try Toeslagen.calculate(
                    e.toeslag, on: e.date, household: e.household,
                    toetsingsinkomen: e.toetsingsinkomen)
            }
        case .entitled(let monthly, let yearly):
            let r = try Toeslagen.calculate(
                e.toeslag, on: e.date, household: e.household, toetsingsinkomen: e.toetsingsinkomen)
            #expect(
                r.entitlement == .entitled(monthly: monthly, yearly: yearly),
                "\(e.name) (line \(e.line)): \(r.entitlement)")
            #expect(!r.trace.isEmpty)
        case .notEntitled(let reason):
            let r = try Toeslagen.calculate(
                e.toeslag, on: e.date, household: e.household, toetsingsinkomen: e.toetsingsinkomen)
            #expect(
                r.entitlement == .notEntitled(reason),
                "\(e.name) (line \(e.line)): \(r.entitlement)")
            #expect(r.monthly == .zero)
        }
    }

    /// The same examples through the shared verifier of ``KompasRules`` (as for the income rules).
    @Test func sharedVerifierAgrees() {
        let failures =
            verifyExamples(Zorgtoeslag.self) + verifyExamples(Huurtoeslag.self)
            + verifyExamples(KindgebondenBudget.self)
            + verifyExamples(Kinderopvangtoeslag.self) + verifyExamples(Kinderbijslag.self)
        #expect(failures.isEmpty, "\(failures)")
        #expect(Zorgtoeslag.examples.count == Zorgtoeslag.workedExamples.count)
    }

    /// Each rule carries examples, including at least one "not entitled" and (except kinderbijslag) a
    /// just-under / just-over pair around the minimum payable amount.
    @Test func everyRuleHasExamples() {
        for t in Toeslag.allCases {
            let ex = Toeslagen.examples.filter { $0.toeslag == t }
            #expect(ex.count >= 4, "\(t) has \(ex.count) examples")
            #expect(
                ex.contains { if case .notEntitled = $0.expected { true } else { false } },
                "\(t): no not-entitled example")
            if t != .kinderbijslag {
                #expect(
                    ex.contains {
                        if case .notEntitled(.belowMinimumPayable) = $0.expected {
                            true
                        } else {
                            false
                        }
                    },
                    "\(t): no below-minimum example")
            }
        }
    }
}

struct ExampleCase: CustomTestStringConvertible, Sendable {
    let example: ToeslagExample
    init(_ e: ToeslagExample) { example = e }
    var testDescription: String { "\(example.toeslag.rawValue): \(example.name)" }
}
