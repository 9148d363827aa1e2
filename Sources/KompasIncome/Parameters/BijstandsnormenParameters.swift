import KompasCore
import KompasRules

/// The bijstandsnormen per calendar month, net, **including** the vakantietoeslag (artikel 19 lid 3),
/// as indexed every 1 January and 1 July (artikel 38 Participatiewet).
///
/// Figures from the consolidated
/// law texts (`../shared/domain/rules-2026.md` §1.1), ended on 1-1-2027 until the 2027 figures are added:
/// asking for 2027 gives "not in force", never an old amount.
public enum NormParameters {
    static func norm(_ id: String, _ article: String, _ summary: String, _ values: [Int64])
        -> Parameter<Money>
    {
        let dates = [
            LocalDate("2025-01-01"), LocalDate("2025-07-01"), LocalDate("2026-01-01"),
            LocalDate("2026-07-01"),
        ]
        let sources = [Src.pw2025January, Src.pw2025July, Src.pw2026January, Src.pw2026July]
        var history: [ParameterEntry<Money>] = zip(dates, zip(values, sources)).map { d, vs in
            .from(d, eur(vs.0), source: vs.1, verified: Src.verifiedInCorpus)
        }
        history.append(.ended(LocalDate("2027-01-01"), source: Src.notYetKnown))
        return Parameter(
            id: id, unit: .eurosPerMonth, reference: Src.pw(article), summary: summary,
            history: history)
    }

    // MARK: 21 jaar tot de pensioengerechtigde leeftijd (art. 21)
    public static let alleenstaande = norm(
        "pw.norm.alleenstaande", "art. 21",
        "Norm alleenstaande of alleenstaande ouder, 21 jaar tot AOW-leeftijd (art. 21 onder a)",
        [1_345_45, 1_369_06, 1_401_50, 1_419_46])
    public static let gehuwden = norm(
        "pw.norm.gehuwden", "art. 21",
        "Norm gehuwden of samenwonenden, beiden 21 jaar tot AOW-leeftijd (art. 21 onder b)",
        [1_922_07, 1_955_80, 2_002_13, 2_027_79])

    // MARK: Pensioengerechtigde leeftijd (art. 22)
    public static let alleenstaandeAOW = norm(
        "pw.norm.alleenstaande-aow", "art. 22",
        "Norm alleenstaande (ouder) met AOW-leeftijd (art. 22 onder a)",
        [1_501_07, 1_530_21, 1_564_69, 1_587_34])
    public static let gehuwdenAOW = norm(
        "pw.norm.gehuwden-aow", "art. 22",
        "Norm gehuwden van wie een of beiden de AOW-leeftijd hebben (art. 22 onder b en c)",
        [2_053_48, 2_094_98, 2_144_16, 2_176_10])

    // MARK: 18 tot 21 jaar (art. 20)
    public static let jongAlleenstaande = norm(
        "pw.norm.jong.alleenstaande", "art. 20",
        "Norm alleenstaande 18 tot 21 jaar zonder kinderen (art. 20 lid 1 onder a)",
        [332_17, 337_98, 345_99, 350_42])
    public static let jongGehuwden = norm(
        "pw.norm.jong.gehuwden", "art. 20",
        "Norm gehuwden, beiden 18 tot 21 jaar, zonder kinderen (art. 20 lid 1 onder b)",
        [664_34, 675_96, 691_98, 700_84])
    public static let jongGehuwdenEen21 = norm(
        "pw.norm.jong.gehuwden-een-21", "art. 20",
        "Norm gehuwden, een 18 tot 21 jaar en een 21 jaar of ouder, zonder kinderen (art. 20 lid 1 onder c)",
        [1_293_21, 1_315_88, 1_347_06, 1_364_32])
    public static let jongAlleenstaandeOuder = norm(
        "pw.norm.jong.alleenstaande-ouder", "art. 20",
        "Norm alleenstaande ouder 18 tot 21 jaar (art. 20 lid 2 onder a)",
        [332_17, 337_98, 345_99, 350_42])
    public static let jongGehuwdenKind = norm(
        "pw.norm.jong.gehuwden-kind", "art. 20",
        "Norm gehuwden, beiden 18 tot 21 jaar, met kinderen (art. 20 lid 2 onder b)",
        [1_048_75, 1_067_12, 1_092_41, 1_106_40])
    public static let jongGehuwdenEen21Kind = norm(
        "pw.norm.jong.gehuwden-een-21-kind", "art. 20",
        "Norm gehuwden, een 18 tot 21 jaar en een 21 jaar of ouder, met kinderen (art. 20 lid 2 onder c)",
        [1_677_62, 1_707_04, 1_747_49, 1_769_88])

    // MARK: Kostendelersnorm with a partner of 18–20 (art. 22a lid 3): added to the 21+ partner's norm
    public static let kostendelerJongePartnerKind = norm(
        "pw.norm.kostendeler.jonge-partner-kind", "art. 22a",
        "Kostendelersnorm: bedrag voor een partner van 18 tot 21 jaar, met kinderen (art. 22a lid 3 onder a)",
        [716_58, 729_14, 746_42, 755_98])
    public static let kostendelerJongePartner = norm(
        "pw.norm.kostendeler.jonge-partner", "art. 22a",
        "Kostendelersnorm: bedrag voor een partner van 18 tot 21 jaar, zonder kinderen (art. 22a lid 3 onder b)",
        [332_17, 337_98, 345_99, 350_42])

    /// Artikel 19 lid 3: the vakantietoeslag inside the norm.
    ///
    /// The base text says 4,8 %, with the note
    /// "per 1 januari 2009: 5 procent"; the operative figure is 5 % of the bijstand incl. VT
    /// (`rules-2026-resolved.md` §4.1, which wins over the "4,8 %").
    public static let vakantietoeslag = Parameter<Rate>(
        id: "pw.vakantietoeslag", unit: .rate, reference: Src.pw("art. 19"),
        summary:
            "Vakantietoeslag in de bijstand: deel van de norm dat wordt gespaard en eens per jaar betaald (art. 19 lid 3)",
        history: [
            .from(
                LocalDate("2009-01-01"), pct(5_000),
                source:
                    "Participatiewet art. 19 lid 3: '4,8 procent per 1 januari 2009: 5 procent van die bijstand'",
                verified:
                    "geverifieerd: explore.law art. 19 (\"4,8 procent per 1 januari 2009: 5 procent\") en gemeentelijke tabellen (95 %); de corpustekst toont alleen \"4,8 procent\" zonder de noot (rules-2026-resolved.md §4.1)"
            )
        ])

    /// Artikel 22a with artikel 19a: a housemate counts as kostendeler from age 27 (not the partner, not a commercial tenant, not a student with studiefinanciering).
    public static let kostendelerMinimumleeftijd = Parameter<Int>(
        id: "pw.kostendeler.minimumleeftijd", unit: .years, reference: Src.pw("art. 19a"),
        summary:
            "Een medebewoner telt als kostendeler vanaf deze leeftijd (art. 19a lid 1 onder c, art. 22a)",
        history: [
            .from(
                LocalDate("2015-01-01"), 27, source: Src.pw2026January,
                verified: Src.verifiedInCorpus)
        ])

    /// The AOW age (Algemene Ouderdomswet artikel 7a): 67 years in 2024–2027.
    public static let aowLeeftijd = Parameter<Int>(
        id: "aow.leeftijd", unit: .years,
        reference: .law(
            "Algemene Ouderdomswet", article: "art. 7a",
            url: "https://wetten.overheid.nl/BWBR0002221/2026-01-01#Artikel7a"),
        summary: "Pensioengerechtigde leeftijd (AOW-leeftijd), in hele jaren",
        history: [
            .from(
                LocalDate("2024-01-01"), 67,
                source:
                    "AOW art. 7a lid 1 (2025: 67 jaar); 2026 en 2027: 67 jaar (vastgesteld in de Staatscourant)",
                verified:
                    "geverifieerd: regelrecht-corpus algemene_ouderdomswet/2026-07-01.yaml art. 7a (2025); 2026-2027 in secundaire bronnen"
            ),
            .ended(
                LocalDate("2028-01-01"),
                source: "AOW-leeftijd 2028: 67 jaar en 3 maanden (nog niet opgenomen)"),
        ])

    public static let descriptors: [ParameterDescriptor] = [
        .init(alleenstaande), .init(gehuwden), .init(alleenstaandeAOW), .init(gehuwdenAOW),
        .init(jongAlleenstaande), .init(jongGehuwden), .init(jongGehuwdenEen21),
        .init(jongAlleenstaandeOuder),
        .init(jongGehuwdenKind), .init(jongGehuwdenEen21Kind), .init(kostendelerJongePartnerKind),
        .init(kostendelerJongePartner),
        .init(vakantietoeslag), .init(kostendelerMinimumleeftijd),
        .init(aowLeeftijd),
    ]
}
