import Foundation

/// How patient the client is.
///
/// `KOMPAS_SYNC_WACHTTIJD` (seconds per request) and
/// `KOMPAS_SYNC_POGINGEN` (attempts per request) override the defaults (man page, ENVIRONMENT).
public struct RetryPolicy: Sendable, Equatable {
    public var attempts: Int
    public var timeout: Double
    /// First pause between attempts; doubled each time (exponential backoff), with jitter, capped.
    public var initialBackoff: Double
    public var maxBackoff: Double
    public init(
        attempts: Int = 5, timeout: Double = 15, initialBackoff: Double = 0.25,
        maxBackoff: Double = 4
    ) {
        self.attempts = attempts
        self.timeout = timeout
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }
    public static func from(environment: [String: String]) -> RetryPolicy {
        var p = RetryPolicy()
        if let a = environment["KOMPAS_SYNC_POGINGEN"].flatMap(Int.init) {
            p.attempts = max(1, min(a, 20))
        }
        if let t = environment["KOMPAS_SYNC_WACHTTIJD"].flatMap(Double.init) {
            p.timeout = max(0.1, min(t, 300))
        }
        return p
    }
    func backoff(afterAttempt n: Int) -> Double {
        let base = min(maxBackoff, initialBackoff * pow(2, Double(n - 1)))
        return base * Double.random(in: 0.75...1.25)
    }
}

/// The client side of the Objects API over HTTP/1.1 on POSIX sockets (the shared
/// `HTTPMessage`/`SocketConnection` code), retried with backoff on network errors and 5xx.
///
/// One kept-alive connection per client session (issue 23): a value and its copies share it,
/// so a sync opens one TCP (and TLS) connection instead of one per request. A connection the
/// endpoint closed while it was idle is noticed before it is used; if a request still meets a
/// closed connection before any byte of an answer, it is sent once more on a new connection
/// at once (safe: see below), and any other failure drops the connection so the next attempt
/// connects afresh.
///
/// Only idempotent calls are retried, and every call here is: GETs, creates keyed by the
/// client's uuid, and records keyed by their base index.
public struct ObjectsClient: Sendable {
    public let endpoint: Endpoint
    let token: String
    public let policy: RetryPolicy
    /// Called after every attempt with its duration in seconds and status (0 for a network
    /// error): for the load benchmark's latency figures.
    public var observer: (@Sendable (_ seconds: Double, _ status: Int) -> Void)?
    /// A file of trusted CA certificates for https (`KOMPAS_SYNC_CA`), for a municipality with
    /// its own CA; by default the system's trusted certificates.
    public var caFile: String?
    let limits = HTTPLimits(maxHeaderBytes: 32 * 1024, maxBodyBytes: 8 * 1024 * 1024)
    /// The session's idle kept-alive connection, shared by the copies of this value.
    let connection = KeptAlive()

    public init(endpoint: Endpoint, token: String, policy: RetryPolicy = RetryPolicy()) {
        self.endpoint = endpoint
        self.token = token
        self.policy = policy
    }

    /// One attempt, no retries.
    public func send(_ method: String, _ path: String, body: Data? = nil) throws -> HTTPResponse {
        let started = monotonicSeconds()
        do {
            let r = try sendOnce(method, path, body: body)
            observer?(monotonicSeconds() - started, r.status)
            return r
        } catch {
            observer?(monotonicSeconds() - started, 0)
            throw error
        }
    }

    private func sendOnce(_ method: String, _ path: String, body: Data?) throws -> HTTPResponse {
        var headers = HTTPHeaders([
            ("Authorization", "Bearer \(token)"), ("Accept", "application/json"),
        ])
        if body != nil { headers.add("Content-Type", "application/json") }
        let request = HTTPRequest(
            method: method, target: endpoint.basePath + path, headers: headers, body: body ?? Data()
        )
        let hostHeader =
            endpoint.host.contains(":")
            ? "[\(endpoint.host)]:\(endpoint.port)" : "\(endpoint.host):\(endpoint.port)"
        let wire = request.serialized(host: hostHeader)
        if let idle = connection.take() {
            do {
                return try exchange(wire, method: method, on: idle)
            } catch SocketError.closedEarly, SocketError.io(_), SocketError.tls(_) {
                // The endpoint closed the kept-alive connection (idle timeout, restart) before
                // it answered: the request did not reach a handler that answered, so send it
                // once more on a new connection. Every call here is idempotent.
            }
        }
        return try exchange(wire, method: method, on: try open())
    }

    /// A new connection, TLS started for https.
    private func open() throws -> SocketConnection {
        let conn = try SocketConnection.connect(
            host: endpoint.host, port: endpoint.port, timeout: policy.timeout)
        if endpoint.scheme == "https" {
            do {
                try conn.startTLS(
                    host: endpoint.host, caFile: caFile,
                    deadline: monotonicSeconds() + policy.timeout)
            } catch {
                conn.close()
                throw error
            }
        }
        return conn
    }

    /// One request and its answer on `conn`; the connection is kept for the next request when
    /// the answer allows it (a length-delimited body, no `Connection: close`), closed otherwise.
    private func exchange(_ wire: Data, method: String, on conn: SocketConnection) throws
        -> HTTPResponse
    {
        do {
            try conn.write(wire, deadline: monotonicSeconds() + policy.timeout)
            let r = try conn.readResponse(limits: limits, timeout: policy.timeout, method: method)
            let closes = r.headers["Connection"]?.lowercased() == "close"
            let delimited =
                r.headers["Content-Length"] != nil || method == "HEAD" || r.status == 204
                || r.status == 304
            if !closes && delimited && !conn.hasBufferedBytes {
                connection.keep(conn)
            } else {
                conn.close()
            }
            return r
        } catch {
            conn.close()
            throw error
        }
    }

    /// Sends with retries; returns the first answer that is not a network error or 5xx.
    ///
    /// 401/403 become typed errors at once (retrying cannot help).
    public func request(_ method: String, _ path: String, body: Data? = nil) throws -> HTTPResponse
    {
        var lastError: SyncError = .unreachable(endpoint.url)
        for attempt in 1...policy.attempts {
            do {
                let r = try send(method, path, body: body)
                switch r.status {
                case 401:
                    let expired = (r.headers["WWW-Authenticate"] ?? "").contains("expired")
                    throw expired ? SyncError.tokenExpired : SyncError.unauthorized
                case 403: throw SyncError.forbidden
                case 500...599: lastError = .serverError(r.status)
                default: return r
                }
            } catch let e as SyncError {
                if case .serverError = e {} else { throw e }
            } catch SocketError.tls(let reason) {
                // A certificate that does not verify will not verify on a retry either.
                throw SyncError.tlsFailed(endpoint.url, reason)
            } catch SocketError.timeout, HTTPParseError.timeout {
                lastError = .timeout(endpoint.url)
            } catch {
                // Refused, reset, closed before a whole answer, truncated: all worth another try.
                lastError = .unreachable(endpoint.url)
            }
            if attempt < policy.attempts {
                Thread.sleep(forTimeInterval: policy.backoff(afterAttempt: attempt))
            }
        }
        throw lastError
    }

    func decode<T: Decodable>(_ type: T.Type, _ r: HTTPResponse) throws -> T {
        do { return try WireJSON.decode(type, r.body) } catch {
            throw SyncError.badResponse(endpoint.url)
        }
    }

    public enum WriteOutcome: Sendable, Equatable {
        case stored(ObjectResource)
        /// 409: the object changed on the server since the client saw it (or the uuid is taken).
        case conflict(currentIndex: Int?)
        /// 400/404/413/422: the endpoint refuses this record; retrying the same will not help.
        case rejected(status: Int, detail: String)
    }

    private func outcome(_ r: HTTPResponse) throws -> WriteOutcome {
        switch r.status {
        case 200, 201: return .stored(try decode(ObjectResource.self, r))
        case 409:
            let p = try? WireJSON.decode(Problem.self, r.body)
            return .conflict(currentIndex: p?.currentIndex)
        case 400...499:
            let p = try? WireJSON.decode(Problem.self, r.body)
            return .rejected(status: r.status, detail: p?.detail ?? p?.title ?? "")
        default: throw SyncError.badResponse(endpoint.url)
        }
    }

    public func create(_ object: NewObject) throws -> WriteOutcome {
        try outcome(try request("POST", "/api/v2/objects", body: WireJSON.encode(object)))
    }

    public func addRecord(_ uuid: String, _ record: NewRecord) throws -> WriteOutcome {
        try outcome(
            try request(
                "PUT", "/api/v2/objects/\(uuid)",
                body: WireJSON.encode(PutRecordBody(record: record))))
    }

    public func object(_ uuid: String) throws -> ObjectResource? {
        let r = try request("GET", "/api/v2/objects/\(uuid)")
        if r.status == 404 { return nil }
        guard r.status == 200 else { throw SyncError.badResponse(endpoint.url) }
        return try decode(ObjectResource.self, r)
    }

    /// All objects of a type the token may see, following the pages.
    public func all(type: ObjectType, pageSize: Int = 100) throws -> [ObjectResource] {
        var out: [ObjectResource] = []
        var page = 1
        while true {
            let r = try request(
                "GET", "/api/v2/objects?type=\(type.rawValue)&pageSize=\(pageSize)&page=\(page)")
            guard r.status == 200 else { throw SyncError.badResponse(endpoint.url) }
            let p = try decode(ResultPage<ObjectResource>.self, r)
            out += p.results
            if p.next == nil || p.results.isEmpty || page > 10_000 { return out }
            page += 1
        }
    }
}

/// The idle connection of one client session (issue 23).
///
/// A reference, so the copies of an ``ObjectsClient`` share it; locked, because a client value
/// may be used from more than one thread (then each thread beyond the first opens its own
/// connection, and only one is kept).
final class KeptAlive: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: SocketConnection?

    /// The kept connection if it is still open (the endpoint may have closed it while idle).
    func take() -> SocketConnection? {
        lock.lock()
        let c = idle
        idle = nil
        lock.unlock()
        guard let c else { return nil }
        if c.isOpenAndIdle { return c }
        c.close()
        return nil
    }

    func keep(_ c: SocketConnection) {
        lock.lock()
        let old = idle
        idle = c
        lock.unlock()
        old?.close()
    }
}
