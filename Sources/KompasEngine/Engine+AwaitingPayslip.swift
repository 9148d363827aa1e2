import KompasCore
import KompasIncome
import KompasRules
import KompasSettlement

extension Engine {
    /// Marks every line of a month that waits for its payslip that rests on that payslip.
    ///
    /// Without a payslip the settlement rules count a wage of zero, so the wage, the income, the
    /// counted income, the top-up and what goes to the account came out as if the client earned
    /// nothing (issue 15: "Inkomen € 0,00 min vrijlating € 0,00" and a full top-up beside a
    /// sentence that says the payslip is still to come). Those amounts are not known until the
    /// payslip is there. Where the situation's job gives the month's work, the line shows what
    /// that work gives — the projection of the same month, the numbers `watals` shows — marked as
    /// expected; otherwise "nog niet bekend". The norm, other income and what was already paid do
    /// not depend on the payslip and stay as they are; the difference stays "nog niet bekend"
    /// (``carryAcrossMonths(_:_:_:earlier:)``), and the exemption line tells the schedule's
    /// amount (``exemptionAwaitingPayslip(_:_:)``).
    static func linesAwaitingPayslip(
        _ preview: inout SettlementPreview, expected month: MonthResult?
    ) {
        typealias L = SettlementPreview.Line
        typealias P = Projection.Line
        let m = preview.input.month
        let projection = month.flatMap { $0.month == m && $0.unknown == nil ? $0.projection : nil }
        func figure(_ id: String) -> Money? { projection.map { $0.amount(id) } }
        let net = figure(P.net)
        let holiday = figure(P.holidayPay)
        let counted = figure(P.counted)
        let exemption = figure(P.exemption)
        let income = net.flatMap { n in holiday.map { n + $0 + preview.input.otherIncome } }
        let countedMonthly = preview.input.policy.income.holidayPayCountedMonthly

        func generic(_ amount: Money?) -> Message {
            amount.map {
                Message(
                    "settle.step.awaitsPayslip.expected",
                    ["amount": .money($0), "month": .month(m)])
            } ?? Message("settle.step.awaitsPayslip.unknown", ["month": .month(m)])
        }
        // Each line that rests on the payslip: what the known work gives, and the sentence.
        var marks: [String: (Money?, Message)] = [
            L.wage: (net, generic(net)),
            L.holidayPay: (nil, generic(nil)),
            L.bonus: (nil, generic(nil)),
            L.reserved: (figure(P.reserved), generic(figure(P.reserved))),
        ]
        if countedMonthly { marks[L.holidayEntitlement] = (holiday, generic(holiday)) }
        if let net, let holiday, let income {
            marks[L.income] = (
                income,
                Message(
                    "settle.step.incomeAwaitsPayslip",
                    [
                        "work": .money(net + holiday), "other": .money(preview.input.otherIncome),
                        "income": .money(income), "month": .month(m),
                    ])
            )
        } else {
            marks[L.income] = (nil, generic(nil))
        }
        if let income, let exemption, let counted {
            marks[L.counted] = (
                counted,
                Message(
                    "settle.step.countedAwaitsPayslip",
                    [
                        "income": .money(income), "exemption": .money(exemption),
                        "counted": .money(counted), "month": .month(m),
                    ])
            )
        } else {
            marks[L.counted] = (nil, generic(nil))
        }
        if let counted, let norm = figure(P.norm), let topUp = figure(P.topUp) {
            marks[L.topUp] = (
                topUp,
                Message(
                    "settle.step.topUpAwaitsPayslip",
                    [
                        "norm": .money(norm), "counted": .money(counted), "topUp": .money(topUp),
                        "month": .month(m),
                    ])
            )
        } else {
            marks[L.topUp] = (nil, generic(nil))
        }
        if let topUp = figure(P.topUp), let reserved = figure(P.reserved),
            let paid = figure(P.topUpPaid)
        {
            marks[L.topUpPaid] = (
                paid,
                Message(
                    "settle.step.topUpPaidAwaitsPayslip",
                    [
                        "topUp": .money(topUp), "reserved": .money(reserved), "paid": .money(paid),
                        "month": .month(m),
                    ])
            )
        } else {
            marks[L.topUpPaid] = (nil, generic(nil))
        }
        for i in preview.lines.indices {
            guard let (amount, message) = marks[preview.lines[i].id] else { continue }
            preview.lines[i].shown = .awaitsPayslip(expected: amount)
            // The legal figures of the rule stay with the line (their marks and sources), the
            // sentence is the expected one.
            let old = preview.lines[i].steps.last
            preview.lines[i].steps = [
                TraceStep(message, parameters: old?.parameters ?? [], reference: old?.reference)
            ]
        }
    }
}
