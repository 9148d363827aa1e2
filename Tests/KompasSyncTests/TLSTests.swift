import Foundation
import KompasSync
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kompas sync` over https: the client's TLS (OpenSSL libssl) against OpenSSL's own test
/// server (`openssl s_server -www`) with a throw-away CA made here.
///
/// A certificate from an
/// unknown CA and a name that does not match are refused, and nothing is sent.
@Suite struct TLSTests {
    static let openssl = ["/usr/bin/openssl", "/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func run(_ args: [String], in dir: TempDir) throws {
        let r = try TestSupport.run(
            URL(fileURLWithPath: fixture(Self.openssl, "openssl")), args, currentDirectory: dir.url)
        #expect(r.status == 0, "openssl \(args.first ?? ""): \(r.stderr)")
    }

    func freePort() -> Int {
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
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    @Test func httpsWithAVerifiedCertificateAndRefusalsOtherwise() throws {
        // the openssl tool ships with libssl-dev's machines; absent elsewhere
        guard Self.openssl != nil else { return }
        let dir = TempDir()
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(
            ["req", "-x509"] + ec + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Kompas Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                "keyUsage=critical,keyCertSign",
            ], in: dir)
        try run(
            ["req"] + ec + ["-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=localhost"],
            in: dir)
        try "subjectAltName=DNS:localhost\n".write(
            to: dir.path("ext.cnf"), atomically: true, encoding: .utf8)
        try run(
            [
                "x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "srv.pem",
                "-days", "2", "-extfile", "ext.cnf",
            ], in: dir)
        let port = freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.openssl!)
        server.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", dir.path("srv.pem").path,
            "-key", dir.path("srv.key").path, "-www", "-quiet",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // s_server does not stop on SIGTERM; it is a throw-away test server.
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline,
            (try? SocketConnection.connect(host: "127.0.0.1", port: port, timeout: 1)) == nil
        { usleep(50_000) }

        let policy = RetryPolicy(attempts: 1, timeout: 5)
        var trusted = ObjectsClient(
            endpoint: try Endpoint.parse("https://localhost:\(port)"), token: "kgm_x",
            policy: policy)
        trusted.caFile = dir.path("ca.pem").path
        let ok = try trusted.send("GET", "/")
        #expect(ok.status == 200)
        #expect(
            String(decoding: ok.body, as: UTF8.self).contains("TLSv1.3")
                || String(decoding: ok.body, as: UTF8.self).contains("TLSv1.2"))

        // The system's CAs do not know the throw-away CA.
        let untrusted = ObjectsClient(
            endpoint: try Endpoint.parse("https://localhost:\(port)"), token: "kgm_x",
            policy: policy)
        #expect { try untrusted.request("GET", "/") } throws: { e in
            guard case .tlsFailed(_, let reason)? = e as? SyncError else { return false }
            return reason.contains("certificate")
        }
        // The right CA, the wrong name: the certificate is for localhost, not for 127.0.0.1.
        var wrongName = ObjectsClient(
            endpoint: try Endpoint.parse("https://127.0.0.1:\(port)"), token: "kgm_x",
            policy: policy)
        wrongName.caFile = dir.path("ca.pem").path
        #expect { try wrongName.request("GET", "/") } throws: { e in
            guard case .tlsFailed(_, let reason)? = e as? SyncError else { return false }
            return reason.lowercased().contains("mismatch")
        }
    }
}
