import KompasCase
import KompasCore
import KompasIncome
import KompasTotalIncome

extension Situation {
    /// The income engine's input for one month: the situation's first job (or no work).
    public func projectionInput(
        month: CalendarMonth, policy: IncomePolicy, exemptionGranted: Bool? = nil,
        startedDefault: CalendarMonth? = nil
    ) -> ProjectionInput {
        var work = WorkInput.none
        var frequency = PayFrequency.maand
        var withCredit = true
        var travel = Money.zero
        if let j = job {
            frequency = j.frequency
            withCredit = j.withCredit
            travel = j.travelCosts
            switch j.pay {
            case .hourly(let h, let w): work = .hourly(hundredthsPerWeek: h, wage: w)
            case .grossMonthly(let g): work = .grossMonthly(g)
            case .netMonthly(let n): work = .netMonthly(n)
            }
        }
        var started = workStarted
        if started == nil, job != nil { started = startedDefault }
        return ProjectionInput(
            month: month, household: household, work: work, frequency: frequency,
            started: started, travelCosts: travel, childcareCosts: costs.childcareMonthly,
            otherIncome: otherIncome, withCredit: withCredit, policy: policy,
            exemptionGranted: exemptionGranted)
    }

    /// What the toeslagen and provisions need beyond the projection.
    public var householdCosts: HouseholdCosts {
        HouseholdCosts(
            rent: costs.rent, serviceCosts: costs.serviceCosts, childcare: childcare,
            assets: costs.assets, advanceIncome: costs.advanceIncome)
    }
}
