import KompasCore
import KompasRules

/// Box 1 rates (income tax plus national insurance premiums, below AOW age) and the two
/// heffingskortingen that wage tax takes into account: the algemene heffingskorting (artikel 8.10
/// Wet IB 2001) and the arbeidskorting (artikel 8.11).
///
/// Yearly figures, so each ends on 1-1-2027.
public enum TaxParameters {
    static let ib = "https://wetten.overheid.nl/BWBR0011353/2026-01-01"
    static let bd2025 = "Belastingdienst, tarieven en heffingskortingen 2025 (Belastingplan 2025)"
    static let bd2026 =
        "Belastingdienst, tarieven en heffingskortingen 2026 (Belastingplan 2026; rules-2026.md §5)"
    static let v2025 =
        "geverifieerd: regelrecht-corpus wet_inkomstenbelasting_2001/2025-01-01.yaml art. 2.10, 8.10, 8.11; box-1-tarieven = belasting + 27,65 % premies volksverzekeringen (Belastingdienst)"
    static let v2026 =
        "geverifieerd: regelrecht-corpus wet_inkomstenbelasting_2001/2026-01-01.yaml art. 2.10, 8.10, 8.11; box-1-tarieven = belasting + 27,65 % premies (premiepercentage 2026 niet bij de bron gelezen)"

    static func yearly<V: ParameterValue>(
        _ id: String, _ unit: ParameterUnit, _ article: String, _ summary: String, _ v2025v: V,
        _ v2026v: V
    ) -> Parameter<V> {
        Parameter(
            id: id, unit: unit,
            reference: .law(
                "Wet inkomstenbelasting 2001", article: article,
                url: ib + "#Artikel" + article.replacingOccurrences(of: "art. ", with: "")),
            summary: summary,
            history: [
                .from(LocalDate("2025-01-01"), v2025v, source: bd2025, verified: v2025),
                .from(LocalDate("2026-01-01"), v2026v, source: bd2026, verified: v2026),
                .ended(LocalDate("2027-01-01"), source: "Tarieven 2027 nog niet opgenomen"),
            ])
    }

    // MARK: Box 1 (art. 2.10), below AOW age
    public static let schijf1Grens = yearly(
        "ib.box1.schijf1.grens", .eurosPerYear, "art. 2.10", "Box 1: eerste schijf tot dit inkomen",
        eur(38_441_00), eur(38_883_00))
    public static let schijf1Tarief = yearly(
        "ib.box1.schijf1.tarief", .rate, "art. 2.10",
        "Box 1: tarief eerste schijf (belasting en premies volksverzekeringen)", pct(35_820),
        pct(35_750))
    public static let schijf2Grens = yearly(
        "ib.box1.schijf2.grens", .eurosPerYear, "art. 2.10", "Box 1: tweede schijf tot dit inkomen",
        eur(76_817_00), eur(78_426_00))
    public static let schijf2Tarief = yearly(
        "ib.box1.schijf2.tarief", .rate, "art. 2.10", "Box 1: tarief tweede schijf", pct(37_480),
        pct(37_560))
    public static let schijf3Tarief = yearly(
        "ib.box1.schijf3.tarief", .rate, "art. 2.10", "Box 1: tarief derde schijf", pct(49_500),
        pct(49_500))

    // MARK: Algemene heffingskorting (art. 8.10)
    public static let ahkMaximum = yearly(
        "ib.ahk.maximum", .eurosPerYear, "art. 8.10", "Algemene heffingskorting: maximum per jaar",
        eur(3_068_00), eur(3_115_00))
    public static let ahkDrempel = yearly(
        "ib.ahk.afbouwgrens", .eurosPerYear, "art. 8.10",
        "Algemene heffingskorting: wordt lager boven dit inkomen", eur(28_406_00), eur(29_736_00))
    public static let ahkAfbouw = yearly(
        "ib.ahk.afbouw", .rate, "art. 8.10",
        "Algemene heffingskorting: afbouw per euro boven de grens", pct(6_337), pct(6_398))

    // MARK: Arbeidskorting (art. 8.11): four segments
    public static let akGrens1 = yearly(
        "ib.ak.grens1", .eurosPerYear, "art. 8.11", "Arbeidskorting: einde eerste stuk",
        eur(12_169_00), eur(11_965_00))
    public static let akPct1 = yearly(
        "ib.ak.percentage1", .rate, "art. 8.11", "Arbeidskorting: percentage eerste stuk",
        pct(8_053), pct(8_324))
    public static let akBedrag2 = yearly(
        "ib.ak.bedrag2", .eurosPerYear, "art. 8.11",
        "Arbeidskorting: bedrag aan het begin van het tweede stuk", eur(980_00), eur(996_00))
    public static let akGrens2 = yearly(
        "ib.ak.grens2", .eurosPerYear, "art. 8.11", "Arbeidskorting: einde tweede stuk",
        eur(26_288_00), eur(25_845_00))
    public static let akPct2 = yearly(
        "ib.ak.percentage2", .rate, "art. 8.11", "Arbeidskorting: percentage tweede stuk",
        pct(30_030), pct(31_009))
    public static let akBedrag3 = yearly(
        "ib.ak.bedrag3", .eurosPerYear, "art. 8.11",
        "Arbeidskorting: bedrag aan het begin van het derde stuk", eur(5_220_00), eur(5_300_00))
    public static let akGrens3 = yearly(
        "ib.ak.grens3", .eurosPerYear, "art. 8.11",
        "Arbeidskorting: einde derde stuk (maximum bereikt)", eur(43_071_00), eur(45_592_00))
    public static let akPct3 = yearly(
        "ib.ak.percentage3", .rate, "art. 8.11", "Arbeidskorting: percentage derde stuk",
        pct(2_258), pct(1_950))
    public static let akMaximum = yearly(
        "ib.ak.maximum", .eurosPerYear, "art. 8.11", "Arbeidskorting: maximum per jaar",
        eur(5_599_00), eur(5_685_00))
    public static let akAfbouw = yearly(
        "ib.ak.afbouw", .rate, "art. 8.11",
        "Arbeidskorting: afbouw per euro boven het einde van het derde stuk", pct(6_510), pct(6_510)
    )

    public static let descriptors: [ParameterDescriptor] = [
        .init(schijf1Grens), .init(schijf1Tarief), .init(schijf2Grens), .init(schijf2Tarief),
        .init(schijf3Tarief),
        .init(ahkMaximum), .init(ahkDrempel), .init(ahkAfbouw),
        .init(akGrens1), .init(akPct1), .init(akBedrag2), .init(akGrens2), .init(akPct2),
        .init(akBedrag3),
        .init(akGrens3), .init(akPct3), .init(akMaximum), .init(akAfbouw),
    ]
}
