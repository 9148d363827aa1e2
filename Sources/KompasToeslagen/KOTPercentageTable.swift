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

    /// Reads the table from its rule file.
    ///
    /// A list of `[upper bound in whole euros or null, first-child percent, next-child percent]`,
    /// bounds ascending, the last band open. Nil when the shape is wrong (the loader then refuses
    /// the file with its line).
    public init?(json: RuleJSON) {
        guard case .array(let rows, _) = json, !rows.isEmpty else { return nil }
        var bands: [Band] = []
        for (i, row) in rows.enumerated() {
            guard case .array(let cells, _) = row, cells.count == 3,
                let first = RuleValues.rate(cells[1]), let next = RuleValues.rate(cells[2])
            else { return nil }
            var upTo: Money?
            switch cells[0] {
            case .null: guard i == rows.count - 1 else { return nil }
            default:
                guard let euros = RuleValues.integer(cells[0]) else { return nil }
                upTo = Money.euros(Int64(euros))
                if let previous = bands.last?.upTo, let u = upTo, u <= previous { return nil }
            }
            bands.append(Band(upTo: upTo, firstChild: first, nextChild: next))
        }
        guard bands.last?.upTo == nil else { return nil }
        self.bands = bands
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
