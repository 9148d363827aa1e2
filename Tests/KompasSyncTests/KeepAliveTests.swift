import Foundation
import KompasServer
import KompasStore
import KompasSync
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 23: a client session keeps one connection alive, reconnects when the endpoint closes
/// it, and loses or duplicates nothing; the hand-written wire timestamps match Foundation's.
@Suite struct KeepAliveTests {
    /// An in-process endpoint with a real database; `idleTimeout` as given.
    final class Endpointje: @unchecked Sendable {
        let dir = TempDir()
        let database: ServerDatabase
        let server: HTTPServer
        let token: String
        init(idleTimeout: Double = 5) throws {
            database = try ServerDatabase(directory: dir.path("db"))
            let id = try database.addPrincipal(role: .klant, label: "k", klantmanager: nil)
            token = try database.createToken(for: id, expiresAt: nil)
            var config = ServerConfiguration()
            config.port = 0
            config.idleTimeout = idleTimeout
            let box = Box()
            server = HTTPServer(configuration: config, log: { _ in }, handler: { box.handle($0) })
            _ = try server.bind()
            let api = ObjectsAPI(database: database, baseURL: "http://127.0.0.1:\(server.port)")
            box.handler = { api.handle($0) }
            let s = server
            Thread { s.run() }.start()
        }
        final class Box: @unchecked Sendable {
            var handler: ((HTTPRequest) -> Routed)?
            func handle(_ r: HTTPRequest) -> Routed { fixture(handler, "handler")(r) }
        }
        func client() throws -> ObjectsClient {
            ObjectsClient(
                endpoint: try Endpoint.parse("http://127.0.0.1:\(server.port)"), token: token,
                policy: RetryPolicy(attempts: 3, timeout: 2, initialBackoff: 0.01, maxBackoff: 0.05)
            )
        }
        deinit { server.stop() }
    }

    func store(_ dir: TempDir, months: ClosedRange<Int>) throws -> Store {
        let store = try makeStore(dir)
        for m in months {
            let month = String(format: "2026-%02d", m)
            try Outbox.enqueue(
                type: .inkomstenopgave, data: statement(month: month, cents: Int64(m)),
                startAt: "\(month)-01", in: store)
        }
        return store
    }

    @Test func aSyncUsesOneConnectionForAllItsRequests() throws {
        let e = try Endpointje()
        let dir = TempDir()
        let store = try store(dir, months: 1...6)
        let report = try SyncEngine(client: try e.client()).run(store: store)
        #expect(report.receipts.count == 6)
        // Six creates and two pulls (verrekening, bericht) over one connection.
        #expect(e.server.acceptedConnections == 1)
        #expect(try e.database.totals() == (objects: 6, records: 6))
    }

    @Test func aConnectionTheEndpointClosedWhileIdleIsReplacedAndNothingIsDuplicated() throws {
        let e = try Endpointje(idleTimeout: 0.2)
        let dir = TempDir()
        let client = try e.client()
        let store = try store(dir, months: 1...2)
        #expect(try SyncEngine(client: client).run(store: store).receipts.count == 2)
        // The endpoint closes the idle connection; the same client session goes on.
        usleep(600_000)
        try Outbox.enqueue(
            type: .inkomstenopgave, data: statement(month: "2026-03", cents: 3),
            startAt: "2026-03-01", in: store)
        #expect(try SyncEngine(client: client).run(store: store).receipts.count == 1)
        #expect(e.server.acceptedConnections == 2)
        #expect(try e.database.totals() == (objects: 3, records: 3))
        #expect(try Outbox.pending(in: store).isEmpty)
    }

    @Test func aWriteWhoseAnswerIsLostWithTheConnectionIsSentAgainAndStoredOnce() throws {
        // A proxy keeps the client's connection alive; on the third request it passes the
        // create on (the endpoint stores it) and closes the connection without an answer.
        let e = try Endpointje()
        let proxy = try DroppingProxy(upstreamPort: e.server.port, dropAnswerOf: 3)
        let dir = TempDir()
        let client = ObjectsClient(
            endpoint: try Endpoint.parse("http://127.0.0.1:\(proxy.port)"), token: e.token,
            policy: RetryPolicy(attempts: 3, timeout: 2, initialBackoff: 0.01, maxBackoff: 0.05))
        let store = try store(dir, months: 1...4)
        let report = try SyncEngine(client: client).run(store: store)
        #expect(report.receipts.count == 4)
        #expect(
            try e.database.totals() == (objects: 4, records: 4), "the lost answer's create once")
        #expect(proxy.connections == 2, "one connection, and one after the drop")
        #expect(try Outbox.pending(in: store).isEmpty)
    }

    @Test func wireTimestampsAreFoundationsText() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        var dates = [
            0, 0.0004, 0.0009, 0.9995, 0.9999, 1.5, -1.0005, -0.0625, -0.3125, 0.3125,
            2_676_080_675.3735, 951_782_400, 4_107_542_399.9996,
        ]
        .map { Date(timeIntervalSince1970: $0) }
        dates.append(Date())
        for _ in 0..<20_000 {
            // 1970 to 2100, with sub-millisecond fractions.
            dates.append(
                Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator))
            )
        }
        let mismatches = dates.filter { WireTime.string($0) != f.string(from: $0) }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.prefix(3).map { "\($0.timeIntervalSince1970): \(WireTime.string($0)) vs \(f.string(from: $0))" })"
        )
    }
}

/// Forwards requests to an endpoint over kept-alive client connections; the request numbered
/// `dropAnswerOf` is forwarded, but its answer is dropped together with the connection.
final class DroppingProxy: @unchecked Sendable {
    let fd: Int32
    let port: Int
    private let lock = NSLock()
    private var requests = 0
    private var accepted = 0
    var connections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    init(upstreamPort: Int, dropAnswerOf drop: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let lfd = fd
        withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(lfd, $0, len)
                _ = getsockname(lfd, $0, &len)
            }
        }
        listen(fd, 16)
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread { [self] in
            while true {
                let c = accept(lfd, nil, nil)
                if c < 0 { return }
                lock.lock()
                accepted += 1
                lock.unlock()
                let conn = SocketConnection(fd: c)
                while let req = try? conn.readRequest(
                    limits: HTTPLimits(), idleTimeout: 2, timeout: 2)
                {
                    let up = try? SocketConnection.connect(
                        host: "127.0.0.1", port: upstreamPort, timeout: 2)
                    var forwarded = req
                    forwarded.headers.set("Connection", "close")
                    try? up?.write(
                        forwarded.serialized(host: "127.0.0.1"), deadline: monotonicSeconds() + 2)
                    guard
                        let answer = try? up?.readResponse(
                            limits: HTTPLimits(), timeout: 2, method: req.method)
                    else { break }
                    lock.lock()
                    requests += 1
                    let n = requests
                    lock.unlock()
                    if n == drop { break }
                    try? conn.write(
                        answer.serialized(keepAlive: true), deadline: monotonicSeconds() + 2)
                }
                conn.close()
            }
        }.start()
    }
    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
