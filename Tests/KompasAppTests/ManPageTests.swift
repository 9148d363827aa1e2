import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasApp

/// The man page and the command table must list the same commands and flags.
@Suite struct ManPageTests {
    static let macroNames: Set<String> = [
        "Cm", "Fl", "Ar", "Op", "Oo", "Oc", "Sy", "Ns", "Ql", "Pa", "Ev", "Xr", "Nm", "Dl", "Pq",
        "It", "Em", "No",
    ]

    /// Words marked `Cm` and `Fl` in the mdoc source.
    static func manWords() throws -> (commands: Set<String>, flags: Set<String>) {
        let text = try String(contentsOf: TestSupport.path("man/kompas.1"), encoding: .utf8)
        var commands = Set<String>()
        var flags = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix(".") {
            let tokens = line.dropFirst().split(separator: " ").map(String.init)
            var mode: String?
            for t in tokens {
                if macroNames.contains(t) {
                    mode = t
                    continue
                }
                if t == "|" || t == "," || t == "." || t == ")" || t == "(" { continue }
                switch mode {
                case "Cm": commands.insert(t)
                case "Fl":
                    flags.insert("-" + t)
                    mode = nil
                default: break
                }
            }
        }
        return (commands, flags)
    }

    @Test func everyCommandAndFlagIsDocumentedAndViceVersa() throws {
        let (manCommands, manFlags) = try Self.manWords()
        let table = CommandTable.standard
        let tableCommands = Set(
            table.commands.flatMap { $0.names + $0.subcommands.flatMap(\.names) })
        let tableFlags = Set(table.commands.flatMap { $0.allFlags.flatMap(\.names) })
        #expect(
            tableCommands.subtracting(manCommands).isEmpty,
            "not in man page: \(tableCommands.subtracting(manCommands).sorted())")
        #expect(
            manCommands.subtracting(tableCommands).isEmpty,
            "only in man page: \(manCommands.subtracting(tableCommands).sorted())")
        #expect(
            tableFlags.subtracting(manFlags).isEmpty,
            "flags not in man page: \(tableFlags.subtracting(manFlags).sorted())")
        #expect(
            manFlags.subtracting(tableFlags).isEmpty,
            "flags only in man page: \(manFlags.subtracting(tableFlags).sorted())")
    }

    @Test func exitCodeTableIsComplete() throws {
        let text = try String(contentsOf: TestSupport.path("man/kompas.1"), encoding: .utf8)
        for code in KompasCore.ExitCode.allCases {
            #expect(
                text.contains("\n.It \(code.rawValue)\n"),
                "exit code \(code.rawValue) not documented")
        }
    }

    @Test(arguments: ["man/kompas.1", "man/kompas-gemeente.1"])
    func rendersWithoutWarnings(_ page: String) throws {
        let groff = ["/usr/bin/groff", "/bin/groff"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        // groff-base is on every machine of this kind; absent elsewhere
        guard let groff else { return }
        let r = try TestSupport.run(
            URL(fileURLWithPath: groff), ["-mandoc", "-ww", "-z", TestSupport.path(page).path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
