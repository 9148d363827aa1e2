import KompasCore
import KompasRules

/// The income exemptions (inkomstenvrijlating) of the Participatiewet.
///
/// Art. 31 lid 2 (the regime of 2025–2026) and the new art. 34a (Participatiewet in balans).
/// Data in `Regels/participatiewet.json`. Art. 34a starts on 1-1-2027 according to SZW's
/// phasing (`rules-2026-resolved.md` §3); the royal decree was not read, so its values are
/// `voorlopig`, and the AOW maximum (€ 226, the un-indexed bill amount) is `verwacht`.
public enum ExemptionParameters {
    /// The law reference of article 31, for the rules' traces.
    public static var n: LegalReference { nPercentage.reference }

    // MARK: art. 31 lid 2 onder n: general exemption, 25 %, at most 6 months, not under 27 (lid 5)
    public static let nPercentage = Regels.rate("pw.vrijlating.n.percentage")
    public static let nMaximum = Regels.money("pw.vrijlating.n.maximum")
    public static let nMaanden = Regels.integer("pw.vrijlating.n.maanden")
    public static let nMinimumleeftijd = Regels.integer("pw.vrijlating.n.minimumleeftijd")

    // MARK: art. 31 lid 2 onder r: single parent with a child under 12, 12,5 %, up to 30 months after n
    public static let rPercentage = Regels.rate("pw.vrijlating.r.percentage")
    public static let rMaximum = Regels.money("pw.vrijlating.r.maximum")
    public static let rMaanden = Regels.integer("pw.vrijlating.r.maanden")
    public static let rKindLeeftijd = Regels.integer("pw.vrijlating.r.kindleeftijd")

    // MARK: art. 31 lid 2 onder y: medically limited hours, 15 %, no time limit, not together with n
    public static let yPercentage = Regels.rate("pw.vrijlating.y.percentage")
    public static let yMaximum = Regels.money("pw.vrijlating.y.maximum")

    // MARK: art. 34a (Participatiewet in balans), from 1-1-2027
    public static var a34: LegalReference { a34Percentage.reference }
    public static let a34Percentage = Regels.rate("pw.vrijlating.34a.percentage")
    public static let a34Maanden = Regels.integer("pw.vrijlating.34a.maanden")
    public static let a34AOWPercentage = Regels.rate("pw.vrijlating.34a.aow-percentage")
    public static let a34AOWMaximum = Regels.money("pw.vrijlating.34a.aow-maximum")

    public static let descriptors: [ParameterDescriptor] = [
        .init(nPercentage), .init(nMaximum), .init(nMaanden), .init(nMinimumleeftijd),
        .init(rPercentage), .init(rMaximum), .init(rMaanden), .init(rKindLeeftijd),
        .init(yPercentage), .init(yMaximum),
        .init(a34Percentage), .init(a34Maanden), .init(a34AOWPercentage), .init(a34AOWMaximum),
    ]
}
