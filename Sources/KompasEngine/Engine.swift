import KompasCase
import KompasCore
import KompasIncome
import KompasMunicipality
import KompasProvisions
import KompasRules
import KompasSettlement
import KompasToeslagen
import KompasTotalIncome

/// How to evaluate beyond the situation itself.
public struct EvaluationOptions: Sendable {
    /// The exemption is granted (nil: the municipality's default).
    public var exemptionGranted: Bool?
    /// The month the exemption clock starts when the situation does not say (nil: the month shown).
    public var startedDefault: CalendarMonth?
    /// Payslips to settle the first month against, with what was already paid (nil: derived).
    public var payslips: [Payslip]
    public var alreadyPaid: Money?
    /// Settle the first month (``CaseResult/settlement``); the forecast starts at `forecastFrom`.
    public var settle: Bool
    public var forecastFrom: CalendarMonth?
    /// How many months ahead the exemption schedule looks.
    public var scheduleHorizon: Int
    /// Evaluate the first month over hours `from...to` by `step` (hundredths a week).
    public var sweep: (from: Int, to: Int, step: Int)?
    /// Saved payslips that only tell the jobs' pay dates (``Situation/payAnchor(job:payslips:)``);
    /// `payslips` tell them too.
    public var storedPayslips: [Payslip] = []

    /// Creates options.
    public init(
        exemptionGranted: Bool? = nil, startedDefault: CalendarMonth? = nil,
        payslips: [Payslip] = [], alreadyPaid: Money? = nil, settle: Bool = false,
        forecastFrom: CalendarMonth? = nil, scheduleHorizon: Int = 36
    ) {
        self.exemptionGranted = exemptionGranted
        self.startedDefault = startedDefault
        self.payslips = payslips
        self.alreadyPaid = alreadyPaid
        self.settle = settle
        self.forecastFrom = forecastFrom
        self.scheduleHorizon = scheduleHorizon
    }
}

/// The one engine entry point: a situation and months in, a ``CaseResult`` out.
///
/// Pure.
/// Every command builds a ``Situation`` and asks this; the projection and the settlement share
/// one bijstand chain (``BijstandChain``); the exemption schedule, its dated events and the
/// holiday reserve's payout month are decided here once, never in a view.
public enum Engine {
    /// Evaluates `months`; the first is the month the user asked about.
    ///
    /// The first month must be computable (its typed error is thrown); a later month whose figures are not known yet is
    /// marked ``MonthResult/unknown``, never shown as zero.
    public static func evaluate(
        _ s: Situation, months: [CalendarMonth], municipality: MunicipalityFile,
        options: EvaluationOptions = EvaluationOptions()
    ) throws -> CaseResult {
        let policy = municipality.incomePolicy
        let provisions = municipality.provisions
        let costs = s.householdCosts
        // Each job's month counts what the municipality's settlement counts (JobMonthShare).
        let settlement = municipality.settlementPolicy
        let known = options.payslips + options.storedPayslips
        var results: [MonthResult] = []
        for (n, m) in months.enumerated() {
            let input = s.projectionInput(
                month: m, policy: policy, exemptionGranted: options.exemptionGranted,
                startedDefault: options.startedDefault ?? months.first, settlement: settlement,
                payslips: known)
            do {
                results.append(try month(input, s, costs: costs, provisions: provisions))
            } catch let e as NotInForce where n > 0 {
                results.append(
                    MonthResult(
                        month: m, total: nil, baseline: nil, afterExemption: nil, unknown: e,
                        lines: []))
            }
        }
        let first = months.first ?? CalendarMonth(index: 0)
        let schedule = try exemptionSchedule(
            s, from: first, policy: policy, options: options, months: months,
            settlement: settlement, payslips: known)
        var events = exemptionEvents(schedule, works: s.job != nil)
        if let p = results.first?.projection, p.amount(Projection.Line.reserved) > .zero {
            events.append(
                CaseEvent(
                    kind: .holidayReservePaid, month: p.reservePayoutMonth,
                    message: Message(
                        "samenvatting.event.holidayAllowance",
                        [
                            "month": .month(p.reservePayoutMonth),
                            "perMonth": .money(p.amount(Projection.Line.reserved)),
                        ])))
        }
        var result = CaseResult(
            situation: s, months: results, exemption: schedule,
            events: events.sorted { $0.month < $1.month }, settlement: nil, forecast: nil,
            sweep: nil)
        if let span = options.sweep {
            let input = s.projectionInput(
                month: first, policy: policy, exemptionGranted: options.exemptionGranted,
                startedDefault: options.startedDefault ?? months.first, settlement: settlement,
                payslips: known)
            result.sweep = try TotalSweeper.sweep(
                SweepRequest(base: input, from: span.from, to: span.to, step: span.step),
                costs: costs, provisions: provisions)
        }
        if options.settle {
            try settle(&result, s, month: first, municipality: municipality, options: options)
        }
        return result
    }

    // MARK: One month

    static func month(
        _ input: ProjectionInput, _ s: Situation, costs: HouseholdCosts,
        provisions: [MunicipalProvision]
    ) throws -> MonthResult {
        let (noWork, noCosts) = TotalIncome.withoutWork(input, costs)
        let baseline = try TotalIncomeCalculator.compute(
            noWork, costs: noCosts, provisions: provisions, baseline: .zero)
        let total = try TotalIncomeCalculator.compute(input, costs: costs, provisions: provisions)
        var after: TotalIncome?
        if case .applies(_, _, _?) = total.projection.exemption {
            var q = input
            q.exemptionGranted = false
            after = try TotalIncomeCalculator.compute(q, costs: costs, provisions: provisions)
        }
        return MonthResult(
            month: input.month, total: total, baseline: baseline, afterExemption: after,
            unknown: nil, lines: lines(total, baseline: baseline, after: after, s))
    }

    /// Every amount of the month under one id each.
    static func lines(_ t: TotalIncome, baseline: TotalIncome, after: TotalIncome?, _ s: Situation)
        -> [ResultLine]
    {
        var out: [ResultLine] = []
        func add(_ id: LineID, _ m: Money) { out.append(ResultLine(id: id, amount: m)) }
        let p = t.projection
        let bare: Set<String> = [
            Projection.Line.total, Projection.Line.keep, Projection.Line.gain,
            Projection.Line.perHour,
        ]
        for l in p.lines where !bare.contains(l.id) { add(.projection(l.id), l.amount) }
        add(.baseIncome, t.baseIncome)
        add(.toeslagen, t.toeslagenMonthly)
        add(.kinderbijslag, t.kinderbijslagMonthly)
        add(.provisions, t.provisionsMonthly)
        add(
            .toeslagenAndProvisions,
            t.toeslagenMonthly + t.kinderbijslagMonthly + t.provisionsMonthly)
        add(.totalIncome, t.total)
        add(.workCosts, t.workCosts)
        add(.keep, t.keep)
        add(.baselineKeep, baseline.keep)
        let gain = t.keep - baseline.keep
        if case .none = p.input.work {
        } else {
            add(.gain, gain)
            if let hpm = p.input.hundredthsPerMonth, hpm > 0 {
                add(.perHour, gain.scaled(by: 100, over: Int64(hpm), rounding: .halfUp))
            }
        }
        if let a = after { add(.afterExemptionKeep, a.keep) }
        add(.toetsingsinkomen, t.toetsingsinkomen.total)
        for line in t.toeslagen {
            if line.toeslag == .kinderbijslag, case .success(let r) = line.result {
                // The SVB pays kinderbijslag per quarter; the engine's yearly figure is four quarters.
                out.append(
                    ResultLine(
                        id: .toeslag(line.toeslag.rawValue), amount: line.monthly,
                        period: .quarter,
                        perPeriod: r.yearly.scaled(by: 1, over: 4, rounding: .halfUp)))
            } else {
                add(.toeslag(line.toeslag.rawValue), line.monthly)
            }
            if case .success(let r) = line.result {
                add(.toeslagYear(line.toeslag.rawValue), r.yearly)
                if case .notEntitled(let reason) = r.entitlement {
                    for (k, m) in moneyArguments(reason.message) {
                        add(.reason(line.toeslag.rawValue, k), m)
                    }
                }
            }
        }
        if let c = t.childcareNetCost { add(.childcareNet, c) }
        for (prov, e) in t.provisions {
            if case .eligible(let b) = e.outcome, b.period == .jaar, let a = b.amount {
                // A yearly provision (kwijtschelding, a yearly toeslag): its twelfth counts per month.
                out.append(
                    ResultLine(
                        id: .provision(prov.id), amount: e.monthlyValue, period: .year, perPeriod: a
                    ))
            } else {
                add(.provision(prov.id), e.monthlyValue)
            }
            if case .notEligible(let reason) = e.outcome {
                for (k, m) in moneyArguments(reason.message) { add(.reason(prov.id, k), m) }
            }
            // A kwijtschelding's figures: the tax, what is waived and left to pay, the capacity.
            for f in e.waiverFigures { add(.reason(prov.id, "kwijtschelding_" + f.name), f.amount) }
        }
        for r in t.repayments {
            add(.reason("terugbetaling:" + r.toeslag.rawValue, "verschil"), r.difference)
            add(.repaymentSize(r.toeslag.rawValue), Money(cents: abs(r.difference.cents)))
            for (k, m) in moneyArguments(r.message) {
                add(.reason("terugbetaling:" + r.toeslag.rawValue, k), m)
            }
        }
        // The legal figures a view names (the provisional ones, issue 16), by parameter id.
        for u in t.provisional + p.checked {
            if case .money(let m) = u.argument { add(LineID("cijfer:" + u.id), m) }
        }
        // The situation's own amounts, as the views echo them.
        if let j = s.job {
            switch j.pay {
            case .hourly(_, let w): add(.input(.hourlyWage), w)
            case .grossMonthly(let g): add(.input(.grossMonthly), g)
            case .netMonthly(let n): add(.input(.netMonthly), n)
            }
            add(.input(.travel), j.travelCosts)
        }
        // Each paying job's wage under its number (the lines above are their sums), and its own
        // amounts as the views echo them.
        for w in p.jobs {
            add(.job(w.number, Projection.Line.gross), w.gross)
            add(.job(w.number, Projection.Line.tax), w.tax)
            add(.job(w.number, Projection.Line.net), w.net)
            guard s.jobs.indices.contains(w.number - 1) else { continue }
            let j = s.jobs[w.number - 1]
            switch j.pay {
            case .hourly(_, let wage): add(.jobInput(w.number, .hourlyWage), wage)
            case .grossMonthly(let g): add(.jobInput(w.number, .grossMonthly), g)
            case .netMonthly(let n): add(.jobInput(w.number, .netMonthly), n)
            }
            add(.jobInput(w.number, .travel), j.travelCosts)
        }
        if let r = s.costs.rent {
            add(.input(.rent), r)
            add(.reason("huur", "met_servicekosten"), r + s.costs.serviceCosts)
        }
        add(.input(.serviceCosts), s.costs.serviceCosts)
        add(.input(.childcareCosts), s.costs.childcareMonthly)
        add(.input(.otherIncome), s.otherIncome)
        add(.input(.assets), s.costs.assets)
        if let a = s.costs.advanceIncome { add(.input(.advance), a) }
        return out
    }

    /// The money arguments of an engine message (nested messages included), by argument name.
    public static func moneyArguments(_ m: Message) -> [(String, Money)] {
        var out: [(String, Money)] = []
        for (k, v) in m.arguments.sorted(by: { $0.key < $1.key }) {
            switch v {
            case .money(let x): out.append((k, x))
            case .message(let inner): out += moneyArguments(inner).map { (k + "." + $0.0, $0.1) }
            default: break
            }
        }
        return out
    }

    // MARK: The exemption, month by month

    /// The exemption's story over the months: which rule applies and from when.
    ///
    /// Decided on the year's average pay (no settlement method), so a month with an extra payslip
    /// (or a few more working days) does not read as a change of rule. A period's amount is that of its first
    /// month as the month counts it (`settlement`), the number its month line shows.
    static func exemptionSchedule(
        _ s: Situation, from first: CalendarMonth, policy: IncomePolicy,
        options: EvaluationOptions, months: [CalendarMonth],
        settlement: SettlementPolicy? = nil, payslips: [Payslip] = []
    ) throws -> ExemptionSchedule {
        var periods: [ExemptionPeriod] = []
        var unknownFrom: CalendarMonth?
        // The averaged amount of the current period, which the next month is compared with.
        var storyAmount = Money.zero
        guard s.job != nil else { return ExemptionSchedule(periods: [], unknownFrom: nil) }
        for i in 0..<max(1, options.scheduleHorizon) {
            let m = first.advanced(by: i)
            let input = s.projectionInput(
                month: m, policy: policy, exemptionGranted: options.exemptionGranted,
                startedDefault: options.startedDefault ?? months.first)
            let outcome: ExemptionOutcome
            do {
                outcome = try Projector.project(input, baseline: .zero).exemption
            } catch let e as NotInForce {
                _ = e
                unknownFrom = m
                break
            }
            if var last = periods.last, last.kind == outcome.kind,
                storyAmount == outcome.amount || outcome.kind == nil
            {
                last.through = m
                periods[periods.count - 1] = last
            } else {
                storyAmount = outcome.amount
                var amount = outcome.amount
                if let settlement {
                    let own = s.projectionInput(
                        month: m, policy: policy, exemptionGranted: options.exemptionGranted,
                        startedDefault: options.startedDefault ?? months.first,
                        settlement: settlement, payslips: payslips)
                    if own.countsOwnMonth {
                        amount = try Projector.project(own, baseline: .zero).exemption.amount
                    }
                }
                periods.append(
                    ExemptionPeriod(from: m, through: m, kind: outcome.kind, amount: amount))
            }
        }
        return ExemptionSchedule(periods: periods, unknownFrom: unknownFrom)
    }

    /// The dated exemption events of a schedule, as the one sentence every view shows.
    static func exemptionEvents(_ s: ExemptionSchedule, works: Bool) -> [CaseEvent] {
        guard works else { return [] }
        var e: [CaseEvent] = []
        for (prev, next) in zip(s.periods, s.periods.dropFirst()) {
            if next.kind == nil {
                e.append(
                    CaseEvent(
                        kind: .exemptionEnds, month: next.from,
                        message: Message(
                            "case.event.exemptionEnds",
                            [
                                "lastMonth": .month(prev.through), "month": .month(next.from),
                                "amount": .money(prev.amount),
                            ])))
            } else if let k = next.kind {
                e.append(
                    CaseEvent(
                        kind: .exemptionChanges, month: next.from,
                        message: Message(
                            "case.event.exemptionChanges",
                            [
                                "month": .month(next.from), "amount": .money(next.amount),
                                "kind": .message(Message("exemption.kind." + k.rawValue)),
                            ])))
            }
        }
        if let u = s.unknownFrom, s.periods.last?.kind != nil {
            e.append(
                CaseEvent(
                    kind: .exemptionUnknown, month: u,
                    message: Message("case.event.exemptionUnknown", ["month": .month(u)])))
        }
        return e
    }

    // MARK: Settlement

    /// Ties a month's settlement to the month before it, so two months never tell two stories.
    ///
    /// A month's difference is settled on the next month's payment (artikel 58 Pw, "verrekend
    /// volgende maand"); that month's settlement says so with the same amount. A month in which
    /// work is known but no payslip counts yet has no known difference: it waits for the payslip
    /// instead of saying "geen verschil" (the old path compared a zero wage with an advance paid
    /// without wage, which always matches).
    static func carryAcrossMonths(
        _ preview: inout SettlementPreview, _ input: SettlementInput, _ s: Situation,
        earlier: (SettlementInput, CalendarMonth) -> LookBack? = { input, month in
            (try? Settlement.preview(Engine.earlierInput(input, month))).map(LookBack.init)
        }
    ) throws {
        guard !input.payslips.isEmpty else { return }
        let m = input.month
        // Each earlier month whose difference is still being settled on this month's payment:
        // the month before, and (a recovery spread over months, schatten) the months before it.
        var prev: LookBack?
        for k in 1...max(1, input.policy.recoveryMonths) {
            let month = m.advanced(by: -k)
            guard input.started.map({ month >= $0 }) ?? true,
                let p = earlier(input, month)
            else { break }
            if k == 1 { prev = p }
            guard p.hasShares, p.difference != .zero else { continue }
            if k > 1 && (p.recovery?.months ?? 1) < k { continue }
            // Spread over months (schatten): this month's part, with the whole amount named.
            let spread = p.recovery.map { $0.months > 1 } ?? false
            let amount = p.recovery.map { -$0.perMonth } ?? p.difference
            preview.carriedIn.append(
                CarriedDifference(
                    from: p.month, amount: amount,
                    message: Message(
                        spread
                            ? "settle.carried.recoveredSpread"
                            : amount < .zero ? "settle.carried.recovered" : "settle.carried.owed",
                        [
                            "amount": .money(amount < .zero ? -amount : amount),
                            "total": .money(p.recovery?.total ?? .zero),
                            "previous": .month(p.month), "month": .month(m),
                        ])))
        }
        preview.carriedIn.sort { $0.from < $1.from }
        let working = (s.job != nil || prev?.hasShares == true)
        let started = s.workStarted.map { $0 <= m } ?? true
        if preview.shares.isEmpty && preview.uncounted.isEmpty && working && started,
            input.alreadyPaid == nil,
            let i = preview.lines.firstIndex(where: { $0.id == SettlementPreview.Line.difference })
        {
            preview.awaitsPayslip = true
            preview.lines[i].shown = .awaitsPayslip(expected: nil)
            preview.lines[i].steps = [
                TraceStep(Message("settle.step.differenceAwaitsPayslip", ["month": .month(m)]))
            ]
            preview.recovery = nil
        }
    }

    /// The input of an earlier month looked back at: the same client, nothing paid given.
    static func earlierInput(_ input: SettlementInput, _ month: CalendarMonth) -> SettlementInput {
        var q = input
        q.month = month
        q.alreadyPaid = nil
        return q
    }

    /// What a later month's settlement reads of an earlier month's preview: the look-back of
    /// ``carryAcrossMonths(_:_:_:earlier:)`` needs no more, and a caseload looks back about five
    /// times per client-month (issue 23: copying whole previews for it was an eighth of the run).
    struct LookBack {
        var month: CalendarMonth
        var hasShares: Bool
        var difference: Money
        var recovery: RecoveryPlan?

        init(_ preview: SettlementPreview) {
            month = preview.input.month
            hasShares = !preview.shares.isEmpty
            difference = preview.difference
            recovery = preview.recovery
        }
    }

    /// The exemption of a month that waits for its payslip: the schedule's story, never a zero wage's.
    ///
    /// On a zero wage the exemption rules fall back to the general rule's reason ("de vrijlating
    /// van 6 maanden is voorbij", artikel 31 lid 2 onder n) even while another exemption still
    /// runs, such as the single parent's 30 months of artikel 31 lid 2 onder r. The exemption
    /// schedule (the one `watals` shows for the month) says which exemption applies and what it is
    /// with the known work; the amount settled follows with the payslip. When the schedule says none
    /// applies, the rule's own reason stands (it does not depend on the wage then).
    ///
    /// The amount is the month's own exemption when the month is projected (a month with two
    /// payslips has its own), else the schedule's.
    static func exemptionAwaitingPayslip(
        _ preview: inout SettlementPreview, _ schedule: ExemptionSchedule,
        month projection: Projection? = nil
    ) {
        let m = preview.input.month
        guard
            let i = preview.lines.firstIndex(where: { $0.id == SettlementPreview.Line.exemption })
        else { return }
        var period = schedule.periods.first { $0.from <= m && m <= $0.through }
        if let p = projection, p.input.month == m, period?.kind != nil,
            p.exemption.kind == period?.kind
        {
            period?.amount = p.amount(Projection.Line.exemption)
        }
        if let period, period.kind == nil { return }
        let message: Message
        if let period, let kind = period.kind {
            message = Message(
                "settle.step.exemptionAwaitsPayslip",
                [
                    "month": .month(m), "amount": .money(period.amount),
                    "kind": .message(Message("exemption.kind." + kind.rawValue)),
                ])
        } else {
            message = Message("settle.step.exemptionAwaitsPayslip.unknown", ["month": .month(m)])
        }
        // The line shows the schedule's amount marked as expected (or not known), never the
        // zero the rules give on a wage that is not there yet.
        preview.lines[i].shown = .awaitsPayslip(expected: period?.amount)
        let old = preview.lines[i].steps.last
        preview.lines[i].steps = [
            TraceStep(
                message, parameters: old?.parameters ?? [], reference: old?.reference)
        ]
    }

    /// One month settled: the preview against what was paid, with the differences of earlier
    /// months still being settled on its payment.
    ///
    /// The one settlement path of `verrekening` and of every client-month of `verrekening
    /// --caseload` (issue 15: the caseload used to settle apart and forgot the carried months).
    static func settledMonth(
        _ s: Situation, month: CalendarMonth, payslips: [Payslip], policy: SettlementPolicy,
        exemptionGranted: Bool?, alreadyPaid: Money?,
        cache: PreviewCache? = nil
    ) throws -> (SettlementInput, SettlementPreview) {
        var input = SettlementInput(
            month: month, household: s.household, started: s.workStarted,
            payslips: payslips, policy: policy, otherIncome: s.otherIncome,
            exemptionGranted: exemptionGranted, alreadyPaid: alreadyPaid)
        input.extendedMonths = s.extendedMonths
        guard let cache, alreadyPaid == nil else {
            var preview = try Settlement.preview(input)
            try carryAcrossMonths(&preview, input, s)
            return (input, preview)
        }
        var preview = try cache.preview(input).get()
        try carryAcrossMonths(&preview, input, s) { input, month in
            cache.lookBack(month, input: earlierInput(input, month))
        }
        return (input, preview)
    }

    /// One client's month previews (what was paid derived, before carrying), computed once each.
    ///
    /// A caseload settles every month of a client and each month looks back at the months whose
    /// difference it still settles; without this each earlier month would be previewed again.
    ///
    /// The caseload writes amounts only, so its previews are built without sentences
    /// (``SettlementInput/explain``) from one allocation without sentences (issue 23).
    final class PreviewCache {
        /// Each month's look-back, once its preview is computed (nil: the preview failed).
        var lookBacks: [CalendarMonth: LookBack?] = [:]
        /// The client's payslips allocated once, for every month's preview (issue 23).
        var allocation: Allocation?

        init(allocation: Allocation? = nil) { self.allocation = allocation }

        /// The month's look-back, from the preview computed when the month itself was settled
        /// or, for a month before the first settled one, computed now.
        ///
        /// The input is made only for a month not computed yet (issue 23: copying it for every
        /// look-back was most of the look-back's own cost).
        func lookBack(_ month: CalendarMonth, input: @autoclosure () -> SettlementInput)
            -> LookBack?
        {
            if let known = lookBacks[month] { return known }
            _ = preview(input())
            return lookBacks[month] ?? nil
        }

        /// The month's full preview; only its look-back is kept.
        func preview(_ input: SettlementInput) -> Result<SettlementPreview, Error> {
            var input = input
            input.explain = false
            if input.allocation == nil {
                if allocation == nil {
                    allocation = Allocator.allocate(
                        input.payslips, policy: input.policy, explain: false)
                }
                input.allocation = allocation
            }
            let r = Result { try Settlement.preview(input) }
            lookBacks[input.month] = (try? r.get()).map(LookBack.init)
            return r
        }
    }

    /// A caseload client's rows: one per month in which its pay counts, each settled on the path
    /// of `verrekening` for that client and month (``settledMonth(_:month:payslips:policy:exemptionGranted:alreadyPaid:)``).
    ///
    /// Pure and per client, so the caseload streams: memory does not grow with the number of
    /// clients. Throws the income engine's typed errors (the App reports them with the client's
    /// id and line).
    public static func settleCaseload(_ c: CaseloadClient, policy: SettlementPolicy) throws
        -> [CaseloadRow]
    {
        let slips = c.payslips.map(\.payslip)
        let allocation = Allocator.allocate(slips, policy: policy, explain: false)
        let months = allocation.months
        var rows: [CaseloadRow] = []
        rows.reserveCapacity(months.count)
        let cache = PreviewCache(allocation: allocation)
        for m in months {
            let (_, p) = try settledMonth(
                c.situation, month: m, payslips: slips, policy: policy, exemptionGranted: nil,
                alreadyPaid: nil, cache: cache)
            typealias L = SettlementPreview.Line
            rows.append(
                CaseloadRow(
                    client: c.id, month: m, income: p.amount(L.income),
                    exemption: p.amount(L.exemption), counted: p.amount(L.counted),
                    topUp: p.amount(L.topUp), reserved: p.amount(L.reserved),
                    topUpPaid: p.amount(L.topUpPaid),
                    carried: p.carriedIn.reduce(.zero) { $0 + $1.amount }))
        }
        return rows
    }

    static func settle(
        _ r: inout CaseResult, _ s: Situation, month: CalendarMonth,
        municipality: MunicipalityFile, options: EvaluationOptions
    ) throws {
        let policy = municipality.settlementPolicy
        let (input, settled) = try settledMonth(
            s, month: month, payslips: options.payslips, policy: policy,
            exemptionGranted: options.exemptionGranted, alreadyPaid: options.alreadyPaid)
        var preview = settled
        if preview.awaitsPayslip {
            exemptionAwaitingPayslip(
                &preview, r.exemption,
                month: s.job != nil ? r.months.first?.projection : nil)
            linesAwaitingPayslip(&preview, expected: s.job != nil ? r.months.first : nil)
        }
        r.settlement = preview
        guard !options.payslips.isEmpty else { return }
        for slip in options.payslips {
            if let n = s.jobNumber(employer: slip.employer) { r.payslipJobs[slip.id] = n }
        }
        var fc = try Forecaster.forecast(
            payslips: options.payslips, household: s.household, started: input.started,
            policy: policy, from: options.forecastFrom ?? month.advanced(by: 1), count: 12,
            extendedMonths: s.extendedMonths)
        // A year reconciled in the preview is told once, with the preview's number.
        let told = Set(preview.reconciliations.map(\.year))
        fc.reconciliations.removeAll { told.contains($0.year) }
        r.forecast = fc
    }
}
