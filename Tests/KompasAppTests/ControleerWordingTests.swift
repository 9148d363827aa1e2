import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasApp

/// What `kompas controleer` says around the findings (issue 20): counts with the right word for
/// one and for more in both languages, the vacancy checklist, the readability figure, and a note
/// when a letter was checked without its vacancy.
@Suite struct ControleerWordingTests {
    static let corpus = TestSupport.path("Fixtures/documenten/corpus")

    static func temp(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-woorden-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func oneIsSingularAndMoreArePlural() throws {
        // One placeholder (belangrijk), no phone (let op) and one long profile line (tip) …
        let cv = try Self.temp(
            "[Naam]\nsam@example.nl\nUtrecht\nProfiel\nIk werk graag.\nBeschikbaar: 24 uur per week, rijbewijs B\nWerkervaring\n2020 – heden  Bezorger\n2018 – 2020  Vakkenvuller\n"
        )
        let nl = runKompas(["controleer", "cv", cv], language: "nl")
        #expect(
            nl.out.contains("Samenvatting: 1 belangrijk punt, 1 punt om op te letten,"), "\(nl.out)"
        )
        let en = runKompas(["controleer", "cv", cv], language: "en")
        #expect(en.out.contains("Summary: 1 important point, 1 warning,"), "\(en.out)")
        #expect(!nl.out.contains("1 tips") && !en.out.contains("1 tips"))
    }

    @Test func aLetterWithItsVacancyGetsTheChecklistAndReadability() {
        let r = runKompas(
            [
                "controleer", "brief", Self.corpus.appendingPathComponent("brief-14.txt").path,
                "--vacature",
                Self.corpus.appendingPathComponent("vac-01-schoonmaak.txt").path,
            ], language: "nl")
        #expect(r.out.contains("Eisen uit de vacature:"))
        #expect(r.out.contains("nog niet genoemd: VOG"))
        #expect(r.out.contains("Leesbaarheid: LIX"))
        #expect(!r.out.contains("Kompas heeft de vacature niet gezien"))
    }

    @Test func aLetterWithoutItsVacancySaysWhatWasNotChecked() {
        let r = runKompas(
            ["controleer", "brief", Self.corpus.appendingPathComponent("brief-13.txt").path],
            language: "nl")
        #expect(r.out.contains("Kompas heeft de vacature niet gezien"))
    }
}
