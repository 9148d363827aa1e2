import Foundation
import KompasCase
import KompasCore

/// The guide's questions about the work history beyond the first job.
///
/// A further job is stored in the profile as one `--baan` value (the same value the command line
/// takes), so it is read and checked by the one situation reader like every other answer.
enum WorkHistoryQuestions {
    /// The most jobs the guide asks about (a work history, not a list of every shift).
    static let maximumJobs = 5

    static let anotherJob = Questions.yesNo(
        id: "nog-een-baan", Message("gids.q.anotherJob"), help: Message("gids.help.anotherJob"))

    /// The questions about one further job: start, pay, the tax credit and (optional) its end;
    /// `today` reads the months people name relative to now ("volgende maand").
    static func otherJob(today: CalendarMonth) -> [GuideQuestion] {
        [
            // The exemption does not start again for a second job (art. 31 lid 2 onder n and r), so
            // the why of this start month is not the first job's.
            GuideQuestion(
                id: "gestart", prompt: Message("gids.q.otherJobStart"),
                why: Message("gids.why.otherJobStart"), help: Message("gids.help.jobStart"),
                check: GuideChecks.monthRequired(today: today)),
            Questions.hourlyWage,
            Questions.hoursPerWeek,
            Questions.yesNo(
                id: "korting", Message("gids.q.jobCredit"), help: Message("gids.help.jobCredit")),
            GuideQuestion(
                id: "gestopt", prompt: Message("gids.q.jobEnded"), why: nil,
                help: Message("gids.help.jobEnded"),
                check: { raw, earlier in
                    let trimmed = raw.trimmingCharacters(in: .whitespaces)
                    if GuideChecks.noneWords.contains(trimmed.lowercased()) { return .accepted("") }
                    guard case .accepted(let m) = GuideChecks.monthRequired(trimmed, today: today)
                    else {
                        return .reask(Message("gids.expect.month"))
                    }
                    if let s = earlier["gestart"], m < s {
                        return .reask(Message("gids.expect.endAfterStart"))
                    }
                    return .accepted(m)
                }),
        ]
    }

    static let workChoices = [
        GuideChoice(
            value: "aanpassen", label: Message("gids.work.edit"), words: ["edit", "wijzigen"]),
        GuideChoice(
            value: "toevoegen", label: Message("gids.work.add"), words: ["add", "erbij"]),
        GuideChoice(
            value: "weghalen", label: Message("gids.work.remove"),
            words: ["remove", "verwijderen"]),
    ]
    static let work = GuideQuestion(
        id: "werk", prompt: Message("gids.q.work"), why: nil, help: Message("gids.help.work"),
        choices: workChoices, check: GuideChecks.choice(workChoices))

    /// Which job, by its number (2 for the second job).
    static func whichJob(_ range: ClosedRange<Int>) -> GuideQuestion {
        GuideQuestion(
            id: "welke-baan", prompt: Message("gids.q.whichJob"), why: nil,
            help: Message(
                "gids.help.whichJob",
                ["min": .number(range.lowerBound), "max": .number(range.upperBound)]),
            check: GuideChecks.number(range))
    }

    /// The `--baan` value of a further job's answers, written by the one reader's own writer.
    static func value(_ a: [String: String]) -> String {
        var v: SituationValues = [:]
        for (key, field) in [
            ("gestart", SituationField.started), ("uurloon", .hourlyWage), ("uren", .hours),
            ("gestopt", .ended),
        ] {
            if let x = a[key], !x.isEmpty { v[field] = [x] }
        }
        if a["korting"] == "nee" { v[.withoutCredit] = [""] }
        return SituationReader.jobValue(v)
    }
}

extension GuideSession {
    /// The further jobs stored in the profile, as `--baan` values (job 2 first).
    var otherJobValues: [String] { profile()?.flags[SituationFlags.otherJob.canonical] ?? [] }

    /// After the first job: "Heb je nog een baan?", and each further job saved in turn.
    func moreJobsFlow() throws {
        while otherJobValues.count + 1 < WorkHistoryQuestions.maximumJobs {
            guard let more = try ask(WorkHistoryQuestions.anotherJob), more == "ja" else { return }
            guard try addOtherJob() != nil else { return }
        }
    }

    /// True when the profile holds a first job (its start, wage, hours or monthly pay).
    var hasFirstJob: Bool {
        let flags = profile()?.flags ?? [:]
        return [
            HouseholdFlags.started, WatalsCommand.hourlyWage, WatalsCommand.hours,
            WatalsCommand.grossMonthly, WatalsCommand.netMonthly,
        ].contains { flags[$0.canonical] != nil }
    }

    /// Asks about one further job and stores it; its answers, nil when the person stopped.
    @discardableResult
    func addOtherJob(flow: GuideFlow? = nil) throws -> [String: String]? {
        guard
            case .done(let a) = try form(
                WorkHistoryQuestions.otherJob(today: today.calendarMonth), flow: flow)
        else { return nil }
        var flags = profile()?.flags ?? [:]
        flags[SituationFlags.otherJob.canonical, default: []].append(WorkHistoryQuestions.value(a))
        try saveProfile(flags)
        let number = (flags[SituationFlags.otherJob.canonical]?.count ?? 0) + 1
        say(t("gids.job.otherSaved", ["number": .number(number)]))
        return a
    }

    /// The settings of the work: change a job, add one, or take one away.
    func workSettingsFlow() throws {
        let others = otherJobValues
        guard let which = try ask(WorkHistoryQuestions.work) else { return }
        switch which {
        case "toevoegen":
            try addOtherJob()
        case "weghalen":
            guard !others.isEmpty else {
                say(t("gids.work.noOtherJob"))
                return
            }
            guard let raw = try ask(WorkHistoryQuestions.whichJob(2...others.count + 1)),
                let n = Int(raw)
            else { return }
            var flags = profile()?.flags ?? [:]
            var values = others
            values.remove(at: n - 2)
            flags[SituationFlags.otherJob.canonical] = values.isEmpty ? nil : values
            try saveProfile(flags)
            say(t("gids.job.removed", ["number": .number(n)]))
        default:
            var n = 1
            if !others.isEmpty {
                guard let raw = try ask(WorkHistoryQuestions.whichJob(1...others.count + 1)),
                    let k = Int(raw)
                else { return }
                n = k
            }
            if n == 1 {
                guard case .done(let a) = try form(Questions.job(today: today)) else { return }
                _ = try saveJob(a)
                return
            }
            guard
                case .done(let a) = try form(
                    WorkHistoryQuestions.otherJob(today: today.calendarMonth))
            else { return }
            var flags = profile()?.flags ?? [:]
            var values = others
            values[n - 2] = WorkHistoryQuestions.value(a)
            flags[SituationFlags.otherJob.canonical] = values
            try saveProfile(flags)
            say(t("gids.job.otherSaved", ["number": .number(n)]))
        }
    }
}
