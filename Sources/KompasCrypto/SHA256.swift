internal import COpenSSL

/// SHA-256 (FIPS 180-4) through `EVP_Digest`.
///
/// Used for document fingerprints (a checked CV is
/// remembered by its hash, never its text) and for the passphrase verifier.
public enum SHA256 {
    public static let byteCount = 32

    public static func hash<C: Collection>(_ data: C) throws -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(data)
        var out = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let rc = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output -> Int32 in
                guard let digest = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                    preconditionFailure("the 32-byte digest buffer is never empty")
                }
                return EVP_Digest(
                    input.baseAddress, input.count, digest, &length, EVP_sha256(), nil)
            }
        }
        try OpenSSLFailure.check(rc, "EVP_Digest")
        guard length == byteCount else { throw CryptoError.invalidInput("sha256 length") }
        return out
    }

    /// Lower-case hexadecimal, the form stored next to a document check.
    public static func hex<C: Collection>(_ data: C) throws -> String where C.Element == UInt8 {
        Hex.encode(try hash(data))
    }
}

/// Lower-case hexadecimal encoding, for fingerprints and test vectors.
public enum Hex {
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 0x0f)])
        }
        return s
    }

    /// Decodes hexadecimal (either case); nil on an odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 65...70: c - 55
            case 97...102: c - 87
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
