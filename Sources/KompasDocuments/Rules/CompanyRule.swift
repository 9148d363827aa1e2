import KompasCore

/// A letter names the employer, spelled as the vacancy spells it.
///
/// A misspelled name is noticed at
/// once, and another company's name means the letter was copied from another application and goes
/// to the pile (werk.nl "Sollicitatiebrief schrijven"; seed reports: a standard letter is spotted
/// at once).
///
/// Independent of the title check (issue 20). The name is found by its distinctive words, so
/// "CleanStar" answers "CleanStar Schoonmaakdiensten" and "Van Dijk" answers "Van Dijk
/// Logistiek"; a word one or two letters off ("Nord" for "Noord") is a misspelling; "bij
/// Restaurant De Zwaan" to a vacancy of Restaurant De Gouden Leeuw is another company.
struct CompanyRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.bedrijf", level: .waarschuwing, kinds: [.brief],
        messages: ["brief.bedrijf.ontbreekt", "brief.bedrijf.spelling", "brief.bedrijf.anders"],
        praise: "brief.functie-bedrijf.praise", needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Ik solliciteer als orderpicker bij Van Dijk Logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "Een schoon kantoor bij CleanStar: daar zorg ik graag voor.",
                vacancy: "Functie: Schoonmaker\nBedrijf: CleanStar Schoonmaakdiensten"),
            RuleExample(
                "Ik werk graag bij de HEMA in Amersfoort.",
                vacancy: "Functie: Verkoper\nBedrijf: HEMA"),
        ],
        triggering: [
            RuleExample(
                "↓Ik wil graag orderpicker worden.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "Ik wil graag orderpicker worden bij ↓van dijk logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "Bij Groenbedrijf Hoveniers ↓Nord wil ik graag werken.",
                vacancy: "Functie: Hovenier\nBedrijf: Groenbedrijf Hoveniers Noord"),
            RuleExample(
                "Daarom wil ik graag als keukenhulp komen werken bij ↓Restaurant De Zwaan.",
                vacancy: "Functie: Keukenhulp\nBedrijf: Restaurant De Gouden Leeuw"),
        ],
        praised: [
            RuleExample(
                "Graag word ik orderpicker bij Van Dijk Logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek")
        ],
        notPraised: [
            // The company is right, but the job is not named: the praise says both.
            RuleExample(
                "Graag werk ik bij Van Dijk Logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek")
        ])

    /// Words in company names that do not tell one company from another.
    static let generic: Set<String> = [
        "bv", "b", "v", "nv", "vof", "holding", "groep", "group", "de", "het", "van", "der", "den",
        "ter", "ten", "t",
        "en", "restaurant", "café", "cafe", "bakkerij", "supermarkt", "supermarkten", "zorggroep",
        "stichting",
        "gemeente", "kinderopvang", "groenbedrijf", "schoonmaakdiensten", "schoonmaakbedrijf",
        "schoonmaak", "logistiek",
        "transport", "uitzendbureau", "nederland", "services", "service", "diensten", "bedrijf",
        "winkel", "hotel",
        "the", "company", "ltd", "inc",
    ]
    /// Words that often stand before a company's name in a letter.
    static let introducers: Set<String> = ["bij", "voor", "at", "for"]

    static func distinctive(_ company: String) -> [Token] {
        Tokenizer.tokens(in: company, line: 0).filter {
            $0.kind == .word && !generic.contains($0.lower)
        }
    }

    func check(_ input: CheckInput) -> [Finding] {
        guard let company = input.vacancy?.company, !company.isEmpty else { return [] }
        let d = input.document
        let key = Self.distinctive(company)
        guard !key.isEmpty else { return [] }
        let words = d.words
        let spelling: (Int, Int) -> [Finding] = { line, column in
            [
                Self.description.finding(
                    line, column, "brief.bedrijf.spelling", ["company": .text(company)])
            ]
        }
        // The whole name: as written is right, in another case ("van dijk logistiek") a spelling point.
        let whole = d.occurrences(of: [company.lowercased()])
        if !whole.isEmpty {
            let asWritten = whole.contains {
                d.text(line: $0.line, column: $0.column, count: company.count) == company
            }
            return asWritten ? [] : spelling(whole[0].line, whole[0].column)
        }
        let exact = words.filter { w in key.contains { $0.text == w.text } }
        let sameLetters = words.filter { w in key.contains { $0.lower == w.lower } }
        // Capitalised words one or two letters off a distinctive word: a misspelling.
        let near = words.filter { w in
            guard w.text.first?.isUppercase == true, w.text.count >= 3 else { return false }
            return key.contains { k in
                k.lower != w.lower && k.lower.count >= 5
                    && EditDistance.within(k.lower, w.lower, limit: k.lower.count >= 8 ? 2 : 1)
            }
        }
        if let miss = near.first { return spelling(miss.line, miss.column) }
        if !exact.isEmpty { return [] }
        if let first = sameLetters.first { return spelling(first.line, first.column) }
        // Written without spaces or hyphens ("VanDijk")?
        let squash: (String) -> String = { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        let squashed = squash(company)
        if squashed.count >= 4, let n = d.lines.firstIndex(where: { squash($0).contains(squashed) })
        {
            return spelling(n + 1, 1)
        }
        if let other = Self.otherCompany(in: d) {
            return [
                Self.description.finding(
                    other.line, other.column, "brief.bedrijf.anders",
                    ["company": .text(company), "other": .text(other.name)])
            ]
        }
        return [
            Self.description.finding(1, 1, "brief.bedrijf.ontbreekt", ["company": .text(company)])
        ]
    }

    /// True when the letter uses the company's name or one of its distinctive words.
    static func names(_ company: String, in d: Document) -> Bool {
        if !d.occurrences(of: [company.lowercased()]).isEmpty { return true }
        let key = Set(distinctive(company).map(\.lower))
        return d.words.contains { key.contains($0.lower) }
    }

    /// "bij Restaurant De Zwaan", "bij Bakkerij Bakker": a name after "bij" or "voor" that starts
    /// with a company word or is written with capitals.
    static func otherCompany(in d: Document) -> (name: String, line: Int, column: Int)? {
        for tokens in d.tokens {
            for (k, t) in tokens.enumerated()
            where introducers.contains(t.lower) && k + 1 < tokens.count {
                var name: [Token] = []
                var j = k + 1
                while j < tokens.count, tokens[j].kind == .word {
                    let w = tokens[j]
                    if w.text.first?.isUppercase == true {
                        name.append(w)
                    } else if ["de", "van", "der", "het"].contains(w.lower),
                        !name.isEmpty || j == k + 1
                    {
                        if j + 1 < tokens.count, tokens[j + 1].text.first?.isUppercase == true {
                            name.append(w)
                        } else {
                            break
                        }
                    } else {
                        break
                    }
                    j += 1
                }
                guard let first = name.first, name.count >= 2 || first.text.count >= 4 else {
                    continue
                }
                return (name.map(\.text).joined(separator: " "), first.line, first.column)
            }
        }
        return nil
    }

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, let v = input.vacancy, let role = v.role, v.company != nil,
            RoleRule.named(role, in: input.document)
        else { return nil }
        return Message("brief.functie-bedrijf.praise")
    }
}

/// Levenshtein distance with an early stop, for names one or two letters off.
enum EditDistance {
    static func within(_ a: String, _ b: String, limit: Int) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > limit { return false }
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return false }
            previous = current
        }
        return (previous.last ?? 0) <= limit
    }
}
