import KompasCore
import KompasRules

/// One part of one payslip counted in one calendar month.
public struct AllocatedShare: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case loon
        case vakantiegeld
        case eindejaarsuitkering
    }
    /// Index into ``Allocation/payslips``.
    public var slip: Int
    public var kind: Kind
    public var month: CalendarMonth
    public var amount: Money
    /// The rule that placed it (`verrekening.werkdagen`, …).
    public var rule: String
    public var step: TraceStep
}

/// A part of a payslip that counts in no month, and why (the 13th period, holiday pay already
/// counted as entitlement).
public struct UncountedPart: Sendable, Hashable {
    public var slip: Int
    public var kind: AllocatedShare.Kind
    public var amount: Money
    public var step: TraceStep
}

/// All payslips placed in calendar months by the municipality's methods.
public struct Allocation: Sendable {
    public var payslips: [Payslip]
    public var shares: [AllocatedShare]
    public var uncounted: [UncountedPart]
    public var reconciliations: [ThirteenTwelfthsAllocation.YearReconciliation]

    public func shares(in month: CalendarMonth) -> [AllocatedShare] {
        shares.filter { $0.month == month }
    }
    /// Income counted in a month (wage, holiday pay and bonus parts; not the monthly holiday-pay entitlement).
    public func counted(in month: CalendarMonth) -> Money {
        // Summed in place: filtering into a new array for each sum was 5 % of a caseload.
        var total = Money.zero
        for share in shares where share.month == month { total = total + share.amount }
        return total
    }
    /// Regular wage counted in a month (the base of the monthly holiday-pay entitlement).
    public func wage(in month: CalendarMonth) -> Money {
        var total = Money.zero
        for share in shares where share.month == month && share.kind == .loon {
            total = total + share.amount
        }
        return total
    }
    public var months: [CalendarMonth] { Array(Set(shares.map(\.month))).sorted() }
}

/// Places payslips in calendar months.
///
/// Pure; the one entry point the settlement, the forecast, the
/// caseload and the summaries (issue 9) use.
public enum Allocator {
    /// The placeholder step of `explain: false` runs (the caseload needs amounts, not sentences).
    static let silent = TraceStep(Message(""))

    /// Places every payslip.
    ///
    /// `explain: false` skips the sentences (same amounts), for large caseloads.
    public static func allocate(
        _ payslips: [Payslip], policy: SettlementPolicy, explain: Bool = true
    ) -> Allocation {
        var shares: [AllocatedShare] = []
        var uncounted: [UncountedPart] = []
        var recs: [ThirteenTwelfthsAllocation.YearReconciliation] = []
        func key(_ s: Payslip) -> String { s.employer.lowercased() }
        func step(_ make: @autoclosure () -> TraceStep) -> TraceStep { explain ? make() : silent }

        // ×13/12 works per employer: the "first payslip in the month" is per job.
        var thirteenGroups: [String: [Int]] = [:]
        for (i, s) in payslips.enumerated()
        where s.frequency == .vierWeken && policy.method(for: s.frequency) == .dertienTwaalfde {
            thirteenGroups[key(s), default: []].append(i)
        }
        for (_, idx) in thirteenGroups.sorted(by: { $0.key < $1.key }) {
            let r = ThirteenTwelfthsAllocation.allocate(idx.map { payslips[$0] })
            for (n, c) in r.counted.enumerated() {
                let i = idx[n]
                let s = payslips[i]
                if let c {
                    shares.append(
                        AllocatedShare(
                            slip: i, kind: .loon, month: c.month, amount: c.amount,
                            rule: ThirteenTwelfthsAllocation.id,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.thirteen",
                                        [
                                            "date": .date(s.payDate), "net": .money(s.regularNet),
                                            "counted": .money(c.amount), "month": .month(c.month),
                                        ]),
                                    reference: ThirteenTwelfthsAllocation.reference))))
                } else {
                    uncounted.append(
                        UncountedPart(
                            slip: i, kind: .loon, amount: s.regularNet,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.thirteenFree",
                                        [
                                            "date": .date(s.payDate), "net": .money(s.regularNet),
                                            "month": .month(s.payDate.calendarMonth),
                                        ]),
                                    reference: ThirteenTwelfthsAllocation.reference))))
                }
            }
            recs += r.reconciliations
        }

        // First period start per employer, for the year-end bonus build-up (only needed with a bonus).
        var jobStart: [String: LocalDate] = [:]
        if payslips.contains(where: { $0.yearEndBonus != .zero }) {
            for s in payslips {
                let k = key(s)
                jobStart[k] = min(jobStart[k] ?? s.periodStart, s.periodStart)
            }
        }

        for (i, s) in payslips.enumerated() {
            let method = policy.method(for: s.frequency)
            if method == .werkdagen {
                let parts = WorkingDaysAllocation.allocate(
                    s.regularNet, from: s.periodStart, to: s.periodEnd)
                let total = workingDays(from: s.periodStart, to: s.periodEnd)
                for p in parts {
                    shares.append(
                        AllocatedShare(
                            slip: i, kind: .loon, month: p.month, amount: p.amount,
                            rule: WorkingDaysAllocation.id,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.workingDays",
                                        [
                                            "date": .date(s.payDate), "net": .money(s.regularNet),
                                            "days": .number(
                                                workingDays(
                                                    from: s.periodStart, to: s.periodEnd,
                                                    in: p.month)),
                                            "total": .number(total), "counted": .money(p.amount),
                                            "month": .month(p.month),
                                        ]),
                                    reference: WorkingDaysAllocation.reference))))
                }
            } else if method == .betaaldatum {
                for p in PayDateAllocation.allocate(s.regularNet, paidOn: s.payDate) {
                    shares.append(
                        AllocatedShare(
                            slip: i, kind: .loon, month: p.month, amount: p.amount,
                            rule: PayDateAllocation.id,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.payDate",
                                        [
                                            "date": .date(s.payDate), "net": .money(s.regularNet),
                                            "month": .month(p.month),
                                        ]),
                                    reference: PayDateAllocation.reference))))
                }
            }
            if s.holidayPayPaid != .zero {
                let parts = HolidayPayAllocation.allocate(
                    .init(
                        amount: s.holidayPayPaid, paidOn: s.payDate,
                        countedMonthly: policy.income.holidayPayCountedMonthly))
                if parts.isEmpty {
                    uncounted.append(
                        UncountedPart(
                            slip: i, kind: .vakantiegeld, amount: s.holidayPayPaid,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.holidayPayMonthly",
                                        [
                                            "date": .date(s.payDate),
                                            "amount": .money(s.holidayPayPaid),
                                        ]), reference: HolidayPayAllocation.reference))))
                }
                for p in parts {
                    shares.append(
                        AllocatedShare(
                            slip: i, kind: .vakantiegeld, month: p.month, amount: p.amount,
                            rule: HolidayPayAllocation.id,
                            step: step(
                                TraceStep(
                                    Message(
                                        "settle.alloc.holidayPayPaid",
                                        [
                                            "date": .date(s.payDate), "amount": .money(p.amount),
                                            "month": .month(p.month),
                                        ]), reference: HolidayPayAllocation.reference))))
                }
            }
            if s.yearEndBonus != .zero {
                let parts = YearEndBonusAllocation.allocate(
                    .init(
                        amount: s.yearEndBonus, paidOn: s.payDate, jobStart: jobStart[key(s)],
                        method: policy.yearEndBonus))
                for p in parts {
                    shares.append(
                        AllocatedShare(
                            slip: i, kind: .eindejaarsuitkering, month: p.month, amount: p.amount,
                            rule: YearEndBonusAllocation.id,
                            step: step(
                                TraceStep(
                                    Message(
                                        parts.count == 1
                                            ? "settle.alloc.bonusPaid" : "settle.alloc.bonusSpread",
                                        [
                                            "date": .date(s.payDate),
                                            "total": .money(s.yearEndBonus),
                                            "months": .number(parts.count),
                                            "amount": .money(p.amount), "month": .month(p.month),
                                        ]),
                                    reference: YearEndBonusAllocation.reference))))
                }
            }
        }
        return Allocation(
            payslips: payslips, shares: shares, uncounted: uncounted, reconciliations: recs)
    }
}
