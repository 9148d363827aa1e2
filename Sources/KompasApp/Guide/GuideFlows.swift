import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasMunicipality
import KompasSettlement
import KompasSync
import KompasTotalIncome

/// The guide's tasks. Each asks its questions through ``GuideSession/form(_:flow:)`` and then runs
/// the command that does the job, so the guide and the command line never disagree.
extension GuideSession {
    // MARK: Household

    /// The household questions; the answers become the stored profile (the same record
    /// `kompas profiel` writes), checked with the same code first.
    ///
    /// After the household: who else lives in the home, the municipality, and childcare per
    /// young child, so nothing the computation needs is assumed.
    func householdFlow() throws {
        blank()
        say(t("gids.household.intro"))
        guard
            case .done(var a) = try form(Questions.household + Questions.living, flow: .huishouden)
        else { return }
        let kids = (a["kinderen"] ?? "").split(separator: ",").map(String.init)
        let care = Questions.childcare(ages: kids.compactMap { Int($0) })
        // `terug` at the first childcare question goes back to the municipality question.
        while !care.isEmpty {
            let result = try form(care, flow: .huishouden)
            if case .done(let c) = result {
                a.merge(c) { _, new in new }
                break
            }
            guard case .back = result, case .done(let m) = try form([Questions.municipality])
            else { return }
            a.merge(m) { _, new in new }
        }
        var flags = profile()?.flags ?? [:]
        flags[HouseholdFlags.household.canonical] = [a["huishouden"] ?? "alleenstaande"]
        flags[HouseholdFlags.age.canonical] = a["leeftijd"].map { [$0] }
        flags[HouseholdFlags.partnerAge.canonical] = a["leeftijd-partner"].map { [$0] }
        flags[HouseholdFlags.noParentalSupport.canonical] = a["steun-ouders"].map { [$0] }
        flags[HouseholdFlags.child.canonical] = kids.isEmpty ? nil : kids
        setRent(a, in: &flags)
        setCostSharers(a, in: &flags)
        setMunicipality(a, in: &flags)
        setChildcare(a, ages: kids.compactMap { Int($0) }, in: &flags)
        try saveProfile(flags)
        say(t("gids.household.saved"))
        if a["gemeente"] == "anders" { say(t("gids.municipality.otherNote")) }
        finish()
    }

    func setRent(_ a: [String: String], in flags: inout [String: [String]]) {
        let rent = a["huur"] ?? ""
        flags[WatalsCommand.rent.canonical] = rent.isEmpty ? nil : [rent]
        if rent.isEmpty { flags[WatalsCommand.serviceCosts.canonical] = nil }
        if let service = a["servicekosten"] {
            flags[WatalsCommand.serviceCosts.canonical] = service.isEmpty ? nil : [service]
        }
    }

    func setCostSharers(_ a: [String: String], in flags: inout [String: [String]]) {
        guard let n = a["kostendelers"] else { return }
        flags[HouseholdFlags.costSharers.canonical] = n == "0" ? nil : [n]
    }

    /// "Another municipality" stores none: Kompas then computes with its default and says so.
    func setMunicipality(_ a: [String: String], in flags: inout [String: [String]]) {
        guard let m = a["gemeente"] else { return }
        flags[GlobalFlags.municipality.canonical] = m == "anders" ? nil : [m]
    }

    /// Childcare per child, in the order of the children (the reader's order): hours, price and
    /// kind for every child up to the last one with care (0 hours for a child without).
    func setChildcare(_ a: [String: String], ages: [Int], in flags: inout [String: [String]]) {
        var hours: [String] = []
        var prices: [String] = []
        var kinds: [String] = []
        for (i, age) in ages.enumerated() {
            let h = a["opvang-uren-\(i)"] ?? "0"
            hours.append(h)
            prices.append(a["opvang-prijs-\(i)"] ?? "0")
            kinds.append(a["opvang-soort-\(i)"] ?? (age < 4 ? "dagopvang" : "bso"))
        }
        while let last = hours.last, last == "0" {
            hours.removeLast()
            prices.removeLast()
            kinds.removeLast()
        }
        let w = WatalsCommand.self
        flags[w.careHours.canonical] = hours.isEmpty ? nil : hours
        flags[w.carePrice.canonical] = hours.isEmpty ? nil : prices
        flags[w.careKind.canonical] = hours.isEmpty ? nil : kinds
        // Care per child replaces one monthly amount given before (the reader allows one of the two).
        if !hours.isEmpty { flags[w.childcare.canonical] = nil }
    }

    /// Checks the flags with `kompas profiel instellen`'s own check, then stores them.
    func saveProfile(_ flags: [String: [String]]) throws {
        try ProfielCommand.check(flags, context: context, table: invocation.table)
        guard let store = storeHandle else { return }
        try store.put(
            ProfielCommand.Profile(flags: flags, savedOn: today), id: ProfielCommand.recordID,
            in: .profiel)
    }

    func needHousehold() throws -> Bool {
        if hasHousehold { return true }
        say(t("gids.household.needed"))
        try householdFlow()
        return hasHousehold
    }

    // MARK: What do I keep

    func whatIfFlow() throws {
        guard try needHousehold() else { return }
        let stored = profile()?.flags ?? [:]
        var questions = [Questions.hoursPerWeek]
        if stored[WatalsCommand.hourlyWage.canonical] == nil {
            questions.append(Questions.hourlyWage)
        }
        guard case .done(let a) = try form(questions, flow: .watals), let hours = a["uren"] else {
            return
        }
        var args = ["watals", "--uren", hours]
        if let wage = a["uurloon"] { args += ["--uurloon", wage] }
        blank()
        command(args)
        explainLowerTopUpAhead(args)
        finish()
    }

    /// A lower top-up is explained before it happens, kindly.
    ///
    /// When the engine has exemption events (artikel 31 lid 2 onder n, r, y Participatiewet; from
    /// 2027 artikel 34a), one reassuring line goes under them. The events themselves are the
    /// notes `watals` just showed, so they are not listed a second time.
    func explainLowerTopUpAhead(_ args: [String]) {
        guard let inv = mergedInvocation(WatalsCommand.spec, args),
            let municipality = try? MunicipalityResolver.resolve(
                inv.arguments.value(GlobalFlags.municipality), context: context),
            let situation = try? WatalsCommand.situation(inv),
            let result = try? Engine.evaluate(
                situation, months: [today.calendarMonth], municipality: municipality),
            !result.exemptionEvents.isEmpty
        else { return }
        blank()
        say(t("gids.tone.exemptionAhead"))
    }

    // MARK: Payslips and hours

    func payslipOrHoursFlow() throws {
        guard let kind = try ask(Questions.report, flow: .loonstrook) else { return }
        if kind == "uren" {
            finish()
            try hoursFlow()
        } else {
            try payslipFlow()
        }
    }

    func payslipFlow() throws {
        let before = ((try? storeHandle?.all(Payslip.self, in: .loonstrook)) ?? []).map(\.value)
        guard case .done(let a) = try form(Questions.payslip(today: today), flow: .loonstrook)
        else { return }
        var args = [
            "loonstrook", "toevoegen", "--betaaldatum", a["betaaldatum", default: ""],
            "--periode-van",
            a["periode_van", default: ""],
            "--periode-tot", a["periode_tot", default: ""], "--netto", a["netto", default: ""],
            "--frequentie",
            a["frequentie"] ?? "maand",
        ]
        let employer = a["werkgever"] ?? ""
        if !employer.isEmpty { args += ["--werkgever", employer] }
        if let h = a["uren"], !h.isEmpty { args += ["--gewerkte-uren", h] }
        blank()
        let code = command(args)
        finish()
        guard code == .ok else { return }
        // The first payslip from an employer is a moment that matters: money earned yourself.
        let known = before.contains {
            !employer.isEmpty && $0.employer.lowercased() == employer.lowercased()
        }
        if before.isEmpty || (!employer.isEmpty && !known) {
            say(t("gids.tone.firstPayslip"))
        }
        say(t("gids.payslip.next"))
    }

    func hoursFlow() throws {
        guard case .done(let a) = try form(Questions.hours(today: today), flow: .uren) else {
            return
        }
        blank()
        command([
            "uren", "toevoegen", "--datum", a["datum", default: ""], "--gewerkte-uren",
            a["gewerkt", default: ""],
        ])
        finish()
    }

    // MARK: Settlement

    func settlementFlow() throws {
        guard try needHousehold() else { return }
        guard let month = try ask(Questions.month(today: today), flow: .verrekening) else { return }
        blank()
        say(t("gids.settlement.intro"))
        blank()
        command(["verrekening", "--maand", month])
        finish()
    }

    // MARK: CV and letter

    /// Checks a CV or letter with `kompas controleer`.
    ///
    /// For a letter the guide asks for the vacancy (pasted or a file), so the role, the company and the greeting are checked too; it
    /// says "you can send it" only when no "belangrijk" or "let op" point is open and, for a
    /// letter, the vacancy was there (issue 20).
    func checkFlow() throws {
        guard
            case .done(let a) = try form(
                Questions.document(workingDirectory: context.workingDirectory), flow: .controleer),
            let file = a["bestand"]
        else { return }
        let kind = a["soort"] ?? "cv"
        var args = ["controleer", kind, file]
        var input: [String]?
        if kind == "brief", a["vacature"] == "bestand", let vacancy = a["vacaturebestand"] {
            args += ["--vacature", vacancy]
        } else if kind == "brief", a["vacature"] == "plakken" {
            let pasted = pasteVacancy()
            if !pasted.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                args += ["--vacature", "-"]
                input = pasted
            }
        }
        let withVacancy = args.contains("--vacature")
        blank()
        let code = command(args, input: input)
        finish()
        blank()
        switch code {
        case .ok:
            say(t(kind == "brief" && !withVacancy ? "gids.check.noVacancy" : "gids.check.good"))
        case .findings: say(t("gids.check.findings"))
        default: break
        }
    }

    /// Reads a pasted vacancy up to a line with only the end word ("klaar", "done") or the end of input.
    func pasteVacancy() -> [String] {
        blank()
        say(t("gids.q.vacancyText"))
        let end = t("gids.vacancy.endWord")
        var lines: [String] = []
        while case .line(let l) = reader.readLine() {
            let word = l.trimmingCharacters(in: .whitespaces).lowercased()
            if word == end || word == "klaar" || word == "done" { break }
            lines.append(l)
        }
        return lines
    }

    // MARK: Summary

    func summaryFlow() throws {
        guard try needHousehold() else { return }
        guard case .done(let a) = try form(Questions.summary, flow: .samenvatting) else { return }
        blank()
        if a["vorm"] == "html", let file = a["bestand"] {
            if command(["samenvatting", "--formaat", "html", "--uitvoer", file]) == .ok {
                say(t("gids.summary.written", ["file": .text(file)]))
            }
        } else {
            command(["samenvatting"])
        }
        finish()
    }

    // MARK: Sending to the municipality

    /// Sending is `kompas sync` (issue 7), then what was received is `kompas status`.
    ///
    /// The first
    /// time, the guide asks the endpoint's address and the access code and runs `sync instellen`.
    /// A build where `sync` is still marked as planned says so plainly instead.
    func syncFlow() throws {
        blank()
        if SyncCommand.spec.plannedIssue != nil {
            say(t("gids.sync.notYet"))
            return
        }
        let configured = storeHandle.flatMap { try? SyncSettings.load(from: $0) } != nil
        if !configured {
            say(t("gids.sync.setupIntro"))
            guard case .done(let a) = try form(Questions.syncSetup, flow: .sync),
                let url = a["eindpunt"], let token = a["token"]
            else { return }
            blank()
            guard
                command(
                    ["sync", "instellen", "--eindpunt", url], secrets: ["KOMPAS_SYNC_TOKEN": token])
                    == .ok
            else {
                finish()
                return
            }
        }
        finish()
        // Issue 21: the application log goes only when the client chooses it, here or never.
        try offerApplications()
        say(t("gids.sync.sending"))
        blank()
        let code = command(["sync"])
        blank()
        command(["status"])
        if code == .ok {
            blank()
            say(t("gids.sync.done"))
        }
    }

    // MARK: News about work

    /// The moments that matter most in the customer journey: a new job is congratulated (and the
    /// rules wait until after the joy), a rejection is met with encouragement, an interview with
    /// confidence.
    func workNewsFlow() throws {
        guard let news = try ask(Questions.news, flow: .werk) else { return }
        blank()
        switch news {
        case "baan":
            say(t("gids.tone.newJob"))
            blank()
            say(t("gids.job.intro"))
            // A job already stored stays: the new one is added to the work history, not put in
            // its place.
            let a: [String: String]
            if hasFirstJob {
                guard let other = try addOtherJob(flow: .werk) else { return }
                a = other
            } else {
                guard case .done(let first) = try form(Questions.job(today: today), flow: .werk)
                else { return }
                a = first
                _ = try saveJob(a)
                try moreJobsFlow()
            }
            let flags = profile()?.flags ?? [:]
            if flags[HouseholdFlags.age.canonical] != nil {
                blank()
                command(["watals"])
                explainLowerTopUpAhead(["watals"])
            }
            finish()
            // Issue 21: what to arrange in the first weeks, and what to ask before signing.
            if let m = a["gestart"].flatMap(CalendarMonth.parse) { jobChecklist(start: m) }
        case "gesolliciteerd": try appliedFlow()
        case "afwijzing": try rejectionFlow()
        default: try interviewFlow()
        }
    }

    /// Stores the job's start month, wage and hours in the profile (through the one reader).
    func saveJob(_ a: [String: String]) throws -> [String: [String]] {
        var flags = profile()?.flags ?? [:]
        flags[HouseholdFlags.started.canonical] = a["gestart"].map { [$0] }
        flags[WatalsCommand.hourlyWage.canonical] = a["uurloon"].map { [$0] }
        flags[WatalsCommand.hours.canonical] = a["uren"].map { [$0] }
        for f in [WatalsCommand.grossMonthly, WatalsCommand.netMonthly] {
            flags[f.canonical] = nil
        }
        try saveProfile(flags)
        say(t("gids.job.saved"))
        return flags
    }

    // MARK: Settings

    /// Changes one part of the situation, or the language.
    ///
    /// Household (with housemates, municipality and childcare), work, costs, childcare and
    /// municipality each save through ``saveProfile(_:)``, so through the one situation reader.
    func settingsFlow() throws {
        guard let which = try ask(Questions.settings, flow: .instellingen) else { return }
        finish()
        var flags = profile()?.flags ?? [:]
        switch which {
        case "taal":
            guard let l = try ask(Questions.language(context)), let language = Language(rawValue: l)
            else { return }
            switchLanguage(language)
            setLanguage(l)
            say(t("gids.settings.languageSaved"))
        case "werk":
            try workSettingsFlow()
        case "kosten":
            guard case .done(let a) = try form([Questions.rent, Questions.serviceCosts]) else {
                return
            }
            setRent(a, in: &flags)
            try saveProfile(flags)
            say(t("gids.settings.saved"))
        case "opvang":
            let ages = (flags[HouseholdFlags.child.canonical] ?? []).compactMap { Int($0) }
            let care = Questions.childcare(ages: ages)
            guard !care.isEmpty else {
                say(t("gids.settings.noYoungChildren"))
                return
            }
            guard case .done(let a) = try form(care) else { return }
            setChildcare(a, ages: ages, in: &flags)
            try saveProfile(flags)
            say(t("gids.settings.saved"))
        case "gemeente":
            guard case .done(let a) = try form([Questions.municipality]) else { return }
            setMunicipality(a, in: &flags)
            try saveProfile(flags)
            say(t("gids.settings.saved"))
            if a["gemeente"] == "anders" { say(t("gids.municipality.otherNote")) }
        default:
            try householdFlow()
        }
    }
}
