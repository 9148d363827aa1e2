import KompasCore
import KompasRules

/// The symbols of the Belastingdienst's Rekenvoorschriften voor de geautomatiseerde
/// loonadministratie that the white tables need beyond the box-1 rates and the two
/// heffingskortingen of ``TaxParameters``: the table step, the highest row, the floored bracket
/// sums, the end points of the credits, the columns at AOW age and the table for special rewards.
///
/// In `Regels/rekenvoorschriften-loonheffing.json`: 2026 `vastgesteld`, 2027 `voorlopig` (the
/// Prinsjesdag version of 15 September 2026).
public enum WageTaxParameters {
    /// Lv: the annual wage is rounded down to a multiple of this (€ 54, so € 4,50 a month).
    public static let tableStep = Regels.money("lh.tabelstap")
    /// Lmax: the highest annual table wage; above it 49,5 % of the excess is added.
    public static let highestRow = Regels.money("lh.hoogste-tabelloon")
    /// c2 and c3: the tax over the lower brackets, rounded down to whole euros.
    public static let bracket2Base = Regels.money("lh.schijf2.heffing")
    public static let bracket3Base = Regels.money("lh.schijf3.heffing")
    /// ahkg2 and arkg4: from these annual wages the credits are nil.
    public static let generalCreditEnd = Regels.money("lh.ahk.nulgrens")
    public static let labourCreditEnd = Regels.money("lh.ak.nulgrens")

    // MARK: AOW age (no AOW premium in the first bracket; lower credits; the ouderenkorting)
    public static let aowRate1 = Regels.rate("lh.aow.schijf1.tarief")
    public static let aowBracket2Base = Regels.money("lh.aow.schijf2.heffing")
    public static let aowBracket3Base = Regels.money("lh.aow.schijf3.heffing")
    /// The last year of birth of the column "geboren in 1945 of eerder".
    public static let aow1945LastBirthYear = Regels.integer("lh.aow1945.geboortejaar")
    public static let aow1945Bracket1End = Regels.money("lh.aow1945.schijf1.grens")
    public static let aow1945Bracket2Base = Regels.money("lh.aow1945.schijf2.heffing")
    public static let aow1945Bracket3Base = Regels.money("lh.aow1945.schijf3.heffing")
    public static let aowGeneralCreditMaximum = Regels.money("lh.aow.ahk.maximum")
    public static let aowGeneralCreditTaper = Regels.rate("lh.aow.ahk.afbouw")
    public static let aowLabourRate1 = Regels.rate("lh.aow.ak.percentage1")
    public static let aowLabourRate2 = Regels.rate("lh.aow.ak.percentage2")
    public static let aowLabourRate3 = Regels.rate("lh.aow.ak.percentage3")
    public static let aowLabourTaper = Regels.rate("lh.aow.ak.afbouw")
    public static let aowLabourCap1 = Regels.money("lh.aow.ak.bedrag2")
    public static let aowLabourCap2 = Regels.money("lh.aow.ak.bedrag3")
    public static let aowLabourCap3 = Regels.money("lh.aow.ak.maximum")
    public static let elderlyCreditMaximum = Regels.money("lh.ouk.maximum")
    public static let elderlyCreditFrom = Regels.money("lh.ouk.afbouwgrens")
    public static let elderlyCreditEnd = Regels.money("lh.ouk.nulgrens")
    public static let elderlyCreditTaper = Regels.rate("lh.ouk.afbouw")

    /// The white table for special rewards (holiday pay, year-end bonus).
    public static let specialRewards = Regels.parameter(
        "lh.bb.tabel", decode: SpecialRewardTable.init(json:))

    /// The published shapes of the table for the aanspraak op vakantietoeslag.
    ///
    /// Artikel 31 lid 4 Participatiewet, Regeling Participatiewet, IOAW en IOAZ artikel 11; only
    /// those of 2013 and 2015 were found.
    public static let holidayEntitlementShapes = Regels.parameter(
        "pw.aanspraakvt.tabel", decode: HolidayEntitlementTable.init(json:))

    public static let descriptors: [ParameterDescriptor] = [
        .init(tableStep), .init(highestRow), .init(bracket2Base), .init(bracket3Base),
        .init(generalCreditEnd), .init(labourCreditEnd),
        .init(aowRate1), .init(aowBracket2Base), .init(aowBracket3Base),
        .init(aow1945LastBirthYear), .init(aow1945Bracket1End), .init(aow1945Bracket2Base),
        .init(aow1945Bracket3Base),
        .init(aowGeneralCreditMaximum), .init(aowGeneralCreditTaper),
        .init(aowLabourRate1), .init(aowLabourRate2), .init(aowLabourRate3), .init(aowLabourTaper),
        .init(aowLabourCap1), .init(aowLabourCap2), .init(aowLabourCap3),
        .init(elderlyCreditMaximum), .init(elderlyCreditFrom), .init(elderlyCreditEnd),
        .init(elderlyCreditTaper), .init(specialRewards), .init(holidayEntitlementShapes),
    ]
}
