import KompasCore
import KompasRules

/// The bijstandsnormen per calendar month, net, including the vakantietoeslag.
///
/// Art. 19 lid 3; indexed every 1 January and 1 July (art. 38 Participatiewet).
/// The figures are data: `Sources/KompasRules/Regels/participatiewet.json` (issue 16), each value
/// with its state. The norms of 1-1-2027 are not published yet: the file carries the 1-7-2026
/// figures forward as `verwacht`, so a 2027 question gets a marked answer instead of an error.
public enum NormParameters {
    // MARK: 21 jaar tot de pensioengerechtigde leeftijd (art. 21)
    public static let alleenstaande = Regels.money("pw.norm.alleenstaande")
    public static let gehuwden = Regels.money("pw.norm.gehuwden")

    // MARK: Pensioengerechtigde leeftijd (art. 22)
    public static let alleenstaandeAOW = Regels.money("pw.norm.alleenstaande-aow")
    public static let gehuwdenAOW = Regels.money("pw.norm.gehuwden-aow")

    // MARK: 18 tot 21 jaar (art. 20)
    public static let jongAlleenstaande = Regels.money("pw.norm.jong.alleenstaande")
    public static let jongGehuwden = Regels.money("pw.norm.jong.gehuwden")
    public static let jongGehuwdenEen21 = Regels.money("pw.norm.jong.gehuwden-een-21")
    public static let jongAlleenstaandeOuder = Regels.money("pw.norm.jong.alleenstaande-ouder")
    public static let jongGehuwdenKind = Regels.money("pw.norm.jong.gehuwden-kind")
    public static let jongGehuwdenEen21Kind = Regels.money("pw.norm.jong.gehuwden-een-21-kind")

    // MARK: Kostendelersnorm with a partner of 18–20 (art. 22a lid 3): added to the 21+ partner's norm
    public static let kostendelerJongePartnerKind = Regels.money(
        "pw.norm.kostendeler.jonge-partner-kind")
    public static let kostendelerJongePartner = Regels.money("pw.norm.kostendeler.jonge-partner")

    /// The vakantietoeslag inside the norm (article 19 lid 3).
    ///
    /// The base text says 4,8 %, with the note "per 1 januari 2009: 5 procent"; the operative
    /// figure is 5 % of the bijstand incl. VT (`rules-2026-resolved.md` §4.1, which wins over the
    /// issue's "4,8 %").
    public static let vakantietoeslag = Regels.rate("pw.vakantietoeslag")

    /// The month of the year by which the vakantietoeslag is paid at the latest (June).
    ///
    /// Artikel 45 lid 1: "jaarlijks betaald in de maand juni … of zo veel eerder"; the municipality
    /// chooses its own month up to this one (`vakantietoeslag_maand` in its file).
    public static let vakantietoeslagUiterlijk = Regels.integer(
        "pw.vakantietoeslag.uiterlijke-maand")

    /// A housemate counts as kostendeler from this age (27 since 1-1-2023).
    ///
    /// Art. 22a with art. 19a.
    public static let kostendelerMinimumleeftijd = Regels.integer("pw.kostendeler.minimumleeftijd")

    /// The AOW age: 67 years in 2024–2027.
    ///
    /// Algemene Ouderdomswet art. 7a.
    public static let aowLeeftijd = Regels.integer("aow.leeftijd")

    public static let descriptors: [ParameterDescriptor] = [
        .init(alleenstaande), .init(gehuwden), .init(alleenstaandeAOW), .init(gehuwdenAOW),
        .init(jongAlleenstaande), .init(jongGehuwden), .init(jongGehuwdenEen21),
        .init(jongAlleenstaandeOuder),
        .init(jongGehuwdenKind), .init(jongGehuwdenEen21Kind), .init(kostendelerJongePartnerKind),
        .init(kostendelerJongePartner),
        .init(vakantietoeslag), .init(vakantietoeslagUiterlijk), .init(kostendelerMinimumleeftijd),
        .init(aowLeeftijd),
    ]
}
