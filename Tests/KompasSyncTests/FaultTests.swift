import Foundation
import KompasServer
import KompasStore
import KompasSync
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults on the wire: a server killed in the middle of a push, a client killed in the middle of
/// a sync, connection refused, a stalling server, 500s, malformed and truncated answers, tokens
/// that expired or never existed.
///
/// After each: nothing lost, nothing duplicated.
@Suite struct FaultTests {
    static let payslips = 150
    static let months = 12

    /// A client store with settings and `payslips` payslips plus `months` statements queued.
    func queuedStore(_ dir: TempDir, _ g: Gemeente, token: String) throws {
        let store = try makeStore(dir)
        try SyncSettings(endpoint: try Endpoint.parse(g.baseURL), token: token).save(in: store)
        for i in 0..<Self.payslips {
            let month = String(format: "2025-%02d", i % Self.months + 1)
            try Outbox.enqueue(
                type: .loonstrook, data: payslip(month: month, netto: 30_000 + Int64(i), n: i),
                startAt: "\(month)-01", in: store)
        }
        for m in 1...Self.months {
            let month = String(format: "2025-%02d", m)
            try Outbox.enqueue(
                type: .inkomstenopgave, data: statement(month: month, cents: 50_000 + Int64(m)),
                startAt: "\(month)-01", in: store)
        }
    }

    func serverCount(_ g: Gemeente, _ kmToken: String, _ type: ObjectType) throws -> Int {
        let r = try g.client(kmToken).send(
            "GET", "/api/v2/objects?type=\(type.rawValue)&pageSize=1")
        return try WireJSON.decode(ResultPage<ObjectResource>.self, r.body).count
    }

    func waitUntil(_ g: Gemeente, _ kmToken: String, atLeast n: Int) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if (try? serverCount(g, kmToken, .loonstrook)) ?? 0 >= n { return }
            usleep(5_000)
        }
        Issue.record("the server never reached \(n) payslips")
    }

    /// Both sides agree: every queued item is on the server exactly once with one record, and
    /// the client has a receipt for each and an empty outbox.
    func expectComplete(_ g: Gemeente, _ kmToken: String, _ dir: TempDir) throws {
        let km = g.client(kmToken)
        let slips = try km.all(type: .loonstrook)
        let statements = try km.all(type: .inkomstenopgave)
        #expect(slips.count == Self.payslips)
        #expect(statements.count == Self.months)
        #expect(
            Set(slips.compactMap { $0.record.data["nettoCent"]?.intValue }).count == Self.payslips,
            "each payslip once")
        #expect((slips + statements).allSatisfy { $0.record.index == 1 })
        let store = try openStore(dir)
        #expect(try store.count(in: .outbox) == 0)
        let receipts = try store.all(Receipt.self, in: .ontvangstbewijs).map(\.value)
        #expect(receipts.count == Self.payslips + Self.months)
        #expect(Set(receipts.map(\.objectUUID)) == Set((slips + statements).map(\.uuid)))
    }

    @Test func serverKilledInTheMiddleOfAPushThenRestarted() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let dir = TempDir()
        try queuedStore(dir, g, token: clients[0].token)

        nonisolated(unsafe) var failure: Error?
        let done = DispatchSemaphore(value: 0)
        let client = g.client(clients[0].token, attempts: 2, timeout: 2)
        Thread {
            do { _ = try SyncEngine(client: client).run(store: try openStore(dir)) } catch {
                failure = error
            }
            done.signal()
        }.start()
        try waitUntil(g, kmToken, atLeast: 20)
        g.stop(SIGKILL)
        done.wait()
        let f = try #require(failure as? SyncFailure)
        #expect(f.error as? SyncError == .unreachable(g.client("").endpoint.url))
        #expect(f.partial.stillWaiting > 0)
        #expect(try Outbox.pending(in: try openStore(dir)).count == f.partial.stillWaiting)

        try g.restart()
        _ = try SyncEngine(client: g.client(clients[0].token)).run(store: try openStore(dir))
        try expectComplete(g, kmToken, dir)
    }

    @Test func clientKilledInTheMiddleOfASyncResumes() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let dir = TempDir()
        try queuedStore(dir, g, token: clients[0].token)
        let p = Process()
        p.executableURL = TestSupport.kompasBinary
        p.arguments = ["sync"]
        p.environment = [
            "KOMPAS_OPSLAG": dir.path("klant").path, "KOMPAS_WACHTWOORD": passphrase,
            "KOMPAS_TAAL": "nl",
            "PATH": "/usr/bin:/bin",
        ]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        try waitUntil(g, kmToken, atLeast: 20)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(try serverCount(g, kmToken, .loonstrook) < Self.payslips, "killed before the end")

        let r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        try expectComplete(g, kmToken, dir)
    }

    @Test func connectionRefusedKeepsEverythingQueued() throws {
        // A port that was free a moment ago and has no listener now.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, len)
                _ = getsockname(fd, $0, &len)
            }
        }
        let port = Int(UInt16(bigEndian: addr.sin_port))
        close(fd)

        let dir = TempDir()
        let store = try makeStore(dir)
        try SyncSettings(endpoint: try Endpoint.parse("http://127.0.0.1:\(port)"), token: "kgm_x")
            .save(in: store)
        try Outbox.enqueue(
            type: .inkomstenopgave, data: statement(month: "2026-02", cents: 1),
            startAt: "2026-02-01", in: store)
        let started = Date()
        let r = try kompas(["sync"], dir, env: ["KOMPAS_SYNC_POGINGEN": "2"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("Kompas kan de gemeente nu niet bereiken"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try Outbox.pending(in: store).count == 1)
        let status = try kompas(["status"], dir)
        #expect(status.stdout.contains("februari 2026: je inkomstenopgave."), "\(status.stdout)")
    }

    @Test func aStallingServerTimesOut() throws {
        // Listens, never accepts or answers: the kernel completes the handshake, nothing more.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, len)
                _ = getsockname(fd, $0, &len)
            }
        }
        listen(fd, 16)
        let port = Int(UInt16(bigEndian: addr.sin_port))
        let dir = TempDir()
        let store = try makeStore(dir)
        try SyncSettings(endpoint: try Endpoint.parse("http://127.0.0.1:\(port)"), token: "kgm_x")
            .save(in: store)
        try Outbox.enqueue(
            type: .inkomstenopgave, data: statement(month: "2026-02", cents: 1),
            startAt: "2026-02-01", in: store)
        let started = Date()
        let r = try kompas(
            ["sync"], dir, env: ["KOMPAS_SYNC_POGINGEN": "2", "KOMPAS_SYNC_WACHTTIJD": "0.5"])
        #expect(r.status == 75)
        #expect(r.stderr.contains("antwoordt niet op tijd"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 8)
        #expect(try Outbox.pending(in: store).count == 1)
    }

    /// An in-process endpoint with a real database behind a handler that misbehaves first.
    final class Scripted: @unchecked Sendable {
        let dir = TempDir()
        let database: ServerDatabase
        let server: HTTPServer
        let token: String
        let lock = NSLock()
        var requests = 0
        init(_ misbehave: @escaping @Sendable (Int, HTTPRequest) -> HTTPResponse?) throws {
            database = try ServerDatabase(directory: dir.path("db"))
            let id = try database.addPrincipal(role: .klant, label: "k", klantmanager: nil)
            token = try database.createToken(for: id, expiresAt: nil)
            var config = ServerConfiguration()
            config.port = 0
            let box = Box()
            server = HTTPServer(configuration: config, log: { _ in }, handler: { box.handle($0) })
            _ = try server.bind()
            let api = ObjectsAPI(database: database, baseURL: "http://127.0.0.1:\(server.port)")
            box.handler = { [unowned self] req in
                lock.lock()
                requests += 1
                let n = requests
                lock.unlock()
                return misbehave(n, req).map { Routed($0, "-") } ?? api.handle(req)
            }
            let s = server
            Thread { s.run() }.start()
        }
        final class Box: @unchecked Sendable {
            var handler: ((HTTPRequest) -> Routed)?
            func handle(_ r: HTTPRequest) -> Routed { fixture(handler, "handler")(r) }
        }
        var client: ObjectsClient {
            ObjectsClient(
                endpoint: fixture(
                    from: { try Endpoint.parse("http://127.0.0.1:\(server.port)") }, "endpoint"),
                token: token,
                policy: RetryPolicy(attempts: 4, timeout: 2, initialBackoff: 0.01, maxBackoff: 0.05)
            )
        }
        deinit { server.stop() }
    }

    func storeWithOneStatement(_ dir: TempDir) throws -> Store {
        let store = try makeStore(dir)
        try Outbox.enqueue(
            type: .inkomstenopgave, data: statement(month: "2026-01", cents: 5),
            startAt: "2026-01-01", in: store)
        return store
    }

    @Test func serverErrorsAreRetriedThenSucceed() throws {
        let s = try Scripted { n, _ in n <= 3 ? HTTPResponse(status: 500) : nil }
        let dir = TempDir()
        let store = try storeWithOneStatement(dir)
        let report = try SyncEngine(client: s.client).run(store: store)
        #expect(report.receipts.count == 1)
        #expect(try s.database.totals().objects == 1)
    }

    @Test func persistentServerErrorsKeepTheOutbox() throws {
        let s = try Scripted { _, _ in HTTPResponse(status: 503) }
        let dir = TempDir()
        let store = try storeWithOneStatement(dir)
        #expect { try SyncEngine(client: s.client).run(store: store) } throws: {
            ($0 as? SyncFailure)?.error as? SyncError == .serverError(503)
        }
        #expect(s.requests == 4, "one try plus three retries")
        #expect(try Outbox.pending(in: store).count == 1)
    }

    @Test func malformedJSONAnswerKeepsTheEntryAndALaterSyncSendsItOnce() throws {
        // The endpoint stores the first create but its answer is broken JSON.
        nonisolated(unsafe) var real: ((HTTPRequest) -> Routed)?
        let s = try Scripted { n, req in
            guard req.method == "POST", n == 1, let api = real else { return nil }
            _ = api(req)
            return HTTPResponse.json(201, Data("{\"uuid\": [1, 2".utf8))
        }
        real = ObjectsAPI(database: s.database, baseURL: "http://x").handle
        let dir = TempDir()
        let store = try storeWithOneStatement(dir)
        #expect { try SyncEngine(client: s.client).run(store: store) } throws: {
            ($0 as? SyncFailure)?.error as? SyncError == .badResponse(s.client.endpoint.url)
        }
        #expect(try Outbox.pending(in: store).count == 1, "nothing is lost locally")
        let report = try SyncEngine(client: s.client).run(store: store)
        #expect(report.receipts.count == 1)
        #expect(
            try s.database.totals() == (objects: 1, records: 1),
            "and nothing is duplicated remotely")
    }

    @Test func truncatedAnswerIsRetriedAndNothingIsDuplicated() throws {
        // The endpoint stores the create, but the answer is cut off mid-body twice: the client
        // retries the same uuid and gets the existing object, not a second one.
        let s = try Scripted { _, _ in nil }
        // A raw listener that accepts, answers half a response, and closes: a truncated body.
        let truncating = try TruncatingServer(upstreamPort: s.server.port)
        let dir = TempDir()
        let store = try storeWithOneStatement(dir)
        let client = ObjectsClient(
            endpoint: try Endpoint.parse("http://127.0.0.1:\(truncating.port)"), token: s.token,
            policy: RetryPolicy(attempts: 4, timeout: 2, initialBackoff: 0.01, maxBackoff: 0.05))
        let report = try SyncEngine(client: client).run(store: store)
        #expect(report.receipts.count == 1)
        #expect(truncating.truncated >= 1)
        #expect(try s.database.totals() == (objects: 1, records: 1))
    }

    @Test func expiredAndUnknownTokensGetAClearMessage() throws {
        let g = try Gemeente()
        let (_, _, clients) = try g.caseload()
        let expired = try g.admin([
            "token", "--voor", clients[0].id, "--verloopt", "2001-01-01T00:00:00Z",
        ])
        for (token, text) in [
            (expired, "Je toegangscode is verlopen"),
            (
                "kgm_0000000000000000_" + String(repeating: "0", count: 64),
                "kent je toegangscode niet"
            ),
        ] {
            let dir = TempDir()
            let store = try makeStore(dir)
            try SyncSettings(endpoint: try Endpoint.parse(g.baseURL), token: token).save(in: store)
            try Outbox.enqueue(
                type: .inkomstenopgave, data: statement(month: "2026-02", cents: 1),
                startAt: "2026-02-01", in: store)
            let r = try kompas(["sync"], dir)
            #expect(r.status == 77)
            #expect(r.stderr.contains(text), "\(r.stderr)")
            #expect(try Outbox.pending(in: store).count == 1)
        }
    }
}

/// Forwards each request to an upstream server and cuts the first two answers off half-way.
final class TruncatingServer: @unchecked Sendable {
    let fd: Int32
    let port: Int
    private let lock = NSLock()
    private var count = 0
    var truncated: Int {
        lock.lock()
        defer { lock.unlock() }
        return min(count, 2)
    }

    init(upstreamPort: Int) throws {
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
                let conn = SocketConnection(fd: c)
                guard
                    let req = try? conn.readRequest(
                        limits: HTTPLimits(), idleTimeout: 2, timeout: 2)
                else { continue }
                let up = try? SocketConnection.connect(
                    host: "127.0.0.1", port: upstreamPort, timeout: 2)
                var forwarded = req
                forwarded.headers.set("Connection", "close")
                try? up?.write(
                    forwarded.serialized(host: "127.0.0.1"), deadline: monotonicSeconds() + 2)
                guard
                    let answer = try? up?.readResponse(
                        limits: HTTPLimits(), timeout: 2, method: req.method)
                else { continue }
                var bytes = answer.serialized(keepAlive: false)
                lock.lock()
                count += 1
                let n = count
                lock.unlock()
                if n <= 2 { bytes = bytes.prefix(bytes.count - answer.body.count / 2) }
                try? conn.write(bytes, deadline: monotonicSeconds() + 2)
                conn.close()
            }
        }.start()
    }
    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
