import Foundation
import KompasCore
import KompasMunicipality

/// The guide's side of the application log (issue 21): "Ik heb gesolliciteerd", an interview or a
/// rejection for one of the logged applications, and the first weeks after "Ik heb een baan!".
///
/// Every save runs `kompas sollicitatie` itself (one code path per job).
extension GuideSession {
    static let activityChoices: [GuideChoice] = ActivityKind.allCases.map {
        GuideChoice(
            value: $0.rawValue, label: Message("gids.activity." + $0.rawValue),
            words: [$0.rawValue])
    }

    /// "Ik heb gesolliciteerd of iets gedaan om werk te vinden": ask what, where and when, save it.
    func appliedFlow() throws {
        let questions = [
            GuideQuestion(
                id: "soort", prompt: Message("gids.q.activityKind"), why: nil,
                help: Message("gids.help.activityKind"), choices: Self.activityChoices,
                check: GuideChecks.choice(Self.activityChoices)),
            GuideQuestion(
                id: "werkgever", prompt: Message("gids.q.applicationEmployer"), why: nil,
                help: Message("gids.help.applicationEmployer"),
                check: GuideChecks.text(optional: false)),
            GuideQuestion(
                id: "functie", prompt: Message("gids.q.applicationRole"), why: nil,
                help: Message("gids.help.optional"), check: GuideChecks.text(optional: true),
                applies: { $0["soort"] == ActivityKind.sollicitatie.rawValue }),
            GuideQuestion(
                id: "datum", prompt: Message("gids.q.applicationDate"), why: nil,
                help: Message("gids.help.date"), check: GuideChecks.date(today: today)),
        ]
        guard case .done(let a) = try form(questions, flow: .werk), let kind = a["soort"],
            let employer = a["werkgever"], let date = a["datum"]
        else { return }
        finish()
        var args = [
            "sollicitatie", "toevoegen", "--soort", kind, "--werkgever", employer, "--datum", date,
        ]
        if let role = a["functie"], !role.isEmpty { args += ["--functie", role] }
        blank()
        guard command(args) == .ok else { return }
        try askAgreementOnce()
    }

    /// Before sending, the entries the contact person does not see yet are listed.
    ///
    /// The client chooses all, some by number, or none. Nothing is sent unchosen.
    func offerApplications() throws {
        guard let store = storeHandle, let all = try? ApplicationStore.all(store) else { return }
        let unsent = all.filter { $0.objectUUID == nil }
        guard !unsent.isEmpty else { return }
        command(["sollicitatie", "lijst"])
        blank()
        let count = all.count
        let q = GuideQuestion(
            id: "sturen",
            prompt: Message("gids.q.sendApplications", ["count": .number(unsent.count)]),
            why: Message("gids.why.sendApplications"), help: Message("gids.help.sendApplications"),
            check: { raw, _ in
                let word = raw.lowercased().trimmingCharacters(in: .whitespaces)
                if ["alles", "all", "alle"].contains(word) { return .accepted("alles") }
                if ["", "nee", "no", "n", "geen", "none"].contains(word) {
                    return .accepted("nee")
                }
                let parts = word.split(whereSeparator: { $0 == " " || $0 == "," })
                let numbers = parts.compactMap { Int($0) }
                guard !numbers.isEmpty, numbers.count == parts.count,
                    numbers.allSatisfy({ (1...count).contains($0) })
                else {
                    return .reask(Message("gids.expect.sendApplications", ["max": .number(count)]))
                }
                return .accepted(numbers.map(String.init).joined(separator: " "))
            })
        guard let answer = try ask(q), answer != "nee" else {
            say(t("gids.sync.applicationsKept"))
            blank()
            return
        }
        blank()
        command(
            ["sollicitatie", "stuur"]
                + (answer == "alles"
                    ? ["--alles"] : answer.split(separator: " ").map(String.init)))
        blank()
    }

    /// After the first entry, when neither an agreement nor a verified municipal number is known:
    /// ask once whether the contact person named a number, and keep it (issue 21 item 2).
    func askAgreementOnce() throws {
        guard let store = storeHandle, (try? ApplicationStore.agreement(store)) == nil,
            ((try? ApplicationStore.all(store)) ?? []).count == 1
        else { return }
        let flags = profile()?.flags ?? [:]
        if let m = try? MunicipalityResolver.resolve(
            flags[GlobalFlags.municipality.canonical]?.last, context: context),
            m.applicationDuty.isKnown
        {
            return
        }
        blank()
        let questions = [
            Questions.yesNo(
                id: "weet", Message("gids.q.agreementKnown"),
                help: Message("gids.help.agreementKnown")),
            GuideQuestion(
                id: "aantal", prompt: Message("gids.q.agreementCount"), why: nil,
                help: Message("gids.help.agreementCount"), check: GuideChecks.number(1...50),
                applies: { $0["weet"] == "ja" }),
            GuideQuestion(
                id: "weken", prompt: Message("gids.q.agreementWeeks"), why: nil,
                help: Message("gids.help.agreementWeeks"), check: GuideChecks.number(1...13),
                applies: { $0["weet"] == "ja" }),
        ]
        guard case .done(let a) = try form(questions), a["weet"] == "ja", let n = a["aantal"],
            let w = a["weken"]
        else {
            say(t("gids.agreement.later"))
            return
        }
        blank()
        command(["sollicitatie", "afspraak", "--aantal", n, "--per-weken", w])
    }

    /// Which logged application the news is about; nil when none is open or the client skips.
    func pickApplication(open statuses: Set<ApplicationEntry.Status>) throws -> Int? {
        guard let store = storeHandle,
            let all = try? ApplicationStore.all(store)
        else { return nil }
        let candidates = all.enumerated().filter {
            $0.element.isApplication && statuses.contains($0.element.status)
        }
        guard !candidates.isEmpty else { return nil }
        var listed = candidates.map { n, e in
            GuideChoice(
                value: "\(n + 1)",
                label: Message(
                    "gids.application.choice",
                    ["employer": .text(e.employer), "date": .date(e.date)]))
        }
        listed.append(
            GuideChoice(value: "geen", label: Message("gids.application.none"), words: ["none"]))
        let choices = listed
        let q = GuideQuestion(
            id: "welke", prompt: Message("gids.q.whichApplication"), why: nil,
            help: Message("gids.help.whichApplication"), choices: choices,
            // The menu number is what people type; the value is the log's number.
            check: GuideChecks.choice(choices))
        guard let answer = try ask(q), answer != "geen" else { return nil }
        return Int(answer)
    }

    /// A rejection: note it on the application (with the reason if known); the command then gives
    /// the short evaluation.
    func rejectionFlow() throws {
        guard let number = try pickApplication(open: [.verstuurd, .nabellen, .gesprek]) else {
            say(t("gids.tone.rejection"))
            finish()
            return
        }
        let reason = try ask(
            GuideQuestion(
                id: "reden", prompt: Message("gids.q.rejectionReason"), why: nil,
                help: Message("gids.help.optional"), check: GuideChecks.text(optional: true)))
        finish()
        var args = ["sollicitatie", "status", "\(number)", "--status", "afgewezen"]
        if let r = reason, !r.isEmpty { args += ["--reden", r] }
        blank()
        command(args)
        let check = (Questions.menuChoices.firstIndex { $0.value == "controleer" } ?? 0) + 1
        say(t("gids.application.checkHint", ["choice": .number(check)]))
    }

    /// An interview: note it on the application, then the interview words.
    func interviewFlow() throws {
        if let number = try pickApplication(open: [.verstuurd, .nabellen]) {
            blank()
            command(["sollicitatie", "status", "\(number)", "--status", "gesprek"])
        } else {
            say(t("gids.tone.interview"))
        }
        finish()
    }

    /// After "Ik heb een baan!" and the projection: the checklist with dates and the questions to
    /// ask before signing, from the same list as `kompas baan`.
    func jobChecklist(start: CalendarMonth) {
        let flags = profile()?.flags ?? [:]
        guard
            let municipality = try? MunicipalityResolver.resolve(
                flags[GlobalFlags.municipality.canonical]?.last, context: context)
        else { return }
        heading(t("job.checklist.title"))
        for m in BaanCommand.checklist(
            start: start, today: today, payDay: nil, municipality: municipality)
        {
            say("- " + context.localizer.render(m))
        }
        heading(t("job.contract.title"))
        say(t("job.contract.intro"))
        for m in BaanCommand.contractQuestions { say("- " + context.localizer.render(m)) }
        blank()
        say(t("job.closing"))
    }
}
