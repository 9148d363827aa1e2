internal import COpenSSL

/// Errors of the crypto layer.
///
/// Kept small and free of secrets: no key, nonce or plaintext is ever
/// put into an error, because errors end up in messages and logs.
public enum CryptoError: Error, Sendable, Equatable {
    /// The authentication tag did not verify: wrong key, or the sealed bytes, nonce or associated
    /// data were changed. AES-GCM cannot tell these apart, by design.
    case authenticationFailure
    /// A caller passed a key, nonce or parameter of the wrong size or range.
    case invalidInput(String)
    /// OpenSSL reported an error; `code` and `reason` come from its own error queue.
    case openSSL(function: String, code: UInt, reason: String)
}

/// The one helper that reads OpenSSL's error queue (swift-crypto's `internalBoringSSLError`
/// pattern).
///
/// It drains the queue so a stale error can never be reported for a later call.
enum OpenSSLFailure {
    static func error(_ function: String) -> CryptoError {
        let code = ERR_get_error()
        var reason = "unknown"
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reason = String(
                decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        return .openSSL(function: function, code: UInt(code), reason: reason)
    }

    /// Throws the queued OpenSSL error unless `result` is 1 (OpenSSL's success value for EVP calls).
    static func check(_ result: Int32, _ function: String) throws {
        guard result == 1 else { throw error(function) }
    }
}
