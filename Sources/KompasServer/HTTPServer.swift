import Foundation
import KompasSync

#if canImport(Glibc)
    import Glibc
#endif

/// Settings of the listener.
///
/// Defaults are for one municipality's pilot on one machine.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default.
    ///
    /// TLS is terminated by a reverse proxy in front.
    public var host = "127.0.0.1"
    /// 0 lets the kernel choose a free port (tests); the chosen port is printed on stdout.
    public var port = 8080
    /// Connections held at once.
    ///
    /// When all are taken, a new connection takes the place of the one that has waited longest
    /// for a request head, preferring one that never showed a valid token; only when every
    /// connection is busy with a request is the new one answered 503.
    public var maxConnections = 512
    /// Requests in flight at once with one token (`Authorization` value).
    ///
    /// One more is answered 429. Limits are per token, not per address: behind a reverse proxy
    /// every peer has the proxy's address.
    public var requestsPerToken = 16
    /// Requests in flight at once without a token (the OpenAPI document); one more gets 429.
    public var requestsWithoutToken = 32
    public var limits = HTTPLimits()
    /// How long a kept-alive connection may stay silent before it is closed.
    public var idleTimeout: Double = 5
    /// How long a request head may take to arrive.
    ///
    /// Counted from when the server starts waiting for it, so a peer that sends one byte at a
    /// time cannot stretch it; also the limit for the body and for writing the answer (like
    /// nginx's `client_header_timeout`/`send_timeout`).
    public var requestTimeout: Double = 10
    /// How long a graceful shutdown waits for requests in flight.
    public var shutdownGrace: Double = 10
    public init() {}
}

/// What a handler returns: the response and the path template for the log (never the real path,
/// which holds object ids).
public struct Routed: Sendable {
    public var response: HTTPResponse
    public var template: String
    public init(_ response: HTTPResponse, _ template: String) {
        self.response = response
        self.template = template
    }
}

/// A small HTTP/1.1 server over POSIX sockets: one accept loop, one thread per connection up to
/// a limit, keep-alive, deadlines on every read and write.
///
/// A request is answered only after its handler returned, so whatever the handler committed is
/// acknowledged; stopping waits for requests in flight.
///
/// **Threads stay one per connection** (issue 23). Clients now keep their connection alive for
/// a whole sync, so a thread lives for a session instead of a request; the slots below already
/// bound them (``ServerConfiguration/maxConnections``, idle ones give way), an idle thread
/// costs a stack and a `poll`, and a pool would add a hand-off per request without taking
/// work off the two cores the profile showed busy with JSON and SQLite.
///
/// **Idle and slow peers cannot starve the others** (issue 18). A connection holds a slot while
/// it waits for a request head and while it is served. When every slot is taken, the newest
/// connection does not get 503: the connection that has waited longest for a head gives way
/// (it is shut down), first among those that never sent a request with a valid token. A peer
/// holding hundreds of idle or half-sent connections therefore only pushes its own oldest ones
/// out, whatever addresses it uses, and the same holds behind a reverse proxy where all peers
/// share one address. Every head must arrive within ``ServerConfiguration/requestTimeout`` of
/// the moment the server starts waiting for it, and a token has at most
/// ``ServerConfiguration/requestsPerToken`` requests in flight (429 beyond), so a client with a
/// valid token cannot hold the slots with slow reads either.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    private let handler: @Sendable (HTTPRequest) -> Routed
    private let log: @Sendable (String) -> Void
    private var listenFD: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private let lock = NSCondition()
    private var slots: [Int32: Slot] = [:]
    private var inFlight: [String: Int] = [:]
    private var stopping = false

    /// One admitted connection, guarded by `lock`.
    private final class Slot {
        let fd: Int32
        /// Being served (its head arrived); a busy connection never gives way.
        var busy = false
        /// It sent a request with a valid token before (an answer other than 401).
        var proven = false
        /// When it started waiting for its current head.
        var since: Double
        /// Told to give way; its thread ends at its next read.
        var evicted = false
        init(fd: Int32, since: Double) {
            self.fd = fd
            self.since = since
        }
    }
    public private(set) var port = 0
    private var accepted = 0
    /// Connections accepted since ``run()`` began (tests check that a client keeps one alive).
    public var acceptedConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    public init(
        configuration: ServerConfiguration, log: @escaping @Sendable (String) -> Void,
        handler: @escaping @Sendable (HTTPRequest) -> Routed
    ) {
        self.configuration = configuration
        self.handler = handler
        self.log = log
    }

    /// Binds and listens; returns the port (useful with port 0).
    public func bind() throws -> Int {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST
        var res: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(configuration.host, String(configuration.port), &hints, &res) == 0,
            let ai = res
        else {
            throw ServerError.address(configuration.host)
        }
        defer { freeaddrinfo(res) }
        let fd = socket(
            ai.pointee.ai_family, ai.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 else {
            let e = errno
            _ = Glibc.close(fd)
            throw ServerError.bind(e)
        }
        guard listen(fd, 512) == 0 else {
            let e = errno
            _ = Glibc.close(fd)
            throw ServerError.socket(e)
        }
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &len) }
        }
        let family = storage.ss_family
        let p: UInt16 = withUnsafePointer(to: &storage) { ptr in
            if family == sa_family_t(AF_INET6) {
                return ptr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            }
            return ptr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt16(bigEndian: $0.pointee.sin_port)
            }
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        guard pipe(&wakePipe) == 0 else { throw ServerError.socket(errno) }
        listenFD = fd
        port = Int(p)
        return port
    }

    /// Accepts connections until ``stop()``; then waits for requests in flight and returns.
    public func run() {
        while true {
            var fds = [
                pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0),
            ]
            let n = poll(&fds, 2, 1000)
            if isStopping { break }
            guard n > 0, fds[0].revents & Int16(POLLIN) != 0 else { continue }
            while true {
                let c = accept(listenFD, nil, nil)
                if c < 0 { break }
                _ = fcntl(c, F_SETFD, FD_CLOEXEC)
                admit(SocketConnection(fd: c))
            }
        }
        _ = Glibc.close(listenFD)
        // Graceful: idle keep-alive connections are told to stop reading; requests in flight finish.
        let deadline = Date().addingTimeInterval(configuration.shutdownGrace)
        lock.lock()
        for slot in slots.values where !slot.busy { _ = shutdown(slot.fd, Int32(SHUT_RD)) }
        while !slots.isEmpty && lock.wait(until: deadline) {}
        lock.unlock()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Stops accepting (safe from a signal-handling thread).
    public func stop() {
        lock.lock()
        stopping = true
        for slot in slots.values where !slot.busy { _ = shutdown(slot.fd, Int32(SHUT_RD)) }
        lock.unlock()
        var b: UInt8 = 1
        _ = write(wakePipe[1], &b, 1)
    }

    private func admit(_ conn: SocketConnection) {
        lock.lock()
        accepted += 1
        let full = !makeRoom()
        if !full { slots[conn.fd] = Slot(fd: conn.fd, since: monotonicSeconds()) }
        lock.unlock()
        if full {
            let body = WireJSON.encode(
                Problem(
                    title: "Te veel verbindingen tegelijk; probeer het zo opnieuw.", status: 503))
            var r = HTTPResponse.json(503, body, contentType: "application/problem+json")
            r.headers.set("Retry-After", "1")
            try? conn.write(r.serialized(keepAlive: false), deadline: monotonicSeconds() + 1)
            log(logLine(method: "-", template: "-", status: 503, started: monotonicSeconds()))
            return
        }
        let t = Thread { [self] in
            serve(conn)
            lock.lock()
            slots[conn.fd] = nil
            lock.broadcast()
            lock.unlock()
            conn.close()
        }
        t.stackSize = 512 * 1024
        t.start()
    }

    /// True when a new connection may have a slot.
    ///
    /// Shuts down the connection that gives way if needed. Called with `lock` held.
    private func makeRoom() -> Bool {
        let live = slots.values.filter { !$0.evicted }
        // Evicted connections leave within moments; this bounds threads if they do not.
        guard slots.count < 2 * configuration.maxConnections else { return false }
        guard live.count >= configuration.maxConnections else { return true }
        let waiting = live.filter { !$0.busy }
        let oldest = { (a: Slot, b: Slot) in a.since < b.since }
        guard let victim = waiting.filter({ !$0.proven }).min(by: oldest) ?? waiting.min(by: oldest)
        else { return false }
        victim.evicted = true
        _ = shutdown(victim.fd, Int32(SHUT_RDWR))
        return true
    }

    /// Marks the connection busy and counts the request against its token; false (and nothing
    /// counted) when the token already has its limit in flight or the connection gave way.
    private func begin(_ fd: Int32, key: String) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        guard let slot = slots[fd], !slot.evicted else { return nil }
        let limit =
            key.isEmpty ? configuration.requestsWithoutToken : configuration.requestsPerToken
        guard inFlight[key, default: 0] < limit else { return false }
        slot.busy = true
        inFlight[key, default: 0] += 1
        return true
    }

    private func end(_ fd: Int32, key: String, status: Int) {
        lock.lock()
        defer { lock.unlock() }
        let n = inFlight[key, default: 1] - 1
        inFlight[key] = n > 0 ? n : nil
        if let slot = slots[fd], !key.isEmpty, status != 401 { slot.proven = true }
    }

    private func serve(_ conn: SocketConnection) {
        while true {
            lock.lock()
            if stopping {
                lock.unlock()
                return
            }
            if let slot = slots[conn.fd] {
                slot.busy = false
                slot.since = monotonicSeconds()
            }
            lock.unlock()
            let request: HTTPRequest
            let started: Double
            do {
                request = try conn.readRequest(
                    limits: configuration.limits, idleTimeout: configuration.idleTimeout,
                    timeout: configuration.requestTimeout)
                started = monotonicSeconds()
            } catch let e as HTTPParseError {
                guard let status = Self.status(for: e) else { return }
                let r = ObjectsAPI.problem(status, Self.title(for: e))
                try? conn.write(r.serialized(keepAlive: false), deadline: monotonicSeconds() + 2)
                log(
                    logLine(method: "-", template: "-", status: status, started: monotonicSeconds())
                )
                return
            } catch {
                return
            }
            let key = request.headers["Authorization"] ?? ""
            guard let admitted = begin(conn.fd, key: key) else { return }
            if !admitted {
                var r = ObjectsAPI.problem(
                    429, "Te veel verzoeken tegelijk met deze sleutel; probeer het zo opnieuw.")
                r.headers.set("Retry-After", "1")
                try? conn.write(r.serialized(keepAlive: false), deadline: monotonicSeconds() + 2)
                log(logLine(method: request.method, template: "-", status: 429, started: started))
                return
            }
            let routed = handler(request)
            defer { end(conn.fd, key: key, status: routed.response.status) }
            let wantsClose = request.headers["Connection"]?.lowercased() == "close"
            let keepAlive = !wantsClose && !isStopping
            do {
                try conn.write(
                    routed.response.serialized(keepAlive: keepAlive),
                    deadline: monotonicSeconds() + configuration.requestTimeout)
            } catch { return }
            log(
                logLine(
                    method: request.method, template: routed.template,
                    status: routed.response.status, started: started))
            if !keepAlive { return }
        }
    }

    private func logLine(method: String, template: String, status: Int, started: Double) -> String {
        let ms = (monotonicSeconds() - started) * 1000
        return
            "\(WireTime.string(Date())) \(method) \(template) \(status) \(String(format: "%.1f", ms))ms"
    }

    static func status(for e: HTTPParseError) -> Int? {
        switch e {
        case .closed: nil
        case .malformed: 400
        case .headerTooLarge: 431
        case .bodyTooLarge: 413
        case .lengthRequired: 411
        case .unsupportedTransferEncoding: 501
        case .timeout: 408
        case .uriTooLong: 414
        }
    }

    static func title(for e: HTTPParseError) -> String {
        switch e {
        case .closed, .malformed: "Het verzoek is geen geldig HTTP/1.1-bericht."
        case .headerTooLarge: "De kopregels van het verzoek zijn te groot."
        case .bodyTooLarge: "Het verzoek is te groot."
        case .lengthRequired: "Content-Length ontbreekt."
        case .unsupportedTransferEncoding:
            "Transfer-Encoding (chunked) wordt niet ondersteund; stuur Content-Length."
        case .timeout: "Het verzoek kwam te langzaam binnen."
        case .uriTooLong: "Het adres van het verzoek is te lang."
        }
    }
}

public enum ServerError: Error, Equatable {
    case address(String)
    case socket(Int32)
    case bind(Int32)
}
