/// One key requirement of a vacancy, and whether the document mentions it.
///
/// The checklist (issue 20) covers driving licence, certificates,
/// a certificate of conduct, availability on Saturdays or evenings, shifts, languages. Each is
/// found in the vacancy by its usual words and counted as mentioned when the CV or letter uses
/// one of the words that say the same ("zaterdag" or "weekend" for "beschikbaar op zaterdag").
public struct Requirement: Sendable, Hashable {
    /// How the checklist names it ("Rijbewijs B", "VOG", "beschikbaar op zaterdag").
    public let label: String
    public let mentioned: Bool
}

public enum Requirements {
    struct Spec: Sendable {
        let label: String
        let inVacancy: PhraseList
        let inDocument: PhraseList
        /// Parts of words that count in the document too ("donderdagavond" has "avond").
        let fragments: [String]
    }

    static let specs: [Spec] = [
        Spec(
            label: "Rijbewijs B",
            inVacancy: ["rijbewijs b", "rijbewijs-b", "driving licence", "driver's license"],
            inDocument: ["rijbewijs", "driving licence", "driver's license", "driving license"],
            fragments: []),
        Spec(
            label: "Rijbewijs BE", inVacancy: ["rijbewijs be"], inDocument: ["be", "rijbewijs be"],
            fragments: []),
        Spec(label: "VCA", inVacancy: ["vca"], inDocument: ["vca"], fragments: []),
        Spec(label: "HACCP", inVacancy: ["haccp"], inDocument: ["haccp"], fragments: []),
        Spec(
            label: "VOG", inVacancy: ["vog", "verklaring omtrent het gedrag"],
            inDocument: ["vog", "verklaring omtrent het gedrag"], fragments: []),
        Spec(
            label: "Heftruckcertificaat",
            inVacancy: ["heftruckcertificaat", "heftruck", "forklift"],
            inDocument: ["heftruckcertificaat", "heftruck", "heftruckrijbewijs", "forklift"],
            fragments: []),
        Spec(
            label: "Diploma Beveiliger 2", inVacancy: ["beveiliger 2"],
            inDocument: ["beveiliger 2"], fragments: []),
        Spec(
            label: "beschikbaar op zaterdag", inVacancy: ["zaterdag", "zaterdagen"],
            inDocument: ["zaterdag", "zaterdagen", "weekend", "weekenden", "saturday"],
            fragments: ["zaterdag"]),
        Spec(
            label: "beschikbaar in het weekend", inVacancy: ["weekend", "weekenden"],
            inDocument: ["weekend", "weekenden", "zaterdag", "zondag", "weekends"], fragments: []),
        Spec(
            label: "beschikbaar 's avonds",
            inVacancy: ["avond", "avonden", "avonduren", "'s avonds", "koopavond"],
            inDocument: ["avond", "avonden", "avonduren", "'s avonds", "evenings"],
            fragments: ["avond"]),
        Spec(
            label: "ploegendienst", inVacancy: ["ploegendienst", "ploegen", "ploegendiensten"],
            inDocument: [
                "ploegendienst", "ploegendiensten", "ploegen", "vroege dienst", "late dienst",
                "vroege diensten", "late diensten", "vroege en late", "nachtdienst",
                "nachtdiensten",
                "wisselende diensten", "shifts",
            ],
            fragments: ["ploeg"]),
        Spec(
            label: "Nederlandse taal", inVacancy: ["nederlandse taal", "nederlands"],
            inDocument: ["nederlands", "dutch"],
            fragments: []),
        Spec(
            label: "Engels", inVacancy: ["engels"], inDocument: ["engels", "english"], fragments: []
        ),
    ]

    /// The requirements the vacancy states, each with whether `document` mentions it.
    public static func checklist(vacancy: Document, document: Document) -> [Requirement] {
        var result: [Requirement] = []
        for spec in specs where vacancy.contains(any: spec.inVacancy) {
            // "Rijbewijs BE" also contains "rijbewijs b…": list the stronger one only.
            if spec.label == "Rijbewijs B", vacancy.contains(any: ["rijbewijs be"]),
                !vacancy.contains(any: ["rijbewijs b,", "rijbewijs b "])
            {
                continue
            }
            let mentioned =
                document.contains(any: spec.inDocument)
                || spec.fragments.contains {
                    document.containsFragment(Array($0.utf8), atWordStart: false)
                }
            result.append(Requirement(label: spec.label, mentioned: mentioned))
        }
        return result
    }
}

/// A Dutch readability figure: LIX (läsbarhetsindex, Björnsson 1968), the average sentence length
/// plus the share of long words (more than six letters) in percent.
///
/// LIX needs no syllable counting, so it works the same for Dutch and English. Björnsson's bands:
/// under 30 very easy, 30–40 easy, 40–50 average, 50–60 hard, over 60 very hard. Kompas treats
/// under 40 as fitting B1 ("korte zinnen, korte woorden", Rijksoverheid "Direct duidelijk"); this
/// is guidance, not a test of the language level.
public struct ReadabilityScore: Sendable, Hashable {
    public enum Band: String, Sendable { case makkelijk, gemiddeld, moeilijk }
    public let lix: Int
    public let sentences: Int
    public var band: Band { lix < 40 ? .makkelijk : lix < 50 ? .gemiddeld : .moeilijk }

    /// The score over real sentences (at least three words); nil with fewer than three sentences.
    public static func of(_ document: Document) -> ReadabilityScore? {
        let sentences = Readability.sentences(in: document).filter { $0.words.count >= 3 }
        guard sentences.count >= 3 else { return nil }
        let words = sentences.flatMap(\.words).filter { $0.kind == .word }
        guard !words.isEmpty else { return nil }
        let long = words.filter { $0.text.count > 6 }.count
        let lix =
            Double(words.count) / Double(sentences.count) + 100 * Double(long) / Double(words.count)
        return ReadabilityScore(lix: Int(lix.rounded()), sentences: sentences.count)
    }
}
