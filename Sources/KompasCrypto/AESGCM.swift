internal import COpenSSL

/// AES-256-GCM (NIST SP 800-38D) through OpenSSL's EVP interface: 256-bit key, 96-bit nonce,
/// 128-bit tag.
///
/// Every call to ``seal(_:key:associatedData:)`` draws a fresh random nonce, so a
/// caller cannot reuse one by mistake; with random 96-bit nonces NIST allows 2^32 seals per key,
/// far beyond what one person's store will ever hold.
public enum AESGCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16

    /// A sealed value: nonce, ciphertext and tag.
    ///
    /// ``combined`` is `nonce ‖ ciphertext ‖ tag`,
    /// the form stored on disk.
    public struct SealedBox: Sendable, Equatable {
        public let nonce: [UInt8]
        public let ciphertext: [UInt8]
        public let tag: [UInt8]

        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }

        public init(combined: [UInt8]) throws {
            guard combined.count >= AESGCM.nonceByteCount + AESGCM.tagByteCount else {
                throw CryptoError.authenticationFailure  // too short to be ours: treat as tampering
            }
            nonce = Array(combined[0..<AESGCM.nonceByteCount])
            ciphertext = Array(
                combined[AESGCM.nonceByteCount..<(combined.count - AESGCM.tagByteCount)])
            tag = Array(combined[(combined.count - AESGCM.tagByteCount)...])
        }

        public var combined: [UInt8] { nonce + ciphertext + tag }
    }

    /// Seals `plaintext` under `key` with a fresh random nonce, binding `associatedData`.
    public static func seal(_ plaintext: [UInt8], key: SecretBytes, associatedData: [UInt8]) throws
        -> SealedBox
    {
        try seal(
            plaintext, key: key, nonce: SecureRandom.bytes(nonceByteCount),
            associatedData: associatedData)
    }

    /// Seals with a given nonce.
    ///
    /// Internal to the module and tests (known-answer vectors): a caller
    /// choosing nonces is how GCM gets broken.
    static func seal(
        _ plaintext: [UInt8], key: SecretBytes, nonce: [UInt8], associatedData: [UInt8]
    ) throws -> SealedBox {
        try checkSizes(key: key, nonce: nonce)
        let ctx = try CipherContext()
        try ctx.start(encrypt: true, key: key, nonce: nonce)
        try ctx.aad(associatedData)
        var out = try ctx.update(plaintext)
        out += try ctx.finish()
        return SealedBox(nonce: nonce, ciphertext: out, tag: try ctx.tag())
    }

    /// Opens a sealed box; throws ``CryptoError/authenticationFailure`` on any change to the
    /// ciphertext, tag, nonce or associated data, or under the wrong key.
    ///
    /// No plaintext is
    /// returned unless the tag verified.
    public static func open(_ box: SealedBox, key: SecretBytes, associatedData: [UInt8]) throws
        -> [UInt8]
    {
        try checkSizes(key: key, nonce: box.nonce)
        guard box.tag.count == tagByteCount else { throw CryptoError.authenticationFailure }
        let ctx = try CipherContext()
        try ctx.start(encrypt: false, key: key, nonce: box.nonce)
        try ctx.aad(associatedData)
        let out = try ctx.update(box.ciphertext)
        try ctx.setTag(box.tag)
        guard (try? ctx.finish()) != nil else { throw CryptoError.authenticationFailure }
        return out
    }

    private static func checkSizes(key: SecretBytes, nonce: [UInt8]) throws {
        guard key.count == keyByteCount else {
            throw CryptoError.invalidInput("AES-256 key must be 32 bytes")
        }
        guard nonce.count == nonceByteCount else {
            throw CryptoError.invalidInput("GCM nonce must be 12 bytes")
        }
    }
}

/// The owner of one `EVP_CIPHER_CTX`, freed in `deinit` (swift-crypto's `AEADContext` pattern).
///
/// Never escapes this module.
final class CipherContext {
    private let ctx: OpaquePointer

    init() throws {
        guard let c = EVP_CIPHER_CTX_new() else { throw OpenSSLFailure.error("EVP_CIPHER_CTX_new") }
        ctx = c
    }

    deinit { EVP_CIPHER_CTX_free(ctx) }

    func start(encrypt: Bool, key: SecretBytes, nonce: [UInt8]) throws {
        let initFn = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex
        try OpenSSLFailure.check(initFn(ctx, EVP_aes_256_gcm(), nil, nil, nil), "EVP_CipherInit_ex")
        try OpenSSLFailure.check(
            copenssl_gcm_set_ivlen(ctx, Int32(nonce.count)), "EVP_CTRL_GCM_SET_IVLEN")
        let rc = key.withBytes { k -> Int32 in
            guard let keyBytes = k.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                preconditionFailure("a 256-bit key is never empty")
            }
            return nonce.withUnsafeBufferPointer { n in
                initFn(ctx, nil, nil, keyBytes, n.baseAddress)
            }
        }
        try OpenSSLFailure.check(rc, "EVP_CipherInit_ex(key)")
        self.encrypt = encrypt
    }

    private var encrypt = true

    func aad(_ data: [UInt8]) throws {
        guard !data.isEmpty else { return }
        var outLength: Int32 = 0
        let rc = data.withUnsafeBufferPointer { d in
            encrypt
                ? EVP_EncryptUpdate(ctx, nil, &outLength, d.baseAddress, Int32(d.count))
                : EVP_DecryptUpdate(ctx, nil, &outLength, d.baseAddress, Int32(d.count))
        }
        try OpenSSLFailure.check(rc, "EVP_CipherUpdate(aad)")
    }

    func update(_ data: [UInt8]) throws -> [UInt8] {
        guard !data.isEmpty else { return [] }
        guard data.count < Int(Int32.max) - 32 else {
            throw CryptoError.invalidInput("value too large")
        }
        var out = [UInt8](repeating: 0, count: data.count + 16)
        var outLength: Int32 = 0
        let rc = data.withUnsafeBufferPointer { d in
            out.withUnsafeMutableBufferPointer { o in
                encrypt
                    ? EVP_EncryptUpdate(
                        ctx, o.baseAddress, &outLength, d.baseAddress, Int32(d.count))
                    : EVP_DecryptUpdate(
                        ctx, o.baseAddress, &outLength, d.baseAddress, Int32(d.count))
            }
        }
        try OpenSSLFailure.check(rc, "EVP_CipherUpdate")
        return Array(out.prefix(Int(outLength)))
    }

    func finish() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        var outLength: Int32 = 0
        let rc = out.withUnsafeMutableBufferPointer { o in
            encrypt
                ? EVP_EncryptFinal_ex(ctx, o.baseAddress, &outLength)
                : EVP_DecryptFinal_ex(ctx, o.baseAddress, &outLength)
        }
        if rc != 1 {
            ERR_clear_error()  // a failed tag check is not an OpenSSL fault; keep the queue clean
            throw CryptoError.authenticationFailure
        }
        return Array(out.prefix(Int(outLength)))
    }

    func tag() throws -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: AESGCM.tagByteCount)
        try OpenSSLFailure.check(
            tag.withUnsafeMutableBytes {
                copenssl_gcm_get_tag(ctx, Int32($0.count), $0.baseAddress)
            },
            "EVP_CTRL_GCM_GET_TAG")
        return tag
    }

    func setTag(_ tag: [UInt8]) throws {
        var t = tag
        try OpenSSLFailure.check(
            t.withUnsafeMutableBytes { copenssl_gcm_set_tag(ctx, Int32($0.count), $0.baseAddress) },
            "EVP_CTRL_GCM_SET_TAG")
    }
}
