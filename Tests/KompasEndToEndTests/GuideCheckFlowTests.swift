import Foundation
import KompasTestSupport
import Testing

/// The guide's letter check (issue 20), through the real binary with answers on standard input.
///
/// It asks for the vacancy (pasted or a file), checks the letter against it, and says "you can
/// send it" only when no "belangrijk" or "let op" point is open and the vacancy was there.
@Suite struct GuideCheckFlowTests {
    static let passphrase = "proef-wachtwoord-12"
    static let firstRun = ["1", passphrase, passphrase, "1", "34", "650", "0", "1"]
    static let corpus = TestSupport.path("Fixtures/documenten/corpus")

    static func guide(_ answers: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gids-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestSupport.kompas(
            ["gids"],
            environment: [
                "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            ],
            stdin: (firstRun + answers + ["stop"]).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        // The guide's line wrapping undone, so a sentence is found wherever it wrapped.
        return r.stdout.replacingOccurrences(of: #"\n *"#, with: " ", options: .regularExpression)
    }

    static func file(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    static func lines(_ name: String) throws -> [String] {
        try String(contentsOfFile: file(name), encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
    }

    @Test func aPastedVacancyIsCheckedAndOpenPointsAreNeverReadyToSend() throws {
        let out = try Self.guide(
            ["4", "2", Self.file("brief-14.txt"), "1"] + (try Self.lines("vac-01-schoonmaak.txt"))
                + ["klaar"])
        #expect(out.contains("Heb je de vacature?"))
        #expect(out.contains("Plak de tekst van de vacature."))
        // Checked against the pasted vacancy: the contact person and the company are known.
        #expect(out.contains("in de vacature staat een contactpersoon: Linda Verbeek"))
        #expect(out.contains("noem de naam van het bedrijf: CleanStar Schoonmaakdiensten"))
        #expect(out.contains("Kijk rustig naar de punten hierboven."))
        #expect(!out.contains("versturen"))
    }

    @Test func aGoodLetterWithItsVacancyFileMaySend() throws {
        let out = try Self.guide([
            "4", "2", Self.file("brief-13.txt"), "2", Self.file("vac-02-magazijn.txt"),
        ])
        #expect(out.contains("Je schrijft de brief aan de contactpersoon uit de vacature."))
        #expect(out.contains("Goed gedaan! Er zijn alleen tips. Je kunt dit versturen."))
    }

    @Test func withoutTheVacancyTheGuideDoesNotSayReadyToSend() throws {
        let out = try Self.guide(["4", "2", Self.file("brief-13.txt"), "3"])
        #expect(out.contains("Kompas heeft de vacature niet gezien"))
        #expect(!out.contains("versturen"))
    }

    @Test func aCVIsNotAskedForAVacancy() throws {
        let out = try Self.guide(["4", "1", Self.file("cv-01.txt")])
        #expect(!out.contains("Heb je de vacature?"))
    }
}
