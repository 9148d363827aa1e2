import Foundation
import KompasLayout
import KompasTestSupport
import Testing

/// A full first run, tried as a new user would: in a 40-column terminal (a pseudo-terminal), with
/// one wrong answer and one `?`, up to what you keep for 16 hours.
///
/// The screen, as the person sees
/// it (typed answers echoed, the passphrase not), is kept in `Fixtures/gids/eerste-keer.<taal>.txt`.
/// `KOMPAS_GOUDEN_BIJWERKEN=1 swift test --filter GuideTranscriptTests` rewrites them; review the diff.
@Suite(.serialized) struct GuideTranscriptTests {
    static let passphrase = "transcript-wachtwoord"

    static let journeys: [(language: String, answers: [String])] = [
        (
            "nl",
            [
                "1", passphrase, passphrase, "4", "?", "1", "34", "650", "0", "1", "1", "16",
                "veertien",
                "14,71", "stop",
            ]
        ),
        (
            "en",
            [
                "2", passphrase, passphrase, "4", "?", "1", "34", "650", "0", "1", "1", "16",
                "fourteen",
                "14.71", "stop",
            ]
        ),
        // Issue 24: the person picks Polish, Turkish or Arabic by its number; the wrong answer
        // is the number in words, as people type it.
        (
            "pl",
            [
                "3", passphrase, passphrase, "4", "?", "1", "34", "650", "0", "1", "1", "16",
                "czternaście", "14,71", "stop",
            ]
        ),
        (
            "tr",
            [
                "4", passphrase, passphrase, "4", "?", "1", "34", "650", "0", "1", "1", "16",
                "on dört", "14,71", "stop",
            ]
        ),
        (
            "ar",
            [
                "5", passphrase, passphrase, "4", "?", "1", "34", "650", "0", "1", "1", "16",
                "أربعة عشر", "14,71", "stop",
            ]
        ),
    ]

    @Test(.timeLimit(.minutes(5)), arguments: journeys.map(\.language))
    func firstRunTranscript(_ language: String) throws {
        let answers = Self.journeys.first { $0.language == language }!.answers
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The environment's language is Dutch: the person picks English at the first question.
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-03-15",
            "NO_COLOR": "1",
        ]
        let t = try PseudoTerminal([], environment: env)
        for answer in answers {
            t.expect("\n> ")
            t.send(answer + "\r")
        }
        #expect(t.waitForExit() == 0)
        let screen = t.screen
        #expect(!screen.contains(Self.passphrase))
        #expect(!screen.contains("\u{1B}["))
        // Issue 22: nothing wider than the 40-column terminal, so it cuts no word.
        for line in screen.split(separator: "\n") where DisplayWidth.of(line) > 40 {
            Issue.record("wider than 40 columns: «\(line)»")
        }

        let file = TestSupport.path("Fixtures/gids/eerste-keer.\(language).txt")
        if ProcessInfo.processInfo.environment["KOMPAS_GOUDEN_BIJWERKEN"] == "1" {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try screen.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            screen == expected,
            "differs from \(file.path); rerun with KOMPAS_GOUDEN_BIJWERKEN=1 and review the diff")
    }
}
