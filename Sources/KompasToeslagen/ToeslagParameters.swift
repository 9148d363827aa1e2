import KompasCore
import KompasRules

// Every legal number the toeslagen use is data (issue 16): `Sources/KompasRules/Regels/` holds one
// file per law (wet-op-de-zorgtoeslag.json, wet-op-de-huurtoeslag.json, awir.json, …), each value
// dated, with its law, publication, what was verified where, and its state. Figures for 2027 that
// are not published yet are `verwacht` (the 2026 figure carried forward) and marked in results.

/// The dated parameters of the national toeslagen.
///
/// The App adds ``descriptors`` to the registry (`kompas regels`).
public enum ToeslagParameters {
    public static let minimumTegemoetkoming = Regels.money("awir.minimum")
    public static let drempelinkomen = Regels.money("wzt.drempelinkomen")
    public static let zorgStandaardpremie = Regels.money("wzt.standaardpremie")
    public static let zorgPercentageDrempelAlleen = Regels.rate("wzt.normpremie.alleen")
    public static let zorgPercentageDrempelPartner = Regels.rate("wzt.normpremie.partner")
    public static let zorgPercentageBovenDrempel = Regels.rate("wzt.normpremie.afbouw")
    public static let zorgVermogensgrensAlleen = Regels.money("wzt.vermogensgrens.alleen")
    public static let zorgVermogensgrensPartner = Regels.money("wzt.vermogensgrens.partner")
    public static let zorgAandeelPartnerNietVerzekerd = Regels.rate("wzt.partnerNietVerzekerd")
    public static let zorgMinimumLeeftijd = Regels.integer("wzt.minimumLeeftijd")
    public static let huurMaximaleHuurgrens21 = Regels.money("wht.maximaleHuurgrens")
    public static let huurMaximaleHuurgrensJong = Regels.money("wht.maximaleHuurgrens.jong")
    public static let huurKwaliteitskortingsgrens = Regels.money("wht.kwaliteitskortingsgrens")
    public static let huurAftoppingsgrensKlein = Regels.money("wht.aftoppingsgrens.1-2")
    public static let huurAftoppingsgrensGroot = Regels.money("wht.aftoppingsgrens.3plus")
    public static let huurNormhuur = Regels.money("wht.normhuur")
    public static let huurVerlagingEen = Regels.money("wht.normhuurverlaging.een")
    public static let huurVerlagingMeer = Regels.money("wht.normhuurverlaging.meer")
    public static let huurOpslagBasishuur = Regels.money("wht.opslagArt16")
    public static let huurVerlagingEigenBijdrage = Regels.money("wht.verlagingEigenBijdrage")
    public static let huurPercentageKwaliteit = Regels.rate("wht.percentage.b")
    public static let huurPercentageAftopping = Regels.rate("wht.percentage.c")
    public static let huurAfbouwEen = Regels.rate("wht.afbouw.een")
    public static let huurAfbouwMeer = Regels.rate("wht.afbouw.meer")
    public static let huurIjkpuntEen = Regels.money("wht.ijkpunt.een")
    public static let huurIjkpuntMeer = Regels.money("wht.ijkpunt.meer")
    public static let huurVermogensgrensAlleen = Regels.money("wht.vermogensgrens.alleen")
    public static let huurVermogensgrensPartner = Regels.money("wht.vermogensgrens.partner")
    public static let huurMinimumLeeftijd = Regels.integer("wht.minimumLeeftijd")
    public static let huurLeeftijdGrens = Regels.integer("wht.leeftijdHogeGrens")
    public static let kgbPerKind = Regels.money("wkb.perKind")
    public static let kgbExtra12 = Regels.money("wkb.extra12-15")
    public static let kgbExtra16 = Regels.money("wkb.extra16-17")
    public static let kgbAlleenstaandeOuderkop = Regels.money("wkb.alleenstaandeOuderkop")
    public static let kgbAfbouw = Regels.rate("wkb.afbouw")
    public static let kgbDrempelVerhogingPartner = Regels.money("wkb.drempelPartner")
    public static let kgbVermogensgrensAlleen = Regels.money("wkb.vermogensgrens.alleen")
    public static let kgbVermogensgrensPartner = Regels.money("wkb.vermogensgrens.partner")
    public static let kotMaxUurprijsDagopvang = Regels.money("kot.maxUurprijs.dagopvang")
    public static let kotMaxUurprijsBSO = Regels.money("kot.maxUurprijs.bso")
    public static let kotMaxUurprijsGastouder = Regels.money("kot.maxUurprijs.gastouder")
    public static let kotMaxUren = Regels.integer("kot.maxUrenPerMaand")
    /// The percentage table (Besluit kinderopvangtoeslag, bijlage I), a "tabel" value; 2025 is not
    /// in the data: its table was not found at a source (asking throws NotInForce).
    public static let kotPercentages = Regels.parameter(
        "kot.percentages", decode: KOTPercentageTable.init(json:))
    public static let kinderbijslag0 = Regels.money("akw.kinderbijslag.0-5")
    public static let kinderbijslag6 = Regels.money("akw.kinderbijslag.6-11")
    public static let kinderbijslag12 = Regels.money("akw.kinderbijslag.12-17")

    /// Values of the structured parameters that their rule cannot read (from a user's file).
    public static var tableProblems: [RuleFileError] {
        Regels.book.problems("kot.percentages", decoding: KOTPercentageTable.init(json:))
    }

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
