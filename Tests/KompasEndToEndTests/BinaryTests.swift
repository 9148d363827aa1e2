import Foundation
import KompasTestSupport
import Testing

/// Runs the built `kompas` binary as a user would: stdout, stderr and exit codes.
@Suite struct BinaryTests {
    @Test func helpGoesToStdoutWithExitZero() throws {
        let r = try TestSupport.kompas(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("watals"))
        #expect(r.stderr.isEmpty)
        let en = try TestSupport.kompas(["--help"], environment: ["KOMPAS_TAAL": "en"])
        #expect(en.stdout.contains("Commands:"))
    }

    @Test func unknownCommandGoesToStderrWithUsageCode() throws {
        let r = try TestSupport.kompas(["watlas"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Bedoelde je \"watals\"?"))
    }

    @Test func malformedFlagValue() throws {
        let r = try TestSupport.kompas(["regels", "--datum", "31-02-2026"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("31-02-2026"))
    }

    @Test func jsonIsValidJSON() throws {
        let r = try TestSupport.kompas(["regels", "--json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["datum"] as? String == "2026-03-15")
        #expect(object?["parameters"] is [Any])
    }

    @Test func noArgumentsWithoutTerminalPrintsHelp() throws {
        let r = try TestSupport.kompas([], stdin: "")
        #expect(r.status == 0)
        #expect(r.stdout.contains("regels"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let r = try TestSupport.kompas(["watlas"])
        #expect(!r.stderr.contains("\u{1B}["))
    }

    /// The server's command line refuses wrong use with 64 (the server itself is tested in
    /// Tests/KompasSyncTests over loopback HTTP).
    @Test func gemeenteServerRefusesWrongUse() throws {
        let bin = TestSupport.productsDirectory.appendingPathComponent("kompas-gemeente")
        for args in [
            ["serve", "--poort", "0"], ["serve", "--data", "/tmp/x"],
            ["serve", "--poort", "abc", "--data", "/tmp/x"],
            ["bestaatniet"], [], ["admin", "token", "--data", "/tmp/x"],
        ] {
            let r = try TestSupport.run(bin, args)
            #expect(r.status == 64, "\(args)")
            #expect(!r.stderr.isEmpty)
        }
        #expect(try TestSupport.run(bin, ["--help"]).stdout.contains("kompas-gemeente serve"))
    }
}
