/// What kind of source a number or a provision comes from.
///
/// The printed summary lists the law and the official pages of the government and the municipality
/// as its "Bronnen" and everything else (newspapers, comparison sites, school pages) apart as
/// background reading: a client must be able to see which text binds the municipality. The kind is
/// a fact of the data (a municipality file's `"bron": {"soort": …}`), never guessed by a view.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A law, a regulation or a municipal verordening (wetten.overheid.nl, lokaleregelgeving.overheid.nl).
    case law = "wet"
    /// An official page of the municipality or a government agency (Belastingdienst, SVB).
    case official = "overheid"
    /// News, comparison sites, school or third-party pages: background reading, not a source that binds.
    case background = "achtergrond"

    /// True for the law and official pages: the summary's "Bronnen".
    public var isOfficial: Bool { self != .background }
}
