internal import COpenSSL

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`), for keys, nonces and salts.
public enum SecureRandom {
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        try out.withUnsafeMutableBytes { try fill($0) }
        return out
    }

    static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard buffer.count > 0, let start = buffer.baseAddress else { return }
        try OpenSSLFailure.check(
            RAND_bytes(start.assumingMemoryBound(to: UInt8.self), Int32(buffer.count)), "RAND_bytes"
        )
    }
}
