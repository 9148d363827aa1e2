import KompasDocuments
import Testing

/// The readability rule itself: it must fail on texts that break it, not only pass Kompas' own.
@Suite struct PlainLanguageTests {
    @Test func shortClearTextWithExplainedJargonPasses() {
        let text =
            "Je werkt 16 uur. Je houdt de vrijlating.\n\nVrijlating: een deel van je loon dat je mag houden naast je uitkering."
        let r = PlainLanguage.check(text, language: .nl)
        #expect(r.passes, "\(r)")
    }

    @Test func jargonWithoutExplanationFails() {
        let r = PlainLanguage.check("Je toetsingsinkomen stijgt. Dat is goed.", language: .nl)
        #expect(r.unexplained == ["toetsingsinkomen"])
        #expect(!r.passes)
    }

    @Test func explanationTooFarAwayFails() {
        let text =
            "De vrijlating helpt.\n\nNog iets.\n\nEn nog iets.\n\nVrijlating: een deel van je loon dat je mag houden naast je uitkering."
        #expect(PlainLanguage.check(text, language: .nl).unexplained == ["vrijlating"])
    }

    @Test func longSentencesFail() {
        let long =
            "Als je in een maand meer uren werkt dan je had gedacht dan moet je dat op tijd aan de gemeente en ook aan de Belastingdienst laten weten omdat anders alles verkeerd gaat."
        let r = PlainLanguage.check(long, language: .nl)
        #expect(r.averageSentenceLength > 15)
        #expect(!r.passes)
    }

    @Test func manyLongWordsFail() {
        let r = PlainLanguage.check(
            "Inkomstenformulieren zijn arbeidsongeschiktheidsverzekeringen. Wij gaan.",
            language: .nl)
        #expect(r.longWordShare > PlainLanguage.maximumLongWordShare)
        #expect(!r.passes)
    }

    @Test func explanationsAreAddedAfterTheFirstUse() {
        let e = PlainLanguage.explanations(
            for: [
                "Geen moeilijke woorden.", "Je vrijlating en je voorschot.", "Weer de vrijlating.",
            ], language: .nl)
        #expect(e[0].isEmpty && e[2].isEmpty)
        #expect(e[1].count == 2)
    }
}
