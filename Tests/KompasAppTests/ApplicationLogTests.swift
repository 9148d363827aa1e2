import Foundation
import KompasCore
import KompasDocuments
import KompasLocalization
import KompasMunicipality
import Testing

@testable import KompasApp

/// The application log's pure parts (issue 21): periods, what counts, reminders, the evaluation,
/// the municipality's duty as data, and the plain language of every new client text.
@Suite struct ApplicationLogTests {
    static func d(_ s: String) -> LocalDate { LocalDate.parse(s) ?? LocalDate(daysSinceEpoch: 0) }
    static func entry(
        _ date: String, _ employer: String, kind: ActivityKind = .sollicitatie,
        changes: [ApplicationEntry.Change]? = nil, channel: String? = "brief"
    ) -> ApplicationEntry {
        ApplicationEntry(
            kind: kind, date: d(date), employer: employer, role: "bakker", channel: channel,
            vacancyLink: nil, vacancyText: nil, cvCheckID: nil, letterCheckID: nil,
            changes: changes ?? [ApplicationEntry.Change(status: .verstuurd, on: d(date))],
            notes: [])
    }

    @Test func aThreeWeekPeriodCountsWhatFallsInItAndTheDaysLeft() {
        // Agreement from Monday 2 March, 4 per 3 weeks: the period is 2–22 March.
        let p = DutyPeriod.containing(
            Self.d("2026-03-14"), anchor: Self.d("2026-03-02"), weeks: 3, required: 4,
            dates: [
                Self.d("2026-03-01"), Self.d("2026-03-02"), Self.d("2026-03-10"),
                Self.d("2026-03-22"), Self.d("2026-03-23"),
            ])
        #expect(p.start == Self.d("2026-03-02") && p.end == Self.d("2026-03-22"))
        #expect(p.done == 3)
        #expect(p.daysLeft == 9)
        // The next period starts the day after.
        let next = DutyPeriod.containing(
            Self.d("2026-03-23"), anchor: Self.d("2026-03-02"), weeks: 3, required: 4, dates: [])
        #expect(next.start == Self.d("2026-03-23") && next.daysLeft == 21)
        // A day before the anchor belongs to the period before it.
        let before = DutyPeriod.containing(
            Self.d("2026-03-01"), anchor: Self.d("2026-03-02"), weeks: 1, required: 1, dates: [])
        #expect(before.start == Self.d("2026-02-23") && before.end == Self.d("2026-03-01"))
    }

    @Test func onlyAgreedKindsCount() {
        let entries = [
            Self.entry("2026-03-03", "De Korenaar"),
            Self.entry("2026-03-04", "Ans", kind: .netwerkgesprek),
        ]
        let onlyApplications = ApplicationLog.Agreement(
            count: 4, weeks: 3, from: Self.d("2026-03-02"), alsoCounting: [])
        #expect(
            ApplicationLog.period(
                today: Self.d("2026-03-15"), entries: entries, agreement: onlyApplications,
                duty: .unknown)?.done == 1)
        var withTalks = onlyApplications
        withTalks.alsoCounting = [.netwerkgesprek]
        #expect(
            ApplicationLog.period(
                today: Self.d("2026-03-15"), entries: entries, agreement: withTalks,
                duty: .unknown)?.done == 2)
        // Without an agreement and without a verified municipal number there is no period at all.
        #expect(
            ApplicationLog.period(
                today: Self.d("2026-03-15"), entries: entries, agreement: nil, duty: .unknown)
                == nil)
    }

    @Test func aVerifiedMunicipalNumberMakesAPeriodAndAnUnverifiedOneDoesNot() {
        let verified = ApplicationDuty(
            count: 4, periodWeeks: 1, counting: ["sollicitatie"], source: "test",
            verified: "geverifieerd op 2026-12-02")
        let p = ApplicationLog.period(
            today: Self.d("2026-03-15"), entries: [Self.entry("2026-03-10", "X")], agreement: nil,
            duty: verified)
        // Weeks start on Monday: 9–15 March.
        #expect(p?.start == Self.d("2026-03-09") && p?.done == 1 && p?.daysLeft == 1)
        var unverified = verified
        unverified.verified = "te verifiëren: niet gevonden"
        #expect(
            ApplicationLog.period(
                today: Self.d("2026-03-15"), entries: [], agreement: nil, duty: unverified) == nil)
    }

    @Test func remindersComeForUnansweredApplicationsAndPlannedCalls() throws {
        let today = Self.d("2026-03-15")
        let entries = [
            Self.entry("2026-03-03", "De Korenaar"),  // 12 days: remind
            Self.entry("2026-03-13", "Te vroeg"),  // 2 days: not yet
            Self.entry("2026-01-03", "Te laat"),  // long ago: no
            Self.entry(
                "2026-03-01", "Afgewezen",
                changes: [
                    .init(status: .verstuurd, on: Self.d("2026-03-01")),
                    .init(status: .afgewezen, on: Self.d("2026-03-09")),
                ]),
            Self.entry(
                "2026-03-02", "Bellen",
                changes: [
                    .init(status: .verstuurd, on: Self.d("2026-03-02")),
                    .init(
                        status: .nabellen, on: Self.d("2026-03-09"), planned: Self.d("2026-03-17")),
                ]),
            Self.entry("2026-03-05", "Ans", kind: .netwerkgesprek),
        ]
        let r = ApplicationLog.reminders(today: today, entries: entries)
        #expect(r.map(\.employer) == ["Bellen", "De Korenaar"])
        #expect(r.first { $0.employer == "Bellen" }?.plannedOn == Self.d("2026-03-17"))
        #expect(r.first { $0.employer == "De Korenaar" }?.byLetter == true)
        let l = try Localizer(
            language: .nl,
            catalog: LocaleCatalog.load(
                from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales")))
        let lines = ApplicationStatus.lines(
            today: today, entries: entries, agreement: nil, duty: .unknown
        ).map(l.render)
        #expect(
            lines.contains(
                "Je stuurde op 3 maart 2026 een brief naar De Korenaar. Bel je ze deze week?"))
    }

    @Test func theEvaluationRestsOnTheClientsOwnFacts() {
        var e = Self.entry("2026-03-03", "De Korenaar")
        e.changes += [
            .init(status: .gesprek, on: Self.d("2026-03-08")),
            .init(status: .afgewezen, on: Self.d("2026-03-12"), reason: "te weinig ervaring"),
        ]
        e.letterCheckID = "2026-03-01-00000000"
        let all = [e, Self.entry("2026-03-04", "B"), Self.entry("2026-03-05", "C", kind: .cursus)]
        let ev = ApplicationLog.evaluation(of: e, all: all)
        #expect(ev.applicationsSoFar == 2 && ev.interviewsSoFar == 1 && ev.hadInterview)
        let keys = ApplicationStatus.evaluation(ev).map(\.key)
        #expect(keys.contains("application.eval.wentWellInterview"))
        #expect(keys.contains("application.eval.reason"))
        // The letter was checked, the CV not: the next step is the CV check.
        #expect(keys.contains("application.eval.next.checkCV"))
        #expect(keys.contains("application.eval.encourage.interviews"))
        e.letterCheckID = nil
        e.changes.removeAll { $0.status == .gesprek }
        let plain = ApplicationStatus.evaluation(ApplicationLog.evaluation(of: e, all: [e])).map(
            \.key)
        #expect(plain.contains("application.eval.next.checkBoth"))
        #expect(plain.contains("application.eval.wentWell"))
        #expect(plain.contains("application.eval.encourage"))
    }

    @Test func theSameEntryHasTheSameNaturalKeyAndAnotherDayAnother() {
        #expect(
            Self.entry("2026-03-03", "De Korenaar").naturalKey
                == Self.entry("2026-03-03", "De Korenaar").naturalKey)
        #expect(
            Self.entry("2026-03-03", "De Korenaar").naturalKey
                != Self.entry("2026-03-04", "De Korenaar").naturalKey)
    }

    // MARK: The municipality file

    static func file(_ duty: String) -> Data {
        Data(
            """
            {"schema": 1, "id": "proef", "naam": "Proef",
             "inkomen": {
               "vrijlating_standaard": {"waarde": true, "bron": "x", "geverifieerd": "x"},
               "vakantiegeld_maandelijks": {"waarde": true, "bron": "x", "geverifieerd": "x"},
               "vakantietoeslag_maand": {"waarde": 5, "bron": "x", "geverifieerd": "x"}}
             \(duty)}
            """.utf8)
    }

    @Test func aMunicipalityFileMayStateTheNumberWithItsSource() throws {
        let f = try MunicipalityLoader.decode(
            Self.file(
                #", "sollicitatieplicht": {"aantal": 4, "periode_weken": 3, "telt_mee": ["sollicitatie", "netwerkgesprek"], "bron": "beleidsregel", "geverifieerd": "geverifieerd op 2026-12-01"}"#
            ), name: "proef.json")
        #expect(f.applicationDuty.count == 4 && f.applicationDuty.periodWeeks == 3)
        #expect(f.applicationDuty.isKnown)
        // Without the section: unknown, never a number.
        let none = try MunicipalityLoader.decode(Self.file(""), name: "proef.json")
        #expect(none.applicationDuty.count == nil && !none.applicationDuty.isKnown)
    }

    @Test func aMunicipalityFileWithABadNumberOrKindOrNoSourceIsRefused() {
        for (duty, field) in [
            (
                #""aantal": 0, "periode_weken": 1, "bron": "x", "geverifieerd": "x""#,
                "sollicitatieplicht.aantal"
            ),
            (
                #""aantal": 4, "periode_weken": 30, "bron": "x", "geverifieerd": "x""#,
                "sollicitatieplicht.periode_weken"
            ),
            (
                #""telt_mee": ["koffie"], "bron": "x", "geverifieerd": "x""#,
                "sollicitatieplicht.telt_mee"
            ),
            (
                #""aantal": 4, "periode_weken": 1, "bron": " ", "geverifieerd": "x""#,
                "sollicitatieplicht.bron"
            ),
        ] {
            #expect(throws: MunicipalityFileError.self) {
                try MunicipalityLoader.decode(
                    Self.file(", \"sollicitatieplicht\": {\(duty)}"), name: "proef.json")
            }
            do {
                _ = try MunicipalityLoader.decode(
                    Self.file(", \"sollicitatieplicht\": {\(duty)}"), name: "proef.json")
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test func noBuiltInMunicipalityClaimsANumberItDoesNotHave() throws {
        for id in MunicipalityLoader.builtIn.keys {
            let f = try #require(try MunicipalityLoader.builtIn(id))
            #expect(f.applicationDuty.count == nil, "\(id)")
            #expect(f.applicationDuty.toVerify, "\(id)")
            #expect(f.applicationDuty.source.contains("art. 18 lid 1"))
        }
    }

    // MARK: Plain language

    /// Every new client text (the log, the job checklist, and the guide's words for them) passes
    /// the plain-language check in Dutch and in English, and is complete in both.
    @Test func newClientTextsAreB1InDutchAndEnglish() throws {
        let catalog = try LocaleCatalog.load(
            from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales"))
        let prefixes = [
            "application.", "job.", "gids.activity.", "gids.application.", "gids.q.activityKind",
            "gids.q.application", "gids.q.whichApplication", "gids.q.rejectionReason",
            "gids.help.activityKind", "gids.help.applicationEmployer", "gids.help.whichApplication",
            "gids.news.applied", "gids.tone.rejection.short", "cmd.sollicitatie.", "cmd.baan.",
            "status.section.applications", "gids.q.agreement", "gids.help.agreement",
            "gids.agreement.", "gids.q.sendApplications", "gids.why.sendApplications",
            "gids.help.sendApplications", "gids.expect.sendApplications",
            "gids.sync.applicationsKept",
        ]
        func pick(_ table: [String: String]) -> [String: String] {
            table.filter { kv in
                prefixes.contains { kv.key.hasPrefix($0) }
                    && !kv.key.hasPrefix("application.expect.")
            }
        }
        let nl = pick(catalog.tables[.nl] ?? [:])
        let en = pick(catalog.tables[.en] ?? [:])
        #expect(Set(nl.keys) == Set(en.keys))
        #expect(nl.count > 100)
        for (language, table) in [(DocumentLanguage.nl, nl), (.en, en)] {
            let prose = table.keys.sorted().map {
                (table[$0] ?? "").replacingOccurrences(
                    of: #"\{[a-z0-9]+\}"#, with: language == .nl ? "maart" : "March",
                    options: .regularExpression)
            }
            .joined(separator: "\n\n")
            let report = PlainLanguage.check(prose, language: language)
            #expect(report.passes, "\(language): \(report)")
            for (key, text) in table {
                for sentence in text.split(whereSeparator: { ".?!:".contains($0) }) {
                    #expect(sentence.split(separator: " ").count <= 25, "\(key): \(sentence)")
                }
                // Nothing internal reaches the client: no flags, no file names, no record ids.
                #expect(!text.contains("--"), "\(key)")
                #expect(!text.contains(".json") && !text.contains(".db"), "\(key)")
            }
        }
    }
}
