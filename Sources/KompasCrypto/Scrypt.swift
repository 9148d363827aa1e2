internal import COpenSSL

/// scrypt (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`: turns a passphrase into a key that is
/// slow and memory-hard to guess.
///
/// The parameters are stored next to what they protect, so they
/// can be raised later without breaking existing files.
public struct ScryptParameters: Sendable, Equatable, Codable {
    /// log2 of N, the CPU/memory cost.
    public var logN: UInt8
    /// Block size r.
    public var r: UInt32
    /// Parallelisation p (OpenSSL computes the p lanes one after another).
    public var p: UInt32

    public init(logN: UInt8, r: UInt32, p: UInt32) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// The default for new stores and backups: N = 2^16, r = 12, p = 1, about 96 MiB of memory.
    ///
    /// Measured at about 0.22 s with `openssl kdf` on the project's 2-core build machine
    /// (N = 2^16, r = 8 took 0.16 s; N = 2^17, r = 8 took 0.36 s), so opening the store costs
    /// roughly a quarter second: unnoticeable for a person, expensive for a guesser.
    /// `kompas-store-bench` re-measures it.
    public static let standard = ScryptParameters(logN: 16, r: 12, p: 1)

    /// Cheap parameters for tests only (N = 2^10, r = 8): a millisecond instead of a quarter
    /// second, so the crash test can reopen the store hundreds of times.
    ///
    /// Never for real data.
    public static let testOnly = ScryptParameters(logN: 10, r: 8, p: 1)

    /// Bytes of memory the derivation needs (128 · r · N · p, plus slack), passed to OpenSSL as
    /// `maxmem` so its 32 MiB default does not refuse the standard parameters.
    public var memoryBytes: UInt64 {
        128 * UInt64(r) * (UInt64(1) << UInt64(logN)) * UInt64(p) + 1 << 20
    }

    /// Refuses parameters a damaged or hostile file could use to exhaust memory or time
    /// (at most 1 GiB), or that are too weak to count as a KDF at all.
    public var isAcceptable: Bool {
        logN >= 10 && logN <= 22 && r >= 1 && r <= 32 && p >= 1 && p <= 16
            && memoryBytes <= (1 << 30) + (1 << 20)
    }
}

public enum Scrypt {
    /// Derives `length` bytes from `passphrase` and `salt`.
    public static func derive(
        passphrase: SecretBytes, salt: [UInt8], parameters: ScryptParameters,
        length: Int
    ) throws -> SecretBytes {
        guard parameters.isAcceptable || parameters.logN < 10 && parameters.logN >= 1 else {
            throw CryptoError.invalidInput("scrypt parameters out of range")
        }
        let out = SecretBytes(count: length)
        let n = UInt64(1) << UInt64(parameters.logN)
        let rc = passphrase.withBytes { pass in
            salt.withUnsafeBufferPointer { s in
                out.withMutableBytes { o -> Int32 in
                    guard let key = o.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                        preconditionFailure("a derived key is never empty")
                    }
                    return EVP_PBE_scrypt(
                        pass.baseAddress?.assumingMemoryBound(to: CChar.self), pass.count,
                        s.baseAddress, s.count, n, UInt64(parameters.r), UInt64(parameters.p),
                        parameters.memoryBytes, key,
                        length)
                }
            }
        }
        try OpenSSLFailure.check(rc, "EVP_PBE_scrypt")
        return out
    }
}
