import KompasCore
import KompasSettlement

/// The monthly income statement (inkomstenopgave) sent to the municipality: what counts as
/// income in the month and the payslips behind it.
///
/// Decided here, once, from the same allocation the settlement uses (artikel 58 Pw: income is
/// counted in the month it is received, by the municipality's method for 4-weekly and weekly
/// pay), so the statement can never report another number than `verrekening` counted. A
/// statement without payslips and without income says so explicitly ("geen inkomsten"), which is
/// itself a statement the municipality needs.
public struct IncomeStatement: Sendable, Hashable {
    public var month: CalendarMonth
    /// The income counted in the month (never negative).
    public var income: Money
    /// The ids of the payslips counted in the month, sorted.
    public var payslipIDs: [String]
    /// Nothing was earned in the month: no payslip and no income.
    public var noIncome: Bool { income == .zero && payslipIDs.isEmpty }

    /// The statement of `month` from the payslips, allocated by the municipality's policy.
    public static func of(_ payslips: [Payslip], month: CalendarMonth, policy: SettlementPolicy)
        -> IncomeStatement
    {
        let allocation = Allocator.allocate(payslips, policy: policy)
        let ids = Set(allocation.shares(in: month).map { allocation.payslips[$0.slip].id })
        return IncomeStatement(
            month: month, income: max(allocation.counted(in: month), .zero),
            payslipIDs: ids.sorted())
    }
}
