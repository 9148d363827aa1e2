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

let work = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kompas-sync-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let dataDir = work.appendingPathComponent("gemeente")

// Principals and tokens straight into the server's database before it starts.
var tokens: [String] = []
do {
    let db = try ServerDatabase(directory: dataDir)
    let km = try db.addPrincipal(role: .klantmanager, label: "bench", klantmanager: nil)
    for i in 0..<clients {
        let c = try db.addPrincipal(role: .klant, label: "bench\(i)", klantmanager: km)
        tokens.append(try db.createToken(for: c, expiresAt: nil))
    }
}

let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent()
let server = Process()
server.executableURL = exe.appendingPathComponent("kompas-gemeente")
server.arguments = ["serve", "--poort", "0", "--data", dataDir.path, "--max-verbindingen", "1024"]
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
    FileHandle.standardError.write(Data("kompas-sync-bench: server did not start: \(text)\n".utf8))
    exit(70)
}
let endpoint = try Endpoint.parse("http://127.0.0.1:\(port)")

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
}
let stats = Stats()

// Each client's store is made and filled before the clock starts.
let passphrase = Passphrase("bench passphrase")  // same text as storePassphrase below
let stores: [URL] = try (0..<clients).map { i in
    let url = work.appendingPathComponent("klant\(i)/kompas.db")
    let store = try Store.create(at: url, passphrase: passphrase, kdf: .testOnly)
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
                                "werkgever": .string("Bench BV"),
                                "periodeVan": .string("\(month)-01"),
                                "periodeTot": .string("\(month)-28"),
                                "nettoCent": .integer(Int64(40_000 + s)),
                                "brutoCent": .integer(52_000), "urenHonderdsten": .integer(4800),
                            ]),
                            startAt: "\(month)-01", in: store)))
            }
            try Outbox.enqueue(
                type: .inkomstenopgave,
                data: .object([
                    "maand": .string(month), "inkomstenCent": .integer(80_002),
                    "loonstroken": .array(ids),
                ]), startAt: "\(month)-01", in: store)
        }
    }
    return url
}

let start = DispatchSemaphore(value: 0)
let group = DispatchGroup()
let tokenList = tokens
let storePassphrase = "bench passphrase"
for i in 0..<clients {
    group.enter()
    let storeURL = stores[i]
    let token = tokenList[i]
    let t = Thread {
        defer { group.leave() }
        start.wait()
        do {
            let store = try Store.open(at: storeURL, passphrase: Passphrase(storePassphrase))
            var client = ObjectsClient(
                endpoint: endpoint, token: token, policy: RetryPolicy(attempts: 5, timeout: 30))
            client.observer = { s, status in stats.record(s, status) }
            let report = try SyncEngine(client: client).run(store: store)
            if report.receipts.count != months * (1 + slipsPerMonth) {
                stats.lock.lock()
                stats.failedClients += 1
                stats.lock.unlock()
            }
        } catch {
            stats.lock.lock()
            stats.failedClients += 1
            stats.lock.unlock()
        }
    }
    t.stackSize = 1 << 20
    t.start()
}
let t0 = monotonicSeconds()
for _ in 0..<clients { start.signal() }
group.wait()
let elapsed = monotonicSeconds() - t0

func peakKiB(_ pid: Int32) -> Int {
    guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return -1 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}
let peak = peakKiB(server.processIdentifier)

// Server-side check: every statement and payslip exactly once.
let db = try ServerDatabase(directory: dataDir)
let totals = try db.totals()
kill(server.processIdentifier, SIGTERM)
let stopDeadline = Date().addingTimeInterval(15)
while server.isRunning && Date() < stopDeadline { usleep(50_000) }
let stoppedGracefully = !server.isRunning
if !stoppedGracefully { kill(server.processIdentifier, SIGKILL) }
server.waitUntilExit()

let lat = stats.latencies.sorted()
func pct(_ p: Double) -> Double {
    lat.isEmpty ? 0 : lat[min(lat.count - 1, Int(Double(lat.count) * p))] * 1000
}
let expected = clients * months * (1 + slipsPerMonth)
print(
    """
    kompas-sync-bench: \(clients) concurrent clients × \(months) monthly statements with \(slipsPerMonth) payslips each
      requests:        \(lat.count) in \(String(format: "%.2f", elapsed)) s = \(String(format: "%.0f", Double(lat.count) / elapsed)) req/s
      latency:         median \(String(format: "%.1f", pct(0.5))) ms, p99 \(String(format: "%.1f", pct(0.99))) ms, max \(String(format: "%.1f", (lat.last ?? 0) * 1000)) ms
      errors:          \(stats.errors) failed requests, \(stats.failedClients) clients incomplete
      server objects:  \(totals.objects) (expected \(expected)), records \(totals.records)
      server peak RSS: \(peak / 1024) MiB (VmHWM \(peak) kB)
      server stopped:  \(stoppedGracefully ? "on SIGTERM, exit \(server.terminationStatus)" : "NOT on SIGTERM (killed)")
    """)
exit(
    stats.errors == 0 && stats.failedClients == 0 && totals.objects == expected && stoppedGracefully
        ? 0 : 1)
