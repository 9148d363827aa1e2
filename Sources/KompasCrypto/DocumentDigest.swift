import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL's EVP interface, as lower-case hex. Used to identify a
/// checked document in the history without keeping the document.
public enum DocumentDigest {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &out, &length, EVP_sha256(), nil)
        }
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed")
        let hex: [Character] = Array("0123456789abcdef")
        return String(out.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] })
    }
}
