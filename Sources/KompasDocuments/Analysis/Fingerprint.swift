/// A fingerprint of a letter for near-duplicate detection without keeping the letter: the
/// smallest `size` FNV-1a 64-bit hashes of its 3-word shingles (a "bottom-k" MinHash sketch;
/// Broder 1997, "On the resemblance and containment of documents").
///
/// The words cannot be read back.
public struct LetterFingerprint: Sendable, Hashable, Codable {
    public static let size = 128
    /// Sorted ascending.
    public let hashes: [UInt64]
    /// The SHA-256 of the document it came from, so re-checking the same letter is not a "copy".
    public let documentHash: String

    public init(hashes: [UInt64], documentHash: String) {
        self.hashes = hashes
        self.documentHash = documentHash
    }

    public init(document: Document, documentHash: String) {
        let words = document.allTokens.filter { $0.kind != .punctuation }.map(\.lower)
        var set = Set<UInt64>()
        if words.count >= 3 {
            for i in 0...(words.count - 3) {
                set.insert(Self.fnv1a(words[i] + " " + words[i + 1] + " " + words[i + 2]))
            }
        } else if !words.isEmpty {
            set.insert(Self.fnv1a(words.joined(separator: " ")))
        }
        self.hashes = Array(set.sorted().prefix(Self.size))
        self.documentHash = documentHash
    }

    /// Estimated Jaccard resemblance (0…1) of the two shingle sets.
    public func similarity(to other: LetterFingerprint) -> Double {
        guard !hashes.isEmpty, !other.hashes.isEmpty else { return 0 }
        let union = Array(Set(hashes).union(other.hashes).sorted().prefix(Self.size))
        let a = Set(hashes)
        let b = Set(other.hashes)
        let both = union.filter { a.contains($0) && b.contains($0) }.count
        return Double(both) / Double(union.count)
    }

    /// FNV-1a, 64 bit (Fowler, Noll, Vo; IETF draft-eastlake-fnv).
    public static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
