import KompasCore
import KompasRules

/// The income exemptions (inkomstenvrijlating) of artikel 31 lid 2 Participatiewet (the regime of 2025–2026)
/// and the new artikel 34a (Participatiewet in balans), which starts on 1-1-2027 according to
/// `rules-2026-resolved.md` §3: that start date is not yet confirmed by the inwerkingtredingsbesluit,
/// so every artikel 34a row is marked "te verifiëren".
public enum ExemptionParameters {
    static let n = Src.pw("art. 31")
    static let dates = [
        LocalDate("2025-01-01"), LocalDate("2025-07-01"), LocalDate("2026-01-01"),
        LocalDate("2026-07-01"),
    ]
    static let sources = [Src.pw2025January, Src.pw2025July, Src.pw2026January, Src.pw2026July]
    /// The old regime ends when artikel 34a starts (PiB, 1-1-2027; te verifiëren).
    static let oldRegimeEnd = ParameterEntry<Money>.ended(
        LocalDate("2027-01-01"), source: Src.pib2027 + " (te verifiëren)")

    static func maxima(_ id: String, _ summary: String, _ values: [Int64]) -> Parameter<Money> {
        var h: [ParameterEntry<Money>] = zip(dates, zip(values, sources)).map {
            .from($0, eur($1.0), source: $1.1, verified: Src.verifiedInCorpus)
        }
        // The 1-7-2026 text still shows the 1-1-2026 maxima while every norm rose; the indexed
        // amounts were probably lost in the harvest. Keep them, and say so.
        h[3].verified =
            "te verifiëren: de tekst van 1-7-2026 toont nog het bedrag van 1-1-2026; indexatie per 1-7-2026 niet gevonden"
        h.append(oldRegimeEnd)
        return Parameter(id: id, unit: .eurosPerMonth, reference: n, summary: summary, history: h)
    }
    static func rate(_ id: String, _ summary: String, _ r: Rate) -> Parameter<Rate> {
        Parameter(
            id: id, unit: .rate, reference: n, summary: summary,
            history: [
                .from(
                    LocalDate("2016-01-01"), r, source: Src.pw2026January,
                    verified: Src.verifiedInCorpus),
                .ended(LocalDate("2027-01-01"), source: Src.pib2027 + " (te verifiëren)"),
            ])
    }
    static func count(_ id: String, _ unit: ParameterUnit, _ summary: String, _ v: Int)
        -> Parameter<Int>
    {
        Parameter(
            id: id, unit: unit, reference: n, summary: summary,
            history: [
                .from(
                    LocalDate("2016-01-01"), v, source: Src.pw2026January,
                    verified: Src.verifiedInCorpus),
                .ended(LocalDate("2027-01-01"), source: Src.pib2027 + " (te verifiëren)"),
            ])
    }

    // MARK: art. 31 lid 2 onder n: general exemption, 25 %, at most 6 months, not under 27 (lid 5)
    public static let nPercentage = rate(
        "pw.vrijlating.n.percentage",
        "Vrijlating bij werk: deel van het netto loon dat je houdt (art. 31 lid 2 onder n)",
        pct(25_000))
    public static let nMaximum = maxima(
        "pw.vrijlating.n.maximum", "Vrijlating bij werk: maximum per maand (art. 31 lid 2 onder n)",
        [273_00, 278_00, 285_00, 285_00])
    public static let nMaanden = count(
        "pw.vrijlating.n.maanden", .months,
        "Vrijlating bij werk: hoogstens zoveel maanden (art. 31 lid 2 onder n)", 6)
    public static let nMinimumleeftijd = count(
        "pw.vrijlating.n.minimumleeftijd", .years,
        "Vrijlating bij werk geldt niet onder deze leeftijd (art. 31 lid 5)", 27)

    // MARK: art. 31 lid 2 onder r: single parent with a child under 12, 12,5 %, up to 30 months after n
    public static let rPercentage = rate(
        "pw.vrijlating.r.percentage",
        "Vrijlating alleenstaande ouder: deel van het netto loon (art. 31 lid 2 onder r)",
        pct(12_500))
    public static let rMaximum = maxima(
        "pw.vrijlating.r.maximum",
        "Vrijlating alleenstaande ouder: maximum per maand (art. 31 lid 2 onder r)",
        [170_61, 173_87, 177_66, 177_66])
    public static let rMaanden = count(
        "pw.vrijlating.r.maanden", .months,
        "Vrijlating alleenstaande ouder: hoogstens zoveel maanden achter elkaar (art. 31 lid 2 onder r)",
        30)
    public static let rKindLeeftijd = count(
        "pw.vrijlating.r.kindleeftijd", .years,
        "Vrijlating alleenstaande ouder: er is een kind jonger dan deze leeftijd (art. 31 lid 2 onder r)",
        12)

    // MARK: art. 31 lid 2 onder y: medically limited hours, 15 %, no time limit, not together with n
    public static let yPercentage = rate(
        "pw.vrijlating.y.percentage",
        "Vrijlating bij medisch beperkte uren: deel van het netto loon (art. 31 lid 2 onder y)",
        pct(15_000))
    public static let yMaximum = maxima(
        "pw.vrijlating.y.maximum",
        "Vrijlating bij medisch beperkte uren: maximum per maand (art. 31 lid 2 onder y)",
        [173_04, 176_35, 180_19, 180_19])

    // MARK: art. 34a (Participatiewet in balans), from 1-1-2027: te verifiëren
    static let a34 = LegalReference.law(
        "Participatiewet", article: "art. 34a",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-07-01#Artikel34a",
        publication: "Stb. 2025, 312")
    static let a34Verified =
        "te verifiëren: startdatum 1-1-2027 volgens SZW-fasering, inwerkingtredingsbesluit niet gelezen (rules-2026-resolved.md §3)"
    public static let a34Percentage = Parameter<Rate>(
        id: "pw.vrijlating.34a.percentage", unit: .rate, reference: a34,
        summary:
            "Nieuwe vrijlating bij werk: deel van het netto loon, zonder maximum (art. 34a lid 1 onder a en b)",
        history: [
            .from(LocalDate("2027-01-01"), pct(15_000), source: Src.pib2027, verified: a34Verified)
        ])
    public static let a34Maanden = Parameter<Int>(
        id: "pw.vrijlating.34a.maanden", unit: .months, reference: a34,
        summary:
            "Nieuwe vrijlating bij werk: aaneengesloten periode van hoogstens zoveel maanden (art. 34a lid 1 onder a)",
        history: [.from(LocalDate("2027-01-01"), 12, source: Src.pib2027, verified: a34Verified)])
    public static let a34AOWPercentage = Parameter<Rate>(
        id: "pw.vrijlating.34a.aow-percentage", unit: .rate, reference: a34,
        summary:
            "Nieuwe vrijlating met AOW-leeftijd: deel van het netto loon (art. 34a lid 1 onder c)",
        history: [
            .from(LocalDate("2027-01-01"), pct(25_000), source: Src.pib2027, verified: a34Verified)
        ])
    public static let a34AOWMaximum = Parameter<Money>(
        id: "pw.vrijlating.34a.aow-maximum", unit: .eurosPerMonth, reference: a34,
        summary:
            "Nieuwe vrijlating met AOW-leeftijd: maximum per maand (art. 34a lid 1 onder c; bedrag nog niet geïndexeerd)",
        history: [
            .from(
                LocalDate("2027-01-01"), eur(226_00), source: Src.pib2027,
                verified: a34Verified + "; bedrag € 226 nog niet geïndexeerd")
        ])

    public static let descriptors: [ParameterDescriptor] = [
        .init(nPercentage), .init(nMaximum), .init(nMaanden), .init(nMinimumleeftijd),
        .init(rPercentage), .init(rMaximum), .init(rMaanden), .init(rKindLeeftijd),
        .init(yPercentage), .init(yMaximum),
        .init(a34Percentage), .init(a34Maanden), .init(a34AOWPercentage), .init(a34AOWMaximum),
    ]
}
