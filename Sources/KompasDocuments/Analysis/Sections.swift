/// The parts of a CV, recognised by their heading (Dutch or English).
public enum SectionKind: String, Sendable, CaseIterable {
    case personalia, profiel, werkervaring, vrijwilligerswerk, opleiding, certificaten,
        vaardigheden, beschikbaarheid, hobbys, referenties

    /// The usual order on a Dutch CV (personalia → profiel → werkervaring/opleiding → vaardigheden →
    /// hobby's → referenties; 2mrecruitment.nl, qompas.nl).
    ///
    /// Experience and education share a rank:
    /// with little work experience, education first is fine.
    public var rank: Int {
        switch self {
        case .personalia: 0
        case .profiel: 1
        case .werkervaring, .vrijwilligerswerk, .opleiding: 2
        case .certificaten, .vaardigheden, .beschikbaarheid: 3
        case .hobbys: 4
        case .referenties: 5
        }
    }

    static let headings: [String: SectionKind] = {
        var m: [String: SectionKind] = [:]
        func add(_ k: SectionKind, _ names: [String]) { for n in names { m[n] = k } }
        add(
            .personalia,
            [
                "personalia", "persoonlijke gegevens", "persoonsgegevens", "contactgegevens",
                "contact", "gegevens",
                "personal details", "personal information", "contact details",
                "contact information",
            ])
        add(
            .profiel,
            [
                "profiel", "profielschets", "persoonlijk profiel", "over mij", "profile", "summary",
                "about me",
                "personal statement", "personal profile", "professional summary",
            ])
        add(
            .werkervaring,
            [
                "werkervaring", "ervaring", "arbeidsverleden", "loopbaan", "work experience",
                "experience",
                "employment history", "employment", "work history", "professional experience",
            ])
        add(
            .vrijwilligerswerk,
            [
                "vrijwilligerswerk", "nevenactiviteiten", "volunteering", "volunteer work",
                "volunteer experience",
            ])
        add(
            .opleiding,
            [
                "opleiding", "opleidingen", "onderwijs", "scholing", "education",
                "education and training",
            ])
        add(
            .certificaten,
            [
                "certificaten", "certificaten en diploma's", "diploma's en certificaten",
                "cursussen", "cursussen en certificaten",
                "certificaten en cursussen", "certificates", "certifications", "licences",
                "licenses", "courses",
                "certificates and courses", "courses and certificates",
            ])
        add(
            .vaardigheden,
            [
                "vaardigheden", "competenties", "kwaliteiten", "talen", "talenkennis",
                "computervaardigheden",
                "skills", "languages", "competences", "competencies", "key skills",
                "computer skills",
            ])
        add(.beschikbaarheid, ["beschikbaarheid", "availability"])
        add(
            .hobbys,
            ["hobby's", "hobbys", "hobby", "interesses", "vrije tijd", "hobbies", "interests"])
        add(.referenties, ["referenties", "references"])
        return m
    }()

    /// The section a line is the heading of, if it is one: the whole line (without Markdown marks,
    /// a closing colon or surrounding spaces) is a known heading.
    public static func heading(_ line: String) -> SectionKind? {
        // Headings are short and have no digits: most lines are ruled out on their bytes.
        guard line.utf8.count <= 64, !line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        var s = Substring(line)
        while let f = s.first, f == "#" || f == "*" || f == "_" || f == " " || f == "\t" {
            s = s.dropFirst()
        }
        while let l = s.last, l == ":" || l == "*" || l == "_" || l == " " || l == "\t" {
            s = s.dropLast()
        }
        guard !s.isEmpty, s.count <= 40 else { return nil }
        return headings[s.lowercased()]
    }
}

/// A section: its heading line and the lines of its body (1-based, inclusive).
public struct Section: Sendable, Hashable {
    public let kind: SectionKind
    public let headingLine: Int
    public let body: ClosedRange<Int>?
}

public enum SectionFinder {
    public static func sections(in document: Document) -> [Section] {
        var heads: [(SectionKind, Int)] = []
        for (i, l) in document.lines.enumerated() {
            if let k = SectionKind.heading(l) { heads.append((k, i + 1)) }
        }
        return heads.enumerated().map { idx, h in
            let end = idx + 1 < heads.count ? heads[idx + 1].1 - 1 : document.lines.count
            return Section(
                kind: h.0, headingLine: h.1, body: h.1 + 1 <= end ? (h.1 + 1)...end : nil)
        }
    }
}
