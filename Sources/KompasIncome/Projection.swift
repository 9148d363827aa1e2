import KompasCore
import KompasRules

/// How the person works in the projected month.
public enum WorkInput: Sendable, Hashable {
    case none
    /// Hours per week (in hundredths: 16 hours = 1600) at a gross hourly wage (excluding holiday pay).
    case hourly(hundredthsPerWeek: Int, wage: Money)
    case grossMonthly(Money)
    case netMonthly(Money)
}

/// One more job paying in the projected month, besides ``ProjectionInput/work``.
///
/// Each employer withholds its own wage tax (loonheffing per inhoudingsplichtige, with the
/// loonheffingskorting only where that employer applies it), so each job is taxed apart at its
/// own pay frequency and the month adds them up.
public struct JobWork: Sendable, Hashable {
    /// The job's number in the work history (1 = the first job).
    public var number: Int
    public var work: WorkInput
    public var frequency: PayFrequency
    /// This employer applies the loonheffingskorting.
    public var withCredit: Bool
    /// How much of a period's pay this month counts (nil: the year's average).
    public var share: MonthShare?

    /// Creates a job's work for one month.
    public init(
        number: Int, work: WorkInput, frequency: PayFrequency = .maand, withCredit: Bool,
        share: MonthShare? = nil
    ) {
        self.number = number
        self.work = work
        self.frequency = frequency
        self.withCredit = withCredit
        self.share = share
    }
}

/// One job's wage in the projected month.
public struct JobWage: Sendable, Hashable {
    /// The job's number in the work history (1 = the first job).
    public var number: Int
    public var gross: Money
    public var tax: Money
    public var net: Money
    public var withCredit: Bool
    public var frequency: PayFrequency
    /// How much of a period's pay the month counted (``MonthShare``): the average, the payslips
    /// paid in the month, or its working days; `averagePayDatesUnknown` is the marker a view
    /// renders ("gemiddeld: welke maand twee loonstroken heeft, weten we nog niet").
    public var share: MonthShare
}

/// The municipality's choices this engine needs (from the municipality data file).
public struct IncomePolicy: Sendable, Hashable, Codable {
    /// The college grants the exemption of artikel 31 lid 2 onder n by default ("draagt bij aan arbeidsinschakeling").
    public var exemptionGrantedByDefault: Bool
    /// The employer's holiday-pay entitlement is counted each month (artikel 31 lid 4), not when paid.
    public var holidayPayCountedMonthly: Bool
    /// The month in which the bijstand's own vakantietoeslag is paid out (1–12).
    public var holidayAllowancePayMonth: Int
    public init(
        exemptionGrantedByDefault: Bool = true, holidayPayCountedMonthly: Bool = true,
        holidayAllowancePayMonth: Int = 5
    ) {
        self.exemptionGrantedByDefault = exemptionGrantedByDefault
        self.holidayPayCountedMonthly = holidayPayCountedMonthly
        self.holidayAllowancePayMonth = holidayAllowancePayMonth
    }
}

/// Everything a projection needs; values only.
public struct ProjectionInput: Sendable, Hashable {
    public var month: CalendarMonth
    public var household: Household
    public var work: WorkInput
    public var frequency: PayFrequency
    /// The month the part-time work started (for the exemption clock); nil: this month.
    public var started: CalendarMonth?
    public var travelCosts: Money
    public var childcareCosts: Money
    public var otherIncome: Money
    /// The employer applies the loonheffingskorting.
    public var withCredit: Bool
    public var policy: IncomePolicy
    /// The exemption is granted (nil: the municipality's default).
    public var exemptionGranted: Bool?
    /// The other jobs paying this month (the first paying job is ``work``).
    public var otherJobs: [JobWork] = []
    /// The number in the work history of the job ``work`` describes (1 unless it has ended).
    public var jobNumber: Int = 1
    /// Months the college added under artikel 34a lid 2 (``ExemptionInput/extendedMonths``).
    public var extendedMonths: Int = 0
    /// The month a new job started the artikel 34a period again (lid 3; ``started`` is then that
    /// month), so the projection can say it is the college's choice.
    public var exemptionRestart: CalendarMonth?
    /// How much of a period's pay of ``work`` this month counts (nil: the year's average).
    ///
    /// The average is periods a year / 12. The engine sets it from the municipality's settlement
    /// method and the job's pay dates (``MonthShare``).
    public var share: MonthShare?

    public init(
        month: CalendarMonth, household: Household, work: WorkInput = .none,
        frequency: PayFrequency = .maand,
        started: CalendarMonth? = nil, travelCosts: Money = .zero, childcareCosts: Money = .zero,
        otherIncome: Money = .zero,
        withCredit: Bool = true, policy: IncomePolicy = IncomePolicy(),
        exemptionGranted: Bool? = nil
    ) {
        self.month = month
        self.household = household
        self.work = work
        self.frequency = frequency
        self.started = started
        self.travelCosts = travelCosts
        self.childcareCosts = childcareCosts
        self.otherIncome = otherIncome
        self.withCredit = withCredit
        self.policy = policy
        self.exemptionGranted = exemptionGranted
    }

    /// Which month of work this is (1 = the first); the exemption counts from here.
    public var workMonth: Int { started.map { $0.distance(to: month) + 1 } ?? 1 }
    /// Hours per month (hundredths), weekly × 52 / 12, when hours are known.
    ///
    /// With several jobs: their hours together, when every job is paid by the hour.
    public var hundredthsPerMonth: Int? {
        var total = 0
        for w in [work] + otherJobs.map(\.work) {
            guard case .hourly(let h, _) = w else { return nil }
            total += h
        }
        return Int((Int64(total) * 52 + 6) / 12)
    }

    /// The same month with every job's pay at the year's average (× 13 / 12, × 52 / 12).
    ///
    /// The toeslagen and the municipal provisions look at the year's income (the toetsingsinkomen
    /// is a year's figure, Awir art. 8): a month with two four-weekly payslips does not make the
    /// year 24 payslips, so they are computed on this.
    public var averaged: ProjectionInput {
        var q = self
        q.share = nil
        q.otherJobs = otherJobs.map {
            var j = $0
            j.share = nil
            return j
        }
        return q
    }

    /// Some job's pay in this month is not the year's average (so ``averaged`` differs).
    public var countsOwnMonth: Bool {
        ([share] + otherJobs.map(\.share)).contains { $0.map { !$0.isAverage } ?? false }
    }

    /// The same month without any work (the baseline).
    public var withoutWork: ProjectionInput {
        var q = self
        q.work = .none
        q.share = nil
        q.otherJobs = []
        q.travelCosts = .zero
        return q
    }
}

/// One line of the result: a stable id (the JSON key), an amount, and how it came about.
public struct ProjectionLine: Sendable, Hashable {
    public var id: String
    public var amount: Money
    public var steps: [TraceStep]
    /// The amount rests on a figure that is not final or not built in.
    ///
    /// Directly or through a line it is computed from (issue 16): `voorlopig`, `verwacht`, or a
    /// file of the user's. Every view shows this; `--json` has it as `voorlopig` on the amount.
    public var provisional: Bool = false
}

/// The answer to "what do I keep if I work N hours in this month?".
public struct Projection: Sendable {
    public var input: ProjectionInput
    public var lines: [ProjectionLine]
    public var exemption: ExemptionOutcome
    public var warnings: [Message]
    /// When this month's holiday reserve is paid out, decided once by ``HolidayReservePayout``.
    public var reservePayoutMonth: CalendarMonth
    /// Figures used by the minimum-wage check (not part of an amount), kept for ``provisional``.
    public var checked: [UsedParameter] = []
    /// Each paying job's wage, in the order of the work history (the lines brutoloon,
    /// loonheffing and nettoloon are their sums).
    public var jobs: [JobWage] = []

    /// Every figure this projection used that is not final or not built in, once each, so a view
    /// can say "voorlopig" and which figures (issue 16).
    public var provisional: [UsedParameter] {
        var seen = Set<String>()
        var out: [UsedParameter] = []
        for u in lines.flatMap({ $0.steps.flatMap(\.parameters) }) + checked
        where u.needsMark && seen.insert(u.id + u.from.description).inserted {
            out.append(u)
        }
        return out
    }

    /// The lines each line is computed from, so a provisional figure marks every amount that
    /// depends on it (and no other).
    static let dependencies: [String: [String]] = [
        Line.tax: [Line.gross], Line.net: [Line.gross, Line.tax],
        Line.holidayPay: [Line.net], Line.exemption: [Line.net, Line.holidayPay],
        Line.counted: [Line.net, Line.holidayPay, Line.exemption],
        Line.topUp: [Line.norm, Line.counted], Line.reserved: [Line.topUp],
        Line.topUpPaid: [Line.topUp, Line.reserved], Line.inHand: [Line.net, Line.topUpPaid],
        Line.saved: [Line.holidayPay, Line.reserved], Line.total: [Line.inHand, Line.saved],
        Line.keep: [Line.total, Line.costs], Line.gain: [Line.keep, Line.norm],
        Line.perHour: [Line.gain],
    ]

    public func amount(_ id: String) -> Money {
        lines.first { $0.id.isSameID(id) }?.amount ?? .zero
    }
    public func line(_ id: String) -> ProjectionLine? { lines.first { $0.id.isSameID(id) } }
    public var topUp: Money { amount(Line.topUp) }
    public var keep: Money { amount(Line.keep) }

    /// Line ids, in display order.
    ///
    /// They are the JSON keys of `--json` (documented in the man page).
    public enum Line {
        public static let norm = "norm"
        public static let gross = "brutoloon"
        public static let tax = "loonheffing"
        public static let net = "nettoloon"
        public static let holidayPay = "vakantiegeld_werkgever"
        public static let other = "ander_inkomen"
        public static let exemption = "vrijlating"
        public static let counted = "meegeteld_inkomen"
        public static let topUp = "aanvulling"
        public static let reserved = "vakantietoeslag_gereserveerd"
        public static let topUpPaid = "aanvulling_uitbetaald"
        public static let inHand = "netto_in_handen"
        public static let saved = "gespaard_voor_later"
        public static let total = "totaal_inkomen"
        public static let costs = "werkkosten"
        public static let keep = "overhouden"
        public static let gain = "meer_dan_zonder_werk"
        public static let perHour = "per_gewerkt_uur"
    }
}

/// The projection engine: pure, no I/O; every amount carries its trace.
public enum Projector {
    static let hoursWarning = 8_000
    static let hoursLimit = 16_800

    /// Projects one month.
    ///
    /// `baseline` is what the household keeps without work (computed when nil).
    public static func project(_ input: ProjectionInput, baseline: Money? = nil) throws
        -> Projection
    {
        var warnings: [Message] = []
        var lines: [ProjectionLine] = []
        var p = ParameterReader(input.month)
        func add(_ id: String, _ amount: Money, _ steps: [TraceStep]) {
            let own = steps.contains { $0.parameters.contains(where: \.needsMark) }
            let inherited = (Projection.dependencies[id] ?? []).contains { dep in
                lines.contains { $0.id == dep && $0.provisional }
            }
            lines.append(
                ProjectionLine(id: id, amount: amount, steps: steps, provisional: own || inherited))
        }
        var checked: [UsedParameter] = []
        for (name, m) in [
            ("--reiskosten", input.travelCosts), ("--opvangkosten", input.childcareCosts),
            ("--ander-inkomen", input.otherIncome),
        ] where m < .zero {
            throw IncomeError.negative(field: name)
        }
        if let s = input.started, s > input.month {
            throw UserError(
                .dataError,
                Message(
                    "income.error.startedAfterMonth",
                    ["started": .month(s), "month": .month(input.month)]))
        }

        // 1. The norm is the first line; it comes from the one bijstand chain (step 4).
        // Art. 20 lid 3: a silent youth norm is the worst kind of wrong number, so say it may apply.
        if input.household.cannotRelyOnParents == nil, input.household.hasYoungAdult,
            try !isAOW(input.household, &p),
            NormParameters.jongVerhoging.index(on: p.date) != nil
        {
            let supplement = try p(NormParameters.jongVerhoging)
            warnings.append(
                Message("income.warning.youthSupplementUnanswered", ["amount": .money(supplement)]))
            checked += p.take()
        }

        // 2. Gross and net wage for the month: each job taxed by its own employer at its own pay
        //    frequency (Loonheffing per inhoudingsplichtige), the month adds them up.
        let first = try wage(input, &p, &warnings, &checked)
        var wages = [(input.jobNumber, first)]
        var totalHours = 0
        if case .hourly(let h, _) = input.work { totalHours += h }
        for j in input.otherJobs {
            var q = input
            q.work = j.work
            q.frequency = j.frequency
            q.withCredit = j.withCredit
            q.share = j.share
            if case .hourly(let h, _) = j.work { totalHours += h }
            wages.append((j.number, try wage(q, &p, &warnings, &checked)))
        }
        if !input.otherJobs.isEmpty, totalHours > hoursLimit {
            throw IncomeError.hoursTooHigh(hundredths: totalHours)
        }
        let withCredit = [input.withCredit] + input.otherJobs.map(\.withCredit)
        if !input.otherJobs.isEmpty, withCredit.filter({ $0 }).count > 1 {
            warnings.append(Message("income.warning.twoCredits"))
        }
        var gross = Money.zero
        var tax = Money.zero
        var net = Money.zero
        var grossSteps: [TraceStep] = []
        var taxSteps: [TraceStep] = []
        var jobs: [JobWage] = []
        for (k, (number, w)) in wages.enumerated() {
            gross = gross + w.gross
            tax = tax + w.tax
            net = net + w.net
            let credit = withCredit[k]
            let frequency = k == 0 ? input.frequency : input.otherJobs[k - 1].frequency
            if k == 0, case .none = input.work {
            } else {
                jobs.append(
                    JobWage(
                        number: number, gross: w.gross, tax: w.tax, net: w.net, withCredit: credit,
                        frequency: frequency, share: w.share))
            }
            if wages.count > 1 {
                let title = TraceStep(Message("income.job.title", ["number": .number(number)]))
                grossSteps += [title] + w.grossSteps
                taxSteps += [title] + w.taxSteps
            } else {
                grossSteps = w.grossSteps
                taxSteps = w.taxSteps
            }
        }
        if wages.count > 1 {
            grossSteps.append(
                TraceStep(Message("income.gross.jobs", ["total": .money(gross)])))
            taxSteps.append(TraceStep(Message("income.tax.jobs", ["total": .money(tax)])))
        }
        add(Projection.Line.gross, gross, grossSteps)
        add(Projection.Line.tax, tax, taxSteps)
        add(
            Projection.Line.net, net,
            [
                TraceStep(
                    Message(
                        "income.net",
                        ["gross": .money(gross), "tax": .money(tax), "net": .money(net)]),
                    reference: LegalReference.law(
                        "Participatiewet", article: "art. 31 lid 3",
                        url: "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel31"))
            ])

        // 3. The employer's holiday pay: counted now, paid later.
        var holidayNet = Money.zero
        if net > .zero {
            let vg = try VakantiegeldWerkgever.compute(.init(gross: gross, net: net), &p)
            if input.policy.holidayPayCountedMonthly {
                holidayNet = vg.netEntitlement
                let counted = TraceStep(
                    Message(
                        "income.holidayPay.counted",
                        ["gross": .money(vg.gross), "net": .money(holidayNet)]),
                    parameters: p.take(), reference: VakantiegeldWerkgever.reference)
                add(
                    Projection.Line.holidayPay, holidayNet,
                    [counted] + (try holidayPayEstimate(vg, gross: gross, net: net, input, &p)))
            } else {
                add(
                    Projection.Line.holidayPay, .zero,
                    [
                        TraceStep(
                            Message("income.holidayPay.whenPaid", ["gross": .money(vg.gross)]),
                            parameters: p.take())
                    ])
            }
        } else {
            add(Projection.Line.holidayPay, .zero, [TraceStep(Message("income.holidayPay.none"))])
        }
        add(
            Projection.Line.other, input.otherIncome,
            [TraceStep(Message("income.other", ["amount": .money(input.otherIncome)]))])

        // 4. The one bijstand chain: norm, exemption on the income from work, counted income,
        //    top-up and the holiday reserve with its payout month (shared with the settlement).
        let workIncome = net + holidayNet
        let chain = try BijstandChain.compute(
            BijstandChainInput(
                month: input.month, household: input.household, workIncome: workIncome,
                otherIncome: input.otherIncome, workMonth: input.workMonth,
                granted: input.exemptionGranted ?? input.policy.exemptionGrantedByDefault,
                payMonth: input.policy.holidayAllowancePayMonth,
                extendedMonths: input.extendedMonths), &p)
        let norm = chain.norm
        // The norm is shown first; it is marked provisional by its own figures (issue 16).
        lines.insert(
            ProjectionLine(
                id: Projection.Line.norm, amount: norm, steps: [chain.normStep],
                provisional: chain.normStep.parameters.contains(where: \.needsMark)), at: 0)
        add(Projection.Line.exemption, chain.exemption.amount, [chain.exemptionStep])
        if chain.exemption.kind == .pib,
            Vrijlating34a.usesTransition(workMonth: input.workMonth, on: input.month),
            let start = Vrijlating34a.start
        {
            warnings.append(Message("income.warning.transition34a", ["start": .month(start)]))
        }
        if let r = input.exemptionRestart, chain.exemption.kind == .pib {
            warnings.append(Message("income.warning.34aNewJob", ["month": .month(r)]))
        }

        // 5. Counted income and the top-up.
        let income = chain.income
        let counted = chain.counted
        let topUp = chain.topUp
        add(
            Projection.Line.counted, counted,
            [
                TraceStep(
                    Message(
                        "income.counted",
                        [
                            "income": .money(income), "exemption": .money(chain.exemption.amount),
                            "counted": .money(counted),
                        ]),
                    reference: Aanvulling.reference)
            ])
        add(
            Projection.Line.topUp, topUp,
            [
                TraceStep(
                    Message(
                        topUp == .zero ? "income.topUp.zero" : "income.topUp",
                        [
                            "norm": .money(norm), "counted": .money(counted),
                            "topUp": .money(topUp),
                        ]),
                    reference: Aanvulling.reference)
            ])
        let reserved = chain.reserved
        add(
            Projection.Line.reserved, reserved,
            [
                TraceStep(
                    Message(
                        "income.reserved",
                        ["amount": .money(reserved), "month": .month(chain.payoutMonth)]),
                    parameters: chain.reservedParameters,
                    reference: VakantietoeslagBijstand.reference)
            ])
        let paid = topUp - reserved
        add(
            Projection.Line.topUpPaid, paid,
            [
                TraceStep(
                    Message(
                        "income.topUpPaid",
                        [
                            "topUp": .money(topUp), "reserved": .money(reserved),
                            "paid": .money(paid),
                        ]))
            ])

        // 6. What the person has, saves and keeps.
        let inHand = net + paid + input.otherIncome
        add(
            Projection.Line.inHand, inHand,
            [
                TraceStep(
                    Message(
                        "income.inHand",
                        [
                            "net": .money(net), "paid": .money(paid),
                            "other": .money(input.otherIncome), "total": .money(inHand),
                        ]))
            ])
        let saved = holidayNet + reserved
        add(
            Projection.Line.saved, saved,
            [
                TraceStep(
                    Message(
                        "income.saved",
                        [
                            "holiday": .money(holidayNet), "reserved": .money(reserved),
                            "total": .money(saved),
                        ]))
            ])
        let total = inHand + saved
        add(
            Projection.Line.total, total,
            [
                TraceStep(
                    Message(
                        "income.total",
                        ["inHand": .money(inHand), "saved": .money(saved), "total": .money(total)]))
            ])
        let costs = input.travelCosts + input.childcareCosts
        add(
            Projection.Line.costs, costs,
            [
                TraceStep(
                    Message(
                        "income.costs",
                        [
                            "travel": .money(input.travelCosts),
                            "childcare": .money(input.childcareCosts), "total": .money(costs),
                        ]))
            ])
        let keep = total - costs
        add(
            Projection.Line.keep, keep,
            [
                TraceStep(
                    Message(
                        "income.keep",
                        ["total": .money(total), "costs": .money(costs), "keep": .money(keep)]))
            ])

        // 7. Compared with not working.
        let base: Money
        if let b = baseline {
            base = b
        } else if case .none = input.work {
            base = keep
        } else {
            var q = input.withoutWork
            q.childcareCosts = .zero
            base = try project(q, baseline: .zero).keep
        }
        let gain = keep - base
        add(
            Projection.Line.gain, gain,
            [
                TraceStep(
                    Message(
                        "income.gain",
                        ["keep": .money(keep), "base": .money(base), "gain": .money(gain)]))
            ])
        if let hpm = input.hundredthsPerMonth, hpm > 0 {
            let perHour = gain.scaled(by: 100, over: Int64(hpm), rounding: .halfUp)
            add(
                Projection.Line.perHour, perHour,
                [
                    TraceStep(
                        Message(
                            "income.perHour",
                            [
                                "gain": .money(gain), "hours": .hours(hpm),
                                "perHour": .money(perHour),
                            ]))
                ])
        }
        return Projection(
            input: input, lines: lines, exemption: chain.exemption, warnings: warnings,
            reservePayoutMonth: chain.payoutMonth, checked: checked, jobs: jobs)
    }

    /// One job's wage: gross, the wage tax its employer withholds and net, with their steps.
    struct Wage {
        var gross = Money.zero
        var tax = Money.zero
        var net = Money.zero
        var grossSteps: [TraceStep] = []
        var taxSteps: [TraceStep] = []
        /// The month's share of the period's pay (a given monthly amount: the month itself).
        var share = MonthShare.average(.maand)
    }

    /// One job's wage for the month; `input` carries the job's work, frequency and credit.
    static func wage(
        _ input: ProjectionInput, _ p: inout ParameterReader, _ warnings: inout [Message],
        _ checked: inout [UsedParameter]
    ) throws -> Wage {
        var gross = Money.zero
        var tax = Money.zero
        var net = Money.zero
        var grossSteps: [TraceStep] = []
        var taxSteps: [TraceStep] = []
        var usedShare = MonthShare.average(.maand)
        switch input.work {
        case .none:
            grossSteps = [TraceStep(Message("income.gross.none"))]
        case .hourly(let h, let wage):
            guard h >= 0, wage >= .zero else {
                throw IncomeError.negative(field: h < 0 ? "--uren" : "--uurloon")
            }
            guard h <= hoursLimit else { throw IncomeError.hoursTooHigh(hundredths: h) }
            if h > hoursWarning {
                warnings.append(Message("income.warning.manyHours", ["hours": .number(h / 100)]))
            }
            checked += try checkMinimumWage(wage, input, &p, &warnings)
            let weekly = wage.scaled(by: Int64(h), over: 100, rounding: .halfUp)
            let period: Money
            switch input.frequency {
            case .week: period = weekly
            case .vierWeken: period = weekly * 4
            case .maand: period = wage.scaled(by: Int64(h) * 52, over: 1_200, rounding: .halfUp)
            }
            // The month's share of the period's pay: the year's average, the payslips paid in the
            // month (each taxed at the period's table on its own), or its working days.
            let share =
                input.frequency == .maand
                ? MonthShare.average(.maand) : (input.share ?? .average(input.frequency))
            let periodResult = try taxFor(period, input, &p)
            let periodTax = periodResult.periodTax
            gross = share.of(period)
            tax = share.of(periodTax)
            usedShare = share
            grossSteps = [
                TraceStep(
                    Message(
                        grossKey(input.frequency, share),
                        ([
                            "hours": .hours(h), "wage": .money(wage), "period": .money(period),
                            "month": .money(gross), "payMonth": .month(input.month),
                        ] as Message.Arguments).merging(shareArguments(share)) { a, _ in a }))
            ]
            if case .averagePayDatesUnknown = share.basis {
                warnings.append(
                    Message(
                        "income.warning.payDatesUnknown." + input.frequency.rawValue,
                        ["month": .month(input.month)]))
            }
            taxSteps = [taxStep(period: period, periodResult, monthTax: tax, input, &p)]
            net = gross - tax
        case .grossMonthly(let g):
            guard g >= .zero else { throw IncomeError.negative(field: "--bruto-maandloon") }
            gross = g
            var q = input
            q.frequency = .maand
            let r = try taxFor(g, q, &p)
            tax = r.periodTax
            grossSteps = [TraceStep(Message("income.gross.monthly", ["month": .money(g)]))]
            taxSteps = [taxStep(period: g, r, monthTax: tax, q, &p)]
            net = gross - tax
        case .netMonthly(let n):
            guard n >= .zero else { throw IncomeError.negative(field: "--netto-maandloon") }
            // The toetsingsinkomen needs the gross wage: derive it by inverting the table.
            net = n
            if n > .zero {
                let d = try BrutoUitNetto.compute(
                    .init(
                        net: n, frequency: .maand, withCredit: input.withCredit,
                        column: try taxColumn(input.household, input.month, &p)), &p)
                gross = d.gross
                tax = gross - net
                grossSteps = [
                    TraceStep(
                        Message(
                            "income.gross.derived", ["net": .money(n), "gross": .money(gross)]),
                        parameters: p.take(), reference: BrutoUitNetto.reference)
                ]
                taxSteps = [TraceStep(Message("income.tax.derived", ["tax": .money(tax)]))]
                warnings.append(Message("income.warning.grossDerived", ["gross": .money(gross)]))
            } else {
                grossSteps = [TraceStep(Message("income.gross.none"))]
                taxSteps = [TraceStep(Message("income.tax.givenNet"))]
            }
        }
        return Wage(
            gross: gross, tax: tax, net: net, grossSteps: grossSteps, taxSteps: taxSteps,
            share: usedShare)
    }

    /// The sentence of an hourly wage's month by its share.
    static func grossKey(_ f: PayFrequency, _ share: MonthShare) -> String {
        let base = "income.gross.hourly." + f.rawValue
        guard f != .maand else { return base }
        switch share.basis {
        case .average, .averagePayDatesUnknown: return base
        case .payslips: return base + ".payslips"
        case .workingDays: return base + ".workingDays"
        }
    }

    static func shareArguments(_ share: MonthShare) -> Message.Arguments {
        switch share.basis {
        case .average, .averagePayDatesUnknown: return [:]
        case .payslips(let n): return ["count": .number(n)]
        case .workingDays(let d, let per): return ["days": .number(d), "periodDays": .number(per)]
        }
    }

    /// The holiday pay's net value when paid, and the range of the counted aanspraak.
    ///
    /// The aanspraak op vakantietoeslag is counted as 8 % of the net wage, a marked estimate: the
    /// tables of the Regeling Participatiewet, IOAW en IOAZ for 2025–2027 were not found. These
    /// steps show what the holiday pay is worth net when paid (tabel bijzondere beloningen), and
    /// the range that the published table shapes (2013, 2015) and that net value give.
    static func holidayPayEstimate(
        _ vg: VakantiegeldWerkgever.Output, gross: Money, net: Money, _ input: ProjectionInput,
        _ p: inout ParameterReader
    ) throws -> [TraceStep] {
        guard vg.gross > .zero, WageTaxParameters.specialRewards.index(on: p.date) != nil else {
            return []
        }
        // The annual wage of the table: this month's gross for the year, with the holiday pay.
        let annual = gross * 12 + vg.gross * 12
        let bb = try BijzondereBeloning.compute(
            .init(
                amount: vg.gross, annualWage: annual, withCredit: input.withCredit,
                column: try taxColumn(input.household, input.month, &p)), &p)
        var steps = [
            TraceStep(
                Message(
                    "income.holidayPay.netWhenPaid",
                    ["rate": .rate(bb.rate), "gross": .money(vg.gross), "net": .money(bb.net)]),
                parameters: p.take(), reference: BijzondereBeloning.reference)
        ]
        let shapes = WageTaxParameters.holidayEntitlementShapes.history.compactMap(\.value)
        let values = shapes.map { $0.entitlement(onNet: net) } + [bb.net, vg.netEntitlement]
        if let low = values.min(), let high = values.max() {
            steps.append(
                TraceStep(
                    Message("income.holidayPay.range", ["low": .money(low), "high": .money(high)]),
                    reference: WageTaxParameters.holidayEntitlementShapes.reference))
        }
        return steps
    }

    static func taxFor(_ period: Money, _ input: ProjectionInput, _ p: inout ParameterReader) throws
        -> WageTaxResult
    {
        try Loonheffing.table(
            .init(
                periodGross: period, frequency: input.frequency, withCredit: input.withCredit,
                column: try taxColumn(input.household, input.month, &p)), &p)
    }

    /// The column of the white table: below AOW age, or at AOW age by year of birth.
    ///
    /// Ages are whole years, so the year of birth is taken as the month's year minus the age (an
    /// 80-year-old in 2026 counts as born in 1946); the difference is the first bracket's length.
    static func taxColumn(_ h: Household, _ month: CalendarMonth, _ p: inout ParameterReader) throws
        -> WageTaxColumn
    {
        guard try isAOW(h, &p) else { return .belowAOW }
        return month.year - h.age <= (try p(WageTaxParameters.aow1945LastBirthYear))
            ? .aow1945 : .aow1946
    }

    static func taxStep(
        period: Money, _ r: WageTaxResult, monthTax: Money, _ input: ProjectionInput,
        _ p: inout ParameterReader
    ) -> TraceStep {
        let key: String
        switch (r.method, r.aboveTable, input.withCredit) {
        case (.approximation, _, true): key = "income.tax.withCredit"
        case (.approximation, _, false): key = "income.tax.withoutCredit"
        case (_, true, _): key = "income.tax.aboveTable"
        case (_, false, true): key = "income.tax.table.withCredit"
        case (_, false, false): key = "income.tax.table.withoutCredit"
        }
        return TraceStep(
            Message(
                key,
                [
                    "period": .money(period), "periodTax": .money(r.periodTax),
                    "monthTax": .money(monthTax), "row": .money(r.periodTableWage),
                    "labourCredit": .money(r.periodLabourCredit),
                    "periods": .number(Int(input.frequency.periodsPerYear)),
                ]),
            parameters: p.take(), reference: Loonheffing.reference)
    }

    static func checkMinimumWage(
        _ wage: Money, _ input: ProjectionInput, _ p: inout ParameterReader,
        _ warnings: inout [Message]
    ) throws -> [UsedParameter] {
        do {
            let minimum = try Minimumuurloon.compute(age: input.household.age, &p)
            if wage < minimum {
                warnings.append(
                    Message(
                        "income.warning.belowMinimumWage",
                        [
                            "wage": .money(wage), "minimum": .money(minimum),
                            "age": .number(input.household.age),
                        ]))
            }
        } catch let e as NotInForce {
            warnings.append(Message("income.warning.minimumWageUnknown", ["date": .date(e.date)]))
        }
        return p.take()  // the minimum wage is a check, not part of an amount
    }
}
