import Foundation
import KompasCore
import KompasSync

#if canImport(Glibc)
    import Glibc
#endif

/// The `kompas-gemeente` command line: `serve` and the `admin` subcommands.
///
/// The server's users
/// are the municipality's administrators; messages are short and given in Dutch and English.
public enum GemeenteCommandLine {
    public static let usage = """
        kompas-gemeente serve --poort N --data MAP [--adres ADRES] [--basis-url URL] [--max-verbindingen N] [--wachttijd SECONDEN]
        kompas-gemeente serve --poort N --objects-api URL --objects-api-token-file F --sleutel-bestand F [--token-cache SECONDEN] […]
        (admin: --objects-api URL --objects-api-token-file F --sleutel-bestand F in place of --data MAP)
        kompas-gemeente admin klantmanager --data MAP --naam LABEL
        kompas-gemeente admin klant --data MAP --naam LABEL [--klantmanager ID]
        kompas-gemeente admin token --data MAP --voor ID [--geldig-dagen N | --verloopt JJJJ-MM-DDTHH:MM:SSZ]
        kompas-gemeente admin lijst --data MAP
        kompas-gemeente admin tokens --data MAP [--voor ID]
        kompas-gemeente admin intrekken --data MAP --token TOKEN-ID
        """

    struct Failure: Error {
        let code: ExitCode
        let text: String
    }

    /// Parses `--name value` pairs; every flag takes a value.
    static func options(_ args: ArraySlice<String>, allowed: Set<String>) throws -> [String: String]
    {
        var out: [String: String] = [:]
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                let name = String(a[..<eq])
                guard allowed.contains(name) else {
                    throw Failure(code: .usage, text: "onbekende optie / unknown option: \(name)")
                }
                out[name] = String(a[a.index(after: eq)...])
                i += 1
                continue
            }
            guard allowed.contains(a) else {
                throw Failure(code: .usage, text: "onbekende optie / unknown option: \(a)")
            }
            guard i + 1 < args.endIndex else {
                throw Failure(code: .usage, text: "\(a) heeft een waarde nodig / needs a value")
            }
            out[a] = args[i + 1]
            i += 2
        }
        return out
    }

    public static func main(_ arguments: [String]) -> Int32 {
        let args = arguments.dropFirst()
        if args.isEmpty {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return ExitCode.usage.rawValue
        }
        if args.first == "--help" || args.first == "-h" || args.first == "--hulp" {
            print(usage)
            return 0
        }
        do {
            switch args.first {
            case "serve": return try serve(args.dropFirst())
            case "admin": return try admin(args.dropFirst())
            default:
                throw Failure(
                    code: .usage,
                    text: "onbekende opdracht / unknown command: \(args.first ?? "")\n\(usage)")
            }
        } catch let f as Failure {
            FileHandle.standardError.write(Data("kompas-gemeente: \(f.text)\n".utf8))
            return f.code.rawValue
        } catch AdminError.unknownKlantmanager(let id) {
            FileHandle.standardError.write(
                Data("kompas-gemeente: geen klantmanager / no klantmanager: \(id)\n".utf8))
            return ExitCode.dataError.rawValue
        } catch AdminError.unknownToken(let id) {
            FileHandle.standardError.write(
                Data("kompas-gemeente: geen token / no token: \(id)\n".utf8))
            return ExitCode.dataError.rawValue
        } catch AdminError.unknownPrincipal(let id) {
            FileHandle.standardError.write(
                Data("kompas-gemeente: onbekend id / unknown id: \(id)\n".utf8))
            return ExitCode.dataError.rawValue
        } catch is ObjectsAPI.StoreUnavailable {
            FileHandle.standardError.write(
                Data("kompas-gemeente: Open Object niet bereikbaar / unreachable\n".utf8))
            return ExitCode.unavailable.rawValue
        } catch {
            FileHandle.standardError.write(Data("kompas-gemeente: \(error)\n".utf8))
            return ExitCode.ioError.rawValue
        }
    }

    static func dataDirectory(_ o: [String: String]) throws -> URL {
        guard let d = o["--data"], !d.isEmpty else {
            throw Failure(code: .usage, text: "--data MAP ontbreekt / is missing")
        }
        return URL(fileURLWithPath: d)
    }

    static func serve(_ args: ArraySlice<String>) throws -> Int32 {
        let o = try options(
            args,
            allowed: openObjectOptions.union([
                "--poort", "--data", "--adres", "--basis-url", "--max-verbindingen", "--wachttijd",
                "--token-cache",
            ]))
        var config = ServerConfiguration()
        guard let p = o["--poort"].flatMap(Int.init), (0...65535).contains(p) else {
            throw Failure(
                code: .usage,
                text: "--poort N: een poortnummer van 0 tot 65535 / a port number from 0 to 65535")
        }
        config.port = p
        if let h = o["--adres"] { config.host = h }
        if let m = o["--max-verbindingen"] {
            guard let n = Int(m), (1...10_000).contains(n) else {
                throw Failure(code: .usage, text: "--max-verbindingen: 1 … 10000")
            }
            config.maxConnections = n
        }
        if let w = o["--wachttijd"] {
            guard let n = Double(w), n >= 0.1, n <= 600 else {
                throw Failure(code: .usage, text: "--wachttijd: 0.1 … 600")
            }
            config.requestTimeout = n
            config.idleTimeout = min(config.idleTimeout, n)
        }
        let logLock = NSLock()
        let logLine: @Sendable (String) -> Void = { line in
            logLock.lock()
            FileHandle.standardError.write(Data((line + "\n").utf8))
            logLock.unlock()
        }
        var cacheSeconds = 10.0
        if let c = o["--token-cache"] {
            guard let n = Double(c), n >= 0, n <= 3600 else {
                throw Failure(code: .usage, text: "--token-cache: 0 … 3600")
            }
            cacheSeconds = n
        }
        let store = try backend(o, revocationCacheSeconds: cacheSeconds, log: logLine)
        let database = store as? ServerDatabase
        signal(SIGPIPE, SIG_IGN)
        // The handler needs the base URL, which needs the bound port: bind first, then route.
        let box = HandlerBox()
        let real = HTTPServer(
            configuration: config,
            log: logLine, handler: { box.handle($0) })
        let port: Int
        do { port = try real.bind() } catch {
            throw Failure(
                code: .unavailable,
                text:
                    "kan niet luisteren op / cannot listen on \(config.host):\(config.port) (\(error))"
            )
        }
        let hostPart = config.host.contains(":") ? "[\(config.host)]" : config.host
        let base =
            o["--basis-url"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? "http://\(hostPart):\(port)"
        box.api = ObjectsAPI(database: store, baseURL: base)
        // SIGTERM and SIGINT stop accepting, let requests in flight finish, then checkpoint.
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let sources = [SIGTERM, SIGINT].map { sig -> DispatchSourceSignal in
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler { real.stop() }
            s.resume()
            return s
        }
        FileHandle.standardOutput.write(
            Data("kompas-gemeente luistert op \(base) (http://\(hostPart):\(port))\n".utf8))
        // The signal sources must outlive the accept loop (an optimised build would otherwise
        // release them early, and SIGTERM would no longer stop the server).
        withExtendedLifetime(sources) { real.run() }
        database?.checkpoint()
        FileHandle.standardError.write(Data("kompas-gemeente: gestopt / stopped\n".utf8))
        return 0
    }

    /// The options that choose the Open Object backend instead of `--data MAP`.
    static let openObjectOptions: Set<String> = [
        "--objects-api", "--objects-api-token-file", "--sleutel-bestand",
    ]

    /// The backend the options choose.
    ///
    /// That is `--data MAP` (SQLite) or `--objects-api URL` with its token file and the gateway
    /// instances' shared key (Open Object); never both.
    static func backend(
        _ o: [String: String], revocationCacheSeconds: Double = 10,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> any GatewayStore & GatewayAdministration {
        guard let url = o["--objects-api"] else {
            return try ServerDatabase(directory: try dataDirectory(o))
        }
        guard o["--data"] == nil else {
            throw Failure(
                code: .usage,
                text: "--data en --objects-api gaan niet samen / cannot be combined")
        }
        guard let tokenFile = o["--objects-api-token-file"] else {
            throw Failure(code: .usage, text: "--objects-api-token-file F ontbreekt / is missing")
        }
        guard let keyFile = o["--sleutel-bestand"] else {
            throw Failure(code: .usage, text: "--sleutel-bestand F ontbreekt / is missing")
        }
        // The token is read and kept in memory only; no message ever repeats it.
        guard let raw = try? String(contentsOfFile: tokenFile, encoding: .utf8),
            case let token = raw.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty,
            !token.contains(where: { $0.isWhitespace || $0.isNewline })
        else {
            throw Failure(
                code: .usage,
                text:
                    "--objects-api-token-file: niet leesbaar of leeg / unreadable or empty: \(tokenFile)"
            )
        }
        let key: [UInt8]
        do { key = try OpenObjectStore.readKey(keyFile) } catch {
            throw Failure(
                code: .usage,
                text:
                    "--sleutel-bestand: minstens 32 bytes hexadecimaal (openssl rand -hex 32) / at least 32 bytes in hex: \(keyFile)"
            )
        }
        let client: OpenObjectClient
        do { client = try OpenObjectClient(baseURL: url, token: token) } catch {
            throw Failure(
                code: .usage,
                text:
                    "--objects-api: https-adres nodig (http alleen op loopback) / needs https: \(url)"
            )
        }
        return try OpenObjectStore(
            client: client, sharedKey: key, revocationCacheSeconds: revocationCacheSeconds, log: log
        )
    }

    static func administration(_ o: [String: String]) throws -> any GatewayAdministration {
        try backend(o)
    }

    final class HandlerBox: @unchecked Sendable {
        var api: ObjectsAPI?
        func handle(_ r: HTTPRequest) -> Routed {
            api?.handle(r) ?? Routed(ObjectsAPI.problem(503, "Nog niet klaar."), "-")
        }
    }

    static func admin(_ args: ArraySlice<String>) throws -> Int32 {
        guard let sub = args.first else {
            throw Failure(
                code: .usage,
                text: "admin klantmanager|klant|token|lijst|tokens|intrekken\n\(usage)")
        }
        let rest = args.dropFirst()
        let oo = openObjectOptions
        switch sub {
        case "klantmanager":
            let o = try options(rest, allowed: oo.union(["--data", "--naam"]))
            let db = try administration(o)
            print(
                try db.addPrincipal(
                    role: .klantmanager, label: o["--naam"] ?? "", klantmanager: nil))
        case "klant":
            let o = try options(rest, allowed: oo.union(["--data", "--naam", "--klantmanager"]))
            let db = try administration(o)
            print(
                try db.addPrincipal(
                    role: .klant, label: o["--naam"] ?? "", klantmanager: o["--klantmanager"]))
        case "token":
            let o = try options(
                rest, allowed: oo.union(["--data", "--voor", "--geldig-dagen", "--verloopt"]))
            guard let who = o["--voor"] else {
                throw Failure(code: .usage, text: "--voor ID ontbreekt / is missing")
            }
            var expires: Date?
            if let d = o["--geldig-dagen"] {
                guard let n = Int(d), (1...3650).contains(n) else {
                    throw Failure(code: .usage, text: "--geldig-dagen: 1 … 3650")
                }
                expires = Date().addingTimeInterval(Double(n) * 86400)
            }
            if let t = o["--verloopt"] {
                guard let d = WireTime.date(t) else {
                    throw Failure(code: .usage, text: "--verloopt: JJJJ-MM-DDTHH:MM:SSZ")
                }
                expires = d
            }
            let db = try administration(o)
            print(try db.createToken(for: who, expiresAt: expires))
        case "lijst":
            let o = try options(rest, allowed: oo.union(["--data"]))
            let db = try administration(o)
            for p in try db.principals() {
                print("\(p.id)\t\(p.role)\t\(p.klantmanager ?? "-")\t\(p.label)")
            }
        case "tokens":
            // Issue 18: every token with its id, owner and expiry; never the secret (only its
            // hash is stored anyway).
            let o = try options(rest, allowed: oo.union(["--data", "--voor"]))
            let db = try administration(o)
            for t in try db.tokens(for: o["--voor"]) {
                let expires = t.expiresAt.map { WireTime.string($0) } ?? "-"
                print("\(t.id)\t\(t.principal)\t\(t.role)\t\(expires)\t\(t.createdAt)\t\(t.label)")
            }
        case "intrekken", "revoke":
            let o = try options(rest, allowed: oo.union(["--data", "--token"]))
            guard let token = o["--token"], !token.isEmpty else {
                throw Failure(code: .usage, text: "--token TOKEN-ID ontbreekt / is missing")
            }
            let db = try administration(o)
            let id = try db.revokeToken(token)
            print("ingetrokken / revoked: \(id)")
        default:
            throw Failure(
                code: .usage, text: "onbekende admin-opdracht / unknown admin command: \(sub)")
        }
        return 0
    }
}
