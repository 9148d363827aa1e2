import KompasCore
import KompasIncome
import KompasMunicipality

/// `kompas watals` (whatif): what you keep for N hours, or a sweep over hours.
enum WatalsCommand {
    static let month = FlagSpec(["--maand", "--month"], .value(placeholder: "JJJJ-MM"))
    static let household = FlagSpec(["--huishouden", "--household"], .value(placeholder: "alleenstaande|alleenstaande-ouder|samenwonend"))
    static let age = FlagSpec(["--leeftijd", "--age"], .value(placeholder: "N"))
    static let partnerAge = FlagSpec(["--leeftijd-partner", "--partner-age"], .value(placeholder: "N"))
    static let child = FlagSpec(["--kind", "--child"], .repeated(placeholder: "LEEFTIJD"))
    static let costSharers = FlagSpec(["--kostendelers", "--cost-sharers"], .value(placeholder: "N"))
    static let aow = FlagSpec(["--aow"])
    static let medical = FlagSpec(["--medisch-urenbeperkt", "--medically-limited"])
    static let hours = FlagSpec(["--uren", "--hours"], .value(placeholder: "N"))
    static let hourlyWage = FlagSpec(["--uurloon", "--hourly-wage"], .value(placeholder: "BEDRAG"))
    static let grossMonthly = FlagSpec(["--bruto-maandloon", "--gross-monthly"], .value(placeholder: "BEDRAG"))
    static let netMonthly = FlagSpec(["--netto-maandloon", "--net-monthly"], .value(placeholder: "BEDRAG"))
    static let frequency = FlagSpec(["--frequentie", "--frequency"], .value(placeholder: "week|4weken|maand"))
    static let started = FlagSpec(["--gestart", "--started"], .value(placeholder: "JJJJ-MM"))
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
        let typeRaw = inv.arguments.value(household) ?? "alleenstaande"
        guard let type = HouseholdType(rawValue: typeRaw) else {
            throw UsageError.invalidValue(flag: "--huishouden", value: typeRaw, expected: Message("expect.household"))
        }
        guard let a = try inv.integer(age, range: 0...120) else { throw UsageError.missingFlag(flag: "--leeftijd") }
        let pa = try inv.integer(partnerAge, range: 0...120)
        if type == .samenwonend && pa == nil { throw UsageError.missingFlag(flag: "--leeftijd-partner") }
        if type != .samenwonend && pa != nil { throw UsageError.conflicting("--leeftijd-partner", "--huishouden \(typeRaw)") }
        let kids = try inv.arguments.values(child).map { try Invocation.integer($0, flag: "--kind", range: 0...30) }
        if type == .alleenstaandeOuder && !kids.contains(where: { $0 < 18 }) {
            throw UserError(.usage, Message("income.error.parentWithoutChild"))
        }
        let h = Household(type: type, age: a, partnerAge: pa, childrenAges: kids,
                          costSharers: try inv.integer(costSharers, range: 0...20) ?? 0,
                          aow: inv.arguments.has(aow), medicallyLimited: inv.arguments.has(medical))
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
