import KompasCore
import KompasRules

/// The kinderopvangtoeslag percentage table (Besluit kinderopvangtoeslag, bijlage I): per band of the joint
/// yearly toetsingsinkomen, the share of the (capped) cost that is paid for the first child and for each next child.
///
/// It is one dated parameter value, because the bands and percentages change together each 1 January.
public struct KOTPercentageTable: ParameterValue {
    public struct Band: Sendable, Hashable {
        /// Upper bound of the band, inclusive; nil for the last band ("and above").
        public var upTo: Money?
        public var firstChild: Rate
        public var nextChild: Rate
    }
    public let bands: [Band]

    /// Builds the table from rows of (upper bound in whole euros or nil, first-child % in tenths, next-child % in tenths).
    public init(_ rows: [(Int64?, Int64, Int64)]) {
        bands = rows.map {
            Band(
                upTo: $0.0.map { Money.euros($0) },
                firstChild: Rate(partsPerMillion: $0.1 * 1_000),
                nextChild: Rate(partsPerMillion: $0.2 * 1_000))
        }
    }

    /// The band an income falls in: the first whose upper bound is at or above the income.
    public func band(for income: Money) -> Band {
        bands.first { $0.upTo.map { income <= $0 } ?? true } ?? bands[bands.count - 1]
    }

    public var listing: String {
        let first = bands[0]
        let upper = first.upTo.map { "€" + $0.description } ?? "-"
        return "\(bands.count) schijven; tot \(upper): \(first.firstChild) / \(first.nextChild)"
    }
}
