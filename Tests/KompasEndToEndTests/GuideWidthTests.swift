import Foundation
import KompasLayout
import KompasTestSupport
import Testing

/// The guide in a 40-column pseudo-terminal (issue 22), through the parts that were cut in the
/// middle of words: the CV and letter checks, the summary on screen, the settlement, the
/// overview and the sync question.
///
/// The same answers in a 200-column terminal are the reference: at 40 no line is wider than 40
/// columns, every word is a word of the wide screen, and every amount is whole.
@Suite(.serialized) struct GuideWidthTests {
    static let passphrase = "smal-scherm-wachtwoord"

    func screen(columns: UInt16, documents: URL, language: Int = 1) throws -> (String, Int32?) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gids-breed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-03-15", "NO_COLOR": "1",
        ]
        let cv = documents.appendingPathComponent("cv.txt").path
        let letter = documents.appendingPathComponent("brief.txt").path
        let answers = [
            String(language), Self.passphrase, Self.passphrase, "1", "34", "650", "0", "1",
            "4", "1", cv, "4", "2", letter, "3", "5", "1", "3", "", "6", "terug", "stop",
        ]
        let t = try PseudoTerminal([], environment: env, columns: columns)
        for answer in answers {
            t.expect("\n> ")
            t.send(answer + "\r")
        }
        return (t.screen, t.waitForExit())
    }

    /// In each language the guide offers at its start (issue 24): the person picks it by its
    /// number, the guide starts in Dutch as before.
    @Test(.timeLimit(.minutes(3)), arguments: TestSupport.languages.indices)
    func theGuideFitsFortyColumns(_ index: Int) throws {
        let language = TestSupport.languages[index]
        // Short paths, so the echoed answers fit the narrow screen too.
        let documents = URL(fileURLWithPath: "/tmp/kg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: documents) }
        try FileManager.default.copyItem(
            at: TestSupport.path("Fixtures/documenten/nl-zwak.cv.txt"),
            to: documents.appendingPathComponent("cv.txt"))
        try FileManager.default.copyItem(
            at: TestSupport.path("Fixtures/documenten/nl-standaard.brief.txt"),
            to: documents.appendingPathComponent("brief.txt"))

        let (wide, wideCode) = try screen(columns: 200, documents: documents, language: index + 1)
        let (narrow, narrowCode) = try screen(
            columns: 40, documents: documents, language: index + 1)
        #expect(wideCode == 0 && narrowCode == 0)
        // The journey reached every part.
        for part in ["Samenvatting: ", "Je geld per maand", "Goed om te weten", "toegangscode"]
        where language == "nl" {
            #expect(narrow.contains(part), "the guide did not show «\(part)»")
        }
        for problem in LayoutCheck.problems(narrow, reference: wide, width: 40) {
            Issue.record("guide (\(language)) at 40 columns: \(problem)")
        }
    }
}
