import KompasCore
import KompasRules

/// The bijstandsnorm for a household in a calendar month, including the vakantietoeslag.
///
/// Chooses the category of art. 20 (18–20), art. 21 (21 to AOW age) or art. 22 (AOW age), and
/// hands over to ``Kostendelersnorm`` when kostendelers of 27+ live in the home (art. 22a).
/// Samenwonenden count as gehuwden (art. 3 lid 3 Participatiewet).
public enum Bijstandsnorm: LegalRule {
    public static let id = "pw.norm"
    public static let reference = LegalReference.law(
        "Participatiewet", article: "art. 20, 21, 22 en 22a",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel21")

    public static func evaluate(_ h: Household, in month: CalendarMonth) throws -> Money {
        var p = ParameterReader(month)
        return try compute(h, &p).value
    }

    /// The norm with the sentence that explains it and the parameters it used.
    public static func compute(_ h: Household, _ p: inout ParameterReader) throws -> (
        value: Money, step: TraceStep
    ) {
        guard (0...120).contains(h.age) else { throw IncomeError.impossibleAge(h.age) }
        guard h.age >= 18 else { throw IncomeError.underEighteen(age: h.age) }
        let aowAge = try p(NormParameters.aowLeeftijd)
        let applicantAOW = h.aow || h.age >= aowAge
        let norms = NormParameters.self
        if !h.hasPartner {
            let base: Parameter<Money>
            let key: String
            if applicantAOW {
                base = norms.alleenstaandeAOW
                key = "income.norm.singleAOW"
            } else if h.age < 21 {
                base =
                    h.type == .alleenstaandeOuder
                    ? norms.jongAlleenstaandeOuder : norms.jongAlleenstaande
                key = "income.norm.singleYoung"
            } else {
                base = norms.alleenstaande
                key = "income.norm.single"
            }
            if h.costSharers > 0 && h.age >= 21 {
                let b = try p(applicantAOW ? norms.gehuwdenAOW : norms.gehuwden)
                let a = h.costSharers + 1
                let v = Kostendelersnorm.share(of: b, persons: a)
                return (
                    v,
                    TraceStep(
                        Message(
                            "income.norm.costSharing",
                            ["persons": .number(a), "norm": .money(v), "base": .money(b)]),
                        parameters: p.take(), reference: Kostendelersnorm.reference)
                )
            }
            let v = try p(base)
            return (
                v,
                TraceStep(
                    Message(key, ["norm": .money(v)]), parameters: p.take(),
                    reference: base.reference)
            )
        }
        guard let partnerAge = h.partnerAge else { throw IncomeError.missingPartnerAge }
        guard (0...120).contains(partnerAge) else { throw IncomeError.impossibleAge(partnerAge) }
        let partnerAOW = partnerAge >= aowAge
        let youngCount = (h.age < 21 ? 1 : 0) + (partnerAge < 21 ? 1 : 0)
        if h.costSharers > 0 && youngCount < 2 {
            let b = try p(applicantAOW || partnerAOW ? norms.gehuwdenAOW : norms.gehuwden)
            if youngCount == 0 {
                // Art. 22a lid 2: the norm for gehuwden is the sum of each partner's kostendelersnorm.
                let a = h.costSharers + 2
                let each = Kostendelersnorm.share(of: b, persons: a)
                let v = each * 2
                return (
                    v,
                    TraceStep(
                        Message(
                            "income.norm.costSharingCouple",
                            [
                                "persons": .number(a), "each": .money(each), "norm": .money(v),
                                "base": .money(b),
                            ]),
                        parameters: p.take(), reference: Kostendelersnorm.reference)
                )
            }
            // Art. 22a lid 3: the partner of 18–20 does not count in A; a fixed amount is added.
            let a = h.costSharers + 1
            let older = Kostendelersnorm.share(of: b, persons: a)
            let young = try p(
                h.hasChildren ? norms.kostendelerJongePartnerKind : norms.kostendelerJongePartner)
            let v = older + young
            return (
                v,
                TraceStep(
                    Message(
                        "income.norm.costSharingYoungPartner",
                        [
                            "persons": .number(a), "each": .money(older), "young": .money(young),
                            "norm": .money(v),
                        ]),
                    parameters: p.take(), reference: Kostendelersnorm.reference)
            )
        }
        let base: Parameter<Money>
        if applicantAOW || partnerAOW {
            base = norms.gehuwdenAOW
        } else if youngCount == 2 {
            base = h.hasChildren ? norms.jongGehuwdenKind : norms.jongGehuwden
        } else if youngCount == 1 {
            base = h.hasChildren ? norms.jongGehuwdenEen21Kind : norms.jongGehuwdenEen21
        } else {
            base = norms.gehuwden
        }
        let v = try p(base)
        return (
            v,
            TraceStep(
                Message("income.norm.couple", ["norm": .money(v)]), parameters: p.take(),
                reference: base.reference)
        )
    }

    static func single(
        _ age: Int, _ type: HouseholdType = .alleenstaande, sharers: Int = 0, aow: Bool = false
    ) -> Household {
        Household(
            type: type, age: age, childrenAges: type == .alleenstaandeOuder ? [5] : [],
            costSharers: sharers, aow: aow)
    }
    static func couple(_ age: Int, _ partner: Int, kids: [Int] = [], sharers: Int = 0) -> Household
    {
        Household(
            type: .samenwonend, age: age, partnerAge: partner, childrenAges: kids,
            costSharers: sharers)
    }

    public static let examples: [RuleExample<Household, Money>] = [
        .init(
            "alleenstaande 35 jaar", month: CalendarMonth("2026-03"), single(35),
            .value(eur(1_401_50)), note: "art. 21 onder a per 1-1-2026"),
        .init(
            "alleenstaande voor 1 juli 2026", month: CalendarMonth("2026-06"), single(35),
            .value(eur(1_401_50))),
        .init(
            "alleenstaande na 1 juli 2026", month: CalendarMonth("2026-07"), single(35),
            .value(eur(1_419_46))),
        .init(
            "alleenstaande ouder 30 jaar: zelfde norm als alleenstaande",
            month: CalendarMonth("2025-02"), single(30, .alleenstaandeOuder), .value(eur(1_345_45))),
        .init(
            "alleenstaande 19 jaar", month: CalendarMonth("2026-01"), single(19),
            .value(eur(345_99)), note: "art. 20 lid 1 onder a"),
        .init(
            "alleenstaande ouder 20 jaar", month: CalendarMonth("2025-08"),
            single(20, .alleenstaandeOuder), .value(eur(337_98))),
        .init(
            "alleenstaande 21 jaar", month: CalendarMonth("2026-01"), single(21),
            .value(eur(1_401_50))),
        .init(
            "alleenstaande met AOW-leeftijd", month: CalendarMonth("2026-02"), single(67),
            .value(eur(1_564_69)), note: "art. 22 onder a"),
        .init(
            "gehuwden 40 en 38", month: CalendarMonth("2026-02"), couple(40, 38),
            .value(eur(2_002_13))),
        .init(
            "gehuwden 19 en 20 zonder kinderen", month: CalendarMonth("2026-02"), couple(19, 20),
            .value(eur(691_98))),
        .init(
            "gehuwden 19 en 20 met kind", month: CalendarMonth("2026-02"),
            couple(19, 20, kids: [1]), .value(eur(1_092_41))),
        .init(
            "gehuwden 20 en 25 zonder kinderen", month: CalendarMonth("2026-02"), couple(20, 25),
            .value(eur(1_347_06))),
        .init(
            "gehuwden 20 en 25 met kind", month: CalendarMonth("2026-02"),
            couple(20, 25, kids: [2]), .value(eur(1_747_49))),
        .init(
            "gehuwden, partner met AOW-leeftijd", month: CalendarMonth("2026-02"), couple(60, 68),
            .value(eur(2_144_16))),
        .init(
            "kostendelers A=2 (alleenstaande + 1)", month: CalendarMonth("2026-01"),
            single(30, sharers: 1), .value(eur(1_001_07)),
            note: "(40+60)/2 = 50 % × 2.002,13 = 1.001,065 → 1.001,07"),
        .init(
            "kostendelers A=3", month: CalendarMonth("2026-01"), single(30, sharers: 2),
            .value(eur(867_59)), note: "130/3 = 43,33 % × 2.002,13 = 867,589 → 867,59"),
        .init(
            "kostendelers A=4", month: CalendarMonth("2026-01"), single(30, sharers: 3),
            .value(eur(800_85)), note: "40 % × 2.002,13 = 800,852"),
        .init(
            "kostendelers A=5", month: CalendarMonth("2026-01"), single(30, sharers: 4),
            .value(eur(760_81)), note: "38 % × 2.002,13 = 760,809"),
        .init(
            "kostendelers juli 2025 A=2", month: CalendarMonth("2025-07"), single(30, sharers: 1),
            .value(eur(977_90)), note: "50 % × 1.955,80"),
        .init(
            "gehuwden met 1 kostendeler: 2 × 43,33 %", month: CalendarMonth("2026-01"),
            couple(40, 40, sharers: 1), .value(eur(1_735_18)), note: "A=3: 867,59 × 2"),
        .init(
            "gehuwden 20 en 30 met 1 kostendeler, zonder kind", month: CalendarMonth("2026-01"),
            couple(30, 20, sharers: 1), .value(eur(1_001_07 + 345_99)),
            note: "A=2 voor de 21+-partner + art. 22a lid 3 onder b"),
        .init(
            "19-jarige met kostendeler: geen kostendelersnorm onder 21",
            month: CalendarMonth("2026-01"), single(19, sharers: 1), .value(eur(345_99))),
        .init(
            "2027: verwacht, het bedrag van juli 2026 doorgetrokken",
            month: CalendarMonth("2027-01"),
            single(35), .value(eur(1_419_46))),
        .init("2024: nog niet opgenomen", month: CalendarMonth("2024-12"), single(35), .notInForce),
        .init(
            "17 jaar: geen bijstandsnorm", month: CalendarMonth("2026-01"), single(17),
            .error(key: "income.error.underEighteen")),
        .init(
            "samenwonend zonder leeftijd partner", month: CalendarMonth("2026-01"),
            Household(type: .samenwonend, age: 30), .error(key: "income.error.missingPartnerAge")),
    ]
}

/// The kostendelersnorm: (40 + 30·A) / A percent of the gehuwdennorm B, where A counts the
/// applicant, the partner (21+) and every kostendeler of 27 or older (artikel 22a lid 1 Participatiewet).
///
/// Rounded once, half up, to the cent (the published municipal tables round this way).
public enum Kostendelersnorm: LegalRule {
    public static let id = "pw.kostendelersnorm"
    public static let reference = LegalReference.law(
        "Participatiewet", article: "art. 22a",
        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel22a")

    /// (40 + 30·A) / (100·A) × B, exact, rounded half up once.
    public static func share(of base: Money, persons a: Int) -> Money {
        precondition(a >= 1)
        return base.scaled(by: Int64(40 + 30 * a), over: Int64(100 * a), rounding: .halfUp)
    }

    public struct Input: Sendable {
        public var persons: Int
        public var base: Money
    }
    public static func evaluate(_ i: Input, in month: CalendarMonth) throws -> Money {
        share(of: i.base, persons: i.persons)
    }

    public static let examples: [RuleExample<Input, Money>] = [
        .init(
            "A=1 is 70 %", month: CalendarMonth("2026-01"), Input(persons: 1, base: eur(2_002_13)),
            .value(eur(1_401_49)), note: "70 % × 2.002,13 = 1.401,491"),
        .init(
            "A=2 is 50 %", month: CalendarMonth("2026-01"), Input(persons: 2, base: eur(2_002_13)),
            .value(eur(1_001_07))),
        .init(
            "A=3 is 43,33 %", month: CalendarMonth("2026-01"),
            Input(persons: 3, base: eur(2_002_13)), .value(eur(867_59))),
        .init(
            "A=4 is 40 %", month: CalendarMonth("2026-01"), Input(persons: 4, base: eur(2_002_13)),
            .value(eur(800_85))),
        .init(
            "A=3 juli 2025", month: CalendarMonth("2025-07"),
            Input(persons: 3, base: eur(1_955_80)), .value(eur(847_51))),
        .init(
            "A=4 juli 2025", month: CalendarMonth("2025-07"),
            Input(persons: 4, base: eur(1_955_80)), .value(eur(782_32))),
    ]
}
