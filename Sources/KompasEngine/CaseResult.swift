import KompasCase
import KompasCore
import KompasIncome
import KompasProvisions
import KompasRules
import KompasSettlement
import KompasToeslagen
import KompasTotalIncome

/// The id of a result line: one name per concept, the same in every view and in JSON.
public struct LineID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ raw: String) { self.rawValue = raw }
    public var description: String { rawValue }
    public static func < (a: LineID, b: LineID) -> Bool { a.rawValue < b.rawValue }

    /// Everything the household has in the month: wage, top-up, saved holiday money, other
    /// income, toeslagen, kinderbijslag and municipal provisions.
    public static let totalIncome = LineID("totaal_inkomen")
    public static let workCosts = LineID("werkkosten")
    public static let keep = LineID("overhouden")
    public static let gain = LineID("meer_dan_zonder_werk")
    public static let perHour = LineID("per_gewerkt_uur")
    /// The bijstand projection's own subtotal (wage + top-up + saved + other), before toeslagen.
    public static let baseIncome = LineID("inkomen_zonder_toeslagen")
    public static let toeslagen = LineID("toeslagen")
    /// Toeslagen, kinderbijslag and municipal provisions together (the summary's month column).
    public static let toeslagenAndProvisions = LineID("toeslagen_en_regelingen")
    public static let kinderbijslag = LineID("kinderbijslag")
    public static let provisions = LineID("regelingen")
    public static let toetsingsinkomen = LineID("toetsingsinkomen")
    public static let childcareNet = LineID("opvang_netto_kosten")
    public static let afterExemptionKeep = LineID("overhouden_na_vrijlating")
    public static let baselineKeep = LineID("overhouden_zonder_werk")
    /// A projection line (``Projection/Line``) under its own id.
    public static func projection(_ id: String) -> LineID { LineID(id) }
    public static func toeslag(_ raw: String) -> LineID { LineID("toeslag:" + raw) }
    public static func toeslagYear(_ raw: String) -> LineID { LineID("toeslag_jaar:" + raw) }
    public static func provision(_ id: String) -> LineID { LineID("voorziening:" + id) }
    /// An amount the engine named in a reason (a provision's income limit, for example).
    public static func reason(_ owner: String, _ arg: String) -> LineID {
        LineID("reden:" + owner + ":" + arg)
    }
    /// The size of a toeslag's expected repayment (or extra payment) at the year's end, without
    /// its sign: the sentence says which way.
    public static func repaymentSize(_ toeslag: String) -> LineID {
        reason("terugbetaling:" + toeslag, "bedrag")
    }
    /// An amount of the situation itself (hourly wage, rent), shown back to the user.
    public static func input(_ field: SituationField) -> LineID {
        LineID("invoer:" + field.rawValue)
    }
    public static func settlement(_ id: String) -> LineID { LineID("verrekening:" + id) }
    /// A line of one job of the work history (`baan:2:brutoloon`), numbered from 1.
    public static func job(_ number: Int, _ id: String) -> LineID {
        LineID("baan:" + String(number) + ":" + id)
    }
    /// An amount the situation gives for one job (its hourly wage, its travel costs), echoed back
    /// under the job's number (`baan:2:invoer:uurloon`).
    public static func jobInput(_ number: Int, _ field: SituationField) -> LineID {
        job(number, input(field).rawValue)
    }
}

/// One amount of a month's result.
///
/// ``amount`` is always the month's share (what the totals add up). Money that is paid per quarter
/// (kinderbijslag: the rule data's amounts `akw.kinderbijslag.*`, Algemene Kinderbijslagwet
/// art. 12, are per kwartaal, see ``Kinderbijslag``) or per year (a yearly municipal provision) also carries how it is paid: ``period`` and ``perPeriod``, so a view
/// can say "€ 653,37 per kwartaal" without computing it.
public struct ResultLine: Sendable, Hashable {
    public var id: LineID
    public var amount: Money
    /// How the money is paid; `.month` for everything that is monthly money.
    public var period: LinePeriod = .month
    /// The amount per ``period`` as it is paid (nil for monthly lines).
    public var perPeriod: Money? = nil
}

/// How often the money of a ``ResultLine`` is paid.
public enum LinePeriod: String, Sendable, Hashable {
    case month = "maand"
    case quarter = "kwartaal"
    case year = "jaar"
}

/// A month the engine could not compute: a figure it needs is not known for that date.
public struct UnknownMonth: Sendable, Hashable {
    public var reason: NotInForce
}

/// One month of the result.
public struct MonthResult: Sendable {
    public var month: CalendarMonth
    /// The whole income (nil when the month is not known: ``unknown``).
    public var total: TotalIncome?
    /// The same household without work (its baseline).
    public var baseline: TotalIncome?
    /// The same month without the exemption, when an exemption applies that will end or change.
    public var afterExemption: TotalIncome?
    public var unknown: NotInForce?
    /// Every amount of the month, by id (the cross-view test checks views against these).
    public var lines: [ResultLine]

    public func amount(_ id: LineID) -> Money? { lines.first { $0.id == id }?.amount }
    /// The numbers of the jobs with lines in this month, in order.
    public var jobNumbers: [Int] {
        var seen: [Int] = []
        for l in lines where l.id.rawValue.hasPrefix("baan:") {
            let parts = l.id.rawValue.split(separator: ":")
            if parts.count > 2, let n = Int(parts[1]), !seen.contains(n) { seen.append(n) }
        }
        return seen
    }
    public var gain: Money? { amount(.gain) }
    public var projection: Projection? { total?.projection }
}

/// One stretch of months with the same exemption.
public struct ExemptionPeriod: Sendable, Hashable {
    public var from: CalendarMonth
    public var through: CalendarMonth
    /// The rule that applies (nil: none), and its amount in the first month of the period.
    public var kind: ExemptionKind?
    public var amount: Money
}

/// The exemption month by month.
///
/// Evaluated, not derived from "months left", so a change of law (art. 34a from 2027) or an
/// end shows where it really happens.
public struct ExemptionSchedule: Sendable, Hashable {
    public var periods: [ExemptionPeriod]
    /// From this month on the rules are not known yet (figures not in force).
    public var unknownFrom: CalendarMonth?
}

/// A dated event the views tell ("from September your exemption becomes € 168,46").
public struct CaseEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case exemptionChanges, exemptionEnds, exemptionUnknown, holidayReservePaid
    }
    public var kind: Kind
    public var month: CalendarMonth
    /// The sentence, the same in every view.
    public var message: Message
}

/// What ``Engine/evaluate(_:months:municipality:options:)`` returns.
///
/// Every month's lines, the exemption schedule and its events, the holiday reserve's payout, the
/// settlement when payslips are given. Views render this and decide nothing.
public struct CaseResult: Sendable {
    public var situation: Situation
    public var months: [MonthResult]
    public var exemption: ExemptionSchedule
    public var events: [CaseEvent]
    /// The settlement of the first month against what was paid, when payslips were given.
    public var settlement: SettlementPreview?
    /// The forecast after the settlement month; year reconciliations already in ``settlement``
    /// are not repeated (one number per year).
    public var forecast: Forecast?
    /// The first month over a range of hours, when asked (``EvaluationOptions/sweep``).
    public var sweep: TotalSweepResult?
    /// The job of the work history each given payslip belongs to (by ``Payslip/id``), where the
    /// payslip's employer is a job's employer.
    public var payslipJobs: [String: Int] = [:]

    /// Every amount of the sweep's rows, by hours (the cross-view test checks charts against them).
    public var sweepLines: [ResultLine] {
        guard let s = sweep else { return [] }
        var out: [ResultLine] = []
        for (row, bare) in zip(s.rows, s.bare.rows) {
            let h = String(row.hundredthsPerWeek)
            for (k, m) in [
                ("bruto", row.gross), ("aanvulling", row.topUp), ("totaal", row.total),
                ("overhouden", row.keep), ("netto", bare.net), ("vrijlating", bare.exemption),
                ("kaal_overhouden", bare.keep),
            ] {
                out.append(ResultLine(id: LineID("reeks:" + h + ":" + k), amount: m))
            }
            for (k, m) in row.items {
                out.append(ResultLine(id: LineID("reeks:" + h + ":" + k), amount: m))
            }
        }
        for b in SweepBar.bars(s) {
            let h = "reeks:" + String(b.hundredthsPerWeek) + ":balk_"
            for (k, m) in [
                ("loon", b.wage), ("aanvulling", b.topUp), ("toeslagen", b.toeslagen),
                ("regelingen", b.provisions), ("totaal", b.total),
            ] {
                out.append(ResultLine(id: LineID(h + k), amount: m))
            }
        }
        return out
    }

    public var first: MonthResult? { months.first }
    public func month(_ m: CalendarMonth) -> MonthResult? { months.first { $0.month == m } }
    /// Exemption events only (the "exemption story"), in month order.
    public var exemptionEvents: [CaseEvent] { events.filter { $0.kind != .holidayReservePaid } }
}

/// How a municipal provision is shown, decided once for every view: an amount per month, "yes"
/// (eligible, no monthly amount, such as a pass) or "no".
public enum ProvisionShown: Sendable, Hashable {
    case amount(Money)
    case yes
    case no

    /// The way to show an evaluation.
    public static func of(_ e: ProvisionEvaluation) -> ProvisionShown {
        switch e.outcome {
        case .eligible(let b): return b.monthlyEquivalent.map { .amount($0) } ?? .yes
        case .notEligible: return .no
        }
    }
}

/// One level of a sweep split the way the charts and the sweep table show it, decided once.
///
/// Wage with the holiday pay it builds up (and other income), the top-up, the toeslagen that are
/// income (kinderopvangtoeslag pays the childcare and is left out) and the municipal provisions.
public struct SweepBar: Sendable, Hashable {
    public var hundredthsPerWeek: Int
    public var wage: Money
    public var topUp: Money
    public var toeslagen: Money
    public var provisions: Money
    /// The four parts together (the length of the bar).
    public var total: Money

    /// The bars of every row of a sweep.
    public static func bars(_ s: TotalSweepResult) -> [SweepBar] {
        let toeslagKeys = s.itemKeys.filter {
            $0.hasPrefix("toeslag:") && $0 != TotalSweeper.key(.kinderopvangtoeslag)
        }
        let provisionKeys = s.itemKeys.filter { $0.hasPrefix("voorziening:") }
        return zip(s.rows, s.bare.rows).map { row, bare in
            let wage = bare.net + bare.holidayPayAndOther
            let toeslagen = toeslagKeys.reduce(Money.zero) { $0 + (row.items[$1] ?? .zero) }
            let provisions = provisionKeys.reduce(Money.zero) { $0 + (row.items[$1] ?? .zero) }
            return SweepBar(
                hundredthsPerWeek: row.hundredthsPerWeek, wage: wage, topUp: row.topUp,
                toeslagen: toeslagen, provisions: provisions,
                total: wage + row.topUp + toeslagen + provisions)
        }
    }
}
