import KompasCore
import KompasRules

// The national figures themselves are data (`Sources/KompasRules/Regels/`, issue 16). These two
// helpers write the amounts of the rules' worked examples, which are inputs, not law.

/// `pct(35_750)` is 35,750 %: thousandths of a percent, for the examples of the rules.
@inline(__always) func pct(_ thousandths: Int64) -> Rate { Rate(partsPerMillion: thousandths * 10) }
/// `eur(1_401_50)` is € 1.401,50: written in cents, for the examples of the rules.
@inline(__always) func eur(_ cents: Int64) -> Money { Money(cents: cents) }
