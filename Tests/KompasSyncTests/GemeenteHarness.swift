import Foundation
import KompasCrypto
import KompasStore
import KompasSync
import KompasTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary folder, removed when dropped.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-synctest-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ p: String) -> URL { url.appendingPathComponent(p) }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The real `kompas-gemeente` binary, started on a free loopback port (`--poort 0`, the port read
/// from its first line of output), killed with any signal and restarted on the same port.
final class Gemeente: @unchecked Sendable {
    static var binary: URL {
        TestSupport.productsDirectory.appendingPathComponent("kompas-gemeente")
    }
    let data: URL
    let dir: TempDir
    private(set) var process: Process?
    private(set) var port = 0
    var extra: [String]

    init(extra: [String] = []) throws {
        dir = TempDir()
        data = dir.path("gemeente")
        self.extra = extra
        try start()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var logURL: URL { dir.path("log.txt") }
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    func start(port wanted: Int = 0) throws {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["serve", "--poort", String(wanted), "--data", data.path] + extra
        let out = Pipe()
        p.standardOutput = out
        if !FileManager.default.fileExists(atPath: logURL.path) {
            FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let logHandle = try FileHandle(forWritingTo: logURL)
        logHandle.seekToEndOfFile()
        p.standardError = logHandle
        try p.run()
        process = p
        let (found, text) = TestSupport.listeningPort(from: out)
        guard let found else { throw HarnessError.noPort(text + log) }
        port = found
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        guard let p = process else { return -1 }
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        process = nil
        return p.terminationStatus
    }

    func restart() throws { try start(port: port) }

    deinit {
        if let p = process {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
    }

    @discardableResult
    func admin(_ args: [String]) throws -> String {
        let r = try TestSupport.run(Self.binary, ["admin"] + args + ["--data", data.path])
        guard r.status == 0 else { throw HarnessError.admin(r.stderr) }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A klantmanager with one client each in its caseload: ids and tokens.
    func caseload(clients: Int = 1) throws -> (
        km: String, kmToken: String, clients: [(id: String, token: String)]
    ) {
        let km = try admin(["klantmanager", "--naam", "km"])
        let kmToken = try admin(["token", "--voor", km])
        var cs: [(String, String)] = []
        for i in 0..<clients {
            let c = try admin(["klant", "--naam", "klant\(i)", "--klantmanager", km])
            cs.append((c, try admin(["token", "--voor", c])))
        }
        return (km, kmToken, cs)
    }

    func client(_ token: String, attempts: Int = 3, timeout: Double = 5) -> ObjectsClient {
        ObjectsClient(
            endpoint: fixture(from: { try Endpoint.parse(baseURL) }, baseURL), token: token,
            policy: RetryPolicy(
                attempts: attempts, timeout: timeout, initialBackoff: 0.05, maxBackoff: 0.2))
    }
}

enum HarnessError: Error {
    case noPort(String)
    case admin(String)
}

let passphrase = "correct paard batterij niet"

/// Creates a client store and reopens it: a handle from `create` holds the lock exclusively,
/// an ordinary one shares it with the `kompas` binary the test runs next to it.
func makeStore(_ dir: TempDir) throws -> Store {
    do {
        _ = try Store.create(
            at: dir.path("klant/kompas.db"), passphrase: Passphrase(passphrase), kdf: .testOnly)
    }
    return try openStore(dir)
}
func openStore(_ dir: TempDir) throws -> Store {
    try Store.open(at: dir.path("klant/kompas.db"), passphrase: Passphrase(passphrase))
}

/// Synthetic payslip and statement data (no real names, no BSN).
func payslip(month: String, netto: Int64, n: Int = 1) -> JSONValue {
    .object([
        "werkgever": .string("Voorbeeld BV \(n)"), "periodeVan": .string("\(month)-01"),
        "periodeTot": .string("\(month)-28"), "nettoCent": .integer(netto),
        "brutoCent": .integer(netto + 10_000),
        "urenHonderdsten": .integer(4800),
    ])
}
func statement(month: String, cents: Int64) -> JSONValue {
    .object(["maand": .string(month), "inkomstenCent": .integer(cents)])
}

/// Runs the built `kompas` against a client folder.
func kompas(_ args: [String], _ dir: TempDir, env: [String: String] = [:]) throws
    -> TestSupport.ProcessResult
{
    var e = [
        "KOMPAS_OPSLAG": dir.path("klant").path, "KOMPAS_WACHTWOORD": passphrase,
        "KOMPAS_SCRYPT_TEST": "1",
        "KOMPAS_SYNC_POGINGEN": "3", "KOMPAS_SYNC_WACHTTIJD": "5",
    ]
    e.merge(env) { _, n in n }
    return try TestSupport.kompas(args, environment: e)
}

/// A raw HTTP exchange over a fresh socket: bytes in, status code out (0 when none came back).
func rawExchange(port: Int, _ bytes: Data, timeout: Double = 5) throws -> (
    status: Int, body: String
) {
    let c = try SocketConnection.connect(host: "127.0.0.1", port: port, timeout: 2)
    try? c.write(bytes, deadline: monotonicSeconds() + timeout)
    guard
        let r = try? c.readResponse(
            limits: HTTPLimits(maxBodyBytes: 1 << 20), timeout: timeout, method: "GET")
    else { return (0, "") }
    return (r.status, String(decoding: r.body, as: UTF8.self))
}
