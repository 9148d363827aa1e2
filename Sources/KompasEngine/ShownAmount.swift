import KompasCore
import KompasRules
import KompasSettlement

/// A result that holds amounts by line id: a month of the evaluation (``MonthResult``), a month
/// of the summary, the hours estimate of `uren` (``HoursResult``).
public protocol ResultLines {
    var lines: [ResultLine] { get }
}

extension ResultLines {
    /// The line `id`, when the result has it.
    public func resultLine(_ id: LineID) -> ResultLine? { lines.first { $0.id == id } }
}

extension MonthResult: ResultLines {}
extension HoursResult: ResultLines {}

/// The amounts a sentence may show, each named by what it is (issue 15).
///
/// A view never hands a value it picked or computed to a sentence (`.money(x)`, refused by
/// `ViewArithmeticLintTests` in view code): it names the result line, and the amount is looked
/// up here, so "nog niet bekend" and the amount of a table row come from the same place. An
/// amount that is not a line of a month has its own kind, so the lint and a reader can tell it
/// apart: a legal figure (``figure(_:)``), an amount the user gave (``typedAmount(_:)``,
/// ``payslip(_:)``), what the municipality decided (``municipalDecision(cents:)``) and the
/// settlement's own figures (a year's reconciliation, a forecast month, the caseload's totals).
extension Message.Argument {
    /// Line `id` of `result`: its amount as the engine computed it (a deduction without a minus:
    /// its sentence says what it is), or "nog niet bekend" when the result has no such line (a
    /// month the engine could not compute is never a zero).
    public static func line(_ id: LineID, in result: some ResultLines) -> Message.Argument {
        guard let m = result.resultLine(id)?.amount else { return Self.notKnown }
        return .money(m)
    }

    /// Line `id` of `result` as it is paid: the amount per quarter or year of money paid that way
    /// (kinderbijslag per quarter, a yearly provision), else the month's amount.
    public static func perPeriod(_ id: LineID, in result: some ResultLines) -> Message.Argument {
        guard let line = result.resultLine(id) else { return Self.notKnown }
        return .money(line.perPeriod ?? line.amount)
    }

    /// A legal figure of the rule data, in the parameter's own unit (money, rate or number).
    public static func figure(_ used: UsedParameter) -> Message.Argument { used.argument }

    /// A legal figure of the rule data by its unit and raw value (`regels`, which lists the
    /// figures themselves, not a month).
    public static func figure(_ unit: ParameterUnit, raw: Int64) -> Message.Argument {
        unit.argument(raw)
    }

    /// An amount the user typed (a flag, a profile field), echoed back as it was given; never a
    /// computed amount.
    public static func typedAmount(_ m: Money) -> Message.Argument { .money(m) }

    /// The net pay of a stored payslip, echoed back when it is stored or removed.
    public static func payslip(_ slip: Payslip) -> Message.Argument { .money(slip.net) }

    /// The top-up the municipality decided for a month (its verrekening, pulled by `sync`), as
    /// it sent it: the municipality's amount, not Kompas's.
    public static func municipalDecision(cents: Int64) -> Message.Argument {
        .money(Money(cents: cents))
    }

    /// The parts of a year's ×13/12 reconciliation a sentence names.
    public enum ReconciliationPart: Sendable {
        /// What the employer paid in the year, and what the months counted.
        case paid, counted
        /// The difference without its sign: the sentence says which way.
        case differenceSize
    }

    /// Part `part` of a year's ×13/12 reconciliation, as the settlement computed it.
    public static func reconciliation(
        _ r: ThirteenTwelfthsAllocation.YearReconciliation, _ part: ReconciliationPart
    ) -> Message.Argument {
        switch part {
        case .paid: return .money(r.paid)
        case .counted: return .money(r.counted)
        case .differenceSize: return .money(Money(cents: Int64(r.difference.cents.magnitude)))
        }
    }

    /// How much lower the paid top-up is expected to be in a forecast month with an extra payday.
    public static func lowerTopUp(_ m: ForecastMonth) -> Message.Argument { .money(m.lowerTopUp) }

    /// The caseload's totals a sentence names.
    public enum CaseloadTotal: Sendable {
        case income, topUp, topUpPaid
    }

    /// A total of the caseload, as the settlement summed its clients' months.
    public static func caseload(_ t: CaseloadTotals, _ c: CaseloadTotal) -> Message.Argument {
        switch c {
        case .income: return .money(t.income)
        case .topUp: return .money(t.topUp)
        case .topUpPaid: return .money(t.topUpPaid)
        }
    }

    /// "nog niet bekend": a line the result does not have.
    public static let notKnown = Message.Argument.message(Message("samenvatting.notKnown"))
}
