import KompasCase
import KompasCore
import KompasIncome
import KompasTotalIncome

extension Situation {
    /// The income engine's input for one month: the jobs of the work history that pay in that
    /// month (each taxed by its own employer), or no work.
    ///
    /// The first paying job is ``ProjectionInput/work``, the others ``ProjectionInput/otherJobs``;
    /// travel costs are those of the paying jobs together. A job before its start or after its
    /// end month does not pay; the exemption clock still runs from the first work
    /// (``exemptionClock(month:)``).
    public func projectionInput(
        month: CalendarMonth, policy: IncomePolicy, exemptionGranted: Bool? = nil,
        startedDefault: CalendarMonth? = nil
    ) -> ProjectionInput {
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
            } else {
                others.append(
                    JobWork(
                        number: n, work: j.workInput, frequency: j.frequency,
                        withCredit: j.withCredit))
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
        return input
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
