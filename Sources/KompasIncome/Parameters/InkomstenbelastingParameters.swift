import KompasCore
import KompasRules

/// Box 1 rates and the two heffingskortingen that wage tax takes into account.
///
/// Box 1: income tax plus national insurance premiums, below AOW age; the algemene
/// heffingskorting (art. 8.10 Wet IB 2001) and the arbeidskorting (art. 8.11).
///
/// Yearly figures, in `Regels/wet-inkomstenbelasting-2001.json`; 2027 is `voorlopig` (the
/// Prinsjesdag Rekenvoorschriften).
public enum TaxParameters {
    // MARK: Box 1 (art. 2.10), below AOW age
    public static let schijf1Grens = Regels.money("ib.box1.schijf1.grens")
    public static let schijf1Tarief = Regels.rate("ib.box1.schijf1.tarief")
    public static let schijf2Grens = Regels.money("ib.box1.schijf2.grens")
    public static let schijf2Tarief = Regels.rate("ib.box1.schijf2.tarief")
    public static let schijf3Tarief = Regels.rate("ib.box1.schijf3.tarief")

    // MARK: Algemene heffingskorting (art. 8.10)
    public static let ahkMaximum = Regels.money("ib.ahk.maximum")
    public static let ahkDrempel = Regels.money("ib.ahk.afbouwgrens")
    public static let ahkAfbouw = Regels.rate("ib.ahk.afbouw")

    // MARK: Arbeidskorting (art. 8.11): four segments
    public static let akGrens1 = Regels.money("ib.ak.grens1")
    public static let akPct1 = Regels.rate("ib.ak.percentage1")
    public static let akBedrag2 = Regels.money("ib.ak.bedrag2")
    public static let akGrens2 = Regels.money("ib.ak.grens2")
    public static let akPct2 = Regels.rate("ib.ak.percentage2")
    public static let akBedrag3 = Regels.money("ib.ak.bedrag3")
    public static let akGrens3 = Regels.money("ib.ak.grens3")
    public static let akPct3 = Regels.rate("ib.ak.percentage3")
    public static let akMaximum = Regels.money("ib.ak.maximum")
    public static let akAfbouw = Regels.rate("ib.ak.afbouw")

    public static let descriptors: [ParameterDescriptor] = [
        .init(schijf1Grens), .init(schijf1Tarief), .init(schijf2Grens), .init(schijf2Tarief),
        .init(schijf3Tarief),
        .init(ahkMaximum), .init(ahkDrempel), .init(ahkAfbouw),
        .init(akGrens1), .init(akPct1), .init(akBedrag2), .init(akGrens2), .init(akPct2),
        .init(akBedrag3),
        .init(akGrens3), .init(akPct3), .init(akMaximum), .init(akAfbouw),
    ]
}
