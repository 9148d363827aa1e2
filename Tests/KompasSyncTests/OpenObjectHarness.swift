import Foundation
import KompasCrypto
import KompasServer
import KompasSync
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real Open Object the interop suite runs against, as `.ci/run` (or a contributor) started
/// it with `run-open-object.sh start` and the project's objecttypes
/// (`OO_OBJECTTYPES_FILE=Fixtures/open-object/objecttypes.json`): `OO_BASE_URL` and `OO_TOKEN`.
///
/// Absent: under `CI=true` the test fails with the reason; otherwise it prints SKIPPED with the
/// reason, so a plain `swift test` on a fresh machine still passes.
struct OpenObjectFixture: Sendable {
    let baseURL: String
    let token: String
    let env: [String: String]

    static func require(_ test: String) -> OpenObjectFixture? {
        let env = ProcessInfo.processInfo.environment
        let ci = env["CI"] == "true"
        guard let url = env["OO_BASE_URL"], let token = env["OO_TOKEN"], !url.isEmpty,
            !token.isEmpty
        else {
            let why =
                "OO_BASE_URL/OO_TOKEN are not set (start Open Object with "
                + "../shared/vendor/open-object/run-open-object.sh start …, see README)"
            if ci {
                Issue.record("Open Object interop (\(test)): \(why); under CI=true this fails")
            } else {
                print("SKIPPED Open Object interop \(test): \(why)")
            }
            return nil
        }
        let f = OpenObjectFixture(baseURL: url, token: token, env: env)
        // One request tells whether it answers and has the project's objecttypes.
        let probe = try? f.direct().call(
            "GET", "/objecttypes/\(OpenObjectTypes.uuids[OpenObjectTypes.tokenType] ?? "")")
        guard probe?.status == 200 else {
            let why =
                "Open Object at \(url) does not answer with the project's objecttypes "
                + "(status \(probe.map { String($0.status) } ?? "none"); start it with "
                + "OO_OBJECTTYPES_FILE=Fixtures/open-object/objecttypes.json)"
            if ci {
                Issue.record("Open Object interop (\(test)): \(why)")
            } else {
                print("SKIPPED Open Object interop \(test): \(why)")
            }
            return nil
        }
        return f
    }

    /// A client straight to Open Object with the application token: for counting its side.
    func direct() throws -> OpenObjectClient {
        try OpenObjectClient(baseURL: baseURL, token: token, timeout: 30)
    }

    /// Every Open Object object of a Kompas type that belongs to `klant`.
    func objects(_ type: ObjectType, klant: String) throws -> [JSONValue] {
        let c = try direct()
        let typeURL = "\(baseURL)/objecttypes/\(OpenObjectTypes.uuids[type.rawValue] ?? "")"
        var out: [JSONValue] = []
        var next: String? =
            "/objects?type=\(OpenObjectClient.encode(typeURL))&data_attr=\(OpenObjectClient.encode("klant__exact__\(klant)"))&pageSize=500"
        while let t = next {
            let a = try c.call("GET", t)
            guard a.status == 200, case .array(let r)? = a.json?["results"] else {
                throw HarnessError.admin("GET \(t) -> \(a.status)")
            }
            out += r
            next = a.json?["next"]?.stringValue.flatMap { c.target(of: $0) }
        }
        return out
    }

    /// Restarts Open Object's API workers (uWSGI), as an operator would: the database stays.
    func restartWorkers() throws {
        let home = env["OO_HOME"] ?? (NSTemporaryDirectory() + "/open-object")
        let pidText = try String(contentsOfFile: "\(home)/run/uwsgi.pid", encoding: .utf8)
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError.admin("no uWSGI pid in \(home)")
        }
        kill(pid, SIGTERM)
        for _ in 0..<200 where kill(pid, 0) == 0 { usleep(50_000) }
        let script =
            env["OO_SCRIPT"]
            ?? TestSupport.path("../shared/vendor/open-object/run-open-object.sh").path
        let src = env["OO_SRC"] ?? TestSupport.path("../shared/vendor/open-object").path
        let port = URLComponents(string: baseURL)?.port ?? 58000
        // system(3), not Process: the script leaves uWSGI running in the background, and
        // Foundation's Process did not notice the script's own exit here (a zombie, a hung test).
        let logPath = NSTemporaryDirectory() + "/kompas-oo-restart-\(getpid()).log"
        let quoted = [script, "start", src, String(port)].map { "'\($0)'" }.joined(separator: " ")
        // A start without the project's objecttypes would put the fixture's defaults back.
        let types = TestSupport.path("Fixtures/open-object/objecttypes.json").path
        let rc =
            setenv("OO_HOME", home, 1) == 0 && setenv("OO_OBJECTTYPES_FILE", types, 1) == 0
            ? system("bash \(quoted) >'\(logPath)' 2>&1 </dev/null") : -1
        guard rc == 0 else {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw HarnessError.admin("restart (\(rc)): \(text.suffix(2000))")
        }
    }
}

/// A `kompas-gemeente` process on the Open Object backend; several can share one Open Object and
/// one key (the instances of one municipality).
final class OOGateway: @unchecked Sendable {
    let fixture: OpenObjectFixture
    let dir: TempDir
    /// Shared by the instances of one municipality: key and token files.
    let shared: URL
    private(set) var process: Process?
    private(set) var port = 0
    /// Where this instance records its Open Object traffic (`KOMPAS_GEMEENTE_OO_OPNAME`).
    let recording: URL

    /// Seconds a token's revocation check is cached (`--token-cache`).
    let tokenCache: String

    init(
        _ fixture: OpenObjectFixture, sharing other: OOGateway? = nil, tokenFile: String? = nil,
        tokenCache: String = "5"
    ) throws {
        self.fixture = fixture
        self.tokenCache = tokenCache
        dir = TempDir()
        shared = other?.shared ?? dir.path("shared")
        recording = dir.path("opname")
        if other == nil {
            try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
            try (Hex.encode(try SecureRandom.bytes(32)) + "\n").write(
                to: shared.appendingPathComponent("sleutel"), atomically: true, encoding: .utf8)
            try (fixture.token + "\n").write(
                to: shared.appendingPathComponent("oo-token"), atomically: true, encoding: .utf8)
        }
        self.tokenFile = tokenFile ?? shared.appendingPathComponent("oo-token").path
        try start()
    }
    let tokenFile: String

    var options: [String] {
        [
            "--objects-api", fixture.baseURL, "--objects-api-token-file", tokenFile,
            "--sleutel-bestand", shared.appendingPathComponent("sleutel").path,
        ]
    }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var logURL: URL { dir.path("log.txt") }
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    func start(port wanted: Int = 0) throws {
        let p = Process()
        p.executableURL = Gemeente.binary
        p.arguments = ["serve", "--poort", String(wanted), "--token-cache", tokenCache] + options
        var env = ProcessInfo.processInfo.environment
        env["KOMPAS_GEMEENTE_OO_OPNAME"] = recording.path
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
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
        let r = try TestSupport.run(Gemeente.binary, ["admin"] + args + options)
        guard r.status == 0 else { throw HarnessError.admin(r.stderr) }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

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

    func client(_ token: String, attempts: Int = 3, timeout: Double = 15) -> ObjectsClient {
        ObjectsClient(
            endpoint: KompasTestSupport.fixture(from: { try Endpoint.parse(baseURL) }, baseURL),
            token: token,
            policy: RetryPolicy(
                attempts: attempts, timeout: timeout, initialBackoff: 0.05, maxBackoff: 0.2))
    }

    /// The recordings of this instance (one file per process it ran).
    var recordings: [String] {
        let d = recording.deletingLastPathComponent()
        return ((try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [])
            .filter { $0.hasPrefix("opname.") && $0.hasSuffix(".jsonl") }
            .map { d.appendingPathComponent($0).path }
    }
}

/// Validates recordings against Open Object's real `openapi.yaml` with openapi-core (PyPI).
///
/// The check is `Scripts/validate-open-object-contract.py`. Without the validator: under CI a
/// failure, else SKIPPED.
func expectContract(_ files: [String], require: [String] = [], _ test: String) throws {
    let spec = TestSupport.path("../shared/vendor/open-object/src/objects/api/v2/openapi.yaml").path
    let probe = try TestSupport.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import openapi_core"],
        environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    guard probe.status == 0 else {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(
                "contract (\(test)): python3 has no openapi-core (pip install openapi-core)")
        } else {
            print("SKIPPED contract check \(test): python3 has no openapi-core")
        }
        return
    }
    #expect(!files.isEmpty, "no recording")
    let r = try TestSupport.run(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["python3", TestSupport.path("Scripts/validate-open-object-contract.py").path, spec]
            + files + require.flatMap { ["--require", $0] },
        environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    print("[\(test)] \(r.stdout)")
}
