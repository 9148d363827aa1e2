import KompasCore
import KompasRules

/// How often wages are paid.
///
/// The municipality settles per calendar month; wage tax is per period.
public enum PayFrequency: String, Sendable, Codable, CaseIterable {
    case week
    case vierWeken = "4weken"
    case maand
    /// The period factor of the Rekenvoorschriften: month 12, four weeks 13, week 52.
    public var periodsPerYear: Int64 {
        switch self {
        case .week: 52
        case .vierWeken: 13
        case .maand: 12
        }
    }
}

/// Which column of the white table applies: below the AOW age, or at AOW age by year of birth.
///
/// At AOW age no AOW premium is due, so the first bracket's rate is lower; people born in 1945
/// or earlier keep a longer first bracket (Rekenvoorschriften 2026 §2.2.2, tabel 2).
public enum WageTaxColumn: String, Sendable, Hashable, Codable, CaseIterable {
    case belowAOW = "onder-aow"
    case aow1946 = "aow-1946"
    case aow1945 = "aow-1945"
}

/// Wage tax on one period as the Belastingdienst's white tables compute it.
public struct WageTaxResult: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        /// The Rekenvoorschriften voor de geautomatiseerde loonadministratie, to the cent.
        case rekenvoorschriften
        /// The annualised approximation, for years whose Rekenvoorschriften are not in Kompas.
        case approximation
    }
    public var periodTax: Money
    /// The arbeidskorting taken into account per period (the table's "verrekende arbeidskorting").
    public var periodLabourCredit: Money
    /// The annual table wage L in whole euros (the row), or the highest row when `aboveTable`.
    public var annualTableWage: Money
    /// The period wage of the row (L / F, to the cent), for the explanation.
    public var periodTableWage: Money
    public var aboveTable: Bool
    public var method: Method
}

/// The Rekenvoorschriften symbols for one year and one column: whole euros and factors in
/// parts per million (every factor in the 2026 and 2027 documents has at most five decimals).
struct WageTaxScale: Sendable, Hashable {
    var lv: Int64
    var lmax: Int64
    var a2: Int64
    var a3: Int64
    var b1: Int64
    var b2: Int64
    var b3: Int64
    var c2: Int64
    var c3: Int64
    var ahkMax: Int64
    var ahkFrom: Int64
    var ahkTo: Int64
    var ahkRate: Int64
    var akG1: Int64
    var akG2: Int64
    var akG3: Int64
    var akG4: Int64
    var akO1: Int64
    var akO2: Int64
    var akO3: Int64
    var akA1: Int64
    var akM1: Int64
    var akM2: Int64
    var akM3: Int64
    var oukMax: Int64 = 0
    var oukFrom: Int64 = 0
    var oukTo: Int64 = 0
    var oukRate: Int64 = 0

    static let micro: Int64 = Rate.scale

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { -floorDiv(-a, b) }

    /// The table wage: the annual wage rounded down to a multiple of Lv (RV §2.2.1).
    func annualTableWage(periodCents g: Int64, factor f: Int64) -> Int64 {
        Self.floorDiv(g * f, lv * 100) * lv
    }

    /// X1: (L − a) × b + c, rounded down to whole euros (RV §2.2.2).
    func taxBeforeCredits(_ l: Int64) -> Int64 {
        if l <= a2 { return Self.floorDiv(l * b1, Self.micro) }
        if l <= a3 { return Self.floorDiv((l - a2) * b2 + c2 * Self.micro, Self.micro) }
        return Self.floorDiv((l - a3) * b3 + c3 * Self.micro, Self.micro)
    }

    /// Algemene heffingskorting, rounded up to whole euros; full up to and including ahkg1,
    /// nil from ahkg2 (RV §2.2.3.1).
    func generalCredit(_ l: Int64) -> Int64 {
        if l <= ahkFrom { return ahkMax }
        if l >= ahkTo { return 0 }
        return max(0, Self.ceilDiv(ahkMax * Self.micro - (l - ahkFrom) * ahkRate, Self.micro))
    }

    /// Arbeidskorting, rounded up to whole euros; nil from arkg4 (RV §2.2.3.4).
    ///
    /// Three build-ups capped in sequence, then the phase-out. With L in whole euros and factors of five
    /// decimals every product is exact, so the rounding of each product to five decimals is exact too.
    func labourCredit(_ l: Int64) -> Int64 {
        if l >= akG4 { return 0 }
        var s = min(l * akO1, akM1 * Self.micro)
        s = min(s + max(0, l - akG1) * akO2, akM2 * Self.micro)
        s = min(s + max(0, l - akG2) * akO3, akM3 * Self.micro)
        s -= max(0, l - akG3) * akA1
        return max(0, Self.ceilDiv(s, Self.micro))
    }

    /// Ouderenkorting (AOW age only), rounded up to whole euros (RV §2.2.3.2).
    func elderlyCredit(_ l: Int64) -> Int64 {
        if oukMax == 0 { return 0 }
        if l <= oukFrom { return oukMax }
        if l >= oukTo { return 0 }
        return max(0, Self.ceilDiv(oukMax * Self.micro - (l - oukFrom) * oukRate, Self.micro))
    }

    /// The yearly tax after credits, and the arbeidskorting applied.
    ///
    /// Credits above X1 are cut in
    /// the order of RV §2.2.4 (alleenstaande-ouderenkorting, arbeidskorting, ouderenkorting,
    /// algemene heffingskorting); the tax is never negative.
    func annual(_ l: Int64, credit: Bool) -> (tax: Int64, labourCredit: Int64) {
        let x1 = taxBeforeCredits(l)
        guard credit else { return (x1, 0) }
        var ahk = generalCredit(l)
        var ak = labourCredit(l)
        var ouk = elderlyCredit(l)
        var excess = max(0, ahk + ak + ouk - x1)
        let cutAK = min(ak, excess)
        ak -= cutAK
        excess -= cutAK
        let cutOUK = min(ouk, excess)
        ouk -= cutOUK
        excess -= cutOUK
        ahk -= min(ahk, excess)
        return (x1 - ahk - ak - ouk, ak)
    }

    /// Whole euros a year, per period in cents, half up ("rekenkundig", RV §2.2.5).
    ///
    /// With whole
    /// euros over 12, 13 or 52 periods a half cent cannot occur.
    static func perPeriod(_ euros: Int64, _ f: Int64) -> Int64 { floorDiv(euros * 200 + f, 2 * f) }

    /// The wage tax of a period wage in cents.
    func period(cents g: Int64, factor f: Int64, credit: Bool) -> WageTaxResult {
        if g * f > lmax * 100 {
            // Above the highest row: the tax of that row plus b3 over the excess, rounded down.
            let top = Self.perPeriod(annual(lmax, credit: credit).tax, f)
            let extra = Self.floorDiv((g * f - lmax * 100) * b3, f * Self.micro)
            return WageTaxResult(
                periodTax: Money(cents: top + extra), periodLabourCredit: .zero,
                annualTableWage: .euros(lmax),
                periodTableWage: Money(cents: Self.perPeriod(lmax, f)),
                aboveTable: true, method: .rekenvoorschriften)
        }
        let l = annualTableWage(periodCents: g, factor: f)
        let a = annual(l, credit: credit)
        return WageTaxResult(
            periodTax: Money(cents: Self.perPeriod(a.tax, f)),
            periodLabourCredit: Money(cents: Self.perPeriod(a.labourCredit, f)),
            annualTableWage: .euros(l), periodTableWage: Money(cents: Self.perPeriod(l, f)),
            aboveTable: false, method: .rekenvoorschriften)
    }

    /// The lowest period gross wage (cents) whose net (gross − wage tax) equals `net`; `exact`
    /// is false when no gross gives exactly that net (then the lowest gross with a higher net).
    ///
    /// Net is not monotone at cent level (it drops when the next row starts), but the net ranges
    /// of consecutive rows rise and overlap, so the first row whose highest net reaches `net`
    /// holds the answer; above the table net rises with gross and a binary search finds it.
    func grossFromNet(_ net: Int64, factor f: Int64, credit: Bool) -> (gross: Int64, exact: Bool) {
        if net <= 0 { return (0, net == 0) }
        let unit = lv * 100
        let lastInTable = Self.floorDiv(lmax * 100, f)
        func gmin(_ k: Int64) -> Int64 { Self.ceilDiv(k * unit, f) }
        func gmax(_ k: Int64) -> Int64 { min(Self.ceilDiv((k + 1) * unit, f) - 1, lastInTable) }
        func tax(_ k: Int64) -> Int64 { Self.perPeriod(annual(k * lv, credit: credit).tax, f) }
        let kmax = lmax / lv
        if gmax(kmax - 1) - tax(kmax - 1) >= net {
            var lo: Int64 = 0
            var hi = kmax - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if gmax(mid) - tax(mid) >= net { hi = mid } else { lo = mid + 1 }
            }
            let t = tax(lo)
            return net >= gmin(lo) - t ? (net + t, true) : (gmin(lo), false)
        }
        func netOf(_ g: Int64) -> Int64 {
            g - period(cents: g, factor: f, credit: credit).periodTax.cents
        }
        var lo = gmin(kmax)
        var hi = max(lo, net * 3)
        while lo < hi {
            let mid = (lo + hi) / 2
            if netOf(mid) >= net { hi = mid } else { lo = mid + 1 }
        }
        return (lo, netOf(lo) == net)
    }
}

/// Wage tax (loonheffing) on one pay period, computed as the Belastingdienst computes its white
/// tables: the Rekenvoorschriften voor de geautomatiseerde loonadministratie (2026: januari 2026,
/// versie 2; 2027: the Prinsjesdag version, `voorlopig`).
///
/// The annual wage (period wage × 12, 13 or 52) is rounded down to the table step Lv; the bracket
/// formula is rounded down, the algemene heffingskorting, the arbeidskorting and the ouderenkorting
/// up to whole euros; credits larger than the tax are cut arbeidskorting first; the yearly amount
/// goes back to the period half up to the cent; above the highest row Lmax 49,5 % of the excess is
/// added, rounded down. This reproduces the official white monthly table to the cent (€ 4.000,00 →
/// € 818,67; € 11.092,50 → € 4.651,67; see `Tests/Oracle/loonheffing.json`).
///
/// Years whose Rekenvoorschriften are not in the rule files (2025) fall back to the annualised
/// approximation of the box-1 rates and the two credits, marked as such (below AOW age only).
///
/// Sources: Wet op de loonbelasting 1964 art. 20a–22a and 25–26; Rekenvoorschriften 2026 §2.2.1–2.2.5.
public enum Loonheffing: LegalRule {
    public static let id = "lb.loonheffing"
    public static let reference = LegalReference.law(
        "Wet op de loonbelasting 1964 en de Rekenvoorschriften van de Belastingdienst",
        article: "art. 20a, 22, 22a en 26",
        url: "https://wetten.overheid.nl/BWBR0002471/2026-01-01")

    public struct Input: Sendable, Hashable {
        public var periodGross: Money
        public var frequency: PayFrequency
        /// The employer applies the loonheffingskorting (most people choose this at their main job).
        public var withCredit: Bool
        public var column: WageTaxColumn
        public init(
            periodGross: Money, frequency: PayFrequency, withCredit: Bool,
            column: WageTaxColumn = .belowAOW
        ) {
            self.periodGross = periodGross
            self.frequency = frequency
            self.withCredit = withCredit
            self.column = column
        }
    }

    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    /// Tax for one period.
    public static func compute(_ i: Input, _ p: inout ParameterReader) throws -> Money {
        try table(i, &p).periodTax
    }

    /// Tax for one period with the row it was read from and the arbeidskorting in it.
    public static func table(_ i: Input, _ p: inout ParameterReader) throws -> WageTaxResult {
        let before = p.used
        do {
            let s = try scale(i.column, &p)
            return s.period(
                cents: max(i.periodGross.cents, 0), factor: i.frequency.periodsPerYear,
                credit: i.withCredit)
        } catch let e as NotInForce
            where WageTaxParameters.tableStep.index(on: e.date) == nil && i.column == .belowAOW
        {
            // Before the first year with Rekenvoorschriften in the rule files: the approximation.
            p.used = before
            let tax = try approximation(i, &p)
            return WageTaxResult(
                periodTax: tax, periodLabourCredit: .zero,
                annualTableWage: i.periodGross * i.frequency.periodsPerYear,
                periodTableWage: i.periodGross, aboveTable: false, method: .approximation)
        }
    }

    /// The symbols of the year and column, read from the rule files.
    static func scale(_ column: WageTaxColumn, _ p: inout ParameterReader) throws -> WageTaxScale {
        let t = TaxParameters.self
        let w = WageTaxParameters.self
        func euros(_ m: Money) -> Int64 { m.cents / 100 }
        var s = WageTaxScale(
            lv: euros(try p(w.tableStep)), lmax: euros(try p(w.highestRow)),
            a2: euros(try p(t.schijf1Grens)), a3: euros(try p(t.schijf2Grens)),
            b1: try p(t.schijf1Tarief).partsPerMillion, b2: try p(t.schijf2Tarief).partsPerMillion,
            b3: try p(t.schijf3Tarief).partsPerMillion,
            c2: euros(try p(w.bracket2Base)), c3: euros(try p(w.bracket3Base)),
            ahkMax: euros(try p(t.ahkMaximum)), ahkFrom: euros(try p(t.ahkDrempel)),
            ahkTo: euros(try p(w.generalCreditEnd)), ahkRate: try p(t.ahkAfbouw).partsPerMillion,
            akG1: euros(try p(t.akGrens1)), akG2: euros(try p(t.akGrens2)),
            akG3: euros(try p(t.akGrens3)), akG4: euros(try p(w.labourCreditEnd)),
            akO1: try p(t.akPct1).partsPerMillion, akO2: try p(t.akPct2).partsPerMillion,
            akO3: try p(t.akPct3).partsPerMillion, akA1: try p(t.akAfbouw).partsPerMillion,
            akM1: euros(try p(t.akBedrag2)), akM2: euros(try p(t.akBedrag3)),
            akM3: euros(try p(t.akMaximum)))
        guard column != .belowAOW else { return s }
        s.b1 = try p(w.aowRate1).partsPerMillion
        if column == .aow1945 {
            s.a2 = euros(try p(w.aow1945Bracket1End))
            s.c2 = euros(try p(w.aow1945Bracket2Base))
            s.c3 = euros(try p(w.aow1945Bracket3Base))
        } else {
            s.c2 = euros(try p(w.aowBracket2Base))
            s.c3 = euros(try p(w.aowBracket3Base))
        }
        s.ahkMax = euros(try p(w.aowGeneralCreditMaximum))
        s.ahkRate = try p(w.aowGeneralCreditTaper).partsPerMillion
        s.akO1 = try p(w.aowLabourRate1).partsPerMillion
        s.akO2 = try p(w.aowLabourRate2).partsPerMillion
        s.akO3 = try p(w.aowLabourRate3).partsPerMillion
        s.akA1 = try p(w.aowLabourTaper).partsPerMillion
        s.akM1 = euros(try p(w.aowLabourCap1))
        s.akM2 = euros(try p(w.aowLabourCap2))
        s.akM3 = euros(try p(w.aowLabourCap3))
        s.oukMax = euros(try p(w.elderlyCreditMaximum))
        s.oukFrom = euros(try p(w.elderlyCreditFrom))
        s.oukTo = euros(try p(w.elderlyCreditEnd))
        s.oukRate = try p(w.elderlyCreditTaper).partsPerMillion
        return s
    }

    /// The annualised approximation of the white tables.
    ///
    /// The period wage × periods per year, box 1 rates, minus the two credits, back to one period
    /// half up. Used only where no Rekenvoorschriften are in the data.
    static func approximation(_ i: Input, _ p: inout ParameterReader) throws -> Money {
        let n = i.frequency.periodsPerYear
        let yearly = i.periodGross * n
        let tax = try Box1.compute(yearly, &p)
        var credits = Money.zero
        if i.withCredit {
            credits =
                try AlgemeneHeffingskorting.compute(yearly, &p) + Arbeidskorting.compute(yearly, &p)
        }
        let due = max(tax - credits, .zero)
        return due.scaled(by: 1, over: n, rounding: .halfUp)
    }

    static func month(_ gross: Int64, credit: Bool = true) -> Input {
        Input(periodGross: eur(gross), frequency: .maand, withCredit: credit)
    }
    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "€ 500 per maand, met korting", month: CalendarMonth("2026-02"), month(500_00),
            .value(.zero), note: "rij 499,50: X1 2.142 < heffingskorting 3.115, dus nul"),
        .init(
            "€ 1.000 per maand, met korting", month: CalendarMonth("2026-02"), month(1_000_00),
            .value(eur(13_83)),
            note:
                "rij 999,00 (L = 11.988): X1 4.285 − AHK 3.115 − AK 1.004 = 166; /12 = 13,83 (witte maandtabel 2026)"
        ),
        .init(
            "€ 1.000 per maand, zonder korting", month: CalendarMonth("2026-02"),
            month(1_000_00, credit: false), .value(eur(357_08)), note: "4.285 / 12 = 357,083"),
        .init(
            "€ 1.500 per maand, met korting", month: CalendarMonth("2026-02"), month(1_500_00),
            .value(eur(37_58)), note: "rij 1.498,50 (L = 17.982)"),
        .init(
            "€ 2.000 per maand, met korting", month: CalendarMonth("2026-02"), month(2_000_00),
            .value(eur(61_25)), note: "rij 1.998,00: witte maandtabel 2026"),
        .init(
            "minimumloon € 2.294,40, met korting", month: CalendarMonth("2026-02"), month(2_294_40),
            .value(eur(114_92)), note: "rij 2.290,50 (L = 27.486)"),
        .init(
            "4-weken € 1.000, met korting", month: CalendarMonth("2026-02"),
            Input(periodGross: eur(1_000_00), frequency: .vierWeken, withCredit: true),
            .value(eur(16_38)),
            note: "13.000 → L = 12.960: 4.633 − 3.115 − 1.305 = 213; /13 = 16,38"),
        .init(
            "2027 voorlopig (Prinsjesdag)", month: CalendarMonth("2027-01"), month(1_000_00),
            .value(eur(4_08)), note: "L = 11.988: 4.343 − 3.154 − 1.140 = 49; /12 = 4,08"),
        .init(
            "2025: benadering (geen Rekenvoorschriften in de data)",
            month: CalendarMonth("2025-02"),
            month(1_000_00), .value(eur(22_00)),
            note: "12.000 × 35,82 % = 4.298,40 − 3.068 − 966,36 = 264,04; /12"),
        .init(
            "2024: niet in de data", month: CalendarMonth("2024-01"), month(1_000_00), .notInForce),
    ]
}
