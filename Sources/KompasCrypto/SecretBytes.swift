internal import COpenSSL

/// Secret key material (the data key, a key-encryption key) in memory Kompas owns, wiped with
/// `OPENSSL_cleanse` when the last reference goes away.
///
/// Swift `Data` and arrays may be copied
/// and freed without wiping; keys therefore live here and are only lent out for the duration of
/// one OpenSSL call. Not `Sendable`: a key belongs to one store handle.
public final class SecretBytes {
    private let buffer: UnsafeMutableRawBufferPointer

    /// Copies `bytes`.
    ///
    /// The caller should drop its own copy as soon as possible.
    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer = .allocate(byteCount: max(bytes.count, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]).initializeMemory(
            as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// `count` fresh random bytes from OpenSSL's CSPRNG.
    public static func random(count: Int) throws -> SecretBytes {
        let s = SecretBytes(count: count)
        try SecureRandom.fill(UnsafeMutableRawBufferPointer(rebasing: s.buffer[0..<count]))
        return s
    }

    init(count: Int) {
        buffer = .allocate(byteCount: max(count, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        self.count = count
    }

    public let count: Int

    /// Lends the bytes for one call; do not let the pointer escape.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    func withMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// A new secret made of `range` of these bytes (used to split a derived key in two).
    public func slice(_ range: Range<Int>) -> SecretBytes {
        withBytes { SecretBytes($0[range]) }
    }

    /// Constant-time comparison (`CRYPTO_memcmp`), for verifiers.
    public func constantTimeEquals(_ other: [UInt8]) -> Bool {
        guard other.count == count else { return false }
        return withBytes { mine in
            other.withUnsafeBytes { CRYPTO_memcmp(mine.baseAddress, $0.baseAddress, count) == 0 }
        }
    }

    deinit {
        OPENSSL_cleanse(buffer.baseAddress, buffer.count)
        buffer.deallocate()
    }
}

@available(*, unavailable)
extension SecretBytes: Sendable {}
