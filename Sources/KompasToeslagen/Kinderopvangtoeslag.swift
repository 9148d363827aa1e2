import KompasCore
import KompasRules

/// One child's childcare in a kinderopvangtoeslag calculation.
public struct ChildcareLine: Sendable, Hashable, Codable {
    public var childIndex: Int
    public var kind: ChildcareKind
    public var isFirstChild: Bool
    /// Hours (hundredths) that count, at most the monthly maximum.
    public var countedHoursHundredths: Int
    /// The hourly price that counts, at most the maximum for this kind of care.
    public var countedHourlyPrice: Money
    public var percentage: Rate
    /// What the provider charges for the month (all hours at the real price).
    public var grossCost: Money
    /// The toeslag for this child for the month, to the cent.
    public var compensation: Money
}

/// Kinderopvangtoeslag with the childcare detail and the net cost that stays with the parents (a work cost).
public struct KinderopvangtoeslagResult: Sendable, Hashable, Codable {
    public var result: ToeslagResult
    public var lines: [ChildcareLine]
    public var grossCostPerMonth: Money
    /// Gross cost minus the toeslag for the month: what childcare costs the household.
    ///
    /// Zero toeslag when not entitled.
    public var netCostPerMonth: Money
}

/// Kinderopvangtoeslag: a contribution to the cost of registered childcare for working parents.
///
/// Law (Wet kinderopvang art. 1.6–1.7; Besluit kinderopvangtoeslag art. 4, 8a and bijlage I): per child and per month
/// toeslag = percentage(joint toetsingsinkomen, first or next child) × min(hourly price, maximum hourly price for the
/// kind of care) × min(hours, 230). The "first child" is the child with the most hours of care; ties go to the first
/// listed. Only for months in which the parent, and the partner if any, work (art. 1.6 Wet kinderopvang).
///
/// Rounding: the month is computed exactly and rounded once to the cent (half up); the year to whole euros
/// (art. 14 lid 4 Awir), € 24 minimum. 2025 has no percentage table in Kompas (not found at a source): ``NotInForce``.
///
/// Source: https://zoek.officielebekendmakingen.nl/stb-2022-386.html (230 hours), rules-2026-resolved.md §2.
public enum Kinderopvangtoeslag: Sendable {
    public static func calculate(
        on date: LocalDate, household h: ToeslagHousehold, toetsingsinkomen income: Money,
        explain: Bool = true
    ) throws(NotInForce) -> KinderopvangtoeslagResult {
        var t = Tracer(date: date, explain: explain)
        let tp = ToeslagParameters.self
        let (table, tableUse) = try t.read(tp.kotPercentages)
        let (maxHours, hoursUse) = try t.read(tp.kotMaxUren)
        let firstBand = table.bands[0].upTo
        let cared = h.children.enumerated().compactMap { i, c in c.childcare.map { (i, $0) } }
        let gross = cared.reduce(Money.zero) {
            $0 + $1.1.hourlyPrice.scaled(by: Int64($1.1.hoursHundredths), over: 100)
        }
        func done(_ e: Entitlement, _ lines: [ChildcareLine] = [], net: Money? = nil)
            -> KinderopvangtoeslagResult
        {
            let r = ToeslagResult(
                toeslag: .kinderopvangtoeslag, date: date, toetsingsinkomen: income, entitlement: e,
                trace: t.steps, phaseOutStartsAt: firstBand)
            return KinderopvangtoeslagResult(
                result: r, lines: lines, grossCostPerMonth: gross, netCostPerMonth: net ?? gross)
        }
        if cared.isEmpty {
            t.step("toeslag.kot.geenOpvang")
            return done(.notEntitled(.noChildcare))
        }
        if !h.parentsWork {
            t.step("toeslag.kot.nietWerkend")
            return done(.notEntitled(.parentsNotWorking))
        }
        let band = table.band(for: income)
        t.step(
            "toeslag.kot.schijf",
            [
                "inkomen": .money(income), "eerste": .rate(band.firstChild),
                "volgende": .rate(band.nextChild),
            ],
            amount: nil, [tableUse])
        // `cared` is not empty here (checked above), so there is a child with the most hours.
        let firstIndex =
            cared.max { a, b in
                a.1.hoursHundredths < b.1.hoursHundredths
                    || (a.1.hoursHundredths == b.1.hoursHundredths && a.0 > b.0)
            }?.0 ?? 0

        let denominator = Int128(100) * Int128(Rate.scale)
        var exact: Int128 = 0
        var lines: [ChildcareLine] = []
        for (index, care) in cared {
            let (maxPrice, priceUse) = try t.read(maxPriceParameter(care.kind))
            let hours = min(care.hoursHundredths, maxHours * 100)
            let price = min(care.hourlyPrice, maxPrice)
            let isFirst = index == firstIndex
            let pct = isFirst ? band.firstChild : band.nextChild
            let numerator = Int128(price.cents) * Int128(hours) * Int128(pct.partsPerMillion)
            exact += numerator
            let line = ChildcareLine(
                childIndex: index, kind: care.kind, isFirstChild: isFirst,
                countedHoursHundredths: hours,
                countedHourlyPrice: price, percentage: pct,
                grossCost: care.hourlyPrice.scaled(by: Int64(care.hoursHundredths), over: 100),
                compensation: Money(cents: Int64(Money.divideRounded(numerator, denominator))))
            lines.append(line)
            t.step(
                isFirst ? "toeslag.kot.kindEerste" : "toeslag.kot.kindVolgende",
                [
                    "soort": .message(Message("toeslag.kot.soort.\(care.kind.rawValue)")),
                    "uren": .number(hours / 100),
                    "prijs": .money(price), "percentage": .rate(pct),
                ],
                amount: line.compensation, [priceUse, hoursUse, tableUse])
        }
        let monthly = Money(cents: Int64(Money.divideRounded(exact, denominator)))
        t.step("toeslag.kot.perMaand", ["bruto": .money(gross)], amount: monthly)
        let yearlyExact = Money(cents: Int64(Money.divideRounded(exact * 12, denominator)))
        let entitlement = try Awir.finish(yearlyExact: yearlyExact, tracer: &t)
        let net: Money
        // What the parents pay is the cost minus what they actually receive (the amount after the
        // Awir's rounding of the yearly amount), so the net cost and the toeslag add up to the cost.
        if case .entitled(let paid, _) = entitlement { net = gross - paid } else { net = gross }
        t.step("toeslag.kot.nettoKosten", ["bruto": .money(gross)], amount: net)
        return done(entitlement, lines, net: net)
    }

    static func maxPriceParameter(_ kind: ChildcareKind) -> Parameter<Money> {
        switch kind {
        case .dagopvang: return ToeslagParameters.kotMaxUurprijsDagopvang
        case .buitenschoolseOpvang: return ToeslagParameters.kotMaxUurprijsBSO
        case .gastouderopvang: return ToeslagParameters.kotMaxUurprijsGastouder
        }
    }

    private static let march = LocalDate("2026-03-01")
    private static func parent(_ children: [ChildFacts], partner: Bool = false, works: Bool = true)
        -> ToeslagHousehold
    {
        ToeslagHousehold(
            applicantAge: 33, partner: partner ? PartnerFacts(age: 34) : nil, children: children,
            parentsWork: works)
    }
    private static func kid(_ age: Int, _ kind: ChildcareKind, _ hours: Int, _ priceCents: Int64)
        -> ChildFacts
    {
        ChildFacts(
            age: age,
            childcare: Childcare(kind: kind, hours: hours, hourlyPrice: .cents(priceCents)))
    }

    /// Worked examples (2026: maximum € 11,23 dagopvang / € 9,98 bso / € 8,49 gastouder; 96 % up to € 56.412; 230 hours).
    public static let workedExamples: [ToeslagExample] = [
        // Dagopvang 100 h at € 10,00 (below the maximum): 96 % × 10,00 × 100 = 960,00; year 11.520 → 960,00.
        ToeslagExample(
            "dagopvang onder de maximum uurprijs", .kinderopvangtoeslag, date: march,
            household: parent([kid(2, .dagopvang, 100, 10_00)]), income: .euros(25_000),
            .entitled(monthly: .cents(960_00), yearly: .euros(11_520))),
        // € 12,50 an hour: counts € 11,23: 96 % × 11,23 × 100 = 1.078,08; year 12.936,96 → € 12.937 → 1.078,08.
        ToeslagExample(
            "dagopvang boven de maximum uurprijs", .kinderopvangtoeslag, date: march,
            household: parent([kid(2, .dagopvang, 100, 12_50)]), income: .euros(25_000),
            .entitled(monthly: .cents(1_078_08), yearly: .euros(12_937))),
        // 250 hours: 230 count: 96 % × 10,00 × 230 = 2.208,00; year 26.496 → 2.208,00.
        ToeslagExample(
            "meer dan 230 uur", .kinderopvangtoeslag, date: march,
            household: parent([kid(2, .dagopvang, 250, 10_00)]), income: .euros(25_000),
            .entitled(monthly: .cents(2_208_00), yearly: .euros(26_496))),
        // Two children: dagopvang 80 h × 11,00 × 96 % = 844,80 (first: most hours); bso 40 h × 9,00 × 96 % = 345,60;
        // 1.190,40 a month; year 14.284,80 → € 14.285 → 1.190,42.
        ToeslagExample(
            "twee kinderen, dagopvang en bso", .kinderopvangtoeslag, date: march,
            household: parent([
                kid(2, .dagopvang, 80, 11_00), kid(6, .buitenschoolseOpvang, 40, 9_00),
            ]), income: .euros(25_000),
            .entitled(monthly: .cents(1_190_42), yearly: .euros(14_285))),
        // Couple, € 100.000 (band up to € 103.694: 72,1 % / 90,5 %): 880 × 72,1 % = 634,48; 360 × 90,5 % = 325,80;
        // 960,28; year 11.523,36 → € 11.523 → 960,25.
        ToeslagExample(
            "paar, hoger inkomen", .kinderopvangtoeslag, date: march,
            household: parent(
                [kid(2, .dagopvang, 80, 11_00), kid(6, .buitenschoolseOpvang, 40, 9_00)],
                partner: true),
            income: .euros(100_000), .entitled(monthly: .cents(960_25), yearly: .euros(11_523))),
        // Gastouder 50 h at € 9,00: counts € 8,49: 96 % × 8,49 × 50 = 407,52; year 4.890,24 → € 4.890 → 407,50.
        ToeslagExample(
            "gastouder boven maximum", .kinderopvangtoeslag, date: march,
            household: parent([kid(1, .gastouderopvang, 50, 9_00)]), income: .euros(25_000),
            .entitled(monthly: .cents(407_50), yearly: .euros(4_890))),
        // 1 hour bso at € 1,50: 1,44 a month; year 17,28 → € 17 < € 24.
        ToeslagExample(
            "onder het minimumbedrag", .kinderopvangtoeslag, date: march,
            household: parent([kid(6, .buitenschoolseOpvang, 1, 1_50)]), income: .euros(25_000),
            .notEntitled(.belowMinimumPayable(yearly: .euros(17), minimum: .euros(24)))),
        ToeslagExample(
            "ouder werkt niet", .kinderopvangtoeslag, date: march,
            household: parent([kid(2, .dagopvang, 100, 10_00)], works: false),
            income: .euros(20_000),
            .notEntitled(.parentsNotWorking)),
        ToeslagExample(
            "geen opvang", .kinderopvangtoeslag, date: march,
            household: parent([ChildFacts(age: 4)]), income: .euros(20_000),
            .notEntitled(.noChildcare)),
        ToeslagExample(
            "2025: tabel niet in Kompas", .kinderopvangtoeslag, date: LocalDate("2025-03-01"),
            household: parent([kid(2, .dagopvang, 100, 10_00)]), income: .euros(25_000), .notInForce
        ),
    ]
}
