import KompasCore
import KompasRules

/// The new exemption of the Participatiewet in balans: 15 % of the net income from work for at
/// most twelve consecutive months (lid 1 onder a), 15 % without a time limit for medically limited
/// hours (onder b), 25 % up to € 226 at AOW age (onder c).
///
/// No euro maximum under a and b.
/// No age limit: the under-27 exclusion of artikel 31 lid 5 does not carry over.
///
/// Lid 2: after the twelve months the college may extend by a period it decides
/// (``ExemptionInput/extendedMonths``). Lid 3: after the period ran out without extension, the
/// college may apply lid 1 again when the person starts a new job; Kompas then counts from the new
/// job's start (`--gestart`).
///
/// Transition: the consolidated text of 1-7-2026 has art. 78ff (the PiB transitional article) with
/// lid 2–4 still empty, so no rule for a client inside an art. 31 n, r or y period on the start
/// date was found. Kompas counts the twelve months from the first month 34a is in force (the
/// first value of `pw.vrijlating.34a.maanden`, 1-1-2027) for work that started earlier, so months
/// under onderdeel n are not lost, and says so (`income.warning.transition34a`).
///
/// Source: Participatiewet artikel 34a (Stb. 2025, 312), text read in regelrecht-corpus
/// `participatiewet/2026-07-01.yaml`. Start 1-1-2027 per SZW's phasing: the figures are
/// `voorlopig` (the inwerkingtredingsbesluit was not read; `rules-2026-resolved.md` §3).
public enum Vrijlating34a: LegalRule {
    public static let id = "pw.vrijlating.34a"
    public static let reference = ExemptionParameters.a34

    public static func evaluate(_ i: ExemptionInput, in month: CalendarMonth) throws
        -> ExemptionOutcome
    {
        var p = ParameterReader(month)
        return try compute(i, &p)
    }

    public static func compute(_ i: ExemptionInput, _ p: inout ParameterReader) throws
        -> ExemptionOutcome
    {
        let share = try p(ExemptionParameters.a34Percentage)
        let months = try p(ExemptionParameters.a34Maanden)
        guard i.netEarnings > .zero else {
            return .notApplicable(reason: "income.exemption.noEarnings")
        }
        if try isAOW(i.household, &p) {
            let aowShare = try p(ExemptionParameters.a34AOWPercentage)
            let cap = try p(ExemptionParameters.a34AOWMaximum)
            return .applies(
                .pibAOW, amount: min(i.netEarnings.applying(aowShare, rounding: .halfUp), cap),
                monthsLeft: nil)
        }
        if i.household.medicallyLimited {
            return .applies(
                .pibMedical, amount: i.netEarnings.applying(share, rounding: .halfUp),
                monthsLeft: nil)
        }
        guard i.granted else { return .notApplicable(reason: "income.exemption.n.notGranted") }
        let month = clockMonth(i.workMonth, on: p.date.calendarMonth)
        let limit = months + max(0, i.extendedMonths)
        guard month <= limit else {
            return .notApplicable(reason: "income.exemption.34a.used")
        }
        return .applies(
            .pib, amount: i.netEarnings.applying(share, rounding: .halfUp),
            monthsLeft: limit - month)
    }

    /// The first month artikel 34a is in force, from the data (1-1-2027 unless a rule file says otherwise).
    public static var start: CalendarMonth? {
        ExemptionParameters.a34Maanden.history.first { $0.value != nil }?.from.calendarMonth
    }

    /// Which month of the 34a period this is: work that started before 34a took effect counts
    /// from its first month (transition, see the type's documentation).
    public static func clockMonth(_ workMonth: Int, on month: CalendarMonth) -> Int {
        guard let s = start, s <= month else { return workMonth }
        return min(workMonth, s.distance(to: month) + 1)
    }

    /// The month the period of lid 1 onder a counts from, given the starts of the jobs of a work
    /// history (lid 3).
    ///
    /// Lid 3 (text of 1-7-2026): "Indien de periode, bedoeld in het eerste lid, onderdeel a, of
    /// het tweede lid, is verstreken zonder dat deze is verlengd, kan het college nogmaals
    /// toepassing geven aan het eerste lid indien de persoon nadien een nieuw dienstverband is
    /// aangegaan." So a job that starts after the twelve months (and any extension of lid 2) ran
    /// out starts the period again; a job that starts while the period runs does not. It is a
    /// power of the college ("kan"), like the grant of lid 1 onder a itself: Kompas counts with it
    /// and says so (`income.warning.34aNewJob`). Nil: no restart, the clock runs from the first work.
    public static func restart(
        firstStart: CalendarMonth, jobStarts: [CalendarMonth], extendedMonths: Int,
        on month: CalendarMonth
    ) -> CalendarMonth? {
        guard let s34 = start else { return nil }
        var clock = firstStart
        var restarted: CalendarMonth?
        for s in Set(jobStarts).sorted() where s > clock && s <= month {
            let before = s.advanced(by: -1)
            guard before >= s34 else { continue }
            var p = ParameterReader(before)
            guard let months = try? p(ExemptionParameters.a34Maanden) else { continue }
            let used = clockMonth(clock.distance(to: before) + 1, on: before)
            if used >= months + max(0, extendedMonths) {
                clock = s
                restarted = s
            }
        }
        return restarted
    }

    /// Work started before artikel 34a took effect and the transition assumption is used.
    public static func usesTransition(workMonth: Int, on month: CalendarMonth) -> Bool {
        clockMonth(workMonth, on: month) < workMonth
    }

    static func input(
        _ age: Int, _ net: Int64, month: Int = 1, medical: Bool = false, extended: Int = 0
    )
        -> ExemptionInput
    {
        ExemptionInput(
            household: Household(type: .alleenstaande, age: age, medicallyLimited: medical),
            netEarnings: eur(net), workMonth: month, extendedMonths: extended)
    }
    public static let examples: [RuleExample<ExemptionInput, ExemptionOutcome>] = [
        .init(
            "15 % zonder maximum", month: CalendarMonth("2027-02"), input(35, 2_000_00),
            .value(.applies(.pib, amount: eur(300_00), monthsLeft: 11))),
        .init(
            "ook onder 27", month: CalendarMonth("2027-02"), input(22, 1_000_00),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 11))),
        .init(
            "twaalfde maand", month: CalendarMonth("2027-12"), input(35, 1_000_00, month: 12),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 0))),
        // The thirteenth month of 34a is February 2028 at the earliest, and the AOW age of 2028
        // (67 years and 3 months) is not in the data: that case is a test, not an example.
        .init(
            "lid 2: verlengd met 6 maanden, twaalfde maand", month: CalendarMonth("2027-12"),
            input(35, 1_000_00, month: 12, extended: 6),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 6))),
        .init(
            "overgang: gestart in 2026, februari 2027 is maand 2 van 34a",
            month: CalendarMonth("2027-02"), input(35, 1_000_00, month: 13),
            .value(.applies(.pib, amount: eur(150_00), monthsLeft: 10)),
            note: "begonnen januari 2026 (maand 14 van werk), 34a vanaf januari 2027"),
        .init(
            "medisch: geen termijn", month: CalendarMonth("2027-02"),
            input(35, 1_000_00, month: 40, medical: true),
            .value(.applies(.pibMedical, amount: eur(150_00), monthsLeft: nil))),
        .init(
            "AOW-leeftijd: 25 % tot € 226", month: CalendarMonth("2027-02"), input(68, 1_000_00),
            .value(.applies(.pibAOW, amount: eur(226_00), monthsLeft: nil))),
        .init(
            "2026: nog niet in werking", month: CalendarMonth("2026-12"), input(35, 1_000_00),
            .notInForce),
    ]
}
