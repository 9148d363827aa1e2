import KompasCore

/// Words every CV uses ("stressbestendig", "teamplayer") tell the reader nothing; an example of
/// where it showed does (resumx.dev buzzword list; LanguageTool nl "Pas op voor clichés").
///
/// A word list: data, not code.
struct CVClichesRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.cliches", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample("Ik bleef rustig toen er in de kerstdrukte twee collega's ziek waren.")
        ],
        triggering: [
            RuleExample("Ik ben ↓stressbestendig, ↓flexibel en een echte ↓teamplayer."),
            RuleExample("A ↓hard-working ↓team player who thinks ↓outside the box.", language: .en),
        ])

    static let nl: PhraseList = [
        "stressbestendig", "flexibel", "teamplayer", "teamspeler", "hardwerkend",
        "resultaatgericht", "gemotiveerd",
        "proactief", "dynamisch", "communicatief vaardig", "out of the box", "klantgericht",
        "zelfstandig en in teamverband",
        "leergierig", "enthousiast en gedreven", "gedreven",
    ]
    static let en: PhraseList = [
        "hard-working", "hardworking", "team player", "motivated", "go-getter", "self-starter",
        "results-driven",
        "results-oriented", "detail-oriented", "dynamic", "proactive", "outside the box",
        "people person", "passionate",
    ]

    func check(_ input: CheckInput) -> [Finding] {
        PhraseSearch.findings(Self.description, input, nl: Self.nl, en: Self.en)
    }
}
