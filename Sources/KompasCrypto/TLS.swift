internal import COpenSSL
import Foundation

/// A TLS client session over a connected, non-blocking socket, through OpenSSL libssl: TLS 1.2
/// or newer, the server's certificate verified against the system's trusted certificates (or
/// the given CA file) and matched to the host name or IP address (RFC 6125).
///
/// Used by
/// `kompas sync`, so payslips never cross a network in clear text. The socket stays owned by the
/// caller; this owns the `SSL` and `SSL_CTX` handles and frees them in `deinit`.
public final class TLSClientSession: @unchecked Sendable {
    private let ctx: OpaquePointer
    private let ssl: OpaquePointer

    /// What a non-blocking TLS call did: a byte count, or what it waits for.
    public enum IOResult: Equatable, Sendable {
        case done(Int)
        case wantRead
        case wantWrite
        case closed
        case failed(String)
    }

    public init(fd: Int32, host: String, caFile: String?) throws {
        guard let ctx = SSL_CTX_new(TLS_client_method()) else {
            throw OpenSSLFailure.error("SSL_CTX_new")
        }
        self.ctx = ctx
        _ = copenssl_ctx_min_tls12(ctx)
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nil)
        let loaded =
            caFile.map { SSL_CTX_load_verify_locations(ctx, $0, nil) }
            ?? SSL_CTX_set_default_verify_paths(ctx)
        guard loaded == 1, let ssl = SSL_new(ctx) else {
            let e = OpenSSLFailure.error("verify locations")
            SSL_CTX_free(ctx)
            throw e
        }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        let isIP = host.contains(":") || host.split(separator: ".").allSatisfy { UInt8($0) != nil }
        if isIP {
            _ = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            _ = copenssl_set_sni(ssl, host)
            _ = SSL_set1_host(ssl, host)
        }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(ctx)
    }

    public func handshake() -> IOResult {
        let rc = SSL_connect(ssl)
        return rc == 1 ? .done(0) : classify(rc)
    }

    public func read(_ buffer: UnsafeMutableRawPointer, count: Int) -> IOResult {
        let rc = SSL_read(ssl, buffer, Int32(min(count, Int(Int32.max))))
        return rc > 0 ? .done(Int(rc)) : classify(rc)
    }

    public func write(_ buffer: UnsafeRawPointer, count: Int) -> IOResult {
        let rc = SSL_write(ssl, buffer, Int32(min(count, Int(Int32.max))))
        return rc > 0 ? .done(Int(rc)) : classify(rc)
    }

    private func classify(_ rc: Int32) -> IOResult {
        let e = SSL_get_error(ssl, rc)
        switch e {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            ERR_clear_error()
            return .closed
        case SSL_ERROR_SYSCALL where ERR_peek_error() == 0: return .closed
        default:
            let verify = SSL_get_verify_result(ssl)
            if verify != Int(X509_V_OK) {
                ERR_clear_error()
                return .failed(String(cString: X509_verify_cert_error_string(verify)))
            }
            if case .openSSL(_, _, let reason) = OpenSSLFailure.error("TLS") {
                return .failed(reason)
            }
            return .failed("TLS")
        }
    }
}
