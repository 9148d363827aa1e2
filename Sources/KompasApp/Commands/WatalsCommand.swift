import KompasCore
import KompasIncome
import KompasMunicipality

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
    static let hours = FlagSpec(["--uren", "--hours"], .value(placeholder: "N"))
    static let hourlyWage = FlagSpec(["--uurloon", "--hourly-wage"], .value(placeholder: "BEDRAG"))
    static let grossMonthly = FlagSpec(["--bruto-maandloon", "--gross-monthly"], .value(placeholder: "BEDRAG"))
    static let netMonthly = FlagSpec(["--netto-maandloon", "--net-monthly"], .value(placeholder: "BEDRAG"))
    static let frequency = FlagSpec(["--frequentie", "--frequency"], .value(placeholder: "week|4weken|maand"))
    static let started = HouseholdFlags.started
    static let travel = FlagSpec(["--reiskosten", "--travel-costs"], .value(placeholder: "BEDRAG"))
    static let childcare = FlagSpec(["--opvangkosten", "--childcare-costs"], .value(placeholder: "BEDRAG"))
    static let otherIncome = FlagSpec(["--ander-inkomen", "--other-income"], .value(placeholder: "BEDRAG"))
    static let withoutCredit = FlagSpec(["--zonder-loonheffingskorting", "--without-tax-credit"])
    static let from = FlagSpec(["--van", "--from"], .value(placeholder: "UREN"))
    static let to = FlagSpec(["--tot", "--to"], .value(placeholder: "UREN"))
    static let step = FlagSpec(["--stap", "--step"], .value(placeholder: "UREN"))

    static let spec = CommandSpec(
        names: ["watals", "whatif"], summary: "cmd.watals.summary",
        flags: [month, household, age, partnerAge, child, costSharers, aow, medical, hours, hourlyWage,
                grossMonthly, netMonthly, frequency, started, travel, childcare, otherIncome, withoutCredit,
                GlobalFlags.municipality, from, to, step],
        run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first { throw UsageError.unexpectedOperand(extra, command: "watals") }
        let municipality = try MunicipalityResolver.resolve(inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let input = try projectionInput(inv, policy: municipality.incomePolicy)
        let renderer = ProjectionRenderer(inv: inv, municipality: municipality)
        let sweepFlags = [from, to, step].filter { inv.arguments.has($0) }
        if !sweepFlags.isEmpty {
            guard inv.arguments.has(to) else { throw UsageError.missingFlag(flag: "--tot") }
            let f = try inv.hours(from) ?? 0, t = try inv.hours(to)!, s = try inv.hours(step) ?? 100
            let result = try Sweeper.sweep(SweepRequest(base: input, from: f, to: t, step: s))
            let current: Int? = try inv.hours(hours)
            renderer.sweep(result, currentHours: inv.arguments.has(hours) ? current : nil)
            return .ok
        }
        let projection = try Projector.project(input)
        // What changes when the exemption ends: the same month, exemption gone.
        var ended: Projection?
        if case .applies(_, _, let left?) = projection.exemption {
            var q = input; q.exemptionGranted = false
            ended = try Projector.project(q)
            _ = left
        }
        renderer.single(projection, afterExemption: ended)
        return .ok
    }

    /// Builds the engine input from flags; defaults: this month, alleenstaande, no work.
    static func projectionInput(_ inv: Invocation, policy: IncomePolicy) throws -> ProjectionInput {
        let m = try inv.month(month) ?? inv.context.clock.now().calendarMonth
        let h = try HouseholdFlags.parse(inv)
        let freqRaw = inv.arguments.value(frequency) ?? "maand"
        guard let freq = PayFrequency(rawValue: freqRaw) else {
            throw UsageError.invalidValue(flag: "--frequentie", value: freqRaw, expected: Message("expect.frequency"))
        }
        let workFlags = [hourlyWage, grossMonthly, netMonthly].filter { inv.arguments.has($0) }
        if workFlags.count > 1 { throw UsageError.conflicting(workFlags[0].canonical, workFlags[1].canonical) }
        let sweeping = inv.arguments.has(to)
        var work = WorkInput.none
        if let wage = try inv.money(hourlyWage) {
            let hrs = try inv.hours(hours)
            guard hrs != nil || sweeping else { throw UsageError.missingFlag(flag: "--uren") }
            work = .hourly(hundredthsPerWeek: hrs ?? 0, wage: wage)
        } else if inv.arguments.has(hours) {
            throw UsageError.missingFlag(flag: "--uurloon")
        } else if let g = try inv.money(grossMonthly) {
            work = .grossMonthly(g)
        } else if let n = try inv.money(netMonthly) {
            work = .netMonthly(n)
        }
        if sweeping, case .hourly = work {} else if sweeping { throw SweepError.needsHourlyWage }
        return ProjectionInput(month: m, household: h, work: work, frequency: freq, started: try inv.month(started),
                               travelCosts: try inv.money(travel) ?? .zero, childcareCosts: try inv.money(childcare) ?? .zero,
                               otherIncome: try inv.money(otherIncome) ?? .zero, withCredit: !inv.arguments.has(withoutCredit), policy: policy)
    }
}
