import KompasCore

/// An e-mail address is the first thing an employer sees; a playful one ("sexy_sam@…") can cost
/// the invitation.
///
/// A free address with your name is enough (werk.nl "Tips voor je cv").
struct UnprofessionalEmailRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.email.onprofessioneel", level: .waarschuwing, kinds: [.cv, .brief],
        nonTriggering: [
            RuleExample("sam.devries@example.nl"), RuleExample("s.devries1990@example.com"),
        ],
        triggering: [
            RuleExample("E-mail: ↓sexy_sam@example.nl"),
            RuleExample("Mail ↓prinsesje_xxx@example.nl of ↓killer.boy@example.com"),
            RuleExample(
                "↓samira_lief1992@example.nl\n↓stoerejongen@example.nl\n↓xx_ricky_xx@example.nl"),
        ])

    static let words = [
        "sexy", "babe", "lover", "hotboy", "hotgirl", "cutie", "killer", "gangst", "prinses",
        "princess", "schatje",
        "lieverd", "stoner", "420", "xxx", "baby", "bitch", "kusje", "party", "chick", "swag",
        "thug", "lekker",
        "devil", "duivel", "player", "bad.boy", "badboy", "badgirl", "sweety", "honey", "snoes",
        "beast", "lief", "lieve", "stoer", "xx", "meisje", "queen", "crazy", "sweet", "gamer",
        "kusjes",
    ]

    static let wordBytes = words.map { Array($0.utf8) }

    func check(_ input: CheckInput) -> [Finding] {
        input.document.lines.enumerated().flatMap { n, line in
            Contact.emails(in: line).compactMap { hit -> Finding? in
                let local = Array((hit.address.split(separator: "@").first ?? "").lowercased().utf8)
                guard let k = Self.wordBytes.firstIndex(where: { TextBytes.contains(local, $0) })
                else { return nil }
                return Self.description.finding(
                    n + 1, hit.column, nil,
                    ["address": .text(hit.address), "word": .text(Self.words[k])])
            }
        }
    }
}
