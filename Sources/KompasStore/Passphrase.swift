import Foundation
import KompasCrypto

/// A passphrase in memory Kompas wipes when done (see `SecretBytes`), made from what the person
/// typed, a file or `KOMPAS_WACHTWOORD`.
///
/// Normalised to Unicode NFC first, so an "é" typed as one
/// character or as "e" plus an accent opens the same store.
public final class Passphrase {
    let secret: SecretBytes

    public init(_ text: String) {
        secret = SecretBytes(Array(text.precomposedStringWithCanonicalMapping.utf8))
        characterCount = text.count
    }

    public var isEmpty: Bool { secret.count == 0 }
    /// Number of characters, for the minimum-length rule when a passphrase is chosen.
    public let characterCount: Int
}

@available(*, unavailable)
extension Passphrase: Sendable {}
