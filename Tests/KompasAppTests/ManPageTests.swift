import Foundation
import KompasCore
import KompasMunicipality
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
                if t == "|" || t == "," || t == "." || t == ")" || t == "(" || t == ":" { continue }
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

    /// A lint tool from Debian (`groff`, `mandoc`); `.ci/run` installs both, so a missing one is a
    /// failure here, not a skip.
    static func tool(_ name: String) throws -> URL {
        let found = ["/usr/bin/" + name, "/bin/" + name, "/usr/local/bin/" + name].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let path = try #require(found, "\(name) is not installed (apt-get install \(name))")
        return URL(fileURLWithPath: path)
    }

    /// `groff -ww -man -Tutf8` prints no warning at all.
    @Test(arguments: ["man/kompas.1", "man/kompas-gemeente.1"])
    func rendersWithoutWarnings(_ page: String) throws {
        let r = try TestSupport.run(
            try Self.tool("groff"), ["-ww", "-man", "-Tutf8", TestSupport.path(page).path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(!r.stdout.isEmpty)
    }

    /// `mandoc -Tlint` reports nothing of level warning or worse (style notes such as long source
    /// lines and "referenced manual not found" before installation are not warnings).
    @Test(arguments: ["man/kompas.1", "man/kompas-gemeente.1"])
    func mandocLintIsClean(_ page: String) throws {
        let r = try TestSupport.run(
            try Self.tool("mandoc"), ["-Tlint", "-W", "warning", TestSupport.path(page).path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((r.stdout + r.stderr).isEmpty, "\(r.stdout)\(r.stderr)")
    }

    /// In the rendered text every paragraph closes what it opens: parentheses and quotes
    /// (a nested `Ql` once gave "‘localhost, ‘127.0.0.1, ‘::1’’’").
    @Test(arguments: ["man/kompas.1", "man/kompas-gemeente.1"])
    func renderedParenthesesAndQuotesBalance(_ page: String) throws {
        let r = try TestSupport.run(
            try Self.tool("groff"), ["-man", "-Tutf8", "-P-cbou", TestSupport.path(page).path],
            environment: ["MANWIDTH": "200"])
        for paragraph in r.stdout.components(separatedBy: "\n\n") {
            let text = paragraph.replacingOccurrences(of: "\u{2010}\n", with: "")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var depth = 0
            for ch in text {
                if ch == "(" { depth += 1 }
                if ch == ")" { depth -= 1 }
                #expect(depth >= 0, "a ')' without '(' in: \(text)")
                if depth < 0 { break }
            }
            #expect(depth <= 0, "a '(' is not closed in: \(text)")
            for (open, close) in [("\u{2018}", "\u{2019}"), ("\u{201C}", "\u{201D}")] {
                let opens = text.components(separatedBy: open).count
                let closes = text.components(separatedBy: close).count
                #expect(opens == closes, "unbalanced \(open)\(close) in: \(text)")
            }
        }
    }

    /// The built-in municipalities the man page lists under `--gemeente` are exactly those of the
    /// registry.
    @Test func builtInMunicipalitiesAreAllListed() throws {
        let text = try String(contentsOf: TestSupport.path("man/kompas.1"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasSuffix("a built-in name") })
        let macros: Set<String> = [".Pq", "Li", ","]
        let tokens: [String] = lines[at + 1].split(separator: " ").map(String.init)
        let listed = Set(tokens.filter { !macros.contains($0) })
        let registry = Set(MunicipalityLoader.builtIn.keys)
        #expect(listed == registry, "\(listed.sorted())")
    }
}
