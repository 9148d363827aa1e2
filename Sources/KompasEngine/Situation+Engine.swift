import KompasCase
import KompasCore
import KompasIncome
import KompasSettlement
import KompasTotalIncome

extension Situation {
    /// The income engine's input for one month: the jobs of the work history that pay in that
    /// month (each taxed by its own employer), or no work.
    ///
    /// The first paying job is ``ProjectionInput/work``, the others ``ProjectionInput/otherJobs``;
    /// travel costs are those of the paying jobs together. A job before its start or after its
    /// end month does not pay; the exemption clock still runs from the first work
    /// (``exemptionClock(month:)``).
    ///
    /// With the municipality's `settlement` policy each job's month counts the share of its
    /// period pay that the settlement will count (``JobMonthShare``: both payslips in a month with
    /// two four-weekly paydays when the municipality counts pay when it is paid), from the job's
    /// pay dates (its ``Job/payDate``, else the newest of the `payslips` of that job); without
    /// it, the year's average (× 13 / 12, × 52 / 12).
    public func projectionInput(
        month: CalendarMonth, policy: IncomePolicy, exemptionGranted: Bool? = nil,
        startedDefault: CalendarMonth? = nil, settlement: SettlementPolicy? = nil,
        payslips: [Payslip] = []
    ) -> ProjectionInput {
        func share(_ n: Int, _ j: Job) -> MonthShare? {
            guard let settlement else { return nil }
            var hourly = false
            if case .hourly = j.pay { hourly = true }
            return JobMonthShare.share(
                .init(
                    frequency: j.frequency, hourly: hourly,
                    anchor: payAnchor(job: n, payslips: payslips), policy: settlement),
                in: month)
        }
        var share1: MonthShare?
        var work = WorkInput.none
        var frequency = PayFrequency.maand
        var withCredit = true
        var travel = Money.zero
        var number = 1
        var others: [JobWork] = []
        for (n, j) in jobs(in: month) {
            travel = travel + j.travelCosts
            if case .none = work {
                work = j.workInput
                frequency = j.frequency
                withCredit = j.withCredit
                number = n
                share1 = share(n, j)
            } else {
                others.append(
                    JobWork(
                        number: n, work: j.workInput, frequency: j.frequency,
                        withCredit: j.withCredit, share: share(n, j)))
            }
        }
        var (started, restart) = exemptionClock(month: month)
        if started == nil, job != nil { started = startedDefault }
        var input = ProjectionInput(
            month: month, household: household, work: work, frequency: frequency,
            started: started, travelCosts: travel, childcareCosts: costs.childcareMonthly,
            otherIncome: otherIncome, withCredit: withCredit, policy: policy,
            exemptionGranted: exemptionGranted)
        input.otherJobs = others
        input.jobNumber = number
        input.extendedMonths = extendedMonths
        input.exemptionRestart = restart
        input.share = share1
        return input
    }

    /// A known pay date of job `n` (1 = the first): the one the person gave, else the newest of
    /// the payslips that belong to the job, paid at its frequency (nil: not known).
    ///
    /// A payslip belongs to the job its employer names (``jobNumber(employer:)``); a payslip
    /// whose employer names no job belongs to the first job when that is the only job paid at
    /// that frequency.
    public func payAnchor(job n: Int, payslips: [Payslip]) -> LocalDate? {
        guard jobs.indices.contains(n - 1) else { return nil }
        let job = jobs[n - 1]
        if let d = job.payDate { return d }
        guard job.frequency != .maand else { return nil }
        let wanted: PayslipFrequency = job.frequency == .week ? .week : .vierWeken
        let sameFrequency = jobs.filter { $0.frequency == job.frequency }.count
        return payslips.filter { slip in
            guard slip.frequency == wanted else { return false }
            if let owner = jobNumber(employer: slip.employer) { return owner == n }
            return n == 1 && sameFrequency == 1
        }.map(\.payDate).max()
    }

    /// The month the exemption clock counts from in `month`, and whether a new job restarted it.
    ///
    /// The first work starts it and a second job does not restart it (artikel 31 lid 2 onder n
    /// and r count the person's "inkomsten uit arbeid" over one period); only under artikel 34a a
    /// job started after the period ran out without extension starts it again (lid 3,
    /// ``Vrijlating34a/restart(firstStart:jobStarts:extendedMonths:on:)``).
    public func exemptionClock(month: CalendarMonth) -> (CalendarMonth?, restart: CalendarMonth?) {
        guard let first = workStarted else { return (nil, nil) }
        let starts = jobs.compactMap(\.started)
        if starts.count > 1,
            let r = Vrijlating34a.restart(
                firstStart: first, jobStarts: starts, extendedMonths: extendedMonths, on: month)
        {
            return (r, r)
        }
        return (first, nil)
    }

    /// What the toeslagen and provisions need beyond the projection.
    public var householdCosts: HouseholdCosts {
        HouseholdCosts(
            rent: costs.rent, serviceCosts: costs.serviceCosts, childcare: childcare,
            assets: costs.assets, advanceIncome: costs.advanceIncome)
    }

    /// The number of the job whose employer is `name` (1 = the first job; nil: no job names it).
    ///
    /// Stored payslips carry their employer's name; this ties them to the work history.
    public func jobNumber(employer name: String) -> Int? {
        jobs.firstIndex { $0.pays(employer: name) }.map { $0 + 1 }
    }
}

extension Job {
    /// The income engine's description of this job's pay.
    public var workInput: WorkInput {
        switch pay {
        case .hourly(let h, let w): return .hourly(hundredthsPerWeek: h, wage: w)
        case .grossMonthly(let g): return .grossMonthly(g)
        case .netMonthly(let n): return .netMonthly(n)
        }
    }
}
