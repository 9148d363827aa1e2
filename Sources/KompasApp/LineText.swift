import KompasCore
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasSettlement
import KompasSummary
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
    let localizer: Localizer

    /// The formatter of a command's language.
    init(inv: Invocation) { localizer = inv.context.localizer }

    /// The formatter of a document's language (the summary).
    init(localizer: Localizer) { self.localizer = localizer }

    /// The lines shown as a deduction: wage tax (also each job's) and work costs.
    static func isDeduction(_ id: LineID) -> Bool {
        let own = id.rawValue.split(separator: ":").last.map(String.init) ?? id.rawValue
        return own == Projection.Line.tax || own == Projection.Line.costs
    }

    /// Line `id` of `month`, formatted; "nog niet bekend" when the month has no such line (a
    /// month the engine could not compute, or a line that does not apply).
    func shown(_ id: LineID, in month: MonthResult) -> String {
        shown(id, month.amount(id))
    }

    /// Line `id` of a summary month (``MonthOutcome``, the same engine lines); "nog niet bekend"
    /// when the month has no such line.
    ///
    /// `deductionSign` false: a deduction without its minus (the
    /// klantmanager's computation table, whose label says it is wage tax).
    func shown(_ id: LineID, in month: MonthOutcome, deductionSign: Bool = true) -> String {
        shown(id, month.amount(id), deductionSign: deductionSign)
    }

    private func shown(_ id: LineID, _ amount: Money?, deductionSign: Bool = true) -> String {
        guard let m = amount else { return localizer.text("samenvatting.notKnown") }
        return (deductionSign && Self.isDeduction(id) && m > .zero ? "-" : "") + format(m)
    }

    /// A settlement line as the engine decided to show it (``SettlementLine/shown``): the amount
    /// (the difference with its sign), the amount expected from the known work while the payslip
    /// is not there, or "nog niet bekend".
    func shown(_ line: SettlementLine) -> String {
        switch line.shown {
        case .amount:
            let amount = localizer.format.unsignedMoney(line.amount)
            return line.id == SettlementPreview.Line.difference && line.amount < .zero
                ? "-" + amount : amount
        case .awaitsPayslip(let expected?):
            return localizer.text("settle.amount.expected", ["amount": .money(expected)])
        case .awaitsPayslip(nil):
            return localizer.text("settle.difference.unknown")
        }
    }

    /// The part of a payslip a settlement counts in its month (``AllocatedShare``): an engine
    /// amount beside the payslip it comes from, not a month line.
    func shown(_ share: AllocatedShare) -> String { format(share.amount) }

    /// A payslip part left free in its month: nothing of it counts.
    func shown(_ part: UncountedPart) -> String { format(.zero) }

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
        return localizer.format.plainAmount(m)
    }

    /// The parts of a bar of the hours chart and its length, as the engine split a sweep level
    /// (``SweepBar``).
    enum BarPart: CaseIterable {
        case wage, topUp, toeslagen, provisions, total

        /// The four parts a bar is stacked from, in the order of the legend.
        static let stacked: [BarPart] = [.wage, .topUp, .toeslagen, .provisions]

        /// The part's amount in `bar`.
        func amount(of bar: SweepBar) -> Money {
            switch self {
            case .wage: return bar.wage
            case .topUp: return bar.topUp
            case .toeslagen: return bar.toeslagen
            case .provisions: return bar.provisions
            case .total: return bar.total
            }
        }
    }

    /// Part `p` of a chart bar, with the euro sign (`plain`: the bare number of a terminal bar).
    func shown(_ p: BarPart, of bar: SweepBar, plain: Bool = false) -> String {
        plain ? localizer.format.plainAmount(p.amount(of: bar)) : format(p.amount(of: bar))
    }

    /// Part `p` of a chart bar as a sentence argument ("12 uur: € 2.014,21 (…)").
    func argument(_ p: BarPart, of bar: SweepBar) -> Message.Argument { .money(p.amount(of: bar)) }

    /// The columns of the caseload's text table: settled lines of one client's month
    /// (``CaseloadRow``, streamed per client; the caseload has no ``MonthResult`` to name).
    enum CaseloadColumn: CaseIterable {
        case income, exemption, topUp, topUpPaid
    }

    /// A caseload table cell: column `c` of `row`, as a bare amount (the header says euro).
    func cell(_ c: CaseloadColumn, of row: CaseloadRow) -> String {
        let m: Money
        switch c {
        case .income: m = row.income
        case .exemption: m = row.exemption
        case .topUp: m = row.topUp
        case .topUpPaid: m = row.topUpPaid
        }
        return localizer.format.plainAmount(m)
    }

    /// The amounts of a stored payslip in the `loonstrook` list: what the payslip says, echoed
    /// back as the user stored it.
    enum PayslipColumn {
        case net, gross
    }

    /// A payslip list cell: a bare amount (the header says euro); empty when the payslip has no
    /// gross amount.
    func cell(_ c: PayslipColumn, of slip: Payslip) -> String {
        switch c {
        case .net: return localizer.format.plainAmount(slip.net)
        case .gross: return slip.gross.map(localizer.format.plainAmount) ?? ""
        }
    }

    /// A month-calendar entry's amount with its direction (+ in, - out); nil without an amount.
    func shown(_ e: CalendarEntry) -> String? {
        e.amount.map { (e.incoming ? "+" : "-") + format($0) }
    }

    private func format(_ m: Money) -> String { localizer.format.money(m) }
}
