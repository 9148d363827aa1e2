import Foundation
import KompasSync
import Testing

@testable import KompasServer

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 18: the server's connection policy on a real loopback socket, with a handler the test
/// controls: limits per token, and which waiting connection gives way.
@Suite(.serialized) struct ConnectionPolicyTests {
    /// An in-process ``HTTPServer`` whose handler waits for `release` on `GET /langzaam` and
    /// answers 401 without an `Authorization` header, 200 otherwise.
    final class Server: @unchecked Sendable {
        let server: HTTPServer
        let port: Int
        let release = DispatchSemaphore(value: 0)
        let stopped = DispatchSemaphore(value: 0)
        init(_ configure: (inout ServerConfiguration) -> Void) throws {
            var config = ServerConfiguration()
            config.port = 0
            configure(&config)
            let gate = release
            server = HTTPServer(
                configuration: config, log: { _ in },
                handler: { request in
                    if request.target == "/langzaam" { gate.wait() }
                    let status = request.headers["Authorization"] == nil ? 401 : 200
                    return Routed(HTTPResponse.json(status, Data("{}".utf8)), "-")
                })
            port = try server.bind()
            let done = stopped
            let s = server
            Thread.detachNewThread {
                s.run()
                done.signal()
            }
        }
        deinit {
            server.stop()
            stopped.wait()
        }
    }

    static func request(_ target: String, token: String?) -> Data {
        MalformedRequestTests.request("GET", target, token: token)
    }

    @Test func aTokenWithItsLimitInFlightGets429AndOtherTokensAreServed() throws {
        let s = try Server { $0.requestsPerToken = 1 }
        let slow = try SocketConnection.connect(host: "127.0.0.1", port: s.port, timeout: 2)
        defer { slow.close() }
        try slow.write(Self.request("/langzaam", token: "a"), deadline: monotonicSeconds() + 2)
        usleep(200_000)
        // The same token again while its one request is in flight: 429, at once.
        let again = try rawExchange(port: s.port, Self.request("/snel", token: "a"), timeout: 2)
        #expect(again.status == 429)
        // Another token is not held up.
        let other = try rawExchange(port: s.port, Self.request("/snel", token: "b"), timeout: 2)
        #expect(other.status == 200)
        s.release.signal()
        let first = try slow.readResponse(limits: HTTPLimits(), timeout: 2, method: "GET")
        #expect(first.status == 200)
        // Once it is answered the token may send again (the count drops just after the answer
        // is written, so allow the server a moment).
        var status = 0
        for _ in 0..<20 where status != 200 {
            status = try rawExchange(port: s.port, Self.request("/snel", token: "a")).status
            if status != 200 { usleep(50_000) }
        }
        #expect(status == 200)
    }

    @Test func aConnectionThatShowedAValidTokenIsTheLastToGiveWay() throws {
        let s = try Server { $0.maxConnections = 2 }
        // A kept-alive connection that sent a request with a token, older than an idle stranger.
        let proven = try SocketConnection.connect(host: "127.0.0.1", port: s.port, timeout: 2)
        defer { proven.close() }
        try proven.write(Self.request("/snel", token: "a"), deadline: monotonicSeconds() + 2)
        #expect(
            try proven.readResponse(limits: HTTPLimits(), timeout: 2, method: "GET").status == 200)
        usleep(100_000)
        let stranger = try SocketConnection.connect(host: "127.0.0.1", port: s.port, timeout: 2)
        defer { stranger.close() }
        usleep(100_000)
        // A third connection: the stranger gives way, though it came later.
        #expect(try rawExchange(port: s.port, Self.request("/snel", token: "b")).status == 200)
        try proven.write(Self.request("/snel", token: "a"), deadline: monotonicSeconds() + 2)
        #expect(
            try proven.readResponse(limits: HTTPLimits(), timeout: 2, method: "GET").status == 200)
    }

    @Test func onlyWhenEveryConnectionIsBusyIsANewOneAnswered503() throws {
        let s = try Server { $0.maxConnections = 1 }
        let busy = try SocketConnection.connect(host: "127.0.0.1", port: s.port, timeout: 2)
        defer { busy.close() }
        try busy.write(Self.request("/langzaam", token: "a"), deadline: monotonicSeconds() + 2)
        usleep(200_000)
        #expect(try rawExchange(port: s.port, Self.request("/snel", token: "b")).status == 503)
        s.release.signal()
        #expect(
            try busy.readResponse(limits: HTTPLimits(), timeout: 2, method: "GET").status == 200)
    }
}
