import Foundation
import KompasCase
import KompasCore
import KompasCrypto
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasSettlement
import KompasStore
import KompasTestSupport
import Testing

@testable import KompasApp

// Issue 15, the work history: several jobs, each with its start and end month, pay frequency,
// pay and tax credit; the engine taxes each job by its own employer and adds the month up; the
// exemption clock starts at the first work; art. 34a lid 2 (extension) is carried by the
// situation. Every builder (flags, profile, guide, caseload row) reads it through the one reader.
@Suite struct WorkHistoryTests {
    static func amsterdam() throws -> MunicipalityFile {
        try #require(try MunicipalityLoader.builtIn("amsterdam"))
    }

    /// The situation of `watals` with these flags, through the command-line builder.
    static func situation(_ args: [String]) throws -> Situation {
        let parsed = try ArgumentParser(table: .standard).parse(["watals"] + args)
        return try SituationReader.read(SituationFlags.values(parsed))
    }

    static let household = ["--zonder-profiel", "--leeftijd", "35"]
    /// Job 1: 20 hours at € 14,71 paid monthly from March 2026, with the tax credit.
    static let first = ["--uren", "20", "--uurloon", "14,71", "--gestart", "2026-03"]
    /// Job 2: 8 hours at € 13,50 paid every four weeks from May to October 2026, without the credit.
    static let second =
        "uren=8 uurloon=13,50 frequentie=4weken gestart=2026-05 gestopt=2026-10 zonder-loonheffingskorting"

    func month(_ s: Situation, _ m: String) throws -> MonthResult {
        let r = try Engine.evaluate(
            s, months: [try #require(CalendarMonth.parse(m))], municipality: Self.amsterdam())
        return try #require(r.first)
    }

    // MARK: The engine

    @Test func twoJobsAreTaxedByTheirOwnEmployerAndAddedUp() throws {
        let both = try Self.situation(Self.household + Self.first + ["--baan", Self.second])
        #expect(both.jobs.count == 2)
        // Job 2 alone, as a one-job situation with its own start: what its employer withholds.
        let alone = try Self.situation(
            Self.household + [
                "--uren", "8", "--uurloon", "13,50", "--frequentie", "4weken", "--gestart",
                "2026-05", "--zonder-loonheffingskorting",
            ])
        let onlyFirst = try Self.situation(Self.household + Self.first)
        let june = try month(both, "2026-06")
        let a = try month(onlyFirst, "2026-06")
        let b = try month(alone, "2026-06")
        #expect(june.jobNumbers == [1, 2])
        for id in [Projection.Line.gross, Projection.Line.tax, Projection.Line.net] {
            let one = try #require(a.amount(.projection(id)))
            let two = try #require(b.amount(.projection(id)))
            #expect(june.amount(.job(1, id)) == one, "\(id)")
            #expect(june.amount(.job(2, id)) == two, "\(id)")
            // Totals stay one line each: the sum of the jobs.
            #expect(june.amount(.projection(id)) == one + two, "\(id)")
        }
        // The 4-weekly job: 8 h × € 13,50 × 4 = € 432,00 a period, 13 periods a year: € 468,00 a month.
        #expect(june.amount(.job(2, Projection.Line.gross)) == Money(cents: 46_800))
        // Without the credit the second employer withholds more than it would with it.
        let withCredit = try Self.situation(
            Self.household + [
                "--uren", "8", "--uurloon", "13,50", "--frequentie", "4weken", "--gestart",
                "2026-05",
            ])
        let c = try month(withCredit, "2026-06")
        #expect(
            try #require(b.amount(.projection(Projection.Line.tax)))
                > (try #require(c.amount(.projection(Projection.Line.tax)))))
        // One credit only: no warning.
        #expect(
            !(june.projection?.warnings.contains { $0.key == "income.warning.twoCredits" } ?? true))
    }

    @Test func aJobPaysFromItsStartThroughItsEndMonth() throws {
        let both = try Self.situation(Self.household + Self.first + ["--baan", Self.second])
        let onlyFirst = try Self.situation(Self.household + Self.first)
        for m in ["2026-04", "2026-11"] {
            let r = try month(both, m)
            let o = try month(onlyFirst, m)
            #expect(r.jobNumbers == [1], "\(m)")
            // Before job 2 starts and after it ends the month is the one-job month, line by line.
            #expect(r.lines == o.lines, "\(m)")
        }
        #expect(try month(both, "2026-10").jobNumbers == [1, 2])
        // The first job ending: from the month after, job 2 is the only one that pays.
        let firstEnds = try Self.situation(
            Self.household + Self.first + [
                "--gestopt", "2026-07", "--baan", "uren=8 uurloon=13,50 gestart=2026-05",
            ])
        let aug = try month(firstEnds, "2026-08")
        #expect(aug.jobNumbers == [2])
        #expect(aug.amount(.job(2, Projection.Line.gross)) == aug.amount(.projection("brutoloon")))
    }

    @Test func theExemptionClockStartsAtTheFirstWorkAndASecondJobDoesNotRestartIt() throws {
        // Art. 31 lid 2 onder n: "gedurende ten hoogste zes maanden", for the person's income from
        // work; a second job from May does not give six new months.
        let both = try Self.situation(Self.household + Self.first + ["--baan", Self.second])
        let june = try month(both, "2026-06")
        #expect(june.projection?.input.workMonth == 4)
        let sept = try month(both, "2026-09")
        #expect(sept.projection?.exemption.kind == nil)
        // The exemption is 25 % of both jobs' net together, up to the maximum.
        let net = try #require(june.amount(.projection(Projection.Line.net)))
        let exemption = try #require(june.amount(.projection(Projection.Line.exemption)))
        #expect(exemption > .zero && exemption <= net)
        let r = try Engine.evaluate(
            both, months: [CalendarMonth("2026-06")], municipality: Self.amsterdam())
        #expect(r.exemptionEvents.first?.month == CalendarMonth("2026-09"))
    }

    @Test func twoEmployersWithTheCreditAreWarnedKindly() throws {
        let s = try Self.situation(
            Self.household + Self.first + ["--baan", "uren=8 uurloon=13,50 gestart=2026-05"])
        let june = try month(s, "2026-06")
        #expect(
            june.projection?.warnings.contains { $0.key == "income.warning.twoCredits" } == true)
        let w = runKompas(
            ["watals", "--maand", "2026-06"] + Self.household + Self.first + [
                "--baan", "uren=8 uurloon=13,50 gestart=2026-05",
            ])
        #expect(w.code == 0, "\(w.err)")
        #expect(w.err.contains("Twee werkgevers passen de loonheffingskorting toe"))
        #expect(w.err.contains("Belastingdienst vraagt dat later terug"))
        // Per job and the sums, each amount once, in the text.
        #expect(w.out.contains("baan 1") && w.out.contains("baan 2"))
        let flat = w.out.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("baan 2: 8 uur per week"), "\(w.out)")
    }

    @Test func artikel34aLid3RestartsOnlyForANewJobAfterThePeriodRanOut() {
        // The twelve months of 34a run January–December 2027 for work started in 2026.
        let first = CalendarMonth("2026-01")
        #expect(
            Vrijlating34a.restart(
                firstStart: first, jobStarts: [first, CalendarMonth("2028-02")], extendedMonths: 0,
                on: CalendarMonth("2028-03")) == CalendarMonth("2028-02"))
        // A job started while the period runs does not restart it.
        #expect(
            Vrijlating34a.restart(
                firstStart: first, jobStarts: [first, CalendarMonth("2027-06")], extendedMonths: 0,
                on: CalendarMonth("2027-09")) == nil)
        // Extended by six months (lid 2): in February 2028 the period still runs.
        #expect(
            Vrijlating34a.restart(
                firstStart: first, jobStarts: [first, CalendarMonth("2028-02")], extendedMonths: 6,
                on: CalendarMonth("2028-03")) == nil)
        // Not before the new job starts.
        #expect(
            Vrijlating34a.restart(
                firstStart: first, jobStarts: [first, CalendarMonth("2028-02")], extendedMonths: 0,
                on: CalendarMonth("2028-01")) == nil)
    }

    @Test func theExtensionOfArtikel34aLid2IsCarriedByTheSituation() throws {
        let args =
            Self.household + ["--uren", "20", "--uurloon", "15,00", "--gestart", "2027-01"]
        let plain = try Self.situation(args)
        let extended = try Self.situation(args + ["--verlenging-34a", "6"])
        #expect(plain.extendedMonths == 0 && extended.extendedMonths == 6)
        let dec = try month(plain, "2027-12").projection?.exemption
        let decExtended = try month(extended, "2027-12").projection?.exemption
        #expect(dec == .applies(.pib, amount: dec?.amount ?? .zero, monthsLeft: 0))
        #expect(
            decExtended == .applies(.pib, amount: decExtended?.amount ?? .zero, monthsLeft: 6))
        // The same in the settlement: the preview's exemption uses the situation's extension.
        let input = try extended.projectionInput(
            month: CalendarMonth("2027-12"), policy: Self.amsterdam().incomePolicy)
        #expect(input.extendedMonths == 6)
    }

    @Test func storedPayslipsBelongToTheJobOfTheirEmployer() throws {
        let text = try String(
            contentsOf: TestSupport.path("Fixtures/loonstroken/twee-werkgevers.json"),
            encoding: .utf8)
        let slips = PayslipReader.readJSON(text).rows.map(\.payslip)
        #expect(slips.count == 3)
        let s = try Self.situation(
            Self.household + Self.first + [
                "--werkgever", "winkel",
                "--baan",
                "uren=8 uurloon=13,50 frequentie=4weken gestart=2026-02 werkgever=Schoonmaak",
            ])
        let r = try Engine.evaluate(
            s, months: [CalendarMonth("2026-03")], municipality: Self.amsterdam(),
            options: EvaluationOptions(payslips: slips, settle: true))
        for slip in slips {
            #expect(
                r.payslipJobs[slip.id] == (slip.employer == "Winkel" ? 1 : 2), "\(slip.employer)")
        }
    }

    // MARK: The builders

    @Test func theCommandLineReadsEachJobAndNamesTheJobInItsErrors() throws {
        let s = try Self.situation(
            Self.household + Self.first + [
                "--werkgever", "Thuiszorg Oost",
                "--baan", Self.second + " werkgever=\"Bakkerij de Roos\" reiskosten=12,50",
                "--baan", "hours=4 hourly-wage=15.00 frequency=weekly started=2026-06",
            ])
        #expect(s.jobs.count == 3)
        #expect(s.jobs[0].employer == "Thuiszorg Oost")
        let j = s.jobs[1]
        #expect(j.pay == .hourly(hundredthsPerWeek: 800, wage: Money(cents: 1_350)))
        #expect(j.frequency == .vierWeken && !j.withCredit)
        #expect(j.started == CalendarMonth("2026-05") && j.ended == CalendarMonth("2026-10"))
        #expect(j.employer == "Bakkerij de Roos" && j.travelCosts == Money(cents: 1_250))
        #expect(s.jobs[2].frequency == .week && s.jobs[2].withCredit)
        #expect(s.jobNumber(employer: "bakkerij de roos ") == 2)
        // The reader's errors name the field in the user's words and the job; the command line
        // adds its flag.
        let missing = runKompas(
            ["watals", "--maand", "2026-06"] + Self.household + Self.first + ["--baan", "uren=8"])
        #expect(missing.code == 64)
        #expect(missing.err.contains("--baan (baan 2): Kompas mist nog je bruto uurloon."))
        let english = runKompas(
            ["watals", "--maand", "2026-06"] + Self.household + Self.first + [
                "--baan", "uren=8 uurloon=veertien",
            ], language: "en")
        #expect(english.code == 64)
        #expect(english.err.contains("--baan (job 2):"), "\(english.err)")
        let unknown = runKompas(
            ["watals"] + Self.household + Self.first + ["--baan", "uren=8 salaris=2000"])
        #expect(unknown.code == 64 && unknown.err.contains("salaris=2000"))
        let backwards = runKompas(
            ["watals"] + Self.household + Self.first + [
                "--baan", "uren=8 uurloon=14 gestart=2026-06 gestopt=2026-02",
            ])
        #expect(
            backwards.code == 64 && backwards.err.contains("ligt voor de maand waarin je begon"))
        let range = runKompas(
            ["watals"] + Self.household + Self.first + ["--verlenging-34a", "500"])
        #expect(range.code == 64 && range.err.contains("--verlenging-34a"))
        // The reader itself: the same error without any flag.
        #expect(throws: SituationError.inJob(number: 2, .missing(.hourlyWage))) {
            _ = try SituationReader.read(
                [.age: ["35"], .otherJob: ["uren=8"]].merging(
                    [.hourlyWage: ["14,71"], .hours: ["20"]]) { a, _ in a })
        }
    }

    @Test func theJSONMonthHasEachJobAndTheTotals() throws {
        let w = runKompas(
            ["watals", "--maand", "2026-06", "--json"] + Self.household + Self.first + [
                "--baan", Self.second,
            ])
        #expect(w.code == 0, "\(w.err)")
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(w.out.utf8)) as? [String: Any])
        let month = try #require(o["maand_resultaat"] as? [String: Any])
        let jobs = try #require(month["banen"] as? [[String: Any]])
        #expect(jobs.map { $0["baan"] as? Int } == [1, 2])
        let totals = try #require(month["bedragen_centen"] as? [String: Int])
        let gross = jobs.compactMap { ($0["bedragen_centen"] as? [String: Int])?["brutoloon"] }
        #expect(gross.count == 2 && gross.reduce(0, +) == totals["brutoloon"])
        #expect(gross[1] == 46_800)
        let input = try #require(o["invoer"] as? [String: Any])
        #expect((input["andere_banen"] as? [[String: Any]])?.first?["baan"] as? Int == 2)
        // One job: one entry, the same totals as before.
        let one = runKompas(
            ["watals", "--maand", "2026-06", "--json"] + Self.household + Self.first)
        let o1 = try #require(
            try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
        let m1 = try #require(o1["maand_resultaat"] as? [String: Any])
        #expect((m1["banen"] as? [[String: Any]])?.count == 1)
    }

    @Test func aVersionOneProfileReadsAsVersionTwo() throws {
        // A profile stored by the Kompas of yesterday: situation version 1, one job, no end
        // month, no employer, no extension. Its JSON is what that version wrote (the keys of
        // version 2 taken out).
        let today = try Self.situation(Self.household + Self.first)
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(today)) as? [String: Any])
        object["version"] = 1
        object["extendedMonths"] = nil
        if var jobs = object["jobs"] as? [[String: Any]] {
            for i in jobs.indices {
                jobs[i]["ended"] = nil
                jobs[i]["employer"] = nil
            }
            object["jobs"] = jobs
        }
        let profile: [String: Any] = [
            "flags": ["--leeftijd": ["35"], "--uren": ["20"], "--uurloon": ["14,71"]],
            "savedOn": try JSONSerialization.jsonObject(
                with: JSONEncoder().encode(LocalDate("2026-03-01")),
                options: .fragmentsAllowed),
            "situation": object,
        ]
        let data = try JSONSerialization.data(withJSONObject: profile)
        #expect(String(decoding: data, as: UTF8.self).contains("\"version\":1"))
        let read = try JSONDecoder().decode(ProfielCommand.Profile.self, from: data)
        let s = try #require(read.situation)
        #expect(s.version == 2)
        #expect(s.jobs == today.jobs && s.jobs.first?.ended == nil)
        #expect(s.extendedMonths == 0)
        #expect(s.household == today.household)
        // A newer version than this Kompas knows is refused, not half read.
        object["version"] = 3
        let newer = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(Situation.self, from: newer)
        }
    }

    @Test func aVersionOneProfileInARealStoreIsReadByTheCommands() throws {
        // The same v1 record written into a real store file, then read by the commands.
        let folder = StorePromiseTests.Folder()
        let env = folder.env()
        let set = runKompas(
            ["profiel", "instellen"] + Array(Self.household.dropFirst()) + Self.first,
            environment: env)
        #expect(set.code == 0, "\(set.err)")
        let store = try Store.open(at: folder.store, passphrase: Passphrase(StorePromiseTests.pass))
        let data = try #require(try store.get(id: ProfielCommand.recordID, in: .profiel))
        var record = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var situation = try #require(record["situation"] as? [String: Any])
        situation["version"] = 1
        situation["extendedMonths"] = nil
        record["situation"] = situation
        try store.put(
            try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]),
            id: ProfielCommand.recordID, in: .profiel)
        let shown = runKompas(["profiel", "toon", "--json"], environment: env)
        #expect(shown.code == 0, "\(shown.err)")
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        #expect(o["versie"] as? Int == 2)
        let w = runKompas(["watals", "--maand", "2026-06", "--json"], environment: env)
        #expect(w.code == 0, "\(w.err)")
        #expect(w.out.contains("\"baan\" : 1"))
    }

    @Test func theProfileStoresTheWorkHistory() throws {
        let p = ProfielCommand.Profile(
            flags: [
                "--leeftijd": ["35"], "--uren": ["20"], "--uurloon": ["14.71"],
                "--baan": [Self.second], "--verlenging-34a": ["3"], "--gestopt": ["2026-12"],
            ], savedOn: LocalDate("2026-03-01"))
        let s = try #require(p.situation)
        #expect(s.version == 2 && s.jobs.count == 2 && s.extendedMonths == 3)
        #expect(s.jobs[0].ended == CalendarMonth("2026-12"))
        #expect(s.jobs[1].frequency == .vierWeken)
    }

    @Test func aCaseloadRowCarriesTheExtension() throws {
        var parser = CaseloadParser()
        let header =
            "klant;leeftijd;gestart;verlenging_34a;werkgever;betaaldatum;periode_van;periode_tot;netto"
        _ = parser.feed(Substring(header), line: 1)
        _ = parser.feed(
            "K1;35;2027-01;4;Bakkerij;2027-02-25;2027-02-01;2027-02-28;800,00", line: 2)
        let item = parser.finish()
        guard case .client(let c)? = item else {
            Issue.record("no client: \(String(describing: item))")
            return
        }
        #expect(c.situation.extendedMonths == 4)
        var bad = CaseloadParser()
        _ = bad.feed(Substring(header), line: 1)
        _ = bad.feed("K2;35;2027-01;veel;Bakkerij;2027-02-25;2027-02-01;2027-02-28;800,00", line: 2)
        guard case .bad(_, let findings)? = bad.finish() else {
            Issue.record("K2 was not refused")
            return
        }
        #expect(findings.contains { $0.message.key == "situatie.error.invalid" })
    }
}
