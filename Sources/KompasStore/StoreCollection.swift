/// A named collection of records.
///
/// The names are the only plaintext next to a sealed value, so
/// they say *what kind* of thing is stored, never anything about the person. New issues add a
/// constant here (or use their own `StoreCollection("naam")`) without changing the store.
public struct StoreCollection: RawRepresentable, Sendable, Hashable, Codable,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public var description: String { rawValue }

    /// The household situation and work details (`kompas profiel`).
    public static let profiel = StoreCollection("profiel")
    /// Payslips (`kompas loonstrook`).
    public static let loonstrook = StoreCollection("loonstrook")
    /// Hour records (`kompas uren`).
    public static let uren = StoreCollection("uren")
    /// Findings of document checks, with the document's SHA-256, never the document.
    public static let documentcontrole = StoreCollection("documentcontrole")
    /// Messages waiting to be sent to the municipality (`kompas sync`).
    public static let outbox = StoreCollection("outbox")
    /// Receipts the municipality returned.
    public static let ontvangstbewijs = StoreCollection("ontvangstbewijs")

    public static let known: [StoreCollection] = [
        .profiel, .loonstrook, .uren, .documentcontrole, .outbox, .ontvangstbewijs,
    ]
}
