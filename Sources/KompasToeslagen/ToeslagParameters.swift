import KompasCore
import KompasRules

// Every legal number the toeslagen use, dated, with its law, publication and what was verified where.
// "Stored copy" means the search corpora of this project (no live web): MinBZK/regelrecht-corpus mirrors
// wetten.overheid.nl. Where a figure could not be read at its source, `verified` starts with "te verifiëren".

private func d(_ s: StaticString) -> LocalDate { LocalDate(s) }

private enum Ref {
    static func wzt(_ art: String, _ anchor: String) -> LegalReference {
        .law(
            "Wet op de zorgtoeslag", article: art,
            url: "https://wetten.overheid.nl/BWBR0018451/2026-01-01#\(anchor)")
    }
    static func wht(_ art: String, _ anchor: String) -> LegalReference {
        .law(
            "Wet op de huurtoeslag", article: art,
            url: "https://wetten.overheid.nl/BWBR0008659/2026-01-01#\(anchor)")
    }
    static func wkb(_ art: String, _ anchor: String) -> LegalReference {
        .law(
            "Wet op het kindgebonden budget", article: art,
            url: "https://wetten.overheid.nl/BWBR0022751/2026-01-01#\(anchor)")
    }
    static func awir(_ art: String, _ anchor: String) -> LegalReference {
        .law(
            "Algemene wet inkomensafhankelijke regelingen", article: art,
            url: "https://wetten.overheid.nl/BWBR0018472/2026-01-01#\(anchor)")
    }
    static func kot(_ art: String) -> LegalReference {
        .law(
            "Wet kinderopvang / Besluit kinderopvangtoeslag", article: art,
            url: "https://wetten.overheid.nl/BWBR0017017/2026-01-01")
    }
    static func akw(_ art: String) -> LegalReference {
        .law(
            "Algemene Kinderbijslagwet", article: art,
            url: "https://wetten.overheid.nl/BWBR0002368/2026-01-01")
    }
}

private let regelrechtWzt2026 =
    "wettekst gelezen in opgeslagen kopie (MinBZK/regelrecht-corpus wet_op_de_zorgtoeslag/2026-01-01.yaml) op 2026-11-23"
private let regelrechtWht2026 =
    "wettekst gelezen in opgeslagen kopie (MinBZK/regelrecht-corpus wet_op_de_huurtoeslag/2026-01-01.yaml) op 2026-11-23"
private let viaResolved =
    "overgenomen uit rules-2026-resolved.md (daar geciteerd uit de wettekst); niet opnieuw gelezen"

/// The dated parameters of the national toeslagen.
///
/// The App adds ``descriptors`` to the registry (`kompas regels`).
public enum ToeslagParameters {

    // MARK: Awir (shared)

    /// Art. 14 lid 5 Awir: "Een tegemoetkoming wordt niet toegekend indien deze minder dan € 24 zou bedragen."
    public static let minimumTegemoetkoming = Parameter<Money>(
        id: "awir.minimum", unit: .eurosPerYear, reference: Ref.awir("art. 14 lid 5", "Artikel14"),
        summary: "Een toeslag onder dit bedrag per jaar wordt niet toegekend",
        history: [
            .from(
                d("2025-01-01"), .euros(24), source: "Awir art. 14 lid 5 (ongewijzigd 2024-2026)",
                verified:
                    "letterlijke wettekst geciteerd in een derde-partij parameterbestand (gevonden via zoekindex, 2026-11-23); ook rules-2026.md §4.1"
            )
        ])

    /// Drempelinkomen: 108 % × 12 × the minimum wage per month in January (artikel 1 onder f Wzt; the same
    /// definition in artikel 1 onder d WKB).
    ///
    /// Dienst Toeslagen rounds it up to whole euros.
    public static let drempelinkomen = Parameter<Money>(
        id: "wzt.drempelinkomen", unit: .eurosPerYear,
        reference: Ref.wzt("art. 1 onder f", "Artikel1"),
        summary: "Drempelinkomen: 108 % van 12 × het minimumloon per maand in januari",
        history: [
            .from(
                d("2025-01-01"), .euros(28_406),
                source:
                    "108 % × 12 × € 2.191,80 (Stcrt. 2024, 33625) = € 28.405,44, naar boven afgerond",
                verified:
                    "minimumloon januari 2025 en afronding naar boven: derde-partij parameterbestand dat Stcrt. 2024, 33625 citeert (2026-11-23); berekening nagerekend"
            ),
            .from(
                d("2026-01-01"), .euros(29_736),
                source:
                    "108 % × 12 × € 2.294,40 (Stcrt. 2025, 34131) = € 29.735,42, naar boven afgerond",
                verified: "definitie: " + regelrechtWzt2026
                    + "; minimumloon: Stcrt. 2025, 34131 zoals geciteerd; SZW-overzicht noemt € 29.736"
            ),
        ])

    // MARK: Zorgtoeslag

    public static let zorgStandaardpremie = Parameter<Money>(
        id: "wzt.standaardpremie", unit: .eurosPerYear, reference: Ref.wzt("art. 4", "Artikel4"),
        summary: "Standaardpremie per verzekerde per jaar",
        history: [
            .from(
                d("2025-01-01"), .euros(2_112),
                source: "Regeling standaardpremie 2025, Stcrt. 2024, 38887",
                verified:
                    "tekst van de regeling geciteerd in derde-partij parameterbestand (2026-11-23): \"bedraagt voor het berekeningsjaar 2025 € 2.112\""
            ),
            .from(
                d("2026-01-01"), .euros(2_119),
                source: "Regeling standaardpremie 2026, Stcrt. 2025, 40022",
                verified:
                    "taxlive.nl VN Vandaag 26-11-2025 (opgeslagen kopie): \"standaardpremie vastgesteld op € 2119\""
            ),
        ])

    public static let zorgPercentageDrempelAlleen = Parameter<Rate>(
        id: "wzt.normpremie.alleen", unit: .rate, reference: Ref.wzt("art. 2 lid 3", "Artikel2"),
        summary: "Normpremie: percentage van het drempelinkomen, zonder toeslagpartner",
        history: [
            .from(
                d("2025-01-01"), Rate(partsPerMillion: 18_960), source: "Stb. 2024, 351",
                verified:
                    "regelrecht-corpus wet_op_de_zorgtoeslag/2025-01-01.yaml art. 2.3 (1,896 %)"),
            .from(
                d("2026-01-01"), Rate(partsPerMillion: 19_120), source: "Stb. 2025, 412",
                verified: regelrechtWzt2026 + " (1,912 %)"),
        ])

    public static let zorgPercentageDrempelPartner = Parameter<Rate>(
        id: "wzt.normpremie.partner", unit: .rate, reference: Ref.wzt("art. 2 lid 3", "Artikel2"),
        summary: "Normpremie: percentage van het drempelinkomen, met toeslagpartner",
        history: [
            .from(
                d("2025-01-01"), Rate(partsPerMillion: 42_730), source: "Stb. 2024, 351",
                verified:
                    "regelrecht-corpus wet_op_de_zorgtoeslag/2025-01-01.yaml art. 2.3 (4,273 %)"),
            .from(
                d("2026-01-01"), Rate(partsPerMillion: 42_890), source: "Stb. 2025, 412",
                verified: regelrechtWzt2026 + " (4,289 %)"),
        ])

    public static let zorgPercentageBovenDrempel = Parameter<Rate>(
        id: "wzt.normpremie.afbouw", unit: .rate, reference: Ref.wzt("art. 2 lid 3", "Artikel2"),
        summary: "Normpremie: percentage van het toetsingsinkomen boven het drempelinkomen",
        history: [
            .from(
                d("2025-01-01"), Rate(partsPerMillion: 137_000), source: "Stb. 2024, 351",
                verified:
                    "regelrecht-corpus wet_op_de_zorgtoeslag/2025-01-01.yaml art. 2.3 (13,700 %)"),
            .from(
                d("2026-01-01"), Rate(partsPerMillion: 137_300), source: "Stb. 2025, 412",
                verified: regelrechtWzt2026 + " (13,730 %)"),
        ])

    public static let zorgVermogensgrensAlleen = Parameter<Money>(
        id: "wzt.vermogensgrens.alleen", unit: .euros,
        reference: Ref.wzt("art. 3 lid 1", "Artikel3"),
        summary: "Vermogensgrens zorgtoeslag zonder toeslagpartner (1 januari)",
        history: [
            .from(
                d("2025-01-01"), .euros(141_896), source: "Stcrt. 2024, 37672",
                verified: "regelrecht-corpus wet_op_de_zorgtoeslag/2025-01-01.yaml art. 3"),
            .from(
                d("2026-01-01"), .euros(146_011), source: "Stcrt. 2025, 38110",
                verified: regelrechtWzt2026),
        ])

    public static let zorgVermogensgrensPartner = Parameter<Money>(
        id: "wzt.vermogensgrens.partner", unit: .euros,
        reference: Ref.wzt("art. 3 lid 1", "Artikel3"),
        summary: "Vermogensgrens zorgtoeslag met toeslagpartner (1 januari)",
        history: [
            .from(
                d("2025-01-01"), .euros(179_429), source: "Stcrt. 2024, 37672",
                verified: "regelrecht-corpus wet_op_de_zorgtoeslag/2025-01-01.yaml art. 3"),
            .from(
                d("2026-01-01"), .euros(184_633), source: "Stcrt. 2025, 38110",
                verified: regelrechtWzt2026),
        ])

    /// Artikel 2 lid 4 Wzt: with a partner who is not insured, the entitlement is 50 %.
    public static let zorgAandeelPartnerNietVerzekerd = Parameter<Rate>(
        id: "wzt.partnerNietVerzekerd", unit: .rate, reference: Ref.wzt("art. 2 lid 4", "Artikel2"),
        summary: "Deel van de zorgtoeslag als de partner niet verzekerd is",
        history: [
            .from(
                d("2025-01-01"), .percent(50), source: "Wzt art. 2 lid 4",
                verified: regelrechtWzt2026)
        ])

    /// Artikel 1 onder c Wzt: a "verzekerde" counts from the month after the 18th birthday.
    public static let zorgMinimumLeeftijd = Parameter<Int>(
        id: "wzt.minimumLeeftijd", unit: .years, reference: Ref.wzt("art. 1 onder c", "Artikel1"),
        summary: "Zorgtoeslag vanaf 18 jaar (vanaf de maand na de 18e verjaardag)",
        history: [
            .from(d("2025-01-01"), 18, source: "Wzt art. 1 onder c", verified: regelrechtWzt2026)
        ])

    // MARK: Huurtoeslag (2026 system; the 2025 normhuur formula of art. 17-19 old text is not modelled)

    public static let huurMaximaleHuurgrens21 = Parameter<Money>(
        id: "wht.maximaleHuurgrens", unit: .eurosPerMonth,
        reference: Ref.wht("art. 13 lid 1 onder a", "Artikel13"),
        summary: "Maximale huurgrens als iemand in huis 21 jaar of ouder is, of er een kind woont",
        history: [
            .from(
                d("2026-01-01"), .cents(932_93),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurMaximaleHuurgrensJong = Parameter<Money>(
        id: "wht.maximaleHuurgrens.jong", unit: .eurosPerMonth,
        reference: Ref.wht("art. 13 lid 1 onder b", "Artikel13"),
        summary: "Maximale huurgrens als iedereen in huis jonger is dan 21",
        history: [
            .from(
                d("2026-01-01"), .cents(498_20),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurKwaliteitskortingsgrens = Parameter<Money>(
        id: "wht.kwaliteitskortingsgrens", unit: .eurosPerMonth,
        reference: Ref.wht("art. 20 lid 1", "Artikel20"),
        summary: "Kwaliteitskortingsgrens",
        history: [
            .from(
                d("2026-01-01"), .cents(498_20),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurAftoppingsgrensKlein = Parameter<Money>(
        id: "wht.aftoppingsgrens.1-2", unit: .eurosPerMonth,
        reference: Ref.wht("art. 20 lid 2 onder a", "Artikel20"),
        summary: "Aftoppingsgrens voor een huishouden van 1 of 2 personen",
        history: [
            .from(
                d("2026-01-01"), .cents(713_02),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurAftoppingsgrensGroot = Parameter<Money>(
        id: "wht.aftoppingsgrens.3plus", unit: .eurosPerMonth,
        reference: Ref.wht("art. 20 lid 2 onder b", "Artikel20"),
        summary: "Aftoppingsgrens voor een huishouden van 3 of meer personen",
        history: [
            .from(
                d("2026-01-01"), .cents(764_14),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurNormhuur = Parameter<Money>(
        id: "wht.normhuur", unit: .eurosPerMonth, reference: Ref.wht("art. 17 lid 2", "Artikel17"),
        summary: "Normhuur bij het minimum-inkomensijkpunt",
        history: [
            .from(
                d("2026-01-01"), .cents(252_49),
                source: "Regeling huurtoeslaggrenzen 2026 (Stcrt. 2025, 39783)",
                verified: regelrechtWht2026)
        ])

    public static let huurVerlagingEen = Parameter<Money>(
        id: "wht.normhuurverlaging.een", unit: .eurosPerMonth,
        reference: Ref.wht("art. 17 lid 3 onder a", "Artikel17"),
        summary: "Verlaging van de normhuur voor een eenpersoonshuishouden",
        history: [
            .from(
                d("2026-01-01"), .cents(1_82), source: "Wht art. 17 lid 3",
                verified: regelrechtWht2026)
        ])

    public static let huurVerlagingMeer = Parameter<Money>(
        id: "wht.normhuurverlaging.meer", unit: .eurosPerMonth,
        reference: Ref.wht("art. 17 lid 3 onder b", "Artikel17"),
        summary: "Verlaging van de normhuur voor een meerpersoonshuishouden",
        history: [
            .from(
                d("2026-01-01"), .cents(3_63), source: "Wht art. 17 lid 3",
                verified: regelrechtWht2026)
        ])

    /// Artikel 16 Wht prints "verhoogd met € 12", but the amount is € 0 since 1-1-2023 (Staatsblad 2022, 528).
    public static let huurOpslagBasishuur = Parameter<Money>(
        id: "wht.opslagArt16", unit: .eurosPerMonth, reference: Ref.wht("art. 16", "Artikel16"),
        summary: "Opslag op de normhuur (art. 16): sinds 2023 € 0",
        history: [
            .from(
                d("2026-01-01"), .zero,
                source: "Stb. 2022, 528 (\"€ 16,94\" vervangen door \"€ 0\" per 1-1-2023)",
                verified:
                    "redactionele noot in regelrecht wet_op_de_huurtoeslag/2025-01-01.yaml en Stb. 2022, 528 via rules-2026-resolved.md §1.1; de 2026-tekst in regelrecht-corpus toont nog \"€ 12\" zonder noot (gelezen 2026-11-23)"
            )
        ])

    /// Wet verlaging eigen bijdrage huurtoeslag (BWBR0049106) artikel 1: the basishuur is lowered per year.
    public static let huurVerlagingEigenBijdrage = Parameter<Money>(
        id: "wht.verlagingEigenBijdrage", unit: .eurosPerMonth,
        reference: .law(
            "Wet verlaging eigen bijdrage huurtoeslag", article: "art. 1",
            url: "https://wetten.overheid.nl/BWBR0049106/2026-01-01#Artikel1"),
        summary: "Verlaging van de basishuur (Wet verlaging eigen bijdrage huurtoeslag)",
        history: [
            .from(
                d("2026-01-01"), .cents(48_15), source: "BWBR0049106 art. 1 onder c",
                verified: viaResolved
                    + " (regelrecht-corpus wet_verlaging_eigen_bijdrage_huurtoeslag/2026-01-01.yaml)"
            ),
            .from(
                d("2027-01-01"), .cents(47_57), source: "BWBR0049106 art. 1 onder d",
                verified: viaResolved),
            .from(
                d("2028-01-01"), .cents(46_99), source: "BWBR0049106 art. 1 onder e",
                verified: viaResolved),
            .from(
                d("2029-01-01"), .cents(46_42), source: "BWBR0049106 art. 1 onder f",
                verified: viaResolved),
        ])

    public static let huurPercentageKwaliteit = Parameter<Rate>(
        id: "wht.percentage.b", unit: .rate,
        reference: .law(
            "Besluit op de huurtoeslag", article: "art. 7 lid 1",
            url: "https://wetten.overheid.nl/BWBR0008763/2026-01-01"),
        summary:
            "Deel van de huur tussen kwaliteitskortingsgrens en aftoppingsgrens dat wordt vergoed",
        history: [
            .from(
                d("2026-01-01"), .percent(65), source: "Besluit op de huurtoeslag art. 7 lid 1",
                verified:
                    "te verifiëren: alleen een oudere consolidatie gelezen (rules-2026-resolved.md §1.2); het voorbeeld van Capelle a/d IJssel klopt met 65 %"
            )
        ])

    public static let huurPercentageAftopping = Parameter<Rate>(
        id: "wht.percentage.c", unit: .rate,
        reference: .law(
            "Besluit op de huurtoeslag", article: "art. 7 lid 2",
            url: "https://wetten.overheid.nl/BWBR0008763/2026-01-01"),
        summary:
            "Deel van de huur tussen aftoppingsgrens en maximale huurgrens dat wordt vergoed (alle huishoudens)",
        history: [
            .from(
                d("2026-01-01"), .percent(40),
                source: "Besluit op de huurtoeslag art. 7 lid 2; Wht art. 21 lid 1 onder c (2026)",
                verified: "art. 21 lid 1 onder c zonder beperking: " + regelrechtWht2026
                    + "; 40 % zelf: te verifiëren (oudere consolidatie, rules-2026-resolved.md §1.2)"
            )
        ])

    public static let huurAfbouwEen = Parameter<Rate>(
        id: "wht.afbouw.een", unit: .rate, reference: Ref.wht("art. 21 lid 2 onder a", "Artikel21"),
        summary: "Afbouwpercentage eenpersoonshuishouden (per jaar inkomen boven het ijkpunt)",
        history: [
            .from(
                d("2026-01-01"), .percent(27), source: "Wht art. 21 lid 2",
                verified: regelrechtWht2026)
        ])

    public static let huurAfbouwMeer = Parameter<Rate>(
        id: "wht.afbouw.meer", unit: .rate,
        reference: Ref.wht("art. 21 lid 2 onder b", "Artikel21"),
        summary: "Afbouwpercentage meerpersoonshuishouden (per jaar inkomen boven het ijkpunt)",
        history: [
            .from(
                d("2026-01-01"), .percent(22), source: "Wht art. 21 lid 2",
                verified: regelrechtWht2026)
        ])

    public static let huurIjkpuntEen = Parameter<Money>(
        id: "wht.ijkpunt.een", unit: .eurosPerYear,
        reference: Ref.wht("art. 17 lid 1 onder a", "Artikel17"),
        summary: "Minimum-inkomensijkpunt eenpersoonshuishouden",
        history: [
            .from(
                d("2026-01-01"), .euros(23_425),
                source: "Regeling huurtoeslaggrenzen 2026 (BWBR0051841, Stcrt. 2025, 39783)",
                verified:
                    "te verifiëren: twee derde-partij rekenprogramma's noemen dit bedrag; de Regeling zelf is niet gelezen"
            )
        ])

    public static let huurIjkpuntMeer = Parameter<Money>(
        id: "wht.ijkpunt.meer", unit: .eurosPerYear,
        reference: Ref.wht("art. 17 lid 1 onder b", "Artikel17"),
        summary: "Minimum-inkomensijkpunt meerpersoonshuishouden",
        history: [
            .from(
                d("2026-01-01"), .euros(31_500),
                source: "Regeling huurtoeslaggrenzen 2026 (BWBR0051841, Stcrt. 2025, 39783)",
                verified:
                    "te verifiëren: twee derde-partij rekenprogramma's noemen dit bedrag; de Regeling zelf is niet gelezen"
            )
        ])

    /// Artikel 7 lid 3 Awir: the general asset limit, used by huurtoeslag (which has no limit of its own).
    public static let huurVermogensgrensAlleen = Parameter<Money>(
        id: "wht.vermogensgrens.alleen", unit: .euros,
        reference: Ref.awir("art. 7 lid 3", "Artikel7"),
        summary: "Vermogensgrens huurtoeslag zonder toeslagpartner (1 januari)",
        history: [
            .from(
                d("2025-01-01"), .euros(37_395), source: "Stcrt. 2024, 38492, art. V onder A",
                verified: "Awir-tekst geciteerd in derde-partij parameterbestand (2026-11-23)"),
            .from(
                d("2026-01-01"), .euros(38_479), source: "Stcrt. 2025, 40487, art. V onder A",
                verified:
                    "Awir-tekst geciteerd in derde-partij parameterbestand (2026-11-23); Dienst Toeslagen 24-11-2025 noemt € 38.479"
            ),
        ])

    public static let huurVermogensgrensPartner = Parameter<Money>(
        id: "wht.vermogensgrens.partner", unit: .euros,
        reference: Ref.awir("art. 7 lid 3", "Artikel7"),
        summary: "Vermogensgrens huurtoeslag met toeslagpartner (1 januari)",
        history: [
            .from(
                d("2025-01-01"), .euros(74_790), source: "Stcrt. 2024, 38492, art. V onder A",
                verified: "Awir-tekst geciteerd in derde-partij parameterbestand (2026-11-23)"),
            .from(
                d("2026-01-01"), .euros(76_958), source: "Stcrt. 2025, 40487, art. V onder A",
                verified: "Awir-tekst geciteerd in derde-partij parameterbestand (2026-11-23)"),
        ])

    public static let huurMinimumLeeftijd = Parameter<Int>(
        id: "wht.minimumLeeftijd", unit: .years, reference: Ref.wht("art. 8", "Artikel8"),
        summary: "Huurtoeslag alleen voor een meerderjarige huurder",
        history: [.from(d("2026-01-01"), 18, source: "Wht art. 8", verified: regelrechtWht2026)])

    public static let huurLeeftijdGrens = Parameter<Int>(
        id: "wht.leeftijdHogeGrens", unit: .years,
        reference: Ref.wht("art. 13 lid 1 onder a", "Artikel13"),
        summary: "Vanaf deze leeftijd (van iemand in huis) geldt de hoge maximale huurgrens",
        history: [
            .from(d("2026-01-01"), 21, source: "Wht art. 13 lid 1", verified: regelrechtWht2026)
        ])

    // MARK: Kindgebonden budget

    private static let wkb2025 =
        "regelrecht wet_op_het_kindgebonden_budget/2025-01-01.yaml via rules-2026-resolved.md §5.1; niet opnieuw gelezen"
    private static let wkb2026 =
        "wettekst art. 2 (regelrecht-corpus wet_op_het_kindgebonden_budget/2026-01-01.yaml) geciteerd in rules-2026-resolved.md §5.1; niet opnieuw gelezen"

    public static let kgbPerKind = Parameter<Money>(
        id: "wkb.perKind", unit: .eurosPerYear, reference: Ref.wkb("art. 2 lid 2", "Artikel2"),
        summary: "Kindgebonden budget per kind per jaar",
        history: [
            .from(d("2025-01-01"), .euros(2_511), source: "WKB art. 2 (2025)", verified: wkb2025),
            .from(d("2026-01-01"), .euros(2_580), source: "WKB art. 2 (2026)", verified: wkb2026),
        ])

    public static let kgbExtra12 = Parameter<Money>(
        id: "wkb.extra12-15", unit: .eurosPerYear, reference: Ref.wkb("art. 2 lid 4", "Artikel2"),
        summary: "Verhoging voor een kind van 12 tot 16 jaar",
        history: [
            .from(
                d("2025-01-01"), .euros(703), source: "WKB art. 2 lid 4 (2025)", verified: wkb2025),
            .from(
                d("2026-01-01"), .euros(724), source: "WKB art. 2 lid 4 (2026)", verified: wkb2026),
        ])

    public static let kgbExtra16 = Parameter<Money>(
        id: "wkb.extra16-17", unit: .eurosPerYear, reference: Ref.wkb("art. 2 lid 5", "Artikel2"),
        summary: "Verhoging voor een kind van 16 of 17 jaar",
        history: [
            .from(
                d("2025-01-01"), .euros(936), source: "WKB art. 2 lid 5 (2025)", verified: wkb2025),
            .from(
                d("2026-01-01"), .euros(964), source: "WKB art. 2 lid 5 (2026)", verified: wkb2026),
        ])

    public static let kgbAlleenstaandeOuderkop = Parameter<Money>(
        id: "wkb.alleenstaandeOuderkop", unit: .eurosPerYear,
        reference: Ref.wkb("art. 2 lid 6", "Artikel2"),
        summary: "Verhoging voor een ouder zonder partner (alleenstaande-ouderkop)",
        history: [
            .from(
                d("2025-01-01"), .euros(3_389), source: "WKB art. 2 lid 6 (2025)", verified: wkb2025
            ),
            .from(
                d("2026-01-01"), .euros(3_416), source: "WKB art. 2 lid 6 (2026)", verified: wkb2026
            ),
        ])

    public static let kgbAfbouw = Parameter<Rate>(
        id: "wkb.afbouw", unit: .rate,
        reference: Ref.wkb("art. 2 lid 7-8; art. 3 lid 5", "Artikel2"),
        summary: "Afbouw: percentage van het inkomen boven de drempel",
        history: [
            .from(
                d("2025-01-01"), Rate(partsPerMillion: 71_000), source: "WKB art. 2 lid 7 (2025)",
                verified: wkb2025),
            .from(
                d("2026-01-01"), Rate(partsPerMillion: 76_000), source: "WKB art. 2 lid 7 (2026)",
                verified: wkb2026),
            .from(
                d("2027-01-01"), Rate(partsPerMillion: 80_500),
                source: "WKB art. 3 lid 5 (8,05 % in 2027)", verified: wkb2026),
            .from(
                d("2028-01-01"), Rate(partsPerMillion: 85_000),
                source: "WKB art. 3 lid 5 (8,50 % in 2028)", verified: wkb2026),
        ])

    public static let kgbDrempelVerhogingPartner = Parameter<Money>(
        id: "wkb.drempelPartner", unit: .eurosPerYear,
        reference: Ref.wkb("art. 2 lid 8", "Artikel2"),
        summary: "Verhoging van het drempelinkomen voor ouders met een partner",
        history: [
            .from(
                d("2025-01-01"), .euros(9_139), source: "WKB art. 2 lid 8 (2025)", verified: wkb2025
            ),
            .from(
                d("2026-01-01"), .euros(9_405), source: "WKB art. 2 lid 8 (2026)",
                verified: wkb2026 + "; SZW-overzicht: stellen tot € 39.141"),
        ])

    public static let kgbVermogensgrensAlleen = Parameter<Money>(
        id: "wkb.vermogensgrens.alleen", unit: .euros,
        reference: Ref.wkb("art. 1 lid 4", "Artikel1"),
        summary: "Vermogensgrens kindgebonden budget zonder partner",
        history: [
            .from(
                d("2025-01-01"), .euros(141_896), source: "WKB art. 1 lid 4 (2025)",
                verified: "te verifiëren: gelijk verondersteld aan de zorgtoeslaggrens 2025"),
            .from(
                d("2026-01-01"), .euros(146_011), source: "WKB art. 1 lid 4 (2026)",
                verified: "rules-2026.md §4.3 (wettekst art. 1.4); niet opnieuw gelezen"),
        ])

    public static let kgbVermogensgrensPartner = Parameter<Money>(
        id: "wkb.vermogensgrens.partner", unit: .euros,
        reference: Ref.wkb("art. 1 lid 4", "Artikel1"),
        summary: "Vermogensgrens kindgebonden budget met partner",
        history: [
            .from(
                d("2025-01-01"), .euros(179_429), source: "WKB art. 1 lid 4 (2025)",
                verified: "te verifiëren: gelijk verondersteld aan de zorgtoeslaggrens 2025"),
            .from(
                d("2026-01-01"), .euros(184_633), source: "WKB art. 1 lid 4 (2026)",
                verified: "rules-2026.md §4.3 (wettekst art. 1.4); niet opnieuw gelezen"),
        ])

    // MARK: Kinderopvangtoeslag

    public static let kotMaxUurprijsDagopvang = Parameter<Money>(
        id: "kot.maxUurprijs.dagopvang", unit: .eurosPerHour,
        reference: Ref.kot("Besluit kinderopvangtoeslag art. 4"),
        summary: "Maximum uurprijs dagopvang",
        history: [
            .from(
                d("2025-01-01"), .cents(10_71),
                source: "Besluit kinderopvangtoeslag 2025 (SZW, oktober 2024)",
                verified:
                    "SZW-bericht zoals overgenomen door kinderopvang-wijzer.nl en blikopnieuws.nl (opgeslagen kopieën, 2026-11-23)"
            ),
            .from(
                d("2026-01-01"), .cents(11_23),
                source: "Besluit kinderopvangtoeslag 2026 (Stb. 2025, 233)",
                verified:
                    "kinderopvang.nl en SZW-overzicht 1-1-2026 via rules-2026-resolved.md §2; Staatsblad niet gelezen"
            ),
        ])

    public static let kotMaxUurprijsBSO = Parameter<Money>(
        id: "kot.maxUurprijs.bso", unit: .eurosPerHour,
        reference: Ref.kot("Besluit kinderopvangtoeslag art. 4"),
        summary: "Maximum uurprijs buitenschoolse opvang",
        history: [
            .from(
                d("2025-01-01"), .cents(9_52),
                source: "Besluit kinderopvangtoeslag 2025 (SZW, oktober 2024)",
                verified:
                    "SZW-bericht zoals overgenomen door kinderopvang-wijzer.nl en blikopnieuws.nl (opgeslagen kopieën, 2026-11-23)"
            ),
            .from(
                d("2026-01-01"), .cents(9_98),
                source: "Besluit kinderopvangtoeslag 2026 (Stb. 2025, 233)",
                verified:
                    "kinderopvang.nl en SZW-overzicht 1-1-2026 via rules-2026-resolved.md §2; Staatsblad niet gelezen"
            ),
        ])

    public static let kotMaxUurprijsGastouder = Parameter<Money>(
        id: "kot.maxUurprijs.gastouder", unit: .eurosPerHour,
        reference: Ref.kot("Besluit kinderopvangtoeslag art. 4"),
        summary: "Maximum uurprijs gastouderopvang",
        history: [
            .from(
                d("2025-01-01"), .cents(8_10),
                source: "Besluit kinderopvangtoeslag 2025 (SZW, oktober 2024)",
                verified:
                    "SZW-bericht zoals overgenomen door kinderopvang-wijzer.nl en blikopnieuws.nl (opgeslagen kopieën, 2026-11-23)"
            ),
            .from(
                d("2026-01-01"), .cents(8_49),
                source: "Besluit kinderopvangtoeslag 2026 (Stb. 2025, 233)",
                verified:
                    "kinderopvang.nl en SZW-overzicht 1-1-2026 via rules-2026-resolved.md §2; Staatsblad niet gelezen"
            ),
        ])

    /// 230 hours per child per calendar month in which the parent works (Besluit KOT artikel 8a, Stb.
    ///
    /// 2022, 386).
    public static let kotMaxUren = Parameter<Int>(
        id: "kot.maxUrenPerMaand", unit: .hours,
        reference: Ref.kot("Besluit kinderopvangtoeslag art. 8a lid 1 onder b"),
        summary: "Maximum aantal uren opvang per kind per maand",
        history: [
            .from(
                d("2025-01-01"), 230, source: "Stb. 2022, 386",
                verified:
                    "Stb. 2022, 386 geciteerd in rules-2026-resolved.md §2; niet opnieuw gelezen")
        ])

    /// The percentage table.
    ///
    /// 2025 is not in the engine: its table was not found at a source (asking throws NotInForce).
    public static let kotPercentages = Parameter<KOTPercentageTable>(
        id: "kot.percentages", unit: .rate,
        reference: Ref.kot("Besluit kinderopvangtoeslag bijlage I"),
        summary: "Vergoedingspercentage per inkomensschijf (eerste kind / volgende kinderen)",
        history: [
            .from(
                d("2026-01-01"), ToeslagParameters.kotTable2026,
                source: "Stb. 2025, 233, bijlage I",
                verified:
                    "te verifiëren: tabel uit twee gelijke derde-partij bestanden (rules-2026-resolved.md §2); ankerpunten 96 % tot € 56.412 en vaste voet 36,5 % vanaf € 165.658 kloppen met kinderopvang.nl en het SZW-overzicht"
            )
        ])

    static let kotTable2026 = KOTPercentageTable([
        (56_412, 960, 960), (58_184, 955, 956), (59_957, 948, 956), (61_895, 939, 956),
        (65_695, 924, 956),
        (69_492, 916, 952), (73_292, 905, 946), (77_094, 882, 942), (80_891, 859, 939),
        (84_693, 837, 932),
        (88_491, 812, 927), (92_291, 789, 922), (96_091, 767, 915), (99_889, 743, 909),
        (103_694, 721, 905),
        (107_492, 696, 902), (111_290, 673, 895), (115_090, 651, 891), (118_963, 627, 886),
        (122_857, 606, 879),
        (126_747, 585, 874), (130_638, 564, 870), (134_527, 542, 867), (138_420, 523, 860),
        (142_312, 504, 854),
        (146_205, 485, 850), (150_092, 465, 844), (153_982, 445, 840), (157_877, 425, 833),
        (161_766, 405, 827),
        (165_657, 385, 817), (169_547, 365, 814), (173_440, 365, 806), (177_335, 365, 797),
        (181_223, 365, 791),
        (185_114, 365, 782), (189_002, 365, 777), (192_896, 365, 769), (196_789, 365, 762),
        (200_681, 365, 755),
        (204_571, 365, 745), (208_458, 365, 740), (212_353, 365, 733), (216_242, 365, 725),
        (220_134, 365, 718),
        (224_026, 365, 712), (227_915, 365, 704), (231_807, 365, 696), (235_697, 365, 691),
        (nil, 365, 682),
    ])

    // MARK: Kinderbijslag (AKW, SVB), per child per quarter

    private static let kbSource1 = "SVB-bedragen 1e en 2e kwartaal 2026"
    private static let kbVerified1 =
        "te verifiëren: slimgeldbeheer.nl en derde-partij code (rules-2026-resolved.md §5.2); SVB-pagina niet gelezen"
    private static let kbSource2 = "SVB: kinderbijslag gaat per 1 juli 2026 omhoog"
    private static let kbVerified2 =
        "te verifiëren: alleen derde-partij code die de SVB citeert (rules-2026-resolved.md §5.2)"

    public static let kinderbijslag0 = Parameter<Money>(
        id: "akw.kinderbijslag.0-5", unit: .eurosPerQuarter, reference: Ref.akw("art. 12"),
        summary: "Kinderbijslag per kwartaal, kind van 0 tot en met 5 jaar",
        history: [
            .from(d("2026-01-01"), .cents(295_07), source: kbSource1, verified: kbVerified1),
            .from(d("2026-07-01"), .cents(298_40), source: kbSource2, verified: kbVerified2),
        ])

    public static let kinderbijslag6 = Parameter<Money>(
        id: "akw.kinderbijslag.6-11", unit: .eurosPerQuarter, reference: Ref.akw("art. 12"),
        summary: "Kinderbijslag per kwartaal, kind van 6 tot en met 11 jaar",
        history: [
            .from(d("2026-01-01"), .cents(358_30), source: kbSource1, verified: kbVerified1),
            .from(d("2026-07-01"), .cents(362_35), source: kbSource2, verified: kbVerified2),
        ])

    public static let kinderbijslag12 = Parameter<Money>(
        id: "akw.kinderbijslag.12-17", unit: .eurosPerQuarter, reference: Ref.akw("art. 12"),
        summary: "Kinderbijslag per kwartaal, kind van 12 tot en met 17 jaar",
        history: [
            .from(d("2026-01-01"), .cents(421_53), source: kbSource1, verified: kbVerified1),
            .from(d("2026-07-01"), .cents(426_29), source: kbSource2, verified: kbVerified2),
        ])

    // MARK: Registry

    /// Every toeslag parameter, for `kompas regels` and the registry lint.
    public static let descriptors: [ParameterDescriptor] = [
        ParameterDescriptor(minimumTegemoetkoming), ParameterDescriptor(drempelinkomen),
        ParameterDescriptor(zorgStandaardpremie), ParameterDescriptor(zorgPercentageDrempelAlleen),
        ParameterDescriptor(zorgPercentageDrempelPartner),
        ParameterDescriptor(zorgPercentageBovenDrempel),
        ParameterDescriptor(zorgVermogensgrensAlleen),
        ParameterDescriptor(zorgVermogensgrensPartner),
        ParameterDescriptor(zorgAandeelPartnerNietVerzekerd),
        ParameterDescriptor(zorgMinimumLeeftijd),
        ParameterDescriptor(huurMaximaleHuurgrens21),
        ParameterDescriptor(huurMaximaleHuurgrensJong),
        ParameterDescriptor(huurKwaliteitskortingsgrens),
        ParameterDescriptor(huurAftoppingsgrensKlein),
        ParameterDescriptor(huurAftoppingsgrensGroot), ParameterDescriptor(huurNormhuur),
        ParameterDescriptor(huurVerlagingEen), ParameterDescriptor(huurVerlagingMeer),
        ParameterDescriptor(huurOpslagBasishuur), ParameterDescriptor(huurVerlagingEigenBijdrage),
        ParameterDescriptor(huurPercentageKwaliteit), ParameterDescriptor(huurPercentageAftopping),
        ParameterDescriptor(huurAfbouwEen), ParameterDescriptor(huurAfbouwMeer),
        ParameterDescriptor(huurIjkpuntEen), ParameterDescriptor(huurIjkpuntMeer),
        ParameterDescriptor(huurVermogensgrensAlleen),
        ParameterDescriptor(huurVermogensgrensPartner),
        ParameterDescriptor(huurMinimumLeeftijd), ParameterDescriptor(huurLeeftijdGrens),
        ParameterDescriptor(kgbPerKind), ParameterDescriptor(kgbExtra12),
        ParameterDescriptor(kgbExtra16),
        ParameterDescriptor(kgbAlleenstaandeOuderkop), ParameterDescriptor(kgbAfbouw),
        ParameterDescriptor(kgbDrempelVerhogingPartner),
        ParameterDescriptor(kgbVermogensgrensAlleen),
        ParameterDescriptor(kgbVermogensgrensPartner),
        ParameterDescriptor(kotMaxUurprijsDagopvang), ParameterDescriptor(kotMaxUurprijsBSO),
        ParameterDescriptor(kotMaxUurprijsGastouder), ParameterDescriptor(kotMaxUren),
        ParameterDescriptor(kotPercentages),
        ParameterDescriptor(kinderbijslag0), ParameterDescriptor(kinderbijslag6),
        ParameterDescriptor(kinderbijslag12),
    ]
}
