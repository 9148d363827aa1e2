/// What a vacancy text says: the role, the company, a contact person, and its key terms.
///
/// Vacancies have no fixed form, so labels are read where they exist (`Functie:`, `Bedrijf:`,
/// `Contactpersoon:`, `Job title:`, `Company:`, `Contact:`); the role falls back to the first line.
public struct Vacancy: Sendable {
    /// How the vacancy addresses the reader: formal `u` or informal `je`.
    public enum Register: Sendable { case u, je }

    public let document: Document
    public let role: String?
    public let company: String?
    /// The contact person's surname (the word a letter should greet), first name when given, and
    /// the name as written (without the rest of the line).
    public let contactSurname: String?
    public let contactFirstName: String?
    public let contactName: String?
    /// `u` when the vacancy says "u" and "uw" more often than "je", "jij" and "jouw".
    public let register: Register?
    public let keyTerms: [String]

    static let roleLabels = [
        "functie", "functietitel", "vacature", "job title", "position", "role", "job",
    ]
    static let companyLabels = [
        "bedrijf", "organisatie", "werkgever", "company", "employer", "organisation",
        "organization",
    ]
    static let contactLabels = [
        "contactpersoon", "contact", "t.a.v.", "contact person", "vragen? bel", "informatie bij",
    ]
    static let placeLabels = ["locatie", "plaats", "standplaats", "werklocatie", "location"]
    static let titles: Set<String> = [
        "mevrouw", "meneer", "mevr", "dhr", "de", "heer", "mw", "mr", "mrs", "ms", "miss", "dr",
        "van", "der", "den", "ter", "ten", "het",
    ]

    public init(document: Document) {
        self.document = document
        var role: String?
        var company: String?
        var contact: String?
        var place: String?
        for line in document.lines where line.utf8.contains(0x3A) {
            if role == nil, let v = Self.value(line, labels: Self.roleLabels) { role = v }
            if company == nil, let v = Self.value(line, labels: Self.companyLabels) { company = v }
            if contact == nil, let v = Self.value(line, labels: Self.contactLabels) { contact = v }
            if place == nil, let v = Self.value(line, labels: Self.placeLabels) { place = v }
        }
        if role == nil, let first = document.lines.first(where: { !$0.allSatisfy(\.isWhitespace) })
        {
            role = first.trimmedOf(" \t#*")
        }
        self.role = role
        self.company = company
        // A contact value is a name when its words start with capitals (not a phone number or
        // e-mail); the name runs from the first to the last capitalised word.
        var surname: String?
        var firstName: String?
        var name: String?
        if let c = contact, !c.contains("@") {
            let raw = c.split(separator: " ").map { String($0).trimmedOf(",;:") }.filter {
                $0.first?.isLetter == true
            }
            let words = raw.map { $0.trimmedOf(".") }
            let isName: (String) -> Bool = {
                !Self.titles.contains($0.lowercased()) && ($0.first?.isUppercase ?? false)
            }
            if let a = words.firstIndex(where: isName), let b = words.lastIndex(where: isName) {
                surname = words[b]
                name = raw[a...b].joined(separator: " ")
                let given = words[a]
                if a < b, given.count > 1, given.allSatisfy(\.isLetter) { firstName = given }
            }
        }
        self.contactSurname = surname
        self.contactFirstName = firstName
        self.contactName = name
        var formal = 0
        var informal = 0
        for t in document.words {
            if t.lower == "u" || t.lower == "uw" { formal += 1 }
            if ["je", "jij", "jou", "jouw"].contains(t.lower) { informal += 1 }
        }
        self.register = formal + informal == 0 ? nil : (formal > informal ? .u : .je)
        // Names, the company, the place and addresses are not skills; other rules check those.
        var names = Set(
            [self.contactName, company, place].compactMap { $0 }.flatMap {
                Tokenizer.tokens(in: $0, line: 0).map(\.lower)
            })
        for (n, line) in document.lines.enumerated()
        where line.utf8.contains(0x40) || Self.isAddress(document.tokens[n]) {
            for t in document.tokens[n] where t.kind == .word { names.insert(t.lower) }
        }
        // A capitalised word inside a sentence that the vacancy never writes in lower case is a
        // name (a person, a street, a town).
        var capitalised = Set<String>()
        var lowerUse = Set<String>()
        for (n, tokens) in document.tokens.enumerated() where !document.lines[n].utf8.contains(0x40)
        {
            for (k, t) in tokens.enumerated() where t.kind == .word {
                if t.text == t.lower {
                    lowerUse.insert(t.lower)
                } else if k > 0, t.text.dropFirst() == t.lower.dropFirst(),
                    tokens[k - 1].text != ".",
                    tokens[k - 1].text != ":", !document.lines[n].hasPrefix("-")
                {
                    capitalised.insert(t.lower)
                }
            }
        }
        names.formUnion(capitalised.subtracting(lowerUse))
        self.keyTerms = KeyTerms.extract(from: document, excluding: names)
    }

    /// A street address: a word ending in straat, weg, laan, plein, … followed by a house number.
    static func isAddress(_ tokens: [Token]) -> Bool {
        for (k, t) in tokens.enumerated() where t.kind == .word && k + 1 < tokens.count {
            if tokens[k + 1].kind == .number,
                [
                    "straat", "weg", "laan", "plein", "kade", "gracht", "singel", "dijk", "park",
                    "hof",
                ]
                .contains(where: { t.lower.hasSuffix($0) })
            {
                return true
            }
        }
        return false
    }

    /// The analysis of a vacancy, remembered for the next check against the same vacancy text
    /// (many CVs or letters checked against one vacancy analyse it once).
    public static func analysed(_ document: Document) -> Vacancy {
        if let last = VacancyMemo.shared.get(), last.document.lines == document.lines {
            return last
        }
        let v = Vacancy(document: document)
        VacancyMemo.shared.set(v)
        return v
    }

    static func value(_ line: String, labels: [String]) -> String? {
        let trimmed = line.trimmedOf(" \t*-#")
        let lower = trimmed.lowercased()
        for l in labels where lower.hasPrefix(l + ":") {
            let v = String(trimmed.dropFirst(l.count + 1)).trimmedOf(" \t*")
            return v.isEmpty ? nil : v
        }
        return nil
    }
}

extension String {
    func trimmedOf(_ set: String) -> String {
        let s = Array(set)
        var sub = Substring(self)
        while let f = sub.first, s.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, s.contains(l) { sub = sub.dropLast() }
        return String(sub)
    }
}

/// The words a vacancy is about: content words (no function words, no vacancy boilerplate),
/// ranked by how often they occur, plus acronyms such as VCA or HACCP.
///
/// Matching allows Dutch
/// compounds and inflections by comparing the first six letters ("magazijn" ~ "magazijnwerk").
public enum KeyTerms {
    static let stop: Set<String> = [
        // Dutch function words and vacancy boilerplate
        "de", "het", "een", "en", "of", "van", "voor", "met", "op", "in", "bij", "aan", "als",
        "naar", "om", "te", "tot", "uit", "door",
        "je", "jij", "jou", "jouw", "wij", "we", "ons", "onze", "zij", "ze", "hun", "die", "dat",
        "dit", "deze", "wat", "wie", "er",
        "is", "zijn", "ben", "bent", "wordt", "worden", "word", "heb", "hebt", "heeft", "hebben",
        "kan", "kun", "kunt", "wil", "wilt",
        "zal", "zoeken", "zoekt", "bieden", "bied", "krijg", "krijgt", "goed", "goede", "graag",
        "ook", "niet", "geen", "meer", "veel",
        "per", "uur", "uren", "week", "weken", "maand", "jaar", "functie", "vacature",
        "solliciteren", "sollicitatie", "contact",
        "contactpersoon", "bedrijf", "organisatie", "werkgever", "salaris", "werk", "werken",
        "team", "collega", "collega's",
        "wie", "waar", "wanneer", "hoe", "mee", "over", "alle", "elke", "iedere", "nieuwe", "jouw",
        "eigen", "minimaal", "maximaal",
        "functietitel", "mevrouw", "meneer", "vragen", "bel", "mail", "reageer", "reageren", "gaan",
        "doen", "komen", "hier", "daar",
        // Dutch verbs and adverbs that vacancies use around the real requirements (issue 20:
        // "helpt, houdt, doet, sinds, iemand" were suggested as key words)
        "helpt", "helpen", "houdt", "houden", "doet", "sinds", "iemand", "zorgt", "zorgen", "maakt",
        "maken", "werkt", "spreekt", "spreken", "begrijpt", "begrijpen", "vraagt", "vragen",
        "biedt",
        "staat", "staan", "ligt", "komt", "gaat", "geeft", "geven", "mag", "mogen", "moet",
        "moeten",
        "kunnen", "willen", "zullen", "leer", "leert", "leren", "houd", "speelt", "spelen", "eten",
        "controleert", "controleer", "bedient", "verzamel", "verzamelt", "pakt", "laadt", "breng",
        "brengt", "plant", "rijdt", "maait", "snoeit", "ondersteunt", "onderhouden", "onderhoudt",
        "volgt", "volg", "schoon", "alles", "nodig", "fijn", "altijd", "zoals", "tussen", "tijdens",
        "volgens", "binnen", "heel", "elke", "onze", "jullie", "ervaring", "kennis", "bereid",
        "kans",
        "vast", "vaste", "verlenging", "contract", "klanten", "klant", "dagen", "dag", "uiteraard",
        "wij", "vrolijk", "netjes", "niveau", "beheersing", "wat", "zelfstandig", "betrouwbaar",
        "nauwkeurig", "gezellig", "veilig", "drukke", "druk", "klein", "groot", "grote", "heeft",
        "hebt", "leuk", "leuke", "prettig", "prettige", "leeft", "zorgt", "ruimte", "mogelijkheden",
        "reiskostenvergoeding", "vergoeding", "goed", "aanspreekpunt", "woord", "geschrift",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zondag", "pré", "plezier",
        "kinderen", "mensen", "nederland", "omgeving", "regio", "jaren", "locatie", "laad", "halen",
        "zoek", "kom", "geef", "neem", "neemt", "krijgen", "bezoeken", "woont", "wonen",
        "verplicht",
        // English
        "the", "a", "an", "and", "or", "of", "for", "with", "on", "at", "to", "from", "by", "as",
        "we", "you", "your", "our", "us",
        "they", "their", "is", "are", "be", "will", "can", "have", "has", "this", "that", "these",
        "who", "what", "offer", "looking",
        "job", "title", "company", "employer", "apply", "position", "role", "per", "hour", "hours",
        "week", "month", "year", "salary",
        "work", "team", "contact", "person", "about", "all", "new", "own", "must", "please",
        "questions", "call", "good", "great", "helps", "makes", "does", "since", "someone",
        "experience", "knowledge", "always", "every", "need", "needs", "working", "able",
    ]

    public static func extract(
        from document: Document, excluding: Set<String> = [], limit: Int = 15
    ) -> [String] {
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        var order = 0
        for line in document.tokens {
            for t in line where t.kind == .word {
                let w = t.lower
                let n = t.text.utf8.count
                let acronym =
                    n >= 2 && n <= 6 && t.text.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
                guard acronym || (w.count >= 4 && !stop.contains(w)), !excluding.contains(w) else {
                    continue
                }
                counts[w, default: 0] += acronym ? 3 : 1
                if first[w] == nil {
                    first[w] = order
                    order += 1
                }
            }
        }
        return counts.keys.sorted {
            (counts[$0, default: 0], -first[$0, default: 0]) > (
                counts[$1, default: 0], -first[$1, default: 0]
            )
        }
        .prefix(limit).map { $0 }
    }

    static func stem(_ w: String) -> Substring { w.prefix(6) }

    /// Which of `terms` occur in `document` (exactly, as part of a compound, or with the same first six letters).
    public static func covered(_ terms: [String], in document: Document) -> (
        covered: [String], missing: [String]
    ) {
        var c: [String] = []
        var m: [String] = []
        for t in terms {
            let hit =
                document.containsWord(t)
                || (t.count >= 5
                    && (document.containsFragment(Array(stem(t).utf8), atWordStart: true)
                        || document.containsFragment(Array(t.utf8), atWordStart: false)))
            if hit { c.append(t) } else { m.append(t) }
        }
        return (c, m)
    }
}

/// The last vacancy analysed, behind a lock (checks may run on several threads).
final class VacancyMemo: @unchecked Sendable {
    static let shared = VacancyMemo()
    private var last: Vacancy?
    private let lock = NSLockLike()
    func get() -> Vacancy? { lock.with { last } }
    func set(_ v: Vacancy) { lock.with { last = v } }
}
