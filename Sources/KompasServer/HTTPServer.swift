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
    /// Connections served at once; one more is answered 503 and closed.
    public var maxConnections = 512
    public var limits = HTTPLimits()
    /// How long a kept-alive connection may stay silent before it is closed.
    public var idleTimeout: Double = 5
    /// How long one request may take to arrive once it started, and its answer to be written
    /// (slow-client guard, like nginx's `client_header_timeout`/`client_body_timeout`).
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
/// A request is answered only after its
/// handler returned, so whatever the handler committed is acknowledged; stopping waits for
/// requests in flight.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    private let handler: @Sendable (HTTPRequest) -> Routed
    private let log: @Sendable (String) -> Void
    private var listenFD: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private let lock = NSCondition()
    private var active = 0
    private var idle: Set<Int32> = []
    private var stopping = false
    public private(set) var port = 0

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
        for fd in idle { _ = shutdown(fd, Int32(SHUT_RD)) }
        while active > 0 && lock.wait(until: deadline) {}
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
        for fd in idle { _ = shutdown(fd, Int32(SHUT_RD)) }
        lock.unlock()
        var b: UInt8 = 1
        _ = write(wakePipe[1], &b, 1)
    }

    private func admit(_ conn: SocketConnection) {
        lock.lock()
        let full = active >= configuration.maxConnections
        if !full { active += 1 }
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
            active -= 1
            lock.broadcast()
            lock.unlock()
        }
        t.stackSize = 512 * 1024
        t.start()
    }

    private func serve(_ conn: SocketConnection) {
        defer { conn.close() }
        while true {
            lock.lock()
            if stopping {
                lock.unlock()
                return
            }
            idle.insert(conn.fd)
            lock.unlock()
            let request: HTTPRequest
            let started: Double
            do {
                request = try conn.readRequest(
                    limits: configuration.limits, idleTimeout: configuration.idleTimeout,
                    timeout: configuration.requestTimeout)
                started = monotonicSeconds()
                lock.lock()
                idle.remove(conn.fd)
                lock.unlock()
            } catch let e as HTTPParseError {
                lock.lock()
                idle.remove(conn.fd)
                lock.unlock()
                guard let status = Self.status(for: e) else { return }
                let r = ObjectsAPI.problem(status, Self.title(for: e))
                try? conn.write(r.serialized(keepAlive: false), deadline: monotonicSeconds() + 2)
                log(
                    logLine(method: "-", template: "-", status: status, started: monotonicSeconds())
                )
                return
            } catch {
                lock.lock()
                idle.remove(conn.fd)
                lock.unlock()
                return
            }
            let routed = handler(request)
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
