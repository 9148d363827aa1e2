import Foundation
import KompasCore
import KompasMunicipality
import KompasStore

/// `kompas baan` (job): "Ik heb werk gevonden" (issue 21 item 5).
///
/// First a real moment of congratulations, then the projection for the offered hours (the job is
/// saved in the situation through the profile and its one situation reader, as the guide does),
/// then a checklist with dates and the questions to ask before signing.
///
/// Why "meteen": Participatiewet art. 17 lid 1 — "De belanghebbende doet aan het college op
/// verzoek of onverwijld uit eigen beweging mededeling van alle feiten en omstandigheden waarvan
/// hem redelijkerwijs duidelijk moet zijn dat zij van invloed kunnen zijn op zijn
/// arbeidsinschakeling of het recht op bijstand." (BWBR0015703, MinBZK/regelrecht-corpus
/// `regulation/nl/wet/participatiewet/2025-01-01.yaml`). The law names no number of days; the
/// municipalities that do differ (5 working days to 2 weeks, rules-2026.md §1), so Kompas says
/// "before your first working day, or as soon as you can" and names no number.
enum BaanCommand {
    static let payDay = FlagSpec(["--loondag", "--pay-day"], .value(placeholder: "N"))

    static let spec = CommandSpec(
        names: ["baan", "job"], summary: "cmd.baan.summary",
        flags: [
            HouseholdFlags.started, WatalsCommand.hourlyWage, WatalsCommand.hours, payDay,
            GlobalFlags.municipality,
        ] + StoreAccess.flags,
        producesResults: false,
        run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "baan")
        }
        let today = inv.context.clock.now()
        let startRaw = inv.arguments.value(HouseholdFlags.started)
        let start: CalendarMonth
        if let raw = startRaw {
            guard let m = CalendarMonth.parse(raw) else {
                throw UsageError.invalidValue(
                    flag: HouseholdFlags.started.canonical, value: raw,
                    expected: Message("job.expect.month"))
            }
            start = m
        } else {
            start = today.calendarMonth
        }
        var day: Int?
        if let raw = inv.arguments.value(payDay) {
            guard let d = Int(raw), (1...31).contains(d) else {
                throw UsageError.invalidValue(
                    flag: payDay.canonical, value: raw,
                    expected: Message(
                        "application.expect.number", ["min": .number(1), "max": .number(31)]))
            }
            day = d
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let l = inv.context.localizer
        inv.out.print(inv.context.style.bold(inv.t("job.party.title")))
        inv.out.print(inv.t("gids.tone.newJob"))
        inv.out.print(inv.t("job.party.more"))

        // The first step: what the offered hours bring, saved in the situation.
        inv.out.print("")
        inv.out.print(inv.context.style.bold(inv.t("job.projection.title")))
        try saveAndProject(inv, start: start)

        inv.out.print("")
        inv.out.print(inv.context.style.bold(inv.t("job.checklist.title")))
        for m in checklist(
            start: start, today: today, payDay: day, municipality: municipality)
        {
            inv.out.print("- " + l.render(m))
        }
        inv.out.print("")
        inv.out.print(inv.context.style.bold(inv.t("job.contract.title")))
        inv.out.print(inv.t("job.contract.intro"))
        for m in contractQuestions { inv.out.print("- " + l.render(m)) }
        inv.out.print("")
        inv.out.print(inv.t("job.closing"))
        return .ok
    }

    /// Saves the job (start month, and wage and hours when given) in the profile through the same
    /// check as `profiel` and the guide, then shows `watals` for those hours.
    static func saveAndProject(_ inv: Invocation, start: CalendarMonth) throws {
        guard Store.exists(at: StoreAccess.location(inv)) || inv.arguments.has(WatalsCommand.hours)
        else {
            inv.out.print(inv.t("job.projection.noStore"))
            return
        }
        let (store, _, _) = try StoreAccess.openOrCreate(inv)
        var flags =
            (try store.get(ProfielCommand.Profile.self, id: ProfielCommand.recordID, in: .profiel))?
            .flags ?? [:]
        flags[HouseholdFlags.started.canonical] = [start.description]
        if let w = inv.arguments.value(WatalsCommand.hourlyWage) {
            flags[WatalsCommand.hourlyWage.canonical] = [w]
            for f in [WatalsCommand.grossMonthly, WatalsCommand.netMonthly] {
                flags[f.canonical] = nil
            }
        }
        if let h = inv.arguments.value(WatalsCommand.hours) {
            flags[WatalsCommand.hours.canonical] = [h]
        }
        var check = flags
        if check[WatalsCommand.age.canonical] == nil { check[WatalsCommand.age.canonical] = ["30"] }
        try ProfielCommand.check(check, context: inv.context, table: inv.table)
        try store.put(
            ProfielCommand.Profile(flags: flags, savedOn: inv.context.clock.now()),
            id: ProfielCommand.recordID, in: .profiel)
        inv.out.print(inv.t("gids.job.saved"))
        guard flags[WatalsCommand.age.canonical] != nil else {
            inv.out.print(inv.t("job.projection.needHousehold"))
            return
        }
        guard flags[WatalsCommand.hours.canonical] != nil,
            flags[WatalsCommand.hourlyWage.canonical] != nil
                || flags[WatalsCommand.grossMonthly.canonical] != nil
                || flags[WatalsCommand.netMonthly.canonical] != nil
        else {
            inv.out.print(inv.t("job.projection.needHours"))
            return
        }
        // The projection is for the first month of work (a start in the future is not "now").
        var args = [
            "watals", "--maand", max(start, inv.context.clock.now().calendarMonth).description,
        ]
        if let dir = inv.arguments.value(StoreAccess.storeFlag) { args += ["--opslag", dir] }
        if let file = inv.arguments.value(StoreAccess.passphraseFileFlag) {
            args += ["--wachtwoord-bestand", file]
        }
        if let g = inv.arguments.value(GlobalFlags.municipality) { args += ["--gemeente", g] }
        let parsed = try ArgumentParser(table: inv.table).parse(args)
        _ = try WatalsCommand.spec.run(
            Invocation(
                spec: WatalsCommand.spec, arguments: parsed, context: inv.context, table: inv.table)
        )
    }

    /// The first weeks, with dates where the municipality file gives them.
    ///
    /// The income form for the start month is due on the form day of the next month
    /// (`verrekening.inkomstenformulier_dag`); a payslip within `loonstrook_termijn_dagen` of its
    /// pay date. When the employer pays after the form is due (the journey: "mijn baas [is] pas de
    /// zevende van de maand terug, want ik moet mijn loonspecificatie daarvoor al inleveren"), that
    /// is said with what to do.
    static func checklist(
        start: CalendarMonth, today: LocalDate, payDay: Int?, municipality: MunicipalityFile
    ) -> [Message] {
        let s = municipality.settlement
        let firstDay = max(start.firstDay, today)
        let formMonth = start.advanced(by: 1)
        let formDue = formMonth.day(min(s.incomeFormDay.value, formMonth.numberOfDays))
        var m: [Message] = [
            Message("job.check.report", ["date": .date(firstDay)]),
            Message("job.check.form", ["month": .month(start), "date": .date(formDue)]),
        ]
        if s.incomeFormDay.toVerify { m.append(Message("job.check.formToVerify")) }
        if let d = payDay {
            // A pay day early in the month is taken as pay for the month before (paid after it);
            // a later one as pay within the month.
            let payMonth = d <= 10 ? formMonth : start
            let pay = payMonth.day(min(d, payMonth.numberOfDays))
            let due = pay.adding(days: s.payslipDays.value)
            m.append(
                Message(
                    "job.check.payslipDated",
                    ["date": .date(pay), "due": .date(due), "days": .number(s.payslipDays.value)]))
            if pay > formDue {
                m.append(Message("job.check.payAfterForm", ["date": .date(formDue)]))
            }
        } else {
            m.append(Message("job.check.payslip", ["days": .number(s.payslipDays.value)]))
        }
        m += [
            Message("job.check.childcare"),
            Message("job.check.toeslagen"),
            Message("job.check.travel"),
            Message("job.check.applicationDuty"),
        ]
        return m
    }

    /// What to ask before signing, each with one line of why.
    static let contractQuestions: [Message] = [
        Message("job.contract.hours"),
        Message("job.contract.trial"),
        Message("job.contract.sick"),
        Message("job.contract.holiday"),
        Message("job.contract.payDate"),
    ]
}
