import Foundation
import KompasCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// Monotonic time in seconds, for deadlines (never the wall clock, which may jump).
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// One TCP connection over POSIX sockets, owned here and closed in `deinit` (or by ``close()``).
///
/// Every read and write waits with `poll(2)` until a deadline, so a stalled peer costs a timeout,
/// never a hung thread. Used by both the endpoint (accepted sockets) and the client (connects).
public final class SocketConnection: @unchecked Sendable {
    public let fd: Int32
    private var buffer = Data()
    private var closed = false
    /// Set by ``startTLS(host:caFile:deadline:)``: every byte then goes through TLS.
    private var tls: TLSClientSession?

    public init(fd: Int32) {
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        // Writes to a peer that went away must fail with EPIPE, not kill the process with SIGPIPE.
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { close() }

    public func close() {
        if !closed {
            closed = true
            _ = Glibc.close(fd)
        }
    }

    /// Connects to `host:port` (resolved with getaddrinfo) within `timeout` seconds.
    public static func connect(host: String, port: Int, timeout: Double) throws -> SocketConnection
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var res: UnsafeMutablePointer<addrinfo>?
        let h =
            host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(h, String(port), &hints, &res) == 0, let first = res else {
            throw SocketError.resolve
        }
        defer { freeaddrinfo(res) }
        var lastError = SocketError.refused
        var ai: UnsafeMutablePointer<addrinfo>? = first
        while let a = ai {
            ai = a.pointee.ai_next
            let fd = socket(
                a.pointee.ai_family, a.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
                a.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            let conn = SocketConnection(fd: fd)
            let rc = Glibc.connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen)
            if rc == 0 { return conn }
            guard errno == EINPROGRESS else {
                lastError = errno == ECONNREFUSED ? .refused : .io(errno)
                continue
            }
            var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let n = poll(&p, 1, Int32(max(1, timeout * 1000)))
            if n == 0 {
                lastError = .timeout
                continue
            }
            var err: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
            if err == 0 { return conn }
            lastError = err == ECONNREFUSED ? .refused : .io(err)
        }
        throw lastError
    }

    /// Waits until the socket is readable or writable, or the deadline passes.
    private func wait(_ events: Int32, until deadline: Double) throws {
        while true {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 { throw SocketError.timeout }
            var p = pollfd(fd: fd, events: Int16(events), revents: 0)
            let n = poll(&p, 1, Int32(min(remaining * 1000 + 1, 60_000)))
            if n > 0 { return }
            if n < 0 && errno != EINTR { throw SocketError.io(errno) }
        }
    }

    /// Runs the TLS handshake (client side) and verifies the server's certificate for `host`.
    public func startTLS(host: String, caFile: String?, deadline: Double) throws {
        let session = try TLSClientSession(fd: fd, host: host, caFile: caFile)
        while true {
            switch session.handshake() {
            case .done:
                tls = session
                return
            case .wantRead: try wait(Int32(POLLIN), until: deadline)
            case .wantWrite: try wait(Int32(POLLOUT), until: deadline)
            case .closed: throw SocketError.tls("connection closed during the handshake")
            case .failed(let reason): throw SocketError.tls(reason)
            }
        }
    }

    public func write(_ data: Data, deadline: Double) throws {
        if let tls { return try writeTLS(tls, data, deadline: deadline) }
        var offset = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let n = send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n > 0 {
                    offset += n
                    continue
                }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                    try wait(Int32(POLLOUT), until: deadline)
                    continue
                }
                throw SocketError.io(errno)
            }
        }
    }

    private func writeTLS(_ tls: TLSClientSession, _ data: Data, deadline: Double) throws {
        var offset = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                switch tls.write(base + offset, count: raw.count - offset) {
                case .done(let n): offset += n
                case .wantRead: try wait(Int32(POLLIN), until: deadline)
                case .wantWrite: try wait(Int32(POLLOUT), until: deadline)
                case .closed: throw SocketError.closedEarly
                case .failed(let reason): throw SocketError.tls(reason)
                }
            }
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill(deadline: Double) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        if let tls {
            while true {
                let result = chunk.withUnsafeMutableBytes { raw in
                    guard let start = raw.baseAddress else {
                        preconditionFailure("the 16 KiB read buffer is never empty")
                    }
                    return tls.read(start, count: raw.count)
                }
                switch result {
                case .done(let n):
                    buffer.append(contentsOf: chunk[0..<n])
                    return true
                case .wantRead: try wait(Int32(POLLIN), until: deadline)
                case .wantWrite: try wait(Int32(POLLOUT), until: deadline)
                case .closed: return false
                case .failed(let reason): throw SocketError.tls(reason)
                }
            }
        }
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
            if n == 0 { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(Int32(POLLIN), until: deadline)
                continue
            }
            if errno == ECONNRESET { return false }
            throw SocketError.io(errno)
        }
    }

    /// True when no byte of a next message has arrived yet (a keep-alive connection is idle).
    public var hasBufferedBytes: Bool { !buffer.isEmpty }

    /// True when an idle connection can carry a next request: not closed here, nothing
    /// unread, and the peer neither closed it nor sent anything (a `poll` that does not wait).
    ///
    /// Over TLS the socket may be readable with a session ticket the server sent after the
    /// handshake, so there only the first two are checked; a closed peer then shows as a failed
    /// exchange, which the client resends on a new connection.
    public var isOpenAndIdle: Bool {
        guard !closed, buffer.isEmpty else { return false }
        if tls != nil { return true }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, 0)
        return n == 0
    }

    /// Reads one message head: bytes up to the blank line, within `maxBytes`.
    ///
    /// `idleDeadline` applies until the first byte arrives, `deadline` to the whole head.
    func readHead(maxBytes: Int, firstByteDeadline: Double, deadline: Double) throws -> Data {
        let separator = Data("\r\n\r\n".utf8)
        var searchFrom = 0
        while true {
            if let r = buffer.range(
                of: separator, in: buffer.startIndex + searchFrom..<buffer.endIndex)
            {
                let head = buffer[buffer.startIndex..<r.lowerBound]
                guard head.count <= maxBytes else { throw HTTPParseError.headerTooLarge }
                buffer = Data(buffer[r.upperBound...])
                return Data(head)
            }
            if buffer.count > maxBytes + 4 { throw HTTPParseError.headerTooLarge }
            searchFrom = max(0, buffer.count - 3)
            let empty = buffer.isEmpty
            do {
                guard try fill(deadline: empty ? firstByteDeadline : deadline) else {
                    throw empty ? HTTPParseError.closed : HTTPParseError.malformed("truncated head")
                }
            } catch SocketError.timeout {
                throw empty ? HTTPParseError.closed : HTTPParseError.timeout
            }
        }
    }

    func readBody(count: Int, deadline: Double) throws -> Data {
        while buffer.count < count {
            do {
                guard try fill(deadline: deadline) else {
                    throw HTTPParseError.malformed("truncated body")
                }
            } catch SocketError.timeout { throw HTTPParseError.timeout }
        }
        let body = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(count))
        return body
    }

    /// Reads one request (server side).
    ///
    /// `idleTimeout` is how long a keep-alive connection may
    /// stay silent; `timeout` bounds the whole request once it started (slow-client guard).
    public func readRequest(limits: HTTPLimits, idleTimeout: Double, timeout: Double) throws
        -> HTTPRequest
    {
        let now = monotonicSeconds()
        // The whole head within `timeout` of the moment the wait began (issue 18: it used to be
        // idle + timeout, 15 s instead of the documented 10), the first byte within the idle time.
        let head = try readHead(
            maxBytes: limits.maxHeaderBytes, firstByteDeadline: now + min(idleTimeout, timeout),
            deadline: now + timeout)
        let (method, target, headers) = try HTTPHead.request(head, limits: limits)
        let needsBody = method == "POST" || method == "PUT" || method == "PATCH"
        let n = try HTTPHead.contentLength(headers, limits: limits, required: needsBody)
        let body = try readBody(count: n, deadline: monotonicSeconds() + timeout)
        return HTTPRequest(method: method, target: target, headers: headers, body: body)
    }

    /// Reads one response (client side), body by `Content-Length` or to the end of the stream.
    public func readResponse(limits: HTTPLimits, timeout: Double, method: String) throws
        -> HTTPResponse
    {
        let deadline = monotonicSeconds() + timeout
        let head: Data
        do {
            head = try readHead(
                maxBytes: limits.maxHeaderBytes, firstByteDeadline: deadline, deadline: deadline)
        } catch HTTPParseError.closed {
            // A silent peer until the deadline is a timeout; a closed one is a dropped connection.
            if monotonicSeconds() >= deadline { throw SocketError.timeout }
            throw SocketError.closedEarly
        }
        let (status, headers) = try HTTPHead.status(head)
        if method == "HEAD" || status == 204 || status == 304 {
            return HTTPResponse(status: status, headers: headers)
        }
        if headers["Content-Length"] != nil {
            let n = try HTTPHead.contentLength(headers, limits: limits, required: true)
            return HTTPResponse(
                status: status, headers: headers, body: try readBody(count: n, deadline: deadline))
        }
        if headers["Transfer-Encoding"] != nil { throw HTTPParseError.unsupportedTransferEncoding }
        while try fill(deadline: deadline) {
            if buffer.count > limits.maxBodyBytes { throw HTTPParseError.bodyTooLarge }
        }
        return HTTPResponse(status: status, headers: headers, body: buffer)
    }
}

public enum SocketError: Error, Equatable, Sendable {
    case resolve
    case refused
    case timeout
    case closedEarly
    case io(Int32)
    /// The TLS handshake or a TLS record failed (for example: the certificate does not verify).
    case tls(String)
}
