import KompasCore
import KompasRules

/// Zorgtoeslag: a contribution to the health-insurance premium.
///
/// Law (Wet op de zorgtoeslag, art. 2): zorgtoeslag = standaardpremie (twice with a toeslagpartner) − normpremie,
/// where normpremie = p × drempelinkomen + q × (toetsingsinkomen − drempelinkomen, if positive);
/// p = 1,912 % single / 4,289 % with partner, q = 13,730 % (2026). With a partner who is not insured: 50 % (lid 4).
/// No zorgtoeslag when assets on 1 January exceed the limit (art. 3). The yearly amount is rounded to whole
/// euros and not granted under € 24 (art. 14 lid 4 and 5 Awir).
///
/// Rounding: each percentage step to the cent, half up; the year to whole euros, half up; a month is a twelfth
/// of the year, to the cent, half up.
///
/// Source: https://wetten.overheid.nl/BWBR0018451/2026-01-01#Artikel2
public enum Zorgtoeslag: Sendable {
    public static func calculate(
        on date: LocalDate, household: ToeslagHousehold, toetsingsinkomen income: Money,
        explain: Bool = true
    ) throws(NotInForce) -> ToeslagResult {
        var t = Tracer(date: date, explain: explain)
        let tp = ToeslagParameters.self
        let partner = household.partner
        let (drempel, drempelUse) = try t.read(tp.drempelinkomen)
        func result(_ e: Entitlement) -> ToeslagResult {
            ToeslagResult(
                toeslag: .zorgtoeslag, date: date, toetsingsinkomen: income, entitlement: e,
                trace: t.steps, phaseOutStartsAt: drempel)
        }

        let (minAge, ageUse) = try t.read(tp.zorgMinimumLeeftijd)
        if household.applicantAge < minAge {
            t.step(
                "toeslag.stap.teJong",
                ["leeftijd": .number(household.applicantAge), "minimum": .number(minAge)],
                amount: nil, [ageUse])
            return result(.notEntitled(.tooYoung(age: household.applicantAge, minimum: minAge)))
        }

        let (limit, limitUse) =
            try partner == nil
            ? t.read(tp.zorgVermogensgrensAlleen) : t.read(tp.zorgVermogensgrensPartner)
        t.step(
            "toeslag.stap.vermogenstoets",
            ["vermogen": .money(household.assets), "grens": .money(limit)], amount: nil, [limitUse])
        if household.assets > limit {  // "meer bedraagt dan": exactly at the limit is still allowed
            return result(.notEntitled(.assetsAboveLimit(assets: household.assets, limit: limit)))
        }

        let (premie, premieUse) = try t.read(tp.zorgStandaardpremie)
        let persons: Int64 = partner == nil ? 1 : 2
        let standaard = premie * persons
        t.step(
            partner == nil
                ? "toeslag.zorg.standaardpremie" : "toeslag.zorg.standaardpremieTweemaal",
            ["premie": .money(premie)], amount: standaard, [premieUse])

        let (p, pUse) =
            try partner == nil
            ? t.read(tp.zorgPercentageDrempelAlleen) : t.read(tp.zorgPercentageDrempelPartner)
        let basis = drempel.applying(p, rounding: .halfUp)
        t.step(
            "toeslag.zorg.normpremieDrempel", ["percentage": .rate(p), "drempel": .money(drempel)],
            amount: basis, [pUse, drempelUse])

        let (q, qUse) = try t.read(tp.zorgPercentageBovenDrempel)
        let above = (income - drempel).clamped(min: .zero)
        let extra = above.applying(q, rounding: .halfUp)
        t.step(
            "toeslag.zorg.normpremieInkomen",
            ["percentage": .rate(q), "inkomen": .money(income), "boven": .money(above)],
            amount: extra, [qUse, drempelUse])

        let normpremie = basis + extra
        var exact = standaard - normpremie
        t.step(
            "toeslag.zorg.verschil",
            ["standaard": .money(standaard), "normpremie": .money(normpremie)], amount: exact)
        if exact <= .zero {
            return result(.notEntitled(.incomeTooHigh(income: income)))
        }
        if let partner, !partner.insured {
            let (share, shareUse) = try t.read(tp.zorgAandeelPartnerNietVerzekerd)
            exact = exact.applying(share, rounding: .halfUp)
            t.step(
                "toeslag.zorg.partnerNietVerzekerd", ["percentage": .rate(share)], amount: exact,
                [shareUse])
        }
        return result(try Awir.finish(yearlyExact: exact, tracer: &t))
    }

    private static let single30 = ToeslagHousehold(applicantAge: 30)
    private static let couple = ToeslagHousehold(applicantAge: 35, partner: PartnerFacts(age: 33))

    /// Worked examples; the hand calculation is in the comment above each.
    public static let workedExamples: [ToeslagExample] = [
        // 2026, single, € 20.000: normpremie = 1,912 % × 29.736 = 568,55 (below drempel: no income part).
        // 2.119 − 568,55 = 1.550,45 → € 1.550 a year → 1.550 / 12 = 129,17 a month (published maximum € 129).
        ToeslagExample(
            "alleenstaand, laag inkomen", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: single30,
            income: .euros(20_000), .entitled(monthly: .cents(129_17), yearly: .euros(1_550))),
        // 2026, partners, joint € 30.000: 4,289 % × 29.736 = 1.275,38; 13,73 % × (30.000 − 29.736 = 264) = 36,25.
        // 2 × 2.119 − 1.311,63 = 2.926,37 → € 2.926 → 243,83 a month.
        ToeslagExample(
            "met partner, net boven drempel", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: couple,
            income: .euros(30_000), .entitled(monthly: .cents(243_83), yearly: .euros(2_926))),
        // 2026, partners, joint € 20.000: 4.238 − 1.275,38 = 2.962,62 → € 2.963 → 246,92 (published maximum € 246).
        ToeslagExample(
            "met partner, maximum", .zorgtoeslag, date: LocalDate("2026-06-01"), household: couple,
            income: .euros(20_000), .entitled(monthly: .cents(246_92), yearly: .euros(2_963))),
        // Just under the limit: 13,73 % × (40.857 − 29.736 = 11.121) = 1.526,91; 1.550,45 − 1.526,91 = 23,54 → € 24
        // (art. 14 lid 4 Awir rounds half up) → exactly the minimum → 2,00 a month. Published limit: € 40.857.
        ToeslagExample(
            "alleenstaand, net onder de inkomensgrens", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: single30,
            income: .euros(40_857), .entitled(monthly: .cents(2_00), yearly: .euros(24))),
        // Just over: 13,73 % × 11.122 = 1.527,05; 1.550,45 − 1.527,05 = 23,40 → € 23 < € 24: not granted.
        ToeslagExample(
            "alleenstaand, net boven de inkomensgrens", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: single30,
            income: .euros(40_858),
            .notEntitled(.belowMinimumPayable(yearly: .euros(23), minimum: .euros(24)))),
        // € 60.000: 568,55 + 13,73 % × 30.264 = 568,55 + 4.155,25 > 2.119: nothing left.
        ToeslagExample(
            "alleenstaand, hoog inkomen", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: single30,
            income: .euros(60_000), .notEntitled(.incomeTooHigh(income: .euros(60_000)))),
        // Assets € 146.012 > € 146.011: no zorgtoeslag whatever the income.
        ToeslagExample(
            "vermogen net boven de grens", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: ToeslagHousehold(applicantAge: 30, assets: .euros(146_012)),
            income: .euros(20_000),
            .notEntitled(.assetsAboveLimit(assets: .euros(146_012), limit: .euros(146_011)))),
        // Assets exactly € 146.011: allowed ("meer bedraagt dan").
        ToeslagExample(
            "vermogen precies op de grens", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: ToeslagHousehold(applicantAge: 30, assets: .euros(146_011)),
            income: .euros(20_000),
            .entitled(monthly: .cents(129_17), yearly: .euros(1_550))),
        // Partner not insured: 2.926,37 × 50 % = 1.463,19 → € 1.463 → 121,92 a month.
        ToeslagExample(
            "partner niet verzekerd", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: ToeslagHousehold(
                applicantAge: 35, partner: PartnerFacts(age: 33, insured: false)),
            income: .euros(30_000), .entitled(monthly: .cents(121_92), yearly: .euros(1_463))),
        // 2025, single, € 20.000: 1,896 % × 28.406 = 538,58; 2.112 − 538,58 = 1.573,42 → € 1.573 → 131,08.
        ToeslagExample(
            "2025, alleenstaand", .zorgtoeslag, date: LocalDate("2025-05-01"), household: single30,
            income: .euros(20_000), .entitled(monthly: .cents(131_08), yearly: .euros(1_573))),
        ToeslagExample(
            "17 jaar", .zorgtoeslag, date: LocalDate("2026-03-01"),
            household: ToeslagHousehold(applicantAge: 17),
            income: .euros(5_000), .notEntitled(.tooYoung(age: 17, minimum: 18))),
        ToeslagExample(
            "2024 is niet in Kompas", .zorgtoeslag, date: LocalDate("2024-12-01"),
            household: single30,
            income: .euros(20_000), .notInForce),
    ]
}
