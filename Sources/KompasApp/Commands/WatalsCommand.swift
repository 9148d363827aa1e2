import KompasCore
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
        ] + StoreAccess.flags,
        run: { try run(ProfielCommand.merged($0)) })

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "watals")
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let input = try projectionInput(inv, policy: municipality.incomePolicy)
        let costs = try householdCosts(inv, household: input.household)
        let renderer = ProjectionRenderer(inv: inv, municipality: municipality)
        let sweepFlags = [from, to, step].filter { inv.arguments.has($0) }
        if !sweepFlags.isEmpty {
            guard inv.arguments.has(to) else { throw UsageError.missingFlag(flag: "--tot") }
            let f = try inv.hours(from) ?? 0
            guard let t = try inv.hours(to) else { throw UsageError.missingFlag(flag: "--tot") }
            let s = try inv.hours(step) ?? 100
            let result = try TotalSweeper.sweep(
                SweepRequest(base: input, from: f, to: t, step: s), costs: costs,
                provisions: municipality.provisions)
            let current: Int? = try inv.hours(hours)
            renderer.sweep(result, currentHours: inv.arguments.has(hours) ? current : nil)
            return .ok
        }
        let (noWork, noCosts) = TotalIncome.withoutWork(input, costs)
        let baseline = try TotalIncomeCalculator.compute(
            noWork, costs: noCosts, provisions: municipality.provisions, baseline: .zero)
        let total = try TotalIncomeCalculator.compute(
            input, costs: costs, provisions: municipality.provisions)
        // What changes when the exemption ends: the same month, exemption gone.
        var ended: TotalIncome?
        if case .applies(_, _, _?) = total.projection.exemption {
            var q = input
            q.exemptionGranted = false
            ended = try TotalIncomeCalculator.compute(
                q, costs: costs, provisions: municipality.provisions)
        }
        renderer.single(total, baseline: baseline, afterExemption: ended)
        return .ok
    }

    /// Rent, childcare per child, assets and the toeslagen advance, from flags.
    static func householdCosts(_ inv: Invocation, household h: Household) throws -> HouseholdCosts {
        let hours = try inv.arguments.values(careHours).map { raw -> Int in
            guard let v = Invocation.parseHours(raw) else {
                throw UsageError.invalidValue(
                    flag: "--opvang-uren", value: raw, expected: Message("expect.hours"))
            }
            return v
        }
        let prices = try inv.arguments.values(carePrice).map { raw -> Money in
            guard let m = Money.parse(raw), m >= .zero else {
                throw UsageError.invalidValue(
                    flag: "--opvang-uurprijs", value: raw, expected: Message("expect.amount"))
            }
            return m
        }
        let kinds = try inv.arguments.values(careKind).map { raw -> ChildcareKind in
            guard let k = ChildcareKind(rawValue: raw) else {
                throw UsageError.invalidValue(
                    flag: "--opvang-soort", value: raw, expected: Message("expect.childcareKind"))
            }
            return k
        }
        if !hours.isEmpty {
            if inv.arguments.has(childcare) {
                throw UsageError.conflicting("--opvang-uren", "--opvangkosten")
            }
            guard hours.count <= h.childrenAges.count else {
                throw UserError(.usage, Message("totaal.error.careWithoutChild"))
            }
            guard !prices.isEmpty, prices.count == 1 || prices.count == hours.count else {
                throw UsageError.missingFlag(flag: "--opvang-uurprijs")
            }
        }
        var care: [Childcare?] = []
        for (i, age) in h.childrenAges.enumerated() {
            guard i < hours.count, hours[i] > 0 else {
                care.append(nil)
                continue
            }
            let kind = i < kinds.count ? kinds[i] : (age < 4 ? .dagopvang : .buitenschoolseOpvang)
            care.append(
                Childcare(
                    kind: kind, hoursHundredths: hours[i],
                    hourlyPrice: prices.count == 1 ? prices[0] : prices[i]))
        }
        if inv.arguments.has(serviceCosts) && !inv.arguments.has(rent) {
            throw UsageError.missingFlag(flag: "--huur")
        }
        return HouseholdCosts(
            rent: try inv.money(rent), serviceCosts: try inv.money(serviceCosts) ?? .zero,
            childcare: care,
            assets: try inv.money(assets) ?? .zero, advanceIncome: try inv.money(advance))
    }

    /// Builds the engine input from flags; defaults: this month, alleenstaande, no work.
    static func projectionInput(_ inv: Invocation, policy: IncomePolicy) throws -> ProjectionInput {
        let m = try inv.month(month) ?? inv.context.clock.now().calendarMonth
        let h = try HouseholdFlags.parse(inv)
        let freqRaw = inv.arguments.value(frequency) ?? "maand"
        guard let freq = PayFrequency(rawValue: freqRaw) else {
            throw UsageError.invalidValue(
                flag: "--frequentie", value: freqRaw, expected: Message("expect.frequency"))
        }
        let workFlags = [hourlyWage, grossMonthly, netMonthly].filter { inv.arguments.has($0) }
        if workFlags.count > 1 {
            throw UsageError.conflicting(workFlags[0].canonical, workFlags[1].canonical)
        }
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
        return ProjectionInput(
            month: m, household: h, work: work, frequency: freq, started: try inv.month(started),
            travelCosts: try inv.money(travel) ?? .zero,
            childcareCosts: try inv.money(childcare) ?? .zero,
            otherIncome: try inv.money(otherIncome) ?? .zero,
            withCredit: !inv.arguments.has(withoutCredit), policy: policy)
    }
}
