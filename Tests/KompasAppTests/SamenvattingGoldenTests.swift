import Foundation
import KompasTestSupport
import Testing

@testable import KompasApp

/// Golden files of the summary: a few synthetic households in nl and en, as text, Markdown and HTML.
///
/// `KOMPAS_GOUDEN_BIJWERKEN=1 swift test --filter SamenvattingGoldenTests` rewrites them; review the
/// diff by eye before committing. Amounts in them are cross-checked against `watals` in SamenvattingTests.
@Suite struct SamenvattingGoldenTests {
    static let formats: [(flag: String, ext: String)] = [
        ("tekst", "txt"), ("markdown", "md"), ("html", "html"),
    ]
    static var combinations: [String] {
        SummaryCases.cases.prefix(2).flatMap { c in
            TestSupport.languages.flatMap { l in formats.map { "\(c.name).\(l).\($0.ext)" } }
        }
    }

    @Test(arguments: combinations)
    func matchesGoldenFile(_ file: String) throws {
        let parts = file.split(separator: ".").map(String.init)
        let args = SummaryCases.cases.first { $0.name == parts[0] }!.args
        let format = Self.formats.first { $0.ext == parts[2] }!.flag
        let r = SummaryCases.run(args + ["--formaat", format], language: parts[1])
        #expect(r.code == 0, "\(r.err)")
        let url = TestSupport.path("Fixtures/samenvatting/" + file)
        if ProcessInfo.processInfo.environment["KOMPAS_GOUDEN_BIJWERKEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(r.out.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            r.out == expected,
            "differs from \(file); rerun with KOMPAS_GOUDEN_BIJWERKEN=1 and review the diff")
    }
}
