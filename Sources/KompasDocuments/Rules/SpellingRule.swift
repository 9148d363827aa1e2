import KompasCore

/// D/t errors and common misspellings, each with the right spelling.
///
/// D/t errors ("ik wordt", "hij vind", "geleert") and a short list of words that are often
/// misspelled ("intresse", "gemotiveert") are the spelling mistakes employers notice first; a
/// letter with them "gaat op de stapel" (issue 20). Rule-based and offline: no dictionary, so only
/// sure cases are reported, each with the right spelling.
///
/// The d/t rules: after "ik" and before "ik" the verb has no t ("ik word", "word ik"); after
/// "hij", "zij", "ze", "het", "u" and "jij" it has one ("hij vindt"); a past participle takes a t
/// only after the letters of 't kofschip ("gewerkt", but "geleerd", "gevraagd").
struct SpellingRule: DocumentRule {
    static let description = RuleDescription(
        id: "doc.spelling", level: .waarschuwing, kinds: [.cv, .brief],
        nonTriggering: [
            RuleExample("Ik word vaak gevraagd. Hij vindt dat ik goed werk. Word ik uitgenodigd?"),
            RuleExample(
                "Ik heb gewerkt en geleerd. Het gebeurt vaak dat ik help. Wordt je cv gelezen?"),
            RuleExample("Ik ben gemotiveerd en heb interesse in het abonnement."),
        ],
        triggering: [
            RuleExample(
                "Als een klant boos belt, ↓wordt ik juist rustig. Hij ↓vind dat ik snel werk."),
            RuleExample("Dat heb ik ↓geleert. Ik ben erg ↓gemotiveert en heb veel ↓intresse."),
            RuleExample("Ik ↓wordt vaak ↓gevraagt om te helpen."),
        ])

    /// Verbs whose stem ends in d: "word", "vind", …; after "ik" no t, after "hij" a t.
    static let dStems: Set<String> = [
        "word", "vind", "houd", "rijd", "bied", "meld", "zend", "lijd", "laad", "wend", "bind",
    ]
    static let thirdPerson: Set<String> = ["hij", "zij", "ze", "het", "u", "jij"]
    /// Often misspelled words and their right spelling.
    static let misspellings: [String: String] = [
        "intresse": "interesse", "interesant": "interessant", "intressant": "interessant",
        "interresant": "interessant", "perfekt": "perfect", "abonement": "abonnement",
        "direkt": "direct",
        "onmiddelijk": "onmiddellijk", "mischien": "misschien", "eigelijk": "eigenlijk",
        "natuurlük": "natuurlijk", "vriendlijk": "vriendelijk",
        "verantwoordlijk": "verantwoordelijk",
        "solicitatie": "sollicitatie", "sollicitatie's": "sollicitaties",
        "soliciteren": "solliciteren",
        "solliciteeren": "solliciteren", "sollisiteren": "solliciteren",
        "comunicatie": "communicatie",
        "comunicatief": "communicatief", "entousiast": "enthousiast",
        "enthousiastisch": "enthousiast",
        "ervaaring": "ervaring", "collegas": "collega's", "ideeen": "ideeën",
        "catagorie": "categorie", "definatief": "definitief", "accomodatie": "accommodatie",
        "bijvoorbeelt": "bijvoorbeeld",
        "nauwkeurich": "nauwkeurig", "flexiebel": "flexibel", "ambiteus": "ambitieus",
        "hygiene": "hygiëne",
        "geinteresseerd": "geïnteresseerd", "kwaliteid": "kwaliteit", "kwalitijd": "kwaliteit",
        "magazein": "magazijn",
        "zowiezo": "sowieso", "alstublief": "alstublieft", "graagte": "graag",
        "reactie's": "reacties", "vacaturen": "vacatures", "gemotiveert": "gemotiveerd",
    ]
    /// Words starting with "ge" that are not past participles, or whose t is right.
    static let notParticiples: Set<String> = [
        "gebeurt", "gelooft", "geniet", "gebruikt", "gedraagt", "gehoorzaamt", "geneest", "gebiedt",
        "gebied",
        "gezicht", "gerecht", "gewicht", "geduld", "gezond", "gebit", "gezet", "gemiddeld",
        "geleden", "gebouwd",
    ]

    static let misspelled = PhraseList(Array(misspellings.keys))

    func check(_ input: CheckInput) -> [Finding] {
        var result: [Finding] = []
        func report(_ t: Token, _ right: String) {
            result.append(
                Self.description.finding(
                    t.line, t.column, nil,
                    ["text": .text(t.text), "right": .text(Self.sameCase(right, as: t.text))]))
        }
        // The word list through the document's index; d/t and participles per word, after a
        // cheap look at the bytes.
        for hit in input.document.occurrences(of: Self.misspelled) {
            if let t = input.document.tokens[hit.line - 1].first(where: { $0.column == hit.column }
            ),
                let right = Self.misspellings[t.lower]
            {
                report(t, right)
            }
        }
        for tokens in input.document.tokens {
            for k in tokens.indices where tokens[k].kind == .word {
                let t = tokens[k]
                let u = t.lower.utf8
                let n = u.count
                guard n >= 4, let last = u.last else { continue }
                let previous = k > 0 && tokens[k - 1].kind == .word ? tokens[k - 1].lower : nil
                let next =
                    k + 1 < tokens.count && tokens[k + 1].kind == .word ? tokens[k + 1].lower : nil
                if last == 0x74, n <= 10, u.dropLast().last == 0x64,
                    previous == "ik" || next == "ik",
                    Self.dStems.contains(String(t.lower.dropLast()))
                {
                    report(t, String(t.lower.dropLast()))
                } else if last == 0x64, n <= 9, let p = previous, Self.thirdPerson.contains(p),
                    Self.dStems.contains(t.lower)
                {
                    report(t, t.lower + "t")
                } else if n >= 7, u.first == 0x67, u.dropFirst().first == 0x65,
                    Self.misspellings[t.lower] == nil,
                    let right = Self.participle(t.lower)
                {
                    report(t, right)
                }
            }
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The right spelling of a past participle with the wrong last letter, or nil.
    static func participle(_ w: String) -> String? {
        guard w.hasPrefix("ge"), w.count >= 7, !notParticiples.contains(w), let last = w.last,
            last == "t" || last == "d"
        else { return nil }
        let stem = w.dropFirst(2).dropLast()
        guard let end = stem.last, end.isLetter, !"aeiouy".contains(end), end != "t", end != "d"
        else { return nil }
        // Only sure cases: a stem ending in f or s may come from v or z ("gereisd", "geverfd").
        if last == "t", "lmnrgbw".contains(end) { return String(w.dropLast()) + "d" }
        if last == "d", "kp".contains(end) { return String(w.dropLast()) + "t" }
        return nil
    }

    static func sameCase(_ right: String, as written: String) -> String {
        guard let f = written.first, f.isUppercase else { return right }
        return right.prefix(1).uppercased() + right.dropFirst()
    }
}
