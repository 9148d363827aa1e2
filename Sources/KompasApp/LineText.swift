import KompasCore
import KompasEngine
import KompasIncome
import KompasSettlement
import KompasTotalIncome

/// The one formatter of an amount a view shows: it writes a result line by its id, as the engine
/// decided it is shown (issue 15).
///
/// A view names the line it shows (``LineID`` of a ``MonthResult``, or a settlement line with its
/// ``SettlementLine/shown``); it never hands a value it picked or computed to the money
/// formatter. So a line the engine marked as waiting for a payslip is "verwacht …" or "nog niet
/// bekend" in every view, a month the engine could not compute is never a zero, and a deduction
/// carries its minus sign in one place. `ViewArithmeticLintTests` refuses the raw money formatter
/// in the views that moved to this type.
struct LineText {
    let inv: Invocation

    /// The lines shown as a deduction: wage tax (also each job's) and work costs.
    static func isDeduction(_ id: LineID) -> Bool {
        let own = id.rawValue.split(separator: ":").last.map(String.init) ?? id.rawValue
        return own == Projection.Line.tax || own == Projection.Line.costs
    }

    /// Line `id` of `month`, formatted; "nog niet bekend" when the month has no such line (a
    /// month the engine could not compute, or a line that does not apply).
    func shown(_ id: LineID, in month: MonthResult) -> String {
        guard let m = month.amount(id) else { return inv.t("settle.difference.unknown") }
        return (Self.isDeduction(id) && m > .zero ? "-" : "") + format(m)
    }

    /// A settlement line as the engine decided to show it (``SettlementLine/shown``): the amount
    /// (the difference with its sign), the amount expected from the known work while the payslip
    /// is not there, or "nog niet bekend".
    func shown(_ line: SettlementLine) -> String {
        switch line.shown {
        case .amount:
            let amount = inv.context.localizer.format.unsignedMoney(line.amount)
            return line.id == SettlementPreview.Line.difference && line.amount < .zero
                ? "-" + amount : amount
        case .awaitsPayslip(let expected?):
            return inv.t("settle.amount.expected", ["amount": .money(expected)])
        case .awaitsPayslip(nil):
            return inv.t("settle.difference.unknown")
        }
    }

    /// The part of a payslip a settlement counts in its month (``AllocatedShare``): an engine
    /// amount beside the payslip it comes from, not a month line.
    func shown(_ share: AllocatedShare) -> String { format(share.amount) }

    /// A payslip part left free in its month: nothing of it counts.
    func shown(_ part: UncountedPart) -> String { format(.zero) }

    /// A year's ×13/12 reconciliation difference without its sign: its sentence says which way.
    func unsignedDifference(_ r: ThirteenTwelfthsAllocation.YearReconciliation) -> String {
        inv.context.localizer.format.unsignedMoney(r.difference)
    }

    /// One level of hours of a sweep, as the engine computed it: the whole income of that level
    /// (``TotalSweepRow``), its bijstand chain (``SweepRow``) and its bar (``SweepBar``).
    struct SweepLevel {
        let row: TotalSweepRow
        let bare: SweepRow
        let bar: SweepBar
    }

    /// The columns of the sweep table, each one line of a level.
    enum SweepColumn {
        case gross, net, exemption, topUp, toeslagen, provisions, keep
    }

    /// A sweep table cell: column `c` of `level`, as a bare amount (the table's header says euro).
    func cell(_ c: SweepColumn, of level: SweepLevel) -> String {
        let m: Money
        switch c {
        case .gross: m = level.row.gross
        case .net: m = level.bare.net
        case .exemption: m = level.bare.exemption
        case .topUp: m = level.row.topUp
        case .toeslagen: m = level.bar.toeslagen
        case .provisions: m = level.bar.provisions
        case .keep: m = level.row.keep
        }
        return inv.context.localizer.format.plainAmount(m)
    }

    private func format(_ m: Money) -> String { inv.context.localizer.format.money(m) }
}
