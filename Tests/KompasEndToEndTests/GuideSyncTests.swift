import Foundation
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// "Send to the municipality and see what was received" through the guide, against the project's
/// own municipal endpoint (`kompas-gemeente serve` on a free loopback port).
@Suite(.serialized) struct GuideSyncTests {
    static var server: URL {
        TestSupport.productsDirectory.appendingPathComponent("kompas-gemeente")
    }

    /// Starts the server; returns the process and its base URL.
    static func startServer(data: URL) throws -> (Process, String) {
        let p = Process()
        p.executableURL = server
        p.arguments = ["serve", "--poort", "0", "--data", data.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        guard let port = TestSupport.listeningPort(from: out).port else {
            kill(p.processIdentifier, SIGKILL)
            throw POSIXError(.ECONNREFUSED)
        }
        return (p, "http://127.0.0.1:\(port)")
    }

    static func admin(_ args: [String], data: URL) throws -> String {
        let r = try TestSupport.run(server, ["admin"] + args + ["--data", data.path])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.timeLimit(.minutes(5)))
    func aPayslipIsSentAndTheReceiptShown() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gids-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("gemeente")
        let (process, base) = try Self.startServer(data: data)
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let km = try Self.admin(["klantmanager", "--naam", "km"], data: data)
        let client = try Self.admin(["klant", "--naam", "klant", "--klantmanager", km], data: data)
        let token = try Self.admin(["token", "--voor", client], data: data)

        let pass = "gids-sync-wachtwoord"
        let answers = [
            "1", pass, pass, "1", "34", "geen", "0", "1",
            "2", "1", "Bakkerij Proef", "25-03-2026", "1", "01-03-2026", "31-03-2026", "812,40",
            "",  // a payslip
            "6", "ftp://verkeerd", base, token,  // send it
            "stop",
        ]
        let env = [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("klant").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_SYNC_POGINGEN": "3", "KOMPAS_SYNC_WACHTTIJD": "5",
        ]
        let r = try TestSupport.kompas(
            ["gids"], environment: env, stdin: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let out = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(out.contains("Dat adres klopt niet."))
        #expect(
            out.contains("maart 2026: loonstroken ontvangen door de gemeente: 1."), "\(r.stdout)")
        #expect(out.contains("Alles is verstuurd."))
        #expect(out.contains("Klaar. Hierboven zie je wat de gemeente heeft ontvangen"))
        // Neither the passphrase nor the access code is printed or kept in the guide's position.
        #expect(!r.stdout.contains(token) && !r.stderr.contains(token) && !r.stdout.contains(pass))
    }
}
