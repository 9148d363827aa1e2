import Foundation

/// The provisions shipped with Kompas, as JSON text decoded by the same loader as a user's file,
/// so the built-in data obeys exactly the rules a municipality's own file must obey.
public enum BuiltInProvisions {
    public struct Entry: Sendable {
        /// The municipality's name as used by `--gemeente`.
        public var municipality: String
        /// A name for error messages.
        public var fileName: String
        public var json: String
    }

    public static let all: [Entry] = [
        Entry(
            municipality: "amsterdam", fileName: "ingebouwd:amsterdam/voorzieningen",
            json: amsterdamJSON),
        Entry(
            municipality: "alphen-aan-den-rijn",
            fileName: "ingebouwd:alphen-aan-den-rijn/voorzieningen", json: alphenAanDenRijnJSON),
    ]

    /// The JSON array of a built-in municipality's provisions (for composing its municipality file).
    public static func json(for municipality: String) -> String? {
        all.first(where: { $0.municipality == municipality.lowercased() })?.json
    }

    /// The decoded provisions of a built-in municipality; nil when Kompas has none for it.
    public static func provisions(for municipality: String) throws(ProvisionFileError)
        -> [MunicipalProvision]?
    {
        guard let entry = all.first(where: { $0.municipality == municipality.lowercased() }) else {
            return nil
        }
        return try ProvisionLoader.load(Data(entry.json.utf8), fileName: entry.fileName)
    }
}
