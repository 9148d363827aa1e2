import Foundation
import KompasSync

/// The gateway's HTTP client to Open Object (the VNG Objects API): exactly the real API's wire —
/// `Authorization: Token …`, `Content-Crs: EPSG:4326` on every write, JSON bodies.
///
/// It reuses the project's own HTTP/1.1 code over POSIX sockets (``SocketConnection``,
/// ``HTTPRequest``), as `kompas sync` does: no Swift package and no FoundationNetworking.
/// The token lives only in this value and in the `Authorization` header it sends; it is never
/// logged, never put in an error and never recorded (``Recorder`` writes `Token <verborgen>`).
public final class OpenObjectClient: @unchecked Sendable {
    public let endpoint: Endpoint
    private let token: String
    public let timeout: Double
    /// Attempts per call on network errors and 502/503/504 (every call the gateway makes is
    /// safe to repeat: GETs, creates under a keyed uuid, corrections on a fixed base index).
    public let attempts: Int
    let limits = HTTPLimits(maxHeaderBytes: 64 * 1024, maxBodyBytes: 32 * 1024 * 1024)
    let recorder: Recorder?

    /// A client for one Objects API root with its application token.
    ///
    /// - Parameters:
    ///   - baseURL: the Objects API root, for example `https://objecten.gemeente.nl/api/v2`.
    ///   - token: the application's token (sent as `Authorization: Token …`, nowhere else).
    ///   - timeout: seconds per request.
    ///   - attempts: tries per call on network errors and 502/503/504.
    /// - Throws: ``SyncError`` when the URL is not https (or http on loopback).
    public init(baseURL: String, token: String, timeout: Double = 30, attempts: Int = 3) throws {
        endpoint = try Endpoint.parse(baseURL)
        self.token = token
        self.timeout = timeout
        self.attempts = attempts
        recorder = ProcessInfo.processInfo.environment["KOMPAS_GEMEENTE_OO_OPNAME"].flatMap {
            // One file per process, so two gateway instances never interleave their lines.
            $0.isEmpty
                ? nil : Recorder(path: "\($0).\(ProcessInfo.processInfo.processIdentifier).jsonl")
        }
    }

    /// `http://host:port/api/v2` as the API itself writes its URLs.
    public var baseURL: String { endpoint.url }

    /// An answer of the Objects API: the status and the parsed JSON body (nil when there is none
    /// or it is not JSON).
    public struct Answer: Sendable {
        public let status: Int
        public let json: JSONValue?
    }

    /// The API could not be reached, or answered in a way that says nothing about the request
    /// (a network error, a timeout, an answer that is not HTTP).
    public struct Unreachable: Error, CustomStringConvertible {
        public let what: String
        public var description: String { what }
    }

    /// One call, retried on network errors and 502/503/504; any other status is returned.
    ///
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - target: path and query below the API root, for example `/objects?type=…`.
    ///   - body: the JSON body of a write (sent with `Content-Crs: EPSG:4326`).
    /// - Returns: the status and the parsed JSON body.
    /// - Throws: ``Unreachable`` when no answer came after the attempts.
    public func call(_ method: String, _ target: String, body: JSONValue? = nil) throws -> Answer {
        var last = Unreachable(what: "\(method) \(endpoint.url)\(target): not tried")
        for attempt in 1...max(1, attempts) {
            do {
                let a = try once(method, target, body: body)
                if [502, 503, 504].contains(a.status), attempt < attempts {
                    last = Unreachable(what: "\(method) \(target): \(a.status)")
                } else {
                    return a
                }
            } catch {
                last = Unreachable(what: "\(method) \(target): \(error)")
            }
            Thread.sleep(forTimeInterval: 0.1 * Double(attempt))
        }
        throw last
    }

    private func once(_ method: String, _ target: String, body: JSONValue?) throws -> Answer {
        var headers = HTTPHeaders([
            ("Authorization", "Token \(token)"), ("Accept", "application/json"),
            ("Connection", "close"),
        ])
        let bytes = body?.canonicalData ?? Data()
        if body != nil {
            headers.add("Content-Type", "application/json")
            // The API refuses every write without it (412), geometry or not.
            headers.add("Content-Crs", "EPSG:4326")
        }
        let path = endpoint.basePath + target
        let request = HTTPRequest(method: method, target: path, headers: headers, body: bytes)
        let conn = try SocketConnection.connect(
            host: endpoint.host, port: endpoint.port, timeout: timeout)
        defer { conn.close() }
        if endpoint.scheme == "https" {
            try conn.startTLS(
                host: endpoint.host,
                caFile: ProcessInfo.processInfo.environment["KOMPAS_GEMEENTE_OO_CA"],
                deadline: monotonicSeconds() + timeout)
        }
        let hostHeader =
            endpoint.host.contains(":")
            ? "[\(endpoint.host)]:\(endpoint.port)" : "\(endpoint.host):\(endpoint.port)"
        try conn.write(request.serialized(host: hostHeader), deadline: monotonicSeconds() + timeout)
        let r = try conn.readResponse(limits: limits, timeout: timeout, method: method)
        let json = r.body.isEmpty ? nil : JSONValue.parse(r.body)
        recorder?.record(request: request, response: r)
        return Answer(status: r.status, json: json)
    }

    /// Percent-encodes a query value (RFC 3986 unreserved characters stay).
    public static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The path and query of a URL the API gave (a `next` link), below the API root, or nil when
    /// it points elsewhere.
    public func target(of url: String) -> String? {
        guard let c = URLComponents(string: url) else { return nil }
        var path = c.percentEncodedPath
        guard path.hasPrefix(endpoint.basePath) else { return nil }
        path.removeFirst(endpoint.basePath.count)
        return path + (c.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The contract recording (`KOMPAS_GEMEENTE_OO_OPNAME=PREFIX`, written to `PREFIX.<pid>.jsonl`): one JSON line per exchange
    /// with method, path, query, headers (the token replaced), bodies and status, for
    /// `Scripts/validate-open-object-contract.py` to check against the real `openapi.yaml`.
    final class Recorder: @unchecked Sendable {
        let path: String
        let lock = NSLock()
        init(path: String) { self.path = path }

        func record(request: HTTPRequest, response: HTTPResponse) {
            func headers(_ h: HTTPHeaders) -> JSONValue {
                var out: [String: JSONValue] = [:]
                for f in h.fields {
                    let v =
                        f.name.caseInsensitiveCompare("Authorization") == .orderedSame
                        ? "Token <verborgen>" : f.value
                    out[f.name.lowercased()] = .string(v)
                }
                return .object(out)
            }
            let line: JSONValue = .object([
                "method": .string(request.method), "target": .string(request.target),
                "requestHeaders": headers(request.headers),
                "requestBody": .string(String(decoding: request.body, as: UTF8.self)),
                "status": .integer(Int64(response.status)),
                "responseHeaders": headers(response.headers),
                "responseBody": .string(String(decoding: response.body, as: UTF8.self)),
            ])
            var bytes = line.canonicalData
            bytes.append(0x0A)
            lock.lock()
            defer { lock.unlock() }
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let h = FileHandle(forWritingAtPath: path) else { return }
            h.seekToEndOfFile()
            h.write(bytes)
            try? h.close()
        }
    }
}
