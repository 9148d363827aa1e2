import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasMunicipality
import KompasSettlement
import KompasTestSupport
import Testing

@testable import KompasApp

// Issue 15: one situation, one computation, every view tells the same numbers. Each symptom of
// the issue is a named test; the household is the issue's own (a single parent with children
// of 3 and 7, 20 hours at € 14,71, rent € 720, started March 2026), tried in December 2026.
@Suite struct OneTruthTests {
    static let today = "2026-12-01"
    static let parent = [
        "--zonder-profiel", "--huishouden", "alleenstaande-ouder", "--leeftijd", "35", "--kind",
        "3",
        "--kind", "7", "--uren", "20", "--uurloon", "14,71", "--huur", "720", "--gestart",
        "2026-03",
    ]

    func run(_ args: [String], language: String? = nil) -> AppRun {
        runKompas(args, language: language, today: Self.today)
    }

    static func amsterdam() throws -> MunicipalityFile {
        try #require(try MunicipalityLoader.builtIn("amsterdam"))
    }

    // MARK: The symptoms, one test each

    // Symptom: in December 2026 saved holiday money was "gespaard tot mei 2026" / "Je krijgt het
    // in mei 2026". The reserve of December is paid in the coming May.
    @Test func decemberHolidayReserveIsPaidInTheComingMay() throws {
        let w = run(["watals", "--maand", "2026-12"] + Self.parent)
        #expect(w.code == 0)
        #expect(
            w.out.contains("gespaard tot mei 2027")
                && w.out.contains("Je krijgt het in\n  mei 2027"))
        #expect(!w.out.contains("mei 2026"))
        let s = run(["samenvatting", "--maand", "2026-12"] + Self.parent)
        #expect(s.out.contains("In mei 2027 krijg je vakantiegeld van de gemeente"))
        #expect(!s.out.contains("mei 2026"))
        let v = run([
            "verrekening", "--zonder-profiel", "--maand", "2026-12", "--leeftijd", "30",
            "--loonstroken", TestSupport.path("Fixtures/loonstroken/vierwekelijks-2026.csv").path,
        ])
        #expect(v.out.contains("Dat krijg je in mei 2027"))
        #expect(!v.out.contains("mei 2026"))
        #expect(HolidayPayoutCases.all.allSatisfy { $0.holds })
    }

    // Symptom: the klantmanager summary said "Stadspas nee" and "Collectieve zorgverzekering
    // nee" where `watals` said "ja" (a dead `monthlyValue > 0` test in the caseworker table).
    @Test func klantmanagerSummaryShowsProvisionsAsWatalsDoes() {
        let w = run(["watals", "--maand", "2026-09"] + Self.parent)
        let km = run(
            ["samenvatting", "--voor", "klantmanager", "--maand", "2026-09"] + Self.parent)
        for name in ["Stadspas", "Collectieve zorgverzekering (AV Amsterdam)"] {
            let watalsLine = w.out.split(separator: "\n").first { $0.hasPrefix("  " + name + " (") }
            // The caseworker table is one block per row at 80 columns (issue 22): the line
            // under the provision's name holds its value.
            let kmLines = km.out.split(separator: "\n")
            let at = kmLines.firstIndex { $0 == name }
            let kmLine = at.map { kmLines[$0 + 1] }
            #expect(watalsLine?.hasSuffix(" ja") == true, "\(name) in watals")
            #expect(
                kmLine?.hasSuffix(" ja") == true, "\(name) for the klantmanager: \(kmLine ?? "")")
        }
    }

    // Symptom: `bedragen_centen.totaal_inkomen` 168650 and `totaal_centen.totaal_inkomen` 323147
    // in one JSON while the text showed one "Totaal inkomen"; `meer_dan_zonder_werk` differed.
    @Test func watalsJSONHasOneValuePerConceptAndMatchesTheText() throws {
        let j = run(["watals", "--json", "--maand", "2026-09"] + Self.parent)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Int])
        let totals = try #require(o["totaal_centen"] as? [String: Int])
        for key in ["totaal_inkomen", "overhouden", "meer_dan_zonder_werk", "per_gewerkt_uur"] {
            #expect(amounts[key] != nil && amounts[key] == totals[key], "\(key)")
        }
        let text = run(["watals", "--maand", "2026-09"] + Self.parent).out
        let total = try #require(amounts["totaal_inkomen"])
        let gain = try #require(amounts["meer_dan_zonder_werk"])
        #expect(text.contains("Totaal inkomen") && text.contains(Self.euro(total)))
        #expect(
            text.split(separator: "\n").contains {
                $0.contains("Meer dan zonder werk") && $0.hasSuffix(Self.euro(gain))
            })
    }

    // Symptom: `watals --maand 2026-09` applied the single-parent exemption while `samenvatting`
    // said "Vanaf september 2026 telt je hele loon mee", the sweep "tot € 285,00 minder" and the
    // guide "vanaf juni 2027 … € 232,58 minder". Now every view tells the engine's events.
    @Test func theExemptionStoryIsTheSameInEveryView() throws {
        for (args, month) in [
            (Self.parent, "2026-09"),
            (
                [
                    "--zonder-profiel", "--leeftijd", "30", "--uren", "16", "--uurloon", "14,71",
                    "--gestart", "2026-03",
                ], "2026-05"
            ),
        ] {
            let values = SituationFlags.values(
                try ArgumentParser(table: .standard).parse(["watals"] + args))
            let situation = try SituationReader.read(values)
            let m = try #require(CalendarMonth.parse(month))
            let result = try Engine.evaluate(situation, months: [m], municipality: Self.amsterdam())
            let story = result.exemptionEvents.map { Self.plain(Self.nl().render($0.message)) }
            #expect(!story.isEmpty)
            let views = [
                run(["watals", "--maand", month] + args).out,
                run(
                    ["watals", "--maand", month, "--van", "0", "--tot", "30", "--stap", "4"] + args
                ).out,
                run(["samenvatting", "--maand", month] + args).out,
                run(["samenvatting", "--voor", "klantmanager", "--maand", month] + args).out,
            ]
            // The klantmanager register tells the same events about the client (issue 15 item 5):
            // the same message and arguments, its third-person sentence.
            let nl = Self.nl()
            let thirdPerson = result.exemptionEvents.map { e in
                var m = e.message
                if nl.has(m.key + ".km") { m.key += ".km" }
                return Self.plain(nl.render(m))
            }
            #expect(thirdPerson != story)
            for (n, v) in views.enumerated() {
                for sentence in n == 3 ? thirdPerson : story {
                    #expect(Self.plain(v).contains(sentence), "view \(n) lacks: \(sentence)")
                }
                #expect(!Self.plain(v).contains("tot € 285,00"), "view \(n)")
            }
        }
        let parentStory = run(["samenvatting", "--maand", "2026-09"] + Self.parent).out
        #expect(!Self.plain(parentStory).contains("Vanaf september 2026 telt je hele loon mee"))
    }

    // Symptom: the guide saved *today* as the month the job started (Enter accepted "this
    // month"). The start month must be typed.
    @Test func theGuideNeverTakesTodayAsTheJobStart() {
        let q = Questions.job(
            today: LocalDate.parse("2026-12-01") ?? LocalDate.parse("2026-01-01")!)[0]
        #expect(q.id == "gestart")
        if case .accepted = q.check("", [:]) {
            Issue.record("an empty answer was taken as a month")
        }
        if case .accepted(let v) = q.check("2026-03", [:]) {
            #expect(v == "2026-03")
        } else {
            Issue.record("2026-03 was not accepted")
        }
        if case .accepted(let v) = q.check("03-2026", [:]) {
            #expect(v == "2026-03")
        } else {
            Issue.record("03-2026 was not accepted")
        }
    }

    // Symptom: the guide's summary said "Je hebt nu geen betaald werk" while a payslip was
    // stored. With payslips and no hours it says what it knows and how to give the rest.
    @Test func aSummaryWithStoredPayslipsDoesNotSayThereIsNoWork() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-een-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        #expect(
            runKompas(["profiel", "instellen", "--leeftijd", "35"], environment: env).code == 0)
        let slips = TestSupport.path("Fixtures/loonstroken/vierwekelijks-2026.csv").path
        #expect(runKompas(["loonstrook", "importeer", slips], environment: env).code == 0)
        let s = runKompas(["samenvatting"], today: Self.today, environment: env)
        #expect(s.code == 0, "\(s.err)")
        #expect(!s.out.contains("geen betaald werk"))
        #expect(Self.plain(s.out).contains("Je hebt 13 loonstroken bewaard."))
    }

    // Symptom: one December settlement screen showed the 2026 year reconciliation twice, with
    // two amounts (€ 96,69 and € 193,38 "te veel"). A year is reconciled once, with one number.
    @Test func aDecemberSettlementTellsTheYearReconciliationOnce() {
        let v = run([
            "verrekening", "--zonder-profiel", "--maand", "2026-12", "--leeftijd", "30",
            "--gemeente", "alphen-aan-den-rijn",
            "--loonstroken", TestSupport.path("Fixtures/loonstroken/vierwekelijks-2026.csv").path,
        ])
        #expect(v.code == 0)
        let told = v.out.components(separatedBy: "Na 2026").count - 1
        #expect(told == 1, "the 2026 reconciliation is told \(told) times")
    }

    // Symptom: the guide's settlement for November said "Je kreeg € 1.018,88 te veel" and
    // `verrekening` for December then said "geen verschil". December compared a zero wage (its
    // payslip is not there on 1 December) with an advance paid without wage, which always
    // matches, and forgot the November amount that November said is taken off December's
    // payment. Through the real binary's code with a real store, as the guide runs it.
    @Test func novembersOverpaymentIsNotForgottenInDecember() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-nov-dec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = Self.storeWithPayslipsThroughNovember(dir)
        let nov = runKompas(
            ["verrekening", "--maand", "2026-11"], today: Self.today, environment: env)
        #expect(nov.code == 0, "\(nov.err)")
        let novText = Self.plain(nov.out)
        let tooMuch = try #require(
            novText.firstMatch(of: /Je kreeg (€ [0-9.]+,[0-9]{2}) te veel/)?.output.1)
        #expect(novText.contains("op de betaling in december 2026"))
        let dec = runKompas(
            ["verrekening", "--maand", "2026-12"], today: Self.today, environment: env)
        #expect(dec.code == 0, "\(dec.err)")
        let decText = Self.plain(dec.out)
        #expect(!decText.contains("Er is geen verschil"), "\(dec.out)")
        #expect(decText.contains("Je loonstrook over december 2026 is er nog niet"))
        #expect(
            decText.contains(
                "In november 2026 kreeg je \(tooMuch) te veel. De gemeente houdt dit in op de"
                    + " betaling in december 2026."))
        // The JSON tells the same: the November amount carried in, December's difference null.
        let json = runKompas(
            ["verrekening", "--maand", "2026-12", "--json"], today: Self.today, environment: env)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let carriedAll = try #require(o["verrekend_uit_eerdere_maanden"] as? [[String: Any]])
        #expect(carriedAll.count == 1)
        let carried = try #require(carriedAll.first)
        #expect(carried["maand"] as? String == "2026-11")
        #expect(Self.plain(Self.euro(-(carried["bedrag_centen"] as? Int ?? 0))) == String(tooMuch))
        let amounts = try #require(o["bedragen_centen"] as? [String: Any])
        #expect(amounts["verschil"] is NSNull)
        #expect(o["wacht_op_loonstrook"] as? Bool == true)
    }

    /// A real store with the issue's profile and payslips for March to November 2026.
    static func storeWithPayslipsThroughNovember(_ dir: URL) -> [String: String] {
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let profile = ["profiel", "instellen"] + Self.parent.dropFirst()
        let set = runKompas(Array(profile), today: Self.today, environment: env)
        #expect(set.code == 0, "\(set.err)")
        for m in 3...11 {
            let mm = m < 10 ? "0\(m)" : "\(m)"
            let add = runKompas(
                [
                    "loonstrook", "toevoegen", "--betaaldatum", "2026-\(mm)-25",
                    "--periode-van", "2026-\(mm)-01", "--periode-tot", "2026-\(mm)-28",
                    "--netto", "1180,00", "--bruto", "1274,87", "--werkgever", "Zorg",
                ], today: Self.today, environment: env)
            #expect(add.code == 0, "\(add.err)")
        }
        return env
    }

    // Symptom: December waits for its payslip and its exemption line said "De vrijlating van 6
    // maanden is voorbij", computed on a zero wage, while the single parent's 30 months (artikel
    // 31 lid 2 onder r, started March 2026) still run. It tells the schedule's exemption, as
    // `watals` does for December, and that the amount follows with the payslip.
    @Test func aMonthWaitingForItsPayslipTellsTheExemptionOfTheSchedule() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-dec-vrijlating-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = Self.storeWithPayslipsThroughNovember(dir)
        let dec = runKompas(
            ["verrekening", "--maand", "2026-12"], today: Self.today, environment: env)
        #expect(dec.code == 0, "\(dec.err)")
        let decText = Self.plain(dec.out)
        #expect(!decText.contains("voorbij"), "\(dec.out)")
        let w = run(["watals", "--maand", "2026-12"] + Self.parent)
        let watalsLine = try #require(
            w.out.split(separator: "\n").first { $0.contains("Vrijlating:") }.map {
                Self.plain(String($0))
            })
        #expect(watalsLine.contains("vrijlating alleenstaande ouder"))
        let amount = try #require(watalsLine.firstMatch(of: /(€ [0-9.]+,[0-9]{2})/)?.output.1)
        #expect(
            decText.contains(
                "In december 2026 geldt nog je vrijlating alleenstaande ouder. Met het werk dat"
                    + " Kompas van je weet, is die \(amount). Het echte bedrag volgt als je"
                    + " loonstrook er is."), "\(dec.out)")
        // November has its payslip: its exemption is the rule's own, on the real wage.
        let nov = runKompas(
            ["verrekening", "--maand", "2026-11"], today: Self.today, environment: env)
        #expect(!Self.plain(nov.out).contains("volgt als je loonstrook er is"))
        #expect(!Self.plain(nov.out).contains("voorbij"))
    }

    // Symptom: `verrekening --caseload` settled through `Settlement.figures` on its own and had
    // no column for the differences of earlier months settled on the month's payment, which
    // `verrekening` for the same client shows (March's overpayment taken off April). One client's
    // caseload row is that client's `verrekening` for the month, the carried amount included.
    @Test func aCaseloadRowIsTheClientsOwnSettlementWithTheCarriedMonths() throws {
        let caseload = runKompas(
            [
                "verrekening", "--caseload", TestSupport.path("Fixtures/caseload/klanten.csv").path,
                "--csv", "--scheidingsteken", ",",
            ], today: Self.today)
        let lines = caseload.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header.last == "verrekend_uit_eerdere_maanden")
        let row = try #require(lines.first { $0.hasPrefix("K001,2026-04,") })
        // The CSV has euros for spreadsheets (issue 22); compared here in cents.
        let cells = Dictionary(
            uniqueKeysWithValues: zip(
                header,
                row.split(separator: ",").map {
                    Money.parse(String($0)).map { String($0.cents) } ?? String($0)
                }))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-k001-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        betaaldatum;periode_van;periode_tot;netto;werkgever;frequentie
        2026-03-25;2026-03-01;2026-03-31;800,00;Winkel;maand
        2026-04-24;2026-04-01;2026-04-30;900,00;Winkel;maand

        """.write(to: file, atomically: true, encoding: .utf8)
        let one = runKompas(
            [
                "verrekening", "--zonder-profiel", "--maand", "2026-04", "--huishouden",
                "alleenstaande", "--leeftijd", "35", "--gestart", "2026-01", "--loonstroken",
                file.path, "--json",
            ], today: Self.today)
        #expect(one.code == 0, "\(one.err)")
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Int])
        for (column, line) in [
            ("inkomen", "inkomen"), ("vrijlating", "vrijlating"),
            ("meegeteld", "meegeteld_inkomen"), ("aanvulling", "aanvulling"),
            ("vakantietoeslag", "vakantietoeslag_gereserveerd"),
            ("uitbetaald", "aanvulling_uitbetaald"),
        ] {
            #expect(cells[column] == amounts[line].map(String.init), "\(column)")
        }
        let carried = try #require(o["verrekend_uit_eerdere_maanden"] as? [[String: Any]])
        let sum = carried.compactMap { $0["bedrag_centen"] as? Int }.reduce(0, +)
        #expect(sum != 0, "March's difference is settled on April's payment")
        #expect(cells["verrekend_uit_eerdere_maanden"] == String(sum))
        // The JSON caseload carries the same field.
        let json = runKompas(
            [
                "verrekening", "--caseload",
                TestSupport.path("Fixtures/caseload/klanten.csv").path, "--json",
            ], today: Self.today)
        let j = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let rows = try #require(j["rijen"] as? [[String: Any]])
        let k001 = try #require(
            rows.first { $0["klant"] as? String == "K001" && $0["maand"] as? String == "2026-04" })
        #expect(k001["verrekend_uit_eerdere_maanden_centen"] as? Int == sum)
    }

    // The same across months where the municipality spreads a recovery (schatten, Rotterdam):
    // September's overpayment is still taken off in December, and December says so.
    @Test func aSpreadRecoveryIsToldInEveryMonthItIsTakenOff() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-spread-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var csv = "betaaldatum;periode_van;periode_tot;netto;bruto;uren;werkgever;frequentie\n"
        for m in ["09", "10", "11"] {
            csv += "2026-\(m)-25;2026-\(m)-01;2026-\(m)-28;1180,00;1274,87;87;Zorg;maand\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let base = [
            "verrekening", "--zonder-profiel", "--gemeente", "rotterdam", "--leeftijd", "35",
            "--loonstroken", file.path, "--json",
        ]
        func carried(_ m: String) throws -> [[String: Any]] {
            let r = run(base + ["--maand", m])
            #expect(r.code == 0, "\(r.err)")
            let o = try #require(
                try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            return try #require(o["verrekend_uit_eerdere_maanden"] as? [[String: Any]])
        }
        let sep = try #require(
            try JSONSerialization.jsonObject(
                with: Data(run(base + ["--maand", "2026-09"]).out.utf8)) as? [String: Any])
        let plan = try #require(sep["terugbetalen"] as? [String: Any])
        let perMonth = try #require(plan["per_maand_centen"] as? Int)
        #expect((plan["maanden"] as? Int ?? 0) > 3)
        for m in ["2026-10", "2026-11", "2026-12"] {
            let fromSeptember = try carried(m).filter { $0["maand"] as? String == "2026-09" }
            #expect(fromSeptember.count == 1, "\(m)")
            #expect(fromSeptember.first?["bedrag_centen"] as? Int == -perMonth, "\(m)")
        }
    }

    // One JSON shape for a month: `watals`, `verrekening` and `uren` give the same month object
    // (`maand_resultaat`) for the same situation, with the same ids, in cents, with the marks.
    @Test func theMonthObjectIsOneShapeAcrossCommands() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-maand-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let set = runKompas(
            ["profiel", "instellen"] + Array(Self.parent.dropFirst()), today: Self.today,
            environment: env)
        #expect(set.code == 0, "\(set.err)")
        func month(_ command: String, _ m: String) throws -> [String: Any] {
            let r = runKompas(
                [command, "--maand", m, "--json"], today: Self.today, environment: env)
            #expect(r.code == 0, "\(command): \(r.err)")
            let o = try #require(
                try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            return try #require(o["maand_resultaat"] as? [String: Any], "\(command)")
        }
        for m in ["2026-09", "2026-12", "2027-02"] {
            let w = try month("watals", m)
            let v = try month("verrekening", m)
            let u = try month("uren", m)
            #expect(try Self.canonical(w) == Self.canonical(v), "\(m)")
            #expect(w["maand"] as? String == m && u["maand"] as? String == m)
            let wa = try #require(w["bedragen_centen"] as? [String: Int])
            let ua = try #require(u["bedragen_centen"] as? [String: Int])
            // uren values the work at its own estimate of the hours; the ids are the same.
            #expect(Set(ua.keys).isSubset(of: Set(wa.keys)))
            for id in [LineID.totalIncome, .keep, .gain, .toeslagen, .baseIncome] {
                #expect(ua[id.rawValue] != nil, "uren \(m) has no \(id)")
            }
            #expect(ua[LineID.projection(Projection.Line.norm).rawValue] == wa["norm"])
            // The amounts are the text's amounts: watals shows its total in the same cents.
            let text = run(["watals", "--maand", m] + Self.parent)
            let total = try #require(wa[LineID.totalIncome.rawValue])
            #expect(Self.plain(text.out).contains(Self.plain(Self.euro(total))), "\(m)")
            let marks = try #require(w["voorlopig"] as? [String: Any])
            #expect(marks["bedragen"] is [String] && marks["cijfers"] is [[String: Any]])
        }
    }

    /// Values are read as people type them, by one reader: "3 en 7", English values.
    @Test func valuesAreReadAsPeopleTypeThem() throws {
        #expect(SituationReader.children("3 en 7") == [3, 7])
        #expect(SituationReader.children("3 and 7") == [3, 7])
        #expect(SituationReader.children("3, 7") == [3, 7])
        #expect(SituationReader.children("3 jaar en 7 jaar") == [3, 7])
        #expect(SituationReader.children("drie") == nil)
        #expect(SituationReader.household("single-parent") == .alleenstaandeOuder)
        #expect(SituationReader.household("Alleenstaande ouder") == .alleenstaandeOuder)
        #expect(SituationReader.household("couple") == .samenwonend)
        #expect(SituationReader.frequency("monthly") == .maand)
        #expect(SituationReader.frequency("four-weekly") == .vierWeken)
        let en = run(
            [
                "watals", "--zonder-profiel", "--household", "single-parent", "--age", "35",
                "--child", "3 en 7", "--maand", "2026-09",
            ], language: "en")
        #expect(en.code == 0, "\(en.err)")
        #expect(en.out.contains("children: aged 3, 7"))
    }

    /// The four builders share one reader: the same value is refused the same way, and a
    /// message names the field in the user's words, never a flag.
    @Test func everyBuilderRefusesTheSameValueWithTheSameWords() throws {
        let nl = Self.nl()
        do {
            _ = try SituationReader.read([.age: ["35"], .children: ["drie"]])
            Issue.record("drie accepted")
        } catch {
            let text = nl.render(error.message)
            #expect(text.contains("de leeftijden van je kinderen") && !text.contains("--"))
        }
        let cli = run(["watals", "--zonder-profiel", "--leeftijd", "35", "--kind", "drie"])
        #expect(cli.code == 64 && cli.err.contains("--kind") && cli.err.contains("3 en 7"))
        var parser = CaseloadParser()
        let row = parser.feed(
            #"{"klant":"K1","leeftijd":35,"kinderen":"drie","loonstroken":[]}"#, line: 1)
        guard case .bad(_, let findings)? = row else {
            Issue.record("caseload accepted drie")
            return
        }
        #expect(
            findings.contains { nl.render($0.message).contains("de leeftijden van je kinderen") })
        let guide = GuideChecks.childrenAges("3 en 7", ["huishouden": "alleenstaande-ouder"])
        if case .accepted(let v) = guide {
            #expect(v == "3,7")
        } else {
            Issue.record("guide: \(guide)")
        }
    }

    // MARK: Helpers

    static func nl() -> Localizer {
        let dir = LocaleCatalog.repositoryRoot.appendingPathComponent("Locales")
        let catalog =
            (try? LocaleCatalog.load(from: dir)) ?? LocaleCatalog(directory: dir, tables: [:])
        return Localizer(language: .nl, catalog: catalog)
    }

    /// Text with its line breaks and indentation folded, so a wrapped sentence still matches.
    static func plain(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: {
            $0 == "\n" || $0 == " "
        })
        .joined(separator: " ")
    }

    /// A JSON object as sorted-key text, to compare two objects exactly.
    static func canonical(_ o: [String: Any]) throws -> String {
        String(
            decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]),
            as: UTF8.self)
    }

    static func euro(_ cents: Int) -> String { nl().format.money(Money(cents: Int64(cents))) }
}

/// The payout rule's own cases.
///
/// The reserve of a month is paid in the payout month of its saving year, June to May (artikel
/// 45 lid 1 Pw), never before it is saved; bijstand.amsterdam: "eens per jaar in mei uitbetaald".
enum HolidayPayoutCases {
    struct Case {
        var month: String
        var payMonth: Int
        var paid: String
        var holds: Bool {
            guard let m = CalendarMonth.parse(month) else { return false }
            return HolidayReservePayout.month(for: m, payMonth: payMonth).description == paid
        }
    }
    static let all = [
        Case(month: "2026-12", payMonth: 5, paid: "2027-05"),
        Case(month: "2026-05", payMonth: 5, paid: "2026-05"),
        Case(month: "2026-06", payMonth: 5, paid: "2027-05"),
        Case(month: "2026-01", payMonth: 6, paid: "2026-06"),
        Case(month: "2026-07", payMonth: 6, paid: "2027-06"),
        // Art. 45 lid 1: June pays "over de aan die maand voorafgaande twaalf maanden".
        Case(month: "2026-06", payMonth: 6, paid: "2027-06"),
        Case(month: "2026-05", payMonth: 4, paid: "2027-04"),
    ]
}
