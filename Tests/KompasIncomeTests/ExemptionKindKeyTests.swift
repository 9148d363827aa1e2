import KompasIncome
import Testing

/// Issue 23: the exemption sentence keys are written out; for every exemption as the rules give
/// it (with or without months left) they must be the keys built from the raw value before.
@Suite struct ExemptionKindKeyTests {
    /// Each kind with whether the rules give it months left (VrijlatingN, R, Y, 34a).
    static let given: [(ExemptionKind, limited: Bool)] = [
        (.general, true), (.general, false), (.singleParent, true), (.medical, false),
        (.pib, true), (.pibMedical, false), (.pibAOW, false),
    ]

    @Test func keyIsTheRawValuesKey() {
        for (kind, limited) in Self.given {
            #expect(
                kind.sentenceKey(limited: limited)
                    == "income.exemption.\(kind.rawValue)" + (limited ? ".limited" : ""),
                "\(kind) \(limited)")
        }
    }

    /// Every exemption in the rules' own examples is one of those combinations.
    @Test func theRulesGiveOnlyTheseCombinations() {
        let outcomes =
            (Inkomstenvrijlating.examples + VrijlatingN.examples + VrijlatingR.examples
            + Vrijlating34a.examples).map(\.expected) + VrijlatingY.examples.map(\.expected)
        var seen = 0
        for expected in outcomes {
            guard case .value(.applies(let kind, _, let left)) = expected else { continue }
            seen += 1
            #expect(Self.given.contains { $0.0 == kind && $0.limited == (left != nil) }, "\(kind)")
        }
        #expect(seen > 10)
    }
}
