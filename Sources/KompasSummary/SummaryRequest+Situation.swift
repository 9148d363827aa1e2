import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasSettlement

extension SummaryRequest {
    /// The summary of `situation` from month `first` in `municipality`: the month's input and
    /// costs, the municipality's facts, and what the municipality decides (issue 15: decided
    /// here, once, not in the command).
    ///
    /// The income-form deadline is named as a day only when the municipality's file confirms it
    /// (otherwise the text points to the municipality's letter); a month with an extra payday is
    /// counted as the municipality's settlement method says (``ExtraPaydayEffect``).
    public init(
        situation: Situation, first: CalendarMonth, municipality: MunicipalityFile,
        audience: Audience, pay: PaySchedule, rentDay: Int, fixedCosts: [FixedCost],
        contact: ContactPerson?, storedPayslips: Int
    ) {
        let input = situation.projectionInput(month: first, policy: municipality.incomePolicy)
        let day = municipality.settlement.incomeFormDay
        self.init(
            base: input, costs: situation.householdCosts, provisions: municipality.provisions,
            municipality: MunicipalityFacts(municipality), audience: audience, pay: pay,
            rentDay: rentDay, fixedCosts: fixedCosts, contact: contact,
            deadlineDay: day.toVerify ? nil : day.value)
        self.storedPayslips = storedPayslips
        extraPaydayEffect = ExtraPaydayEffect.of(municipality, frequency: input.frequency)
    }

    /// The months the summary shows, from its first.
    public var shownMonths: [CalendarMonth] {
        (0..<max(1, months)).map { base.month.advanced(by: $0) }
    }

    /// The evaluation the summary needs: for a job paid by the hour the hours chart's sweep,
    /// which reaches at least the hours worked, in whole steps.
    public func evaluationOptions(_ situation: Situation) -> EvaluationOptions {
        var options = EvaluationOptions()
        if case .hourly(let h, _)? = situation.job?.pay {
            options.sweep = (
                0, max(sweepTo, ((h + sweepStep - 1) / sweepStep) * sweepStep), sweepStep
            )
        }
        return options
    }
}

extension MunicipalityFacts {
    /// The facts of a municipality's data file the summary names: its policy choices (the
    /// exemption by default, holiday pay counted monthly, the month the holiday allowance is
    /// paid), each with its source and whether it is still to verify.
    public init(_ m: MunicipalityFile) {
        let i = m.income
        func method<T>(_ field: String, _ f: PolicyValue<T>, _ value: String) -> PolicyMethod {
            PolicyMethod(field: field, value: value, source: f.source, toVerify: f.toVerify)
        }
        self.init(
            id: m.id, name: m.name,
            methods: [
                method(
                    "inkomen.vrijlating_standaard", i.exemptionGrantedByDefault,
                    i.exemptionGrantedByDefault.value ? "ja" : "nee"),
                method(
                    "inkomen.vakantiegeld_maandelijks", i.holidayPayCountedMonthly,
                    i.holidayPayCountedMonthly.value ? "ja" : "nee"),
                method(
                    "inkomen.vakantietoeslag_maand", i.holidayAllowancePayMonth,
                    String(i.holidayAllowancePayMonth.value)),
            ])
    }
}

extension PaySchedule {
    /// Without a pay date given, the newest stored payslip paid every week or four weeks fixes
    /// the pay pattern (nil for monthly pay, or without such a payslip).
    public static func knownPayDate(frequency: PayFrequency, payslips: [Payslip]) -> LocalDate? {
        guard frequency != .maand else { return nil }
        let wanted: PayslipFrequency = frequency == .week ? .week : .vierWeken
        return payslips.filter { $0.frequency == wanted }.map(\.payDate).max()
    }
}
