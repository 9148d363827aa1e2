internal import COpenSSL

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) through OpenSSL's `EVP_Q_mac`.
///
/// The store uses it as a pseudo-random function: to derive a sub-key from the data key
/// (HKDF-Expand, RFC 5869 §2.3, one block) and to turn a record's natural key (employer and
/// dates) into a record id that says nothing about them but is the same every time, so a payslip
/// saved twice is still recognised. The endpoint uses it to give every stored object an id that
/// no other client can choose.
public enum HMACSHA256 {
    public static let byteCount = 32

    /// The 32-byte tag of `message` under `key`.
    public static func authenticate<C: Collection>(_ message: C, key: SecretBytes) throws -> [UInt8]
    where C.Element == UInt8 {
        try key.withBytes { k in try authenticate(message, keyBytes: k) }
    }

    /// The 32-byte tag of `message` under a key given as plain bytes (a key that is not secret
    /// in memory, such as a test vector).
    public static func authenticate<C: Collection, K: Collection>(_ message: C, key: K) throws
        -> [UInt8]
    where C.Element == UInt8, K.Element == UInt8 {
        try Array(key).withUnsafeBytes { k in try authenticate(message, keyBytes: k) }
    }

    static func authenticate<C: Collection>(_ message: C, keyBytes: UnsafeRawBufferPointer) throws
        -> [UInt8]
    where C.Element == UInt8 {
        let bytes = Array(message)
        var out = [UInt8](repeating: 0, count: byteCount)
        var length = 0
        let result = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                EVP_Q_mac(
                    nil, "HMAC", nil, "SHA256", nil, keyBytes.baseAddress, keyBytes.count,
                    input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count,
                    output.baseAddress?.assumingMemoryBound(to: UInt8.self), byteCount, &length)
            }
        }
        guard result != nil, length == byteCount else { throw OpenSSLFailure.error("EVP_Q_mac") }
        return out
    }

    /// HKDF-Expand (RFC 5869 §2.3) for one 32-byte block.
    ///
    /// That is `HMAC(prk, info ‖ 0x01)`. `prk` must be uniformly random (the store's data key
    /// is), so the extract step is not needed.
    public static func expand(prk: SecretBytes, info: [UInt8]) throws -> SecretBytes {
        SecretBytes(try authenticate(info + [0x01], key: prk))
    }
}
