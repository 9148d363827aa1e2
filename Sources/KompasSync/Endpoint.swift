import Foundation

/// Where the municipality's endpoint lives.
///
/// HTTPS is required, except for loopback addresses
/// (development, tests, a demo on one machine): a payslip must never cross a network in clear
/// text (AVG/GDPR artikel 32, "passende beveiliging").
public struct Endpoint: Sendable, Equatable, Codable {
    public let scheme: String
    public let host: String
    public let port: Int
    /// Path before `/api/v2`, without a trailing slash ("" for the root).
    public let basePath: String

    public var isLoopback: Bool { Self.isLoopback(host) }
    public var url: String {
        let h = host.contains(":") ? "[\(host)]" : host
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(h)\(port == defaultPort ? "" : ":\(port)")\(basePath)"
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h.hasSuffix(".localhost") { return true }
        let parts = h.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Parses and checks a URL typed by a person.
    public static func parse(_ text: String) throws -> Endpoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let c = URLComponents(string: trimmed), let scheme = c.scheme?.lowercased(),
            let rawHost = c.host, !rawHost.isEmpty,
            c.query == nil, c.fragment == nil, c.user == nil, c.password == nil
        else {
            throw SyncError.invalidURL(text)
        }
        let host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
        guard scheme == "https" || scheme == "http" else { throw SyncError.invalidURL(text) }
        if scheme == "http" && !isLoopback(host) { throw SyncError.httpsRequired(text) }
        var base = c.path
        while base.hasSuffix("/") { base.removeLast() }
        return Endpoint(
            scheme: scheme, host: host, port: c.port ?? (scheme == "https" ? 443 : 80),
            basePath: base)
    }
}

/// Endpoint address and token, stored sealed in the encrypted store (collection `syncinstelling`).
public struct SyncSettings: Codable, Sendable, Equatable {
    public var endpoint: Endpoint
    public var token: String
    public init(endpoint: Endpoint, token: String) {
        self.endpoint = endpoint
        self.token = token
    }
}
