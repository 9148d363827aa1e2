import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasToeslagen
import KompasTotalIncome

/// `kompas watals` (whatif): what you keep for N hours, or a sweep over hours.
enum WatalsCommand {
    static let month = FlagSpec(["--maand", "--month"], .value(placeholder: "JJJJ-MM"))
    static let household = HouseholdFlags.household
    static let age = HouseholdFlags.age
    static let partnerAge = HouseholdFlags.partnerAge
    static let child = HouseholdFlags.child
    static let costSharers = HouseholdFlags.costSharers
    static let aow = HouseholdFlags.aow
    static let medical = HouseholdFlags.medical
    static let noParentalSupport = HouseholdFlags.noParentalSupport
    static let hours = FlagSpec(["--uren", "--hours"], .value(placeholder: "N"))
    static let hourlyWage = FlagSpec(["--uurloon", "--hourly-wage"], .value(placeholder: "BEDRAG"))
    static let grossMonthly = FlagSpec(
        ["--bruto-maandloon", "--gross-monthly"], .value(placeholder: "BEDRAG"))
    static let netMonthly = FlagSpec(
        ["--netto-maandloon", "--net-monthly"], .value(placeholder: "BEDRAG"))
    static let frequency = FlagSpec(
        ["--frequentie", "--frequency"], .value(placeholder: "week|4weken|maand"))
    static let started = HouseholdFlags.started
    static let travel = FlagSpec(["--reiskosten", "--travel-costs"], .value(placeholder: "BEDRAG"))
    static let childcare = FlagSpec(
        ["--opvangkosten", "--childcare-costs"], .value(placeholder: "BEDRAG"))
    static let otherIncome = FlagSpec(
        ["--ander-inkomen", "--other-income"], .value(placeholder: "BEDRAG"))
    static let withoutCredit = FlagSpec(["--zonder-loonheffingskorting", "--without-tax-credit"])
    static let rent = FlagSpec(["--huur", "--rent"], .value(placeholder: "BEDRAG"))
    static let serviceCosts = FlagSpec(
        ["--servicekosten", "--service-costs"], .value(placeholder: "BEDRAG"))
    static let careHours = FlagSpec(
        ["--opvang-uren", "--childcare-hours"], .repeated(placeholder: "UREN"))
    static let carePrice = FlagSpec(
        ["--opvang-uurprijs", "--childcare-price"], .repeated(placeholder: "BEDRAG"))
    static let careKind = FlagSpec(
        ["--opvang-soort", "--childcare-type"], .repeated(placeholder: "dagopvang|bso|gastouder"))
    static let assets = FlagSpec(["--vermogen", "--assets"], .value(placeholder: "BEDRAG"))
    static let advance = FlagSpec(
        ["--voorschot-inkomen", "--advance-income"], .value(placeholder: "BEDRAG"))
    static let from = FlagSpec(["--van", "--from"], .value(placeholder: "UREN"))
    static let to = FlagSpec(["--tot", "--to"], .value(placeholder: "UREN"))
    static let step = FlagSpec(["--stap", "--step"], .value(placeholder: "UREN"))

    static let spec = CommandSpec(
        names: ["watals", "whatif"], summary: "cmd.watals.summary",
        flags: [
            month, household, age, partnerAge, child, costSharers, aow, medical, noParentalSupport,
            hours, hourlyWage,
            grossMonthly, netMonthly, frequency, started, travel, childcare, otherIncome,
            withoutCredit,
            rent, serviceCosts, careHours, carePrice, careKind, assets, advance,
            GlobalFlags.municipality, from, to, step, ProfielCommand.noProfile,
        ] + SituationFlags.workHistory + [SituationFlags.payDate] + StoreAccess.flags,
        run: { try run(ProfielCommand.merged($0)) })

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "watals")
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let situation = try self.situation(inv)
        let m = try inv.month(month) ?? inv.context.clock.now().calendarMonth
        let renderer = ProjectionRenderer(inv: inv, municipality: municipality)
        // One evaluation: the month, its exemption schedule and events, for text, sweep and JSON.
        var options = EvaluationOptions()
        options.storedPayslips = StoredPayslips.forPayDates(inv, situation)
        let sweepFlags = [from, to, step].filter { inv.arguments.has($0) }
        if !sweepFlags.isEmpty {
            guard inv.arguments.has(to) else {
                throw UsageError.missingFlag(flag: inv.flagName(to))
            }
            guard let t = try inv.hours(to) else {
                throw UsageError.missingFlag(flag: inv.flagName(to))
            }
            options.sweep = (try inv.hours(from) ?? 0, t, try inv.hours(step) ?? 100)
        }
        let result = try Engine.evaluate(
            situation, months: [m], municipality: municipality, options: options)
        if let sweep = result.sweep {
            let current: Int? = try inv.hours(hours)
            renderer.sweep(
                sweep, result: result, currentHours: inv.arguments.has(hours) ? current : nil)
            return .ok
        }
        renderer.single(result)
        return .ok
    }

    /// The situation from flags (and the merged profile), checked by the one reader.
    ///
    /// A sweep may give an hourly wage without hours.
    static func situation(_ inv: Invocation) throws -> Situation {
        let sweeping = inv.arguments.has(to)
        let s = try SituationFlags.situation(inv, hoursOptional: sweeping)
        if sweeping {
            guard case .hourly = s.job?.pay else { throw SweepError.needsHourlyWage }
        }
        return s
    }

    /// Rent, childcare per child, assets and the toeslagen advance, from flags (via the situation).
    static func householdCosts(_ inv: Invocation, household h: Household) throws -> HouseholdCosts {
        try situation(inv).householdCosts
    }

    /// Builds the engine input from flags (via the situation); defaults: this month, alleenstaande, no work.
    static func projectionInput(_ inv: Invocation, policy: IncomePolicy) throws -> ProjectionInput {
        let m = try inv.month(month) ?? inv.context.clock.now().calendarMonth
        return try situation(inv).projectionInput(month: m, policy: policy)
    }
}
