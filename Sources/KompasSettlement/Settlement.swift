import KompasCore
import KompasIncome
import KompasRules

/// Everything the settlement preview of one month needs; values only.
public struct SettlementInput: Sendable {
    public var month: CalendarMonth
    public var household: Household
    /// The month the part-time work started (the exemption clock); nil: the first payslip period.
    public var started: CalendarMonth?
    public var payslips: [Payslip]
    public var policy: SettlementPolicy
    public var otherIncome: Money
    /// The exemption is granted (nil: the municipality's default).
    public var exemptionGranted: Bool?
    /// What the municipality already paid for this month (nil: derived from its settlement style).
    public var alreadyPaid: Money?
    /// The part of this calendar year's bufferbudget (artikel 34b) already used.
    public var bufferBudgetUsed: Money = .zero
    /// Months the college added under artikel 34a lid 2 (the situation's extension).
    public var extendedMonths: Int = 0
    /// `Allocator.allocate(payslips, policy: policy)`, when the caller already has it: it does not
    /// depend on the month, and a caseload previews twelve months of the same payslips (issue 23:
    /// allocating them again for each month was a third of the caseload's time).
    public var allocation: Allocation? = nil
    /// Build the sentences of the preview's steps.
    ///
    /// `false` (the caseload, which writes amounts
    /// only) keeps every amount and each step's parameters, so the provisional marks stay, but
    /// builds no message arguments or references (issue 23: building and freeing them was most of
    /// a caseload month's engine time).
    public var explain: Bool = true

    public init(
        month: CalendarMonth, household: Household, started: CalendarMonth? = nil,
        payslips: [Payslip],
        policy: SettlementPolicy = SettlementPolicy(), otherIncome: Money = .zero,
        exemptionGranted: Bool? = nil, alreadyPaid: Money? = nil
    ) {
        self.month = month
        self.household = household
        self.started = started
        self.payslips = payslips
        self.policy = policy
        self.otherIncome = otherIncome
        self.exemptionGranted = exemptionGranted
        self.alreadyPaid = alreadyPaid
    }

    /// Which month of work `month` is (1 = the first), for the exemption's six months.
    public var workMonth: Int {
        let first = started ?? payslips.map(\.periodStart).min()?.calendarMonth ?? month
        return max(1, first.distance(to: month) + 1)
    }
}

/// One line of the preview: a stable id (the JSON key), an amount, and the sentences that explain it.
public struct SettlementLine: Sendable, Hashable {
    public var id: String
    public var amount: Money
    public var steps: [TraceStep]
    /// The amount rests on a figure that is not final or not built in (issue 16).
    public var provisional: Bool = false
    /// How the amount is shown, decided once by the engine (issue 15): every view renders this,
    /// so a month that waits for its payslip never shows a zero beside a sentence that names the
    /// expected amount.
    public var shown: SettlementLineShown = .amount
}

/// How a settlement line's amount is shown.
public enum SettlementLineShown: Sendable, Hashable {
    /// The amount itself.
    case amount
    /// The month waits for its payslip: the amount is not known yet. `expected` is what the work
    /// Kompas knows gives (shown marked as expected); nil when nothing can be expected ("nog niet
    /// bekend").
    case awaitsPayslip(expected: Money?)
}

/// The bufferbudget of artikel 34b Participatiewet for an overpayment caused by income from work.
///
/// "Het college kan … een bufferbudget tot maximaal € 1.000 per kalenderjaar inzetten" (lid 1) and
/// use it "om onverschuldigd betaalde algemene bijstand te vereffenen vanwege het in aanmerking nemen
/// van inkomsten uit arbeid" (lid 2). Whether it does is the municipality's policy: the preview
/// always says it is possible, and applies it only when the municipality's file says so.
public struct BufferBudgetOutcome: Sendable, Hashable {
    /// The most per calendar year (parameter `pw.bufferbudget.maximum`).
    public var maximum: Money
    /// What is left of it this year before this month.
    public var available: Money
    /// The municipality's policy settles the overpayment from it.
    public var settledByPolicy: Bool
    /// The part of the overpayment the preview settles from it (zero without that policy).
    public var used: Money
    /// What remains to be paid back.
    public var remaining: Money
    public var step: TraceStep
}

/// The difference of an earlier month that is settled on this month's payment.
public struct CarriedDifference: Sendable, Hashable {
    /// The month the difference was found in.
    public var from: CalendarMonth
    /// Negative: taken off this month's payment (too much was paid); positive: paid on top.
    public var amount: Money
    /// The sentence every view shows.
    public var message: Message

    /// Creates a carried difference.
    public init(from: CalendarMonth, amount: Money, message: Message) {
        self.from = from
        self.amount = amount
        self.message = message
    }
}

/// How an overpayment is paid back: per month at least this much, over at most `months`.
public struct RecoveryPlan: Sendable, Hashable {
    public var total: Money
    public var months: Int
    public var perMonth: Money
}

/// The settlement preview of one month: what counts, what the top-up is, what was already paid and
/// what is settled next month.
public struct SettlementPreview: Sendable {
    public var input: SettlementInput
    public var lines: [SettlementLine]
    /// The payslip parts counted in this month and the parts left free, with their sentences.
    public var shares: [AllocatedShare]
    public var uncounted: [UncountedPart]
    public var exemption: ExemptionOutcome
    /// ×13/12: the year's reconciliation (shown in December; settled after the year).
    public var reconciliations: [ThirteenTwelfthsAllocation.YearReconciliation]
    public var recovery: RecoveryPlan?
    /// Set when the month has an overpayment caused by counting income from work and the
    /// bufferbudget is in force (issue 16).
    public var bufferBudget: BufferBudgetOutcome?
    /// Set by the engine when work is known but no payslip counts in this month yet: the
    /// difference is not known, never "no difference" (issue 15).
    public var awaitsPayslip: Bool = false
    /// The earlier months' differences that are settled on this month's payment (issue 15), set
    /// by the engine, so a month never forgets what an earlier month said it would settle.
    public var carriedIn: [CarriedDifference] = []

    /// Every figure that is not final or not built in, once each (issue 16).
    public var provisional: [UsedParameter] {
        var seen = Set<String>()
        let all =
            lines.flatMap { $0.steps.flatMap(\.parameters) } + (bufferBudget?.step.parameters ?? [])
        return all.filter { $0.needsMark && seen.insert($0.id + $0.from.description).inserted }
    }

    static let dependencies: [String: [String]] = [
        Line.counted: [Line.income, Line.exemption], Line.topUp: [Line.norm, Line.counted],
        Line.reserved: [Line.topUp], Line.topUpPaid: [Line.topUp, Line.reserved],
        Line.alreadyPaid: [Line.norm], Line.difference: [Line.topUpPaid, Line.alreadyPaid],
        Line.exemption: [Line.income],
    ]

    public func amount(_ id: String) -> Money {
        lines.first { $0.id.isSameID(id) }?.amount ?? .zero
    }
    public func line(_ id: String) -> SettlementLine? { lines.first { $0.id.isSameID(id) } }
    public var difference: Money { amount(Line.difference) }

    /// Line ids in display order; the JSON keys of `kompas verrekening --json`.
    public enum Line {
        public static let norm = "norm"
        public static let wage = "loon"
        public static let holidayEntitlement = "vakantiegeld_aanspraak"
        public static let holidayPay = "vakantiegeld"
        public static let bonus = "eindejaarsuitkering"
        public static let other = "ander_inkomen"
        public static let income = "inkomen"
        public static let exemption = "vrijlating"
        public static let counted = "meegeteld_inkomen"
        public static let topUp = "aanvulling"
        public static let reserved = "vakantietoeslag_gereserveerd"
        public static let topUpPaid = "aanvulling_uitbetaald"
        public static let alreadyPaid = "al_betaald"
        public static let difference = "verschil"
        public static let all = [
            norm, wage, holidayEntitlement, holidayPay, bonus, other, income, exemption, counted,
            topUp, reserved, topUpPaid, alreadyPaid, difference,
        ]
    }
}

/// The month's figures from counted income (shared by the preview, the estimate, the forecast and the caseload).
public struct MonthFigures: Sendable, Hashable {
    public var norm: Money
    public var income: Money
    public var exemption: ExemptionOutcome
    public var counted: Money
    public var topUp: Money
    public var reserved: Money
    public var topUpPaid: Money
    /// When the reserve of this month is paid out (``HolidayReservePayout``).
    public var payoutMonth: CalendarMonth
    public var normStep: TraceStep
    public var exemptionStep: TraceStep
    public var reservedStep: TraceStep
    /// The steps by name (`norm`, `exemption`, `reserved`).
    public var steps: [String: TraceStep] {
        ["norm": normStep, "exemption": exemptionStep, "reserved": reservedStep]
    }
}

/// The settlement engine.
///
/// Pure; reuses the income engine's norm, exemption, top-up and
/// vakantietoeslag rules (never re-implemented here).
public enum Settlement {
    /// Norm → exemption → counted income → top-up → vakantietoeslag reservation for one month.
    ///
    /// `workIncome` is the income from work the exemption applies to; `other` is added after it.
    public static func figures(
        month: CalendarMonth, household: Household, workIncome: Money, other: Money = .zero,
        workMonth: Int, granted: Bool, payMonth: Int = 5, extendedMonths: Int = 0,
        explain: Bool = true
    ) throws -> MonthFigures {
        let chain = try BijstandChain.compute(
            BijstandChainInput(
                month: month, household: household, workIncome: workIncome, otherIncome: other,
                workMonth: workMonth, granted: granted, payMonth: payMonth,
                extendedMonths: extendedMonths))
        let reservedStep =
            explain
            ? TraceStep(
                Message(
                    "settle.step.reserved",
                    ["amount": .money(chain.reserved), "month": .month(chain.payoutMonth)]),
                parameters: chain.reservedParameters, reference: VakantietoeslagBijstand.reference)
            : TraceStep(Message("settle.step.reserved"), parameters: chain.reservedParameters)
        return MonthFigures(
            norm: chain.norm, income: chain.income, exemption: chain.exemption,
            counted: chain.counted, topUp: chain.topUp, reserved: chain.reserved,
            topUpPaid: chain.topUpPaid, payoutMonth: chain.payoutMonth,
            normStep: chain.normStep, exemptionStep: chain.exemptionStep,
            reservedStep: reservedStep)
    }

    /// The income from work counted in a month under the policy: allocated wage, holiday pay,
    /// bonus, and (when the municipality counts it monthly) the holiday-pay entitlement on the wage.
    public static func workIncome(
        _ a: Allocation, month: CalendarMonth, policy: SettlementPolicy, explain: Bool = true
    ) throws -> (total: Money, entitlement: Money, step: TraceStep?) {
        let counted = a.counted(in: month)
        guard policy.income.holidayPayCountedMonthly else { return (counted, .zero, nil) }
        let wage = a.wage(in: month)
        guard wage > .zero else { return (counted, .zero, nil) }
        var p = ParameterReader(month)
        let vg = try VakantiegeldWerkgever.compute(.init(gross: .zero, net: wage), &p)
        guard explain else { return (counted + vg.netEntitlement, vg.netEntitlement, nil) }
        let step = TraceStep(
            Message(
                "settle.step.holidayEntitlement",
                ["wage": .money(wage), "amount": .money(vg.netEntitlement)]),
            parameters: p.take(), reference: VakantiegeldWerkgever.reference)
        return (counted + vg.netEntitlement, vg.netEntitlement, step)
    }

    /// The preview for one month.
    public static func preview(_ input: SettlementInput) throws -> SettlementPreview {
        let explain = input.explain
        /// A step's sentence only when asked for (``SettlementInput/explain``); its parameters
        /// always, so a line's provisional mark is the same either way.
        func step(
            _ key: String, _ args: @autoclosure () -> Message.Arguments = [:],
            parameters: [UsedParameter] = [], reference: @autoclosure () -> LegalReference? = nil
        ) -> TraceStep {
            explain
                ? TraceStep(Message(key, args()), parameters: parameters, reference: reference())
                : TraceStep(Message(key), parameters: parameters)
        }
        let m = input.month
        let policy = input.policy
        let alloc =
            input.allocation ?? Allocator.allocate(input.payslips, policy: policy, explain: explain)
        let shares = alloc.shares(in: m)
        let uncounted = alloc.uncounted.filter {
            alloc.payslips[$0.slip].payDate.calendarMonth == m
        }
        let work = try workIncome(alloc, month: m, policy: policy, explain: explain)
        let granted = input.exemptionGranted ?? policy.income.exemptionGrantedByDefault
        let f = try figures(
            month: m, household: input.household, workIncome: work.total, other: input.otherIncome,
            workMonth: input.workMonth, granted: granted,
            payMonth: policy.income.holidayAllowancePayMonth, extendedMonths: input.extendedMonths,
            explain: explain)
        var lines: [SettlementLine] = []
        lines.reserveCapacity(SettlementPreview.Line.all.count)
        // The ids of the provisional lines so far: almost always none, and then no line looks up
        // what it depends on (issue 23: that string-keyed lookup per line was a tenth of a
        // caseload month).
        var provisionalIDs: [String] = []
        func add(_ id: String, _ amount: Money, _ steps: [TraceStep]) {
            let own = steps.contains { $0.parameters.contains(where: \.needsMark) }
            let inherited =
                !provisionalIDs.isEmpty
                && (SettlementPreview.dependencies[id] ?? []).contains(
                    where: provisionalIDs.contains)
            if own || inherited { provisionalIDs.append(id) }
            lines.append(
                SettlementLine(id: id, amount: amount, steps: steps, provisional: own || inherited))
        }
        func sum(_ k: AllocatedShare.Kind) -> Money {
            // In place: a filtered copy of the month's shares (each with its step) per sum.
            var total = Money.zero
            for share in shares where share.kind == k { total = total + share.amount }
            return total
        }

        add(SettlementPreview.Line.norm, f.norm, [f.normStep])
        let wage = sum(.loon)
        var wageSteps =
            shares.filter { $0.kind == .loon }.map(\.step)
            + uncounted.filter { $0.kind == .loon }.map(\.step)
        if wageSteps.isEmpty {
            wageSteps = [step("settle.step.noWage", ["month": .month(m)])]
        }
        add(SettlementPreview.Line.wage, wage, wageSteps)
        add(
            SettlementPreview.Line.holidayEntitlement, work.entitlement,
            work.step.map { [$0] } ?? [
                step(
                    policy.income.holidayPayCountedMonthly
                        ? "settle.step.noEntitlement" : "settle.step.holidayWhenPaid")
            ])
        func orNone(_ steps: [TraceStep], _ key: String) -> [TraceStep] {
            steps.isEmpty ? [step(key)] : steps
        }
        add(
            SettlementPreview.Line.holidayPay, sum(.vakantiegeld),
            orNone(
                shares.filter { $0.kind == .vakantiegeld }.map(\.step)
                    + uncounted.filter { $0.kind == .vakantiegeld }.map(\.step),
                "settle.step.noHolidayPay"))
        add(
            SettlementPreview.Line.bonus, sum(.eindejaarsuitkering),
            orNone(
                shares.filter { $0.kind == .eindejaarsuitkering }.map(\.step), "settle.step.noBonus"
            ))
        add(
            SettlementPreview.Line.other, input.otherIncome,
            [step("settle.step.other", ["amount": .money(input.otherIncome)])])
        add(
            SettlementPreview.Line.income, f.income,
            [
                step(
                    "settle.step.income",
                    [
                        "work": .money(work.total), "other": .money(input.otherIncome),
                        "income": .money(f.income),
                    ],
                    reference: LegalReference.law(
                        "Participatiewet", article: "art. 31 lid 3",
                        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel31"))
            ])
        add(
            SettlementPreview.Line.exemption, f.exemption.amount,
            [f.exemptionStep])
        add(
            SettlementPreview.Line.counted, f.counted,
            [
                step(
                    "settle.step.counted",
                    [
                        "income": .money(f.income), "exemption": .money(f.exemption.amount),
                        "counted": .money(f.counted),
                    ],
                    reference: Aanvulling.reference)
            ])
        add(
            SettlementPreview.Line.topUp, f.topUp,
            [
                step(
                    "settle.step.topUp",
                    [
                        "norm": .money(f.norm), "counted": .money(f.counted),
                        "topUp": .money(f.topUp),
                    ],
                    reference: Aanvulling.reference)
            ])
        add(SettlementPreview.Line.reserved, f.reserved, [f.reservedStep])
        add(
            SettlementPreview.Line.topUpPaid, f.topUpPaid,
            [
                step(
                    "settle.step.topUpPaid",
                    [
                        "topUp": .money(f.topUp), "reserved": .money(f.reserved),
                        "paid": .money(f.topUpPaid),
                    ])
            ])

        // What was already paid for this month.
        let advance: Money
        let advanceStep: TraceStep
        if let given = input.alreadyPaid {
            advance = given
            advanceStep = step("settle.step.advanceGiven", ["amount": .money(given)])
        } else if policy.style == .schatten {
            let prev = m.advanced(by: -1)
            let est = try workIncome(alloc, month: prev, policy: policy, explain: explain).total
            let e = try figures(
                month: m, household: input.household, workIncome: est, other: input.otherIncome,
                workMonth: input.workMonth, granted: granted,
                payMonth: policy.income.holidayAllowancePayMonth,
                extendedMonths: input.extendedMonths, explain: false)  // only its amount is used
            advance = e.topUpPaid
            advanceStep = step(
                "settle.step.advanceEstimate",
                ["previous": .month(prev), "income": .money(est), "amount": .money(advance)],
                reference: SettlementSources.article58)
        } else {
            let e = try figures(
                month: m, household: input.household, workIncome: .zero, other: input.otherIncome,
                workMonth: input.workMonth, granted: granted,
                payMonth: policy.income.holidayAllowancePayMonth,
                extendedMonths: input.extendedMonths, explain: false)  // only its amount is used
            advance = e.topUpPaid
            advanceStep = step("settle.step.advanceAfterwards", ["amount": .money(advance)])
        }
        add(SettlementPreview.Line.alreadyPaid, advance, [advanceStep])
        if input.alreadyPaid != nil, let i = lines.indices.last {
            lines[i].provisional = false  // the client's own figure, not a legal one
            provisionalIDs.removeAll { $0 == SettlementPreview.Line.alreadyPaid }
        }
        let diff = f.topUpPaid - advance
        var recovery: RecoveryPlan?
        let diffKey: String
        if diff > .zero {
            diffKey = "settle.step.differenceOwed"
        } else if diff == .zero {
            diffKey = "settle.step.differenceNone"
        } else {
            let months = policy.style == .schatten ? max(1, policy.recoveryMonths) : 1
            let per = (-diff).scaled(by: 1, over: Int64(months), rounding: .up)
            recovery = RecoveryPlan(total: -diff, months: months, perMonth: per)
            diffKey =
                months > 1
                ? "settle.step.differenceRecoveredSpread" : "settle.step.differenceRecovered"
        }
        add(
            SettlementPreview.Line.difference, diff,
            [
                step(
                    diffKey,
                    [
                        "amount": .money(diff < .zero ? -diff : diff),
                        "next": .month(m.advanced(by: 1)),
                        "months": .number(recovery?.months ?? 1),
                        "perMonth": .money(recovery?.perMonth ?? .zero),
                    ],
                    reference: diff < .zero ? SettlementSources.article58 : nil)
            ])
        let recs = m.month == 12 ? alloc.reconciliations.filter { $0.year == m.year } : []
        // Art. 34b: an overpayment caused by counting income from work can be settled from the
        // bufferbudget. Only when the parameter is in force (from 1-1-2027).
        var buffer: BufferBudgetOutcome?
        if diff < .zero, work.total > .zero {
            var p = ParameterReader(m)
            if let maximum = try? p(SettlementParameters.bufferBudgetMaximum) {
                let available = max(.zero, maximum - input.bufferBudgetUsed)
                let used = policy.bufferBudgetSettles ? min(-diff, available) : .zero
                let remaining = -diff - used
                buffer = BufferBudgetOutcome(
                    maximum: maximum, available: available,
                    settledByPolicy: policy.bufferBudgetSettles, used: used, remaining: remaining,
                    step: step(
                        policy.bufferBudgetSettles
                            ? "settle.step.bufferSettled" : "settle.step.bufferPossible",
                        [
                            "maximum": .money(maximum), "available": .money(available),
                            "used": .money(used), "remaining": .money(remaining),
                        ], parameters: p.take(),
                        reference: SettlementParameters.bufferBudgetMaximum.reference))
                if used > .zero {
                    let months = recovery?.months ?? 1
                    recovery =
                        remaining > .zero
                        ? RecoveryPlan(
                            total: remaining, months: months,
                            perMonth: remaining.scaled(by: 1, over: Int64(months), rounding: .up))
                        : nil
                }
            }
        }
        return SettlementPreview(
            input: input, lines: lines, shares: shares, uncounted: uncounted,
            exemption: f.exemption, reconciliations: recs, recovery: recovery, bufferBudget: buffer)
    }
}
