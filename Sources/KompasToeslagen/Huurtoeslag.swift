import KompasCore
import KompasRules

/// Huurtoeslag in the 2026 system (Wet op de huurtoeslag as amended per 1-1-2026).
///
/// Law (art. 21 Wht): of the rekenhuur (the kale huur; service costs no longer count, art. 5 lid 1 and art. 1 onder d)
/// - the part above the basishuur up to the kwaliteitskortingsgrens is paid for 100 %;
/// - the part up to the aftoppingsgrens for 65 %, and up to the maximale huurgrens for 40 % (Besluit op de huurtoeslag art. 7);
/// - the part above the maximale huurgrens is not subsidised (the maximum rent is no longer an entry condition);
/// then Y × afbouwpercentage / 12 is subtracted, Y = rekeninkomen − minimum-inkomensijkpunt (27 % / 22 %).
///
/// Basishuur = normhuur (€ 252,49) − verlaging (€ 1,82 een / € 3,63 meer) + opslag art. 16 (€ 0 since 2023)
/// − the reduction of the Wet verlaging eigen bijdrage huurtoeslag (€ 48,15 in 2026) = € 202,52 / € 200,71.
/// How this was resolved is documented in `rules-2026-resolved.md` §1.1 and in ``ToeslagParameters/huurOpslagBasishuur``.
///
/// Rounding: the monthly amount is computed exactly and rounded once (intermediate steps in the trace are shown
/// rounded to the cent); the year (12 months) is rounded to whole euros (art. 14 lid 4 Awir), € 24 minimum.
///
/// 2025 used the old income-dependent normhuur formula (art. 17–19 old text); that system is not modelled, so a
/// 2025 date throws ``NotInForce``.
///
/// Source: https://wetten.overheid.nl/BWBR0008659/2026-01-01#Artikel21
public enum Huurtoeslag: Sendable {
    public static func calculate(
        on date: LocalDate, household h: ToeslagHousehold, toetsingsinkomen income: Money,
        explain: Bool = true
    ) throws(NotInForce) -> ToeslagResult {
        var t = Tracer(date: date, explain: explain)
        let tp = ToeslagParameters.self
        let single = h.size == 1
        let (kkg, kkgUse) = try t.read(tp.huurKwaliteitskortingsgrens)
        let (ijkpunt, ijkUse) = try single ? t.read(tp.huurIjkpuntEen) : t.read(tp.huurIjkpuntMeer)
        let rekeninkomen = income + h.otherResidentsIncome
        func result(_ e: Entitlement) -> ToeslagResult {
            ToeslagResult(
                toeslag: .huurtoeslag, date: date, toetsingsinkomen: rekeninkomen, entitlement: e,
                trace: t.steps, phaseOutStartsAt: ijkpunt)
        }

        guard let kaleHuur = h.kaleHuur else {
            t.step("toeslag.huur.geenHuur")
            return result(.notEntitled(.noRent))
        }
        let (minAge, ageUse) = try t.read(tp.huurMinimumLeeftijd)
        if h.applicantAge < minAge {
            t.step(
                "toeslag.stap.teJong",
                ["leeftijd": .number(h.applicantAge), "minimum": .number(minAge)], amount: nil,
                [ageUse])
            return result(.notEntitled(.tooYoung(age: h.applicantAge, minimum: minAge)))
        }
        let (limit, limitUse) =
            try h.hasPartner
            ? t.read(tp.huurVermogensgrensPartner) : t.read(tp.huurVermogensgrensAlleen)
        t.step(
            "toeslag.stap.vermogenstoets", ["vermogen": .money(h.assets), "grens": .money(limit)],
            amount: nil, [limitUse])
        if h.assets > limit {
            return result(.notEntitled(.assetsAboveLimit(assets: h.assets, limit: limit)))
        }

        if single {
            t.step("toeslag.huur.eenpersoons")
        } else {
            t.step("toeslag.huur.meerpersoons", ["personen": .number(h.size)])
        }
        if h.servicekosten > .zero {
            t.step(
                "toeslag.huur.servicekostenTellenNiet", ["servicekosten": .money(h.servicekosten)])
        }

        // Maximale huurgrens (art. 13): the high one if anyone in the home is 21+, or a child lives there.
        let (ageHigh, ageHighUse) = try t.read(tp.huurLeeftijdGrens)
        let highLimit =
            h.applicantAge >= ageHigh || (h.partner.map { $0.age >= ageHigh } ?? false)
            || h.otherResidentAges.contains { $0 >= ageHigh } || !h.children.isEmpty
        let (maxHuur, maxUse) =
            try highLimit
            ? t.read(tp.huurMaximaleHuurgrens21) : t.read(tp.huurMaximaleHuurgrensJong)
        let rekenhuur = min(kaleHuur, maxHuur)
        t.step(
            kaleHuur > maxHuur ? "toeslag.huur.rekenhuurBovenMaximum" : "toeslag.huur.rekenhuur",
            ["huur": .money(kaleHuur), "maximum": .money(maxHuur)], amount: rekenhuur,
            [maxUse, ageHighUse])

        // Basishuur.
        let (normhuur, normUse) = try t.read(tp.huurNormhuur)
        let (verlaging, verlUse) =
            try single ? t.read(tp.huurVerlagingEen) : t.read(tp.huurVerlagingMeer)
        let (opslag, opslagUse) = try t.read(tp.huurOpslagBasishuur)
        let (wveb, wvebUse) = try t.read(tp.huurVerlagingEigenBijdrage)
        let basishuur = normhuur - verlaging + opslag - wveb
        t.step(
            "toeslag.huur.basishuur",
            [
                "normhuur": .money(normhuur), "verlaging": .money(verlaging),
                "opslag": .money(opslag), "wet": .money(wveb),
            ],
            amount: basishuur, [normUse, verlUse, opslagUse, wvebUse])
        if rekenhuur <= basishuur {
            return result(
                .notEntitled(.rentNotAboveBasishuur(rent: rekenhuur, basishuur: basishuur)))
        }

        // Bands. Exact arithmetic in cents × 12 × 10⁶, rounded once at the end.
        let scale = Int128(12) * Int128(Rate.scale)
        let partA = min(rekenhuur, kkg) - basishuur
        t.step("toeslag.huur.deelA", ["grens": .money(kkg)], amount: partA, [kkgUse])
        var exact = Int128(partA.cents) * scale

        let (aft, aftUse) =
            try h.size >= 3
            ? t.read(tp.huurAftoppingsgrensGroot) : t.read(tp.huurAftoppingsgrensKlein)
        let (pctB, pctBUse) = try t.read(tp.huurPercentageKwaliteit)
        let baseB = (min(rekenhuur, aft) - kkg).clamped(min: .zero)
        exact += Int128(baseB.cents) * Int128(pctB.partsPerMillion) * 12
        t.step(
            "toeslag.huur.deelB",
            ["percentage": .rate(pctB), "deel": .money(baseB), "grens": .money(aft)],
            amount: baseB.applying(pctB), [pctBUse, aftUse, kkgUse])

        let (pctC, pctCUse) = try t.read(tp.huurPercentageAftopping)
        let baseC = (rekenhuur - aft).clamped(min: .zero)
        exact += Int128(baseC.cents) * Int128(pctC.partsPerMillion) * 12
        t.step(
            "toeslag.huur.deelC",
            ["percentage": .rate(pctC), "deel": .money(baseC), "grens": .money(aft)],
            amount: baseC.applying(pctC), [pctCUse, aftUse])

        // Afbouw: Y × afbouwpercentage / 12 (art. 21 lid 2).
        let (afbouwPct, afbouwUse) =
            try single ? t.read(tp.huurAfbouwEen) : t.read(tp.huurAfbouwMeer)
        let y = (rekeninkomen - ijkpunt).clamped(min: .zero)
        exact -= Int128(y.cents) * Int128(afbouwPct.partsPerMillion)
        // The sentence must match the numbers: only an income above the ijkpunt loses anything.
        t.step(
            rekeninkomen > ijkpunt ? "toeslag.huur.afbouw" : "toeslag.huur.onderIjkpunt",
            [
                "inkomen": .money(rekeninkomen), "ijkpunt": .money(ijkpunt),
                "percentage": .rate(afbouwPct),
            ],
            amount: y.scaled(by: afbouwPct.partsPerMillion, over: 12 * Rate.scale),
            [afbouwUse, ijkUse])

        let monthlyExact = Money(cents: Int64(Money.divideRounded(exact, scale)))
        t.step("toeslag.huur.perMaandBerekend", amount: monthlyExact)
        if exact <= 0 {
            return result(.notEntitled(.incomeTooHigh(income: rekeninkomen)))
        }
        // The year is twelve exact months, rounded to the cent before the Awir rounding to euros.
        let yearlyExact = Money(cents: Int64(Money.divideRounded(exact * 12, scale)))
        return result(try Awir.finish(yearlyExact: yearlyExact, tracer: &t))
    }

    private static func single(
        age: Int = 30, rent: Int64, service: Money = .zero, assets: Money = .zero
    ) -> ToeslagHousehold {
        ToeslagHousehold(
            applicantAge: age, kaleHuur: .cents(rent), servicekosten: service, assets: assets)
    }
    private static let march = LocalDate("2026-03-01")

    /// Worked examples (2026 parameters: basishuur € 202,52 een / € 200,71 meer, KKG € 498,20,
    /// aftoppingsgrens € 713,02 / € 764,14, maximale huurgrens € 932,93 / € 498,20).
    public static let workedExamples: [ToeslagExample] = [
        // rules-2026-resolved §1.4: single, rent 650, € 20.000: A = 498,20 − 202,52 = 295,68; B = 65 % × 151,80 = 98,67;
        // 394,35 a month; year 4.732,20 → € 4.732 → 394,33 a month.
        ToeslagExample(
            "alleenstaand, huur tussen de grenzen", .huurtoeslag, date: march,
            household: single(rent: 650_00),
            income: .euros(20_000), .entitled(monthly: .cents(394_33), yearly: .euros(4_732))),
        // Same, € 26.000: afbouw = (26.000 − 23.425) × 27 % / 12 = 57,9375; 394,35 − 57,9375 = 336,4125;
        // year 4.036,95 → € 4.037 → 336,42.
        ToeslagExample(
            "alleenstaand, inkomen boven ijkpunt", .huurtoeslag, date: march,
            household: single(rent: 650_00),
            income: .euros(26_000), .entitled(monthly: .cents(336_42), yearly: .euros(4_037))),
        // Service costs € 50 do not count from 2026: same as the first example.
        ToeslagExample(
            "servicekosten tellen niet mee", .huurtoeslag, date: march,
            household: single(rent: 650_00, service: .euros(50)),
            income: .euros(20_000), .entitled(monthly: .cents(394_33), yearly: .euros(4_732))),
        // Rent 450 below the KKG: 450 − 202,52 = 247,48; year 2.969,76 → € 2.970 → 247,50.
        ToeslagExample(
            "huur onder de kwaliteitskortingsgrens", .huurtoeslag, date: march,
            household: single(rent: 450_00),
            income: .euros(20_000), .entitled(monthly: .cents(247_50), yearly: .euros(2_970))),
        // Rent 1.000 above the maximum: rekenhuur 932,93. 295,68 + 65 % × 214,82 (139,633) + 40 % × 219,91 (87,964)
        // = 523,277 a month; year 6.279,324 → 6.279,32 → € 6.279 → 523,25.
        ToeslagExample(
            "alleenstaand, huur boven de maximale huurgrens", .huurtoeslag, date: march,
            household: single(rent: 1_000_00),
            income: .euros(20_000), .entitled(monthly: .cents(523_25), yearly: .euros(6_279))),
        // Couple, rent 1.000: A = 498,20 − 200,71 = 297,49; + 139,633 + 87,964 = 525,087; year 6.301,04 → € 6.301 → 525,08.
        ToeslagExample(
            "met partner, huur boven maximum", .huurtoeslag, date: march,
            household: ToeslagHousehold(
                applicantAge: 40, partner: PartnerFacts(age: 41), kaleHuur: .euros(1_000)),
            income: .euros(20_000), .entitled(monthly: .cents(525_08), yearly: .euros(6_301))),
        // Single parent, 2 children (3 persons), rent 800, € 25.000 (< ijkpunt 31.500): A 297,49;
        // B 65 % × (764,14 − 498,20 = 265,94) = 172,861; C 40 % × (800 − 764,14 = 35,86) = 14,344 → 484,695;
        // year 5.816,34 → € 5.816 → 484,67.
        ToeslagExample(
            "alleenstaande ouder met 2 kinderen", .huurtoeslag, date: march,
            household: ToeslagHousehold(
                applicantAge: 34, children: [ChildFacts(age: 4), ChildFacts(age: 8)],
                kaleHuur: .euros(800)),
            income: .euros(25_000), .entitled(monthly: .cents(484_67), yearly: .euros(5_816))),
        // 19 years old, alone: maximale huurgrens 498,20; rent 600 → rekenhuur 498,20 → 295,68; year 3.548,16 → € 3.548 → 295,67.
        ToeslagExample(
            "jonger dan 21, alleen", .huurtoeslag, date: march,
            household: single(age: 19, rent: 600_00),
            income: .euros(10_000), .entitled(monthly: .cents(295_67), yearly: .euros(3_548))),
        // Just under the end: rent 650, € 40.864: 394,35 × 12 = 4.732,20 − 27 % × 17.439 = 4.708,53 → 23,67 → € 24 → 2,00.
        ToeslagExample(
            "net onder het einde van de afbouw", .huurtoeslag, date: march,
            household: single(rent: 650_00),
            income: .euros(40_864), .entitled(monthly: .cents(2_00), yearly: .euros(24))),
        // Just over: € 40.865: 4.732,20 − 4.708,80 = 23,40 → € 23 < € 24: not granted.
        ToeslagExample(
            "net boven het einde van de afbouw", .huurtoeslag, date: march,
            household: single(rent: 650_00),
            income: .euros(40_865),
            .notEntitled(.belowMinimumPayable(yearly: .euros(23), minimum: .euros(24)))),
        // € 45.000: afbouw (45.000 − 23.425) × 27 % / 12 = 485,44 > 394,35: nothing left.
        ToeslagExample(
            "inkomen te hoog", .huurtoeslag, date: march, household: single(rent: 650_00),
            income: .euros(45_000), .notEntitled(.incomeTooHigh(income: .euros(45_000)))),
        ToeslagExample(
            "huur onder de basishuur", .huurtoeslag, date: march, household: single(rent: 200_00),
            income: .euros(20_000),
            .notEntitled(.rentNotAboveBasishuur(rent: .euros(200), basishuur: .cents(202_52)))),
        ToeslagExample(
            "vermogen boven de grens", .huurtoeslag, date: march,
            household: single(rent: 650_00, assets: .euros(38_480)),
            income: .euros(20_000),
            .notEntitled(.assetsAboveLimit(assets: .euros(38_480), limit: .euros(38_479)))),
        ToeslagExample(
            "geen huurwoning", .huurtoeslag, date: march,
            household: ToeslagHousehold(applicantAge: 30),
            income: .euros(20_000), .notEntitled(.noRent)),
        ToeslagExample(
            "2025: oud stelsel niet in Kompas", .huurtoeslag, date: LocalDate("2025-06-01"),
            household: single(rent: 650_00),
            income: .euros(20_000), .notInForce),
    ]
}

extension Money {
    /// Exact quotient of a wide numerator, rounded half up (away from zero).
    static func divideRounded(_ n: Int128, _ d: Int128) -> Int128 {
        var q = n / d
        let r = n % d
        if r != 0 && (r < 0 ? -r : r) * 2 >= d { q += n < 0 ? -1 : 1 }
        return q
    }
}
