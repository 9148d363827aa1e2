import KompasCore
import KompasRules

/// Kindgebonden budget: a contribution to the cost of children under 18.
///
/// Law (Wet op het kindgebonden budget, art. 2): per child € 2.580 a year, plus € 724 for a child of 12 to 15 and
/// € 964 for a child of 16 or 17, plus € 3.416 (alleenstaande-ouderkop) for a parent without a partner (2026).
/// Reduced by 7,60 % of the toetsingsinkomen above the drempelinkomen (single parent) or above the drempelinkomen
/// + € 9.405 (with partner, joint income). No budget when assets exceed the limit (art. 1 lid 4).
/// The entitlement is set per calendar month (art. 2 lid 11); the child's age is the age in that month.
///
/// Rounding: the reduction to the cent, half up; the year to whole euros (art. 14 lid 4 Awir), € 24 minimum;
/// a month is a twelfth of the year, half up.
///
/// Source: https://wetten.overheid.nl/BWBR0022751/2026-01-01#Artikel2
public enum KindgebondenBudget: Sendable {
    public static func calculate(
        on date: LocalDate, household h: ToeslagHousehold, toetsingsinkomen income: Money,
        explain: Bool = true
    ) throws(NotInForce) -> ToeslagResult {
        var t = Tracer(date: date, explain: explain)
        let tp = ToeslagParameters.self
        let (perKind, perKindUse) = try t.read(tp.kgbPerKind)
        let (drempel, drempelUse) = try t.read(tp.drempelinkomen)
        var threshold = drempel
        var thresholdUses = [drempelUse]
        if h.hasPartner {
            let (plus, plusUse) = try t.read(tp.kgbDrempelVerhogingPartner)
            threshold = drempel + plus
            thresholdUses.append(plusUse)
        }
        func result(_ e: Entitlement) -> ToeslagResult {
            ToeslagResult(
                toeslag: .kindgebondenBudget, date: date, toetsingsinkomen: income, entitlement: e,
                trace: t.steps, phaseOutStartsAt: threshold)
        }

        let children = h.minorChildren
        if children.isEmpty {
            t.step("toeslag.kgb.geenKinderen")
            return result(.notEntitled(.noEligibleChildren))
        }
        let (limit, limitUse) =
            try h.hasPartner
            ? t.read(tp.kgbVermogensgrensPartner) : t.read(tp.kgbVermogensgrensAlleen)
        t.step(
            "toeslag.stap.vermogenstoets", ["vermogen": .money(h.assets), "grens": .money(limit)],
            amount: nil, [limitUse])
        if h.assets > limit {
            return result(.notEntitled(.assetsAboveLimit(assets: h.assets, limit: limit)))
        }

        let (extra12, extra12Use) = try t.read(tp.kgbExtra12)
        let (extra16, extra16Use) = try t.read(tp.kgbExtra16)
        var maximum = Money.zero
        for child in children {
            // The child's figures in one list of the right length (no list grown per child).
            var amount = perKind
            let uses: [UsedParameter]
            if (12...15).contains(child.age) {
                amount += extra12
                uses = [perKindUse, extra12Use]
            } else if (16...17).contains(child.age) {
                amount += extra16
                uses = [perKindUse, extra16Use]
            } else {
                uses = [perKindUse]
            }
            t.step("toeslag.kgb.kind", ["leeftijd": .number(child.age)], amount: amount, uses)
            maximum += amount
        }
        if !h.hasPartner {
            let (alo, aloUse) = try t.read(tp.kgbAlleenstaandeOuderkop)
            t.step("toeslag.kgb.alleenstaandeOuderkop", amount: alo, [aloUse])
            maximum += alo
        }
        t.step("toeslag.kgb.maximum", amount: maximum)

        let (pct, pctUse) = try t.read(tp.kgbAfbouw)
        let above = (income - threshold).clamped(min: .zero)
        let reduction = above.applying(pct, rounding: .halfUp)
        t.step(
            h.hasPartner ? "toeslag.kgb.afbouwPartner" : "toeslag.kgb.afbouw",
            ["percentage": .rate(pct), "inkomen": .money(income), "drempel": .money(threshold)],
            amount: reduction, [pctUse] + thresholdUses)
        let exact = maximum - reduction
        if exact <= .zero {
            return result(.notEntitled(.incomeTooHigh(income: income)))
        }
        return result(try Awir.finish(yearlyExact: exact, tracer: &t))
    }

    private static let march = LocalDate("2026-03-01")
    private static func parent(_ ages: [Int], partner: Bool = false, assets: Money = .zero)
        -> ToeslagHousehold
    {
        ToeslagHousehold(
            applicantAge: 38, partner: partner ? PartnerFacts(age: 39) : nil,
            children: ages.map { ChildFacts(age: $0) }, assets: assets)
    }

    /// Worked examples (2026: € 2.580 per child, +€ 724 (12–15), +€ 964 (16–17), ALO-kop € 3.416,
    /// afbouw 7,60 % above € 29.736, or € 39.141 for couples).
    public static let workedExamples: [ToeslagExample] = [
        // rules-2026-resolved §5.1: single parent, child 8, € 35.000: 2.580 + 3.416 = 5.996;
        // 7,6 % × (35.000 − 29.736 = 5.264) = 400,06; 5.595,94 → € 5.596 → 466,33.
        ToeslagExample(
            "alleenstaande ouder, 1 kind, boven drempel", .kindgebondenBudget, date: march,
            household: parent([8]),
            income: .euros(35_000), .entitled(monthly: .cents(466_33), yearly: .euros(5_596))),
        // Below the drempel: 5.996 → 499,67.
        ToeslagExample(
            "alleenstaande ouder, 1 kind, laag inkomen", .kindgebondenBudget, date: march,
            household: parent([8]),
            income: .euros(20_000), .entitled(monthly: .cents(499_67), yearly: .euros(5_996))),
        // Couple, children 3, 13 and 16, € 30.000 (< 39.141): 3 × 2.580 + 724 + 964 = 9.428 → 785,67.
        ToeslagExample(
            "paar, 3 kinderen van verschillende leeftijd", .kindgebondenBudget, date: march,
            household: parent([3, 13, 16], partner: true),
            income: .euros(30_000), .entitled(monthly: .cents(785_67), yearly: .euros(9_428))),
        // Same, € 60.000: 7,6 % × (60.000 − 39.141 = 20.859) = 1.585,28; 9.428 − 1.585,28 = 7.842,72 → € 7.843 → 653,58.
        ToeslagExample(
            "paar, 3 kinderen, boven drempel", .kindgebondenBudget, date: march,
            household: parent([3, 13, 16], partner: true),
            income: .euros(60_000), .entitled(monthly: .cents(653_58), yearly: .euros(7_843))),
        // Just under the end: € 108.321: 7,6 % × 78.585 = 5.972,46; 5.996 − 5.972,46 = 23,54 → € 24 → 2,00.
        ToeslagExample(
            "net onder het einde", .kindgebondenBudget, date: march, household: parent([8]),
            income: .euros(108_321), .entitled(monthly: .cents(2_00), yearly: .euros(24))),
        // Just over: € 108.322: 7,6 % × 78.586 = 5.972,54; 23,46 → € 23 < € 24.
        ToeslagExample(
            "net boven het einde", .kindgebondenBudget, date: march, household: parent([8]),
            income: .euros(108_322),
            .notEntitled(.belowMinimumPayable(yearly: .euros(23), minimum: .euros(24)))),
        ToeslagExample(
            "geen kinderen", .kindgebondenBudget, date: march, household: parent([]),
            income: .euros(20_000), .notEntitled(.noEligibleChildren)),
        ToeslagExample(
            "kind van 18 telt niet", .kindgebondenBudget, date: march, household: parent([18]),
            income: .euros(20_000), .notEntitled(.noEligibleChildren)),
        ToeslagExample(
            "vermogen boven de grens", .kindgebondenBudget, date: march,
            household: parent([8], assets: .euros(146_012)),
            income: .euros(20_000),
            .notEntitled(.assetsAboveLimit(assets: .euros(146_012), limit: .euros(146_011)))),
        // 2025: single parent, child 13: 2.511 + 703 + 3.389 = 6.603 → 550,25.
        ToeslagExample(
            "2025, alleenstaande ouder, kind van 13", .kindgebondenBudget,
            date: LocalDate("2025-09-01"), household: parent([13]),
            income: .euros(20_000), .entitled(monthly: .cents(550_25), yearly: .euros(6_603))),
    ]
}
