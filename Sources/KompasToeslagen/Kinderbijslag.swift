import KompasCore
import KompasRules

/// Kinderbijslag (Algemene Kinderbijslagwet, paid by the SVB per quarter), shown for completeness.
///
/// It is not a toeslag and not income: neither for the bijstand (art. 31 lid 2 sub b Participatiewet) nor in the
/// toetsingsinkomen. The amount per child per quarter depends on the age band (0–5, 6–11, 12–17).
/// The monthly figure is a third of the quarter, to the cent (half up); the yearly figure is four quarters at the
/// rate in force on the date. The age is the child's age as given for the month (SVB uses the age on the first
/// day of the quarter; the caller passes that age).
///
/// Source: https://wetten.overheid.nl/BWBR0002368/2026-01-01 (AKW); amounts per SVB.
public enum Kinderbijslag: Sendable {
    public static func calculate(
        on date: LocalDate, household h: ToeslagHousehold, explain: Bool = true
    )
        throws(NotInForce) -> ToeslagResult
    {
        var t = Tracer(date: date, explain: explain)
        let tp = ToeslagParameters.self
        let (young, youngUse) = try t.read(tp.kinderbijslag0)
        let (middle, middleUse) = try t.read(tp.kinderbijslag6)
        let (old, oldUse) = try t.read(tp.kinderbijslag12)
        func result(_ e: Entitlement) -> ToeslagResult {
            ToeslagResult(
                toeslag: .kinderbijslag, date: date, toetsingsinkomen: .zero, entitlement: e,
                trace: t.steps, phaseOutStartsAt: nil)
        }
        let children = h.minorChildren
        if children.isEmpty {
            t.step("toeslag.kinderbijslag.geenKinderen")
            return result(.notEntitled(.noEligibleChildren))
        }
        var quarter = Money.zero
        for child in children {
            let (amount, use) =
                child.age <= 5
                ? (young, youngUse) : child.age <= 11 ? (middle, middleUse) : (old, oldUse)
            t.step(
                "toeslag.kinderbijslag.kind", ["leeftijd": .number(child.age)], amount: amount,
                [use])
            quarter += amount
        }
        let monthly = quarter.scaled(by: 1, over: 3, rounding: .halfUp)
        t.step("toeslag.kinderbijslag.perMaand", ["kwartaal": .money(quarter)], amount: monthly)
        t.step("toeslag.kinderbijslag.geenInkomen")
        return result(.entitled(monthly: monthly, yearly: quarter * 4))
    }

    private static let family = ToeslagHousehold(
        applicantAge: 40, children: [ChildFacts(age: 3), ChildFacts(age: 8), ChildFacts(age: 14)])

    /// Worked examples.
    public static let workedExamples: [ToeslagExample] = [
        // March 2026, children 3, 8, 14: 295,07 + 358,30 + 421,53 = 1.074,90 a quarter → 358,30 a month; 4.299,60 a year.
        ToeslagExample(
            "drie kinderen in drie leeftijdsgroepen", .kinderbijslag, date: LocalDate("2026-03-01"),
            household: family,
            income: .zero, .entitled(monthly: .cents(358_30), yearly: .cents(4_299_60))),
        // July 2026, child 3: 298,40 / 3 = 99,4667 → 99,47; 4 × 298,40 = 1.193,60.
        ToeslagExample(
            "tweede helft 2026", .kinderbijslag, date: LocalDate("2026-07-01"),
            household: ToeslagHousehold(applicantAge: 30, children: [ChildFacts(age: 3)]),
            income: .zero, .entitled(monthly: .cents(99_47), yearly: .cents(1_193_60))),
        ToeslagExample(
            "geen kinderen", .kinderbijslag, date: LocalDate("2026-03-01"),
            household: ToeslagHousehold(applicantAge: 30),
            income: .zero, .notEntitled(.noEligibleChildren)),
        ToeslagExample(
            "2025 niet in Kompas", .kinderbijslag, date: LocalDate("2025-03-01"), household: family,
            income: .zero, .notInForce),
    ]
}
