import Foundation
import KompasCrypto
import KompasServer
import KompasStore
import KompasSync

#if canImport(Glibc)
    import Glibc
#endif

// Load benchmark for issue 7: N concurrent clients (default 200), each with its own encrypted
// store, each syncing 12 monthly statements with 2 payslips per month against one
// `kompas-gemeente` (the real binary next to this one, on a free loopback port).
// Prints requests per second, median and p99 latency, errors and the server's peak memory.
//
//   swift build -c release --product kompas-gemeente --product kompas-sync-bench
//   .build/release/kompas-sync-bench [--klanten 200] [--maanden 12] [--loonstroken 2]
//
// Issue 19: with OO_BASE_URL and OO_TOKEN set (a running Open Object with the project's
// objecttypes, see README), the same load runs in the same process against three stores, one
// after the other: the gateway on SQLite, the gateway on Open Object, and Open Object directly
// (each client's creates sent straight to the Objects API through the gateway's wire mapping,
// `OpenObjectStore.create`, without the gateway's HTTP layer).

func option(_ name: String, _ fallback: Int) -> Int {
    let a = CommandLine.arguments
    guard let i = a.firstIndex(of: name), i + 1 < a.count, let n = Int(a[i + 1]) else {
        return fallback
    }
    return n
}
let clients = option("--klanten", 200)
let months = option("--maanden", 12)
let slipsPerMonth = option("--loonstroken", 2)
signal(SIGPIPE, SIG_IGN)
let ooURL = ProcessInfo.processInfo.environment["OO_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
let ooToken = ProcessInfo.processInfo.environment["OO_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
/// Marks this run's objects, so Open Object's side can be counted (it keeps earlier runs).
let runID = String(UUID().uuidString.prefix(8)).lowercased()

let work = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kompas-sync-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent()

final class Stats: @unchecked Sendable {
    let lock = NSLock()
    var latencies: [Double] = []
    var errors = 0
    var failedClients = 0
    func record(_ s: Double, _ status: Int) {
        lock.lock()
        latencies.append(s)
        if status == 0 || status >= 300 { errors += 1 }
        lock.unlock()
    }
    func failed() {
        lock.lock()
        failedClients += 1
        lock.unlock()
    }
}

/// What one phase measured.
struct Phase {
    var name: String
    var elapsed: Double
    var stats: Stats
    var stored: Int
    var peakKiB: Int?
    var stoppedGracefully: Bool?
}

let expected = clients * months * (1 + slipsPerMonth)

/// Each client's store is made and filled before the clock starts.
func makeStores(_ tag: String) throws -> [URL] {
    try (0..<clients).map { i in
        let url = work.appendingPathComponent("\(tag)/klant\(i)/kompas.db")
        let store = try Store.create(
            at: url, passphrase: Passphrase("bench passphrase"), kdf: .testOnly)
        try store.transaction {
            for m in 1...months {
                let month = String(format: "2025-%02d", m)
                var ids: [JSONValue] = []
                for s in 1...max(1, slipsPerMonth) where slipsPerMonth > 0 {
                    ids.append(
                        .string(
                            try Outbox.enqueue(
                                type: .loonstrook,
                                data: .object([
                                    "werkgever": .string("Bench \(runID)"),
                                    "periodeVan": .string("\(month)-01"),
                                    "periodeTot": .string("\(month)-28"),
                                    "nettoCent": .integer(Int64(40_000 + s)),
                                    "brutoCent": .integer(52_000),
                                    "urenHonderdsten": .integer(4800),
                                ]),
                                startAt: "\(month)-01", in: store)))
                }
                try Outbox.enqueue(
                    type: .inkomstenopgave,
                    data: .object([
                        "maand": .string(month), "inkomstenCent": .integer(80_002),
                        "loonstroken": .array(ids), "opmerking": .string(runID),
                    ]), startAt: "\(month)-01", in: store)
            }
        }
        return url
    }
}

/// Runs `body(i)` on `clients` threads that start together; returns the wall time.
func concurrently(_ body: @escaping @Sendable (Int) -> Void) -> Double {
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for i in 0..<clients {
        group.enter()
        let t = Thread {
            defer { group.leave() }
            start.wait()
            body(i)
        }
        t.stackSize = 1 << 20
        t.start()
    }
    let t0 = monotonicSeconds()
    for _ in 0..<clients { start.signal() }
    group.wait()
    return monotonicSeconds() - t0
}

/// Every client syncs its store through `endpoint` (`kompas sync`'s engine: push, then pull).
func syncAll(_ endpoint: Endpoint, _ tokens: [String], _ stores: [URL]) -> (Double, Stats) {
    let stats = Stats()
    let elapsed = concurrently { i in
        do {
            let store = try Store.open(at: stores[i], passphrase: Passphrase("bench passphrase"))
            var client = ObjectsClient(
                endpoint: endpoint, token: tokens[i], policy: RetryPolicy(attempts: 5, timeout: 60))
            client.observer = { s, status in stats.record(s, status) }
            let report = try SyncEngine(client: client).run(store: store)
            if report.receipts.count != months * (1 + slipsPerMonth) { stats.failed() }
        } catch {
            stats.failed()
        }
    }
    return (elapsed, stats)
}

/// A `kompas-gemeente serve` on a free loopback port.
func startServer(_ args: [String]) throws -> (Process, Endpoint) {
    let server = Process()
    server.executableURL = exe.appendingPathComponent("kompas-gemeente")
    server.arguments = ["serve", "--poort", "0", "--max-verbindingen", "1024"] + args
    let out = Pipe()
    server.standardOutput = out
    server.standardError = FileHandle.nullDevice
    try server.run()
    var firstLine = Data()
    while !firstLine.contains(UInt8(ascii: "\n")) {
        let d = out.fileHandleForReading.availableData
        if d.isEmpty { break }
        firstLine.append(d)
    }
    let text = String(decoding: firstLine, as: UTF8.self)
    guard let r = text.range(of: #":([0-9]+)\)"#, options: .regularExpression),
        let port = Int(text[r].dropFirst().dropLast())
    else {
        FileHandle.standardError.write(
            Data("kompas-sync-bench: server did not start: \(text)\n".utf8))
        exit(70)
    }
    return (server, try Endpoint.parse("http://127.0.0.1:\(port)"))
}

func peakKiB(_ pid: Int32) -> Int {
    guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return -1 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

/// SIGTERM, then up to 15 s for a graceful stop.
func stopServer(_ server: Process) -> Bool {
    kill(server.processIdentifier, SIGTERM)
    let stopDeadline = Date().addingTimeInterval(15)
    while server.isRunning && Date() < stopDeadline { usleep(50_000) }
    let graceful = !server.isRunning
    if !graceful { kill(server.processIdentifier, SIGKILL) }
    server.waitUntilExit()
    return graceful
}

var phases: [Phase] = []

// MARK: 1. The gateway on its embedded SQLite (principals and tokens straight into its database).
do {
    let dataDir = work.appendingPathComponent("gemeente")
    var tokens: [String] = []
    do {
        let db = try ServerDatabase(directory: dataDir)
        let km = try db.addPrincipal(role: .klantmanager, label: "bench", klantmanager: nil)
        for i in 0..<clients {
            let c = try db.addPrincipal(role: .klant, label: "bench\(i)", klantmanager: km)
            tokens.append(try db.createToken(for: c, expiresAt: nil))
        }
    }
    let stores = try makeStores("sqlite")
    let (server, endpoint) = try startServer(["--data", dataDir.path])
    let (elapsed, stats) = syncAll(endpoint, tokens, stores)
    let peak = peakKiB(server.processIdentifier)
    let totals = try ServerDatabase(directory: dataDir).totals()
    let graceful = stopServer(server)
    phases.append(
        Phase(
            name: "gateway on SQLite", elapsed: elapsed, stats: stats, stored: totals.objects,
            peakKiB: peak, stoppedGracefully: graceful))
}

// MARK: 2 and 3. Open Object, through the gateway and directly.
if let ooURL, let ooToken {
    let shared = work.appendingPathComponent("oo")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
    let key = try SecureRandom.bytes(32)
    try Hex.encode(key).write(
        to: shared.appendingPathComponent("sleutel"), atomically: true, encoding: .utf8)
    try ooToken.write(to: shared.appendingPathComponent("token"), atomically: true, encoding: .utf8)
    let oo = try OpenObjectStore(
        client: try OpenObjectClient(baseURL: ooURL, token: ooToken, timeout: 120), sharedKey: key)
    // Open Object's side: this run's objects (marked with runID), counted with the app token.
    func ooCount() throws -> Int {
        let c = try OpenObjectClient(baseURL: ooURL, token: ooToken, timeout: 120)
        var n = 0
        for (type, filter) in [
            ("loonstrook", "werkgever__exact__Bench \(runID)"),
            ("inkomstenopgave", "opmerking__exact__\(runID)"),
        ] {
            let t = "\(ooURL)/objecttypes/\(OpenObjectTypes.uuids[type] ?? "")"
            let a = try c.call(
                "GET",
                "/objects?type=\(OpenObjectClient.encode(t))&data_attr=\(OpenObjectClient.encode(filter))&pageSize=1"
            )
            n += Int(a.json?["count"]?.intValue ?? -1)
        }
        return n
    }
    let km = try oo.addPrincipal(role: .klantmanager, label: "bench", klantmanager: nil)
    var ids: [String] = []
    var tokens: [String] = []
    for i in 0..<clients {
        let c = try oo.addPrincipal(role: .klant, label: "bench\(i)", klantmanager: km)
        ids.append(c)
        tokens.append(try oo.createToken(for: c, expiresAt: nil))
    }
    let before = try ooCount()
    let stores = try makeStores("oo-gateway")
    let (server, endpoint) = try startServer([
        "--objects-api", ooURL, "--objects-api-token-file",
        shared.appendingPathComponent("token").path,
        "--sleutel-bestand", shared.appendingPathComponent("sleutel").path,
    ])
    let (elapsed, stats) = syncAll(endpoint, tokens, stores)
    let peak = peakKiB(server.processIdentifier)
    let graceful = stopServer(server)
    let afterGateway = try ooCount()
    phases.append(
        Phase(
            name: "gateway on Open Object", elapsed: elapsed, stats: stats,
            stored: afterGateway - before, peakKiB: peak, stoppedGracefully: graceful))

    // Directly: the same creates (new uuids), mapped as the gateway maps them, one POST each.
    let direct = Stats()
    let directStores = try makeStores("oo-direct")
    let clientIDs = ids
    let elapsedDirect = concurrently { i in
        do {
            let store = try Store.open(
                at: directStores[i], passphrase: Passphrase("bench passphrase"))
            for entry in try Outbox.pending(in: store) {
                let t0 = monotonicSeconds()
                let new = NewObject(
                    uuid: entry.objectUUID, type: entry.type.rawValue,
                    record: NewRecord(typeVersion: 1, data: entry.data, startAt: entry.startAt))
                do {
                    let (_, created) = try oo.create(
                        new, type: entry.type, by: Principal(id: clientIDs[i], role: .klant),
                        baseURL: "http://bench")
                    direct.record(monotonicSeconds() - t0, created ? 201 : 200)
                } catch {
                    direct.record(monotonicSeconds() - t0, 0)
                }
            }
        } catch {
            direct.failed()
        }
    }
    phases.append(
        Phase(
            name: "Open Object directly", elapsed: elapsedDirect, stats: direct,
            stored: try ooCount() - afterGateway, peakKiB: nil, stoppedGracefully: nil))
} else {
    print("kompas-sync-bench: OO_BASE_URL/OO_TOKEN not set: only the gateway on SQLite is measured")
}

print(
    "kompas-sync-bench: \(clients) concurrent clients × \(months) monthly statements with \(slipsPerMonth) payslips each (run \(runID))"
)
var ok = true
for p in phases {
    let lat = p.stats.latencies.sorted()
    func pct(_ q: Double) -> Double {
        lat.isEmpty ? 0 : lat[min(lat.count - 1, Int(Double(lat.count) * q))] * 1000
    }
    let extra =
        p.peakKiB.map { "\n  server peak RSS: \($0 / 1024) MiB (VmHWM \($0) kB)" } ?? ""
    let stop =
        p.stoppedGracefully.map {
            "\n  server stopped:  \($0 ? "on SIGTERM" : "NOT on SIGTERM (killed)")"
        }
        ?? ""
    print(
        """
        \(p.name):
          requests:        \(lat.count) in \(String(format: "%.2f", p.elapsed)) s = \(String(format: "%.0f", Double(lat.count) / p.elapsed)) req/s
          latency:         median \(String(format: "%.1f", pct(0.5))) ms, p99 \(String(format: "%.1f", pct(0.99))) ms, max \(String(format: "%.1f", (lat.last ?? 0) * 1000)) ms
          errors:          \(p.stats.errors) failed requests, \(p.stats.failedClients) clients incomplete
          objects stored:  \(p.stored) (expected \(expected))\(extra)\(stop)
        """)
    ok =
        ok && p.stats.errors == 0 && p.stats.failedClients == 0 && p.stored == expected
        && p.stoppedGracefully != false
}
exit(ok ? 0 : 1)
