import KompasCore

/// A letter names the job the vacancy is for: the reader sees at once which vacancy it answers
/// (werk.nl "Sollicitatiebrief schrijven"; Nationale Beroepengids).
///
/// The title is matched tolerantly (issue 20): hours and "parttime" in the title do not count,
/// "(zaterdag)" and other notes between brackets neither, word order is free ("parttime
/// magazijnmedewerker" answers "Magazijnmedewerker parttime"), inflections and compounds count
/// ("huishoudelijke", "verkoopmedewerker"), and of a title with alternatives ("Keukenhulp /
/// afwasser") one is enough. Half of the title's words is enough, but never a generic word alone
/// ("medewerker").
struct RoleRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.functie", level: .waarschuwing, kinds: [.brief],
        needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Ik solliciteer als orderpicker bij Van Dijk Logistiek.",
                vacancy: "Functie: Orderpicker (12–20 uur)\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "Graag word ik parttime magazijnmedewerker bij u.",
                vacancy: "Functie: Magazijnmedewerker parttime"),
            RuleExample(
                "Ik wil graag huishoudelijk medewerker worden.",
                vacancy: "Functie: Huishoudelijke medewerker thuiszorg (16-24 uur)"),
            RuleExample(
                "Graag kom ik als keukenhulp werken.",
                vacancy: "Functie: Keukenhulp / afwasser (parttime)"),
            RuleExample(
                "Ik wil verkoopmedewerker voor de zaterdag worden.",
                vacancy: "Verkoopmedewerker (zaterdag)"),
        ],
        triggering: [
            RuleExample(
                "↓Ik wil graag bij u werken.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "↓Ik ben een goede medewerker.", vacancy: "Functie: Medewerker groenvoorziening"),
            RuleExample(
                "↓Graag solliciteer ik naar de functie [FUNCTIE].",
                vacancy: "Functie: Productiemedewerker"),
        ])

    /// Words in a title that say nothing about the job itself.
    static let ignored: Set<String> = [
        "parttime", "part", "time", "fulltime", "full", "uur", "uren", "per", "week", "hours", "m",
        "v", "x",
        "mv", "en", "of", "de", "het", "een", "voor", "bij", "in", "op", "and", "or", "the", "a",
        "for", "at",
        "ervaren", "junior", "senior", "allround", "zelfstandig", "zelfstandige", "vacature",
    ]
    /// Words that are part of many titles and never enough on their own.
    static let generic: Set<String> = [
        "medewerker", "medewerkster", "hulp", "assistent", "employee", "worker", "assistant",
        "staff",
    ]

    /// The alternatives of a title, each as its content words.
    static func alternatives(of title: String) -> [[String]] {
        var plain = ""
        var depth = 0
        for c in title {
            if c == "(" || c == "[" {
                depth += 1
            } else if c == ")" || c == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                plain.append(c)
            }
        }
        return plain.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "|" }).map { part in
            Tokenizer.tokens(in: String(part), line: 0).filter {
                $0.kind == .word && !ignored.contains($0.lower)
            }
            .map(\.lower)
        }.filter { !$0.isEmpty }
    }

    /// True when `word` (of the title) is in the document: exactly, inflected (up to three more
    /// letters), or inside a compound (from five letters on).
    static func uses(_ word: String, _ words: Set<String>) -> Bool {
        if words.contains(word) { return true }
        return words.contains { w in
            (w.hasPrefix(word) && w.count - word.count <= 3)
                || (word.hasPrefix(w) && w.count >= 5 && word.count - w.count <= 2)
                || (word.count >= 5 && w.count > word.count && w.contains(word))
        }
    }

    static func named(_ title: String, in document: Document) -> Bool {
        let words = Set(document.words.map(\.lower))
        return alternatives(of: title).contains { alt in
            let present = alt.filter { uses($0, words) }
            return present.count * 2 >= alt.count && present.contains { !generic.contains($0) }
        }
    }

    func check(_ input: CheckInput) -> [Finding] {
        guard let role = input.vacancy?.role, !Self.alternatives(of: role).isEmpty else {
            return []
        }
        if Self.named(role, in: input.document) { return [] }
        return [Self.description.finding(1, 1, nil, ["role": .text(Self.display(role))])]
    }

    /// The title without hours or notes between brackets, as the letter could write it.
    static func display(_ title: String) -> String {
        var plain = ""
        var depth = 0
        for c in title {
            if c == "(" {
                depth += 1
            } else if c == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                plain.append(c)
            }
        }
        return plain.trimmedOf(" \t")
    }
}
