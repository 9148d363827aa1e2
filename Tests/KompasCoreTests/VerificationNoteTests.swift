import Testing

@testable import KompasCore

/// `VerificationNote.isToVerify` lowercases only the start of a note; it must say what
/// lowercasing the whole note said.
@Suite struct VerificationNoteTests {
    static func reference(_ note: String) -> Bool { note.lowercased().hasPrefix("te verifi") }

    @Test func writtenNotes() {
        let notes = [
            "", "te verifiëren", "Te verifiëren: nog niet bij de bron bevestigd", "TE VERIFIËREN",
            "geverifieerd op 2026-11-30", "te verifi", "te verif", "te verifi\u{301}ëren",
            "te verifí", "te  verifiëren", " te verifiëren", "TE VERİFİËREN", "te verifİ",
            "\u{212A}te verifi", "te ver\u{212A}ifi", "te verifie\u{308}ren", "tE vErIfIeErEn",
        ]
        for note in notes {
            #expect(
                VerificationNote.isToVerify(note) == Self.reference(note),
                "\(note.debugDescription)")
        }
        #expect(VerificationNote.isToVerify("Te verifiëren: nog niet bevestigd"))
        #expect(!VerificationNote.isToVerify("geverifieerd op 2026-11-30"))
    }

    @Test func randomNotes() {
        let pieces = [
            "t", "T", "e", "E", " ", "v", "V", "r", "R", "i", "I", "f", "F", "ë", "\u{301}",
            "\u{308}", "İ", "\u{212A}", "ß", "te verifi", "TE VERIFI", "ëren", "🇳🇱", "\u{200D}",
        ]
        var generator = SystemRandomNumberGenerator()
        var marked = 0
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...8, using: &generator)
            let note = (0..<n).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.reference(note)
            #expect(VerificationNote.isToVerify(note) == expected, "\(note.debugDescription)")
            if expected { marked += 1 }
        }
        #expect(marked > 0)
    }
}
