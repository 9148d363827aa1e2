import KompasCore
import Testing

/// Issue 23: line ids are compared by length first; the answer is `==`'s for ids.
@Suite struct LineIDMatchTests {
    @Test func equalIDsMatchAlsoWhenStoredApart() {
        let long = "vakantietoeslag_gereserveerd"
        let built = String(["vakantietoeslag", "gereserveerd"].joined(separator: "_"))
        #expect(long.isSameID(built))
        #expect("norm".isSameID("norm"))
        #expect("".isSameID(""))
    }

    @Test func differentIDsDoNotMatch() {
        #expect(!"norm".isSameID("normen"))
        #expect(!"aanvulling_uitbetaald".isSameID("aanvulling_gereserveerd"))
        #expect(!"inkomen".isSameID("Inkomen"))
        #expect(!"a".isSameID(""))
    }

    /// Against `==` on every pair of a set of ids with shared prefixes and lengths.
    @Test func agreesWithEqualityOnASCII() {
        let ids = [
            "norm", "loon", "inkomen", "vrijlating", "verrekend", "aanvulling",
            "aanvulling_uitbetaald",
            "vakantietoeslag_gereserveerd", "vakantietoeslag_gereserveerx", "x", "",
        ]
        for a in ids {
            for b in ids { #expect(a.isSameID(b) == (a == b), "\(a) \(b)") }
        }
    }
}
