import Foundation
import KompasCore

/// What can go wrong talking to the endpoint, as a person needs to hear it.
///
/// Each case has its
/// message key (`sync.error.*`) and exit code from the one table (`ExitCode`).
public enum SyncError: KompasError, Equatable {
    case notConfigured
    case invalidURL(String)
    case httpsRequired(String)
    /// No secure connection: the certificate does not verify, or the TLS handshake failed.
    case tlsFailed(String, String)
    /// The endpoint could not be reached after the retries (refused, reset, name unknown).
    case unreachable(String)
    /// The endpoint did not answer in time after the retries.
    case timeout(String)
    /// The endpoint kept answering 5xx.
    case serverError(Int)
    case unauthorized
    case tokenExpired
    case forbidden
    /// An answer that is not what the API promises (malformed JSON, wrong fields).
    case badResponse(String)
    case invalidToken

    public var exitCode: ExitCode {
        switch self {
        case .notConfigured: .configuration
        case .invalidURL, .httpsRequired, .invalidToken: .usage
        case .tlsFailed, .unreachable, .badResponse: .unavailable
        case .timeout, .serverError: .temporaryFailure
        case .unauthorized, .tokenExpired, .forbidden: .permission
        }
    }

    public var message: Message {
        switch self {
        case .notConfigured: Message("sync.error.notConfigured")
        case .invalidURL(let u): Message("sync.error.invalidURL", ["url": .text(u)])
        case .httpsRequired(let u): Message("sync.error.httpsRequired", ["url": .text(u)])
        case .tlsFailed(let u, let reason):
            Message("sync.error.tlsFailed", ["url": .text(u), "reason": .text(reason)])
        case .unreachable(let u): Message("sync.error.unreachable", ["url": .text(u)])
        case .timeout(let u): Message("sync.error.timeout", ["url": .text(u)])
        case .serverError(let s): Message("sync.error.serverError", ["status": .number(s)])
        case .unauthorized: Message("sync.error.unauthorized")
        case .tokenExpired: Message("sync.error.tokenExpired")
        case .forbidden: Message("sync.error.forbidden")
        case .badResponse(let u): Message("sync.error.badResponse", ["url": .text(u)])
        case .invalidToken: Message("sync.error.invalidToken")
        }
    }
}
