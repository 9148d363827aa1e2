import Foundation
import KompasCore
import KompasMunicipality

/// The application log as status lines (for `kompas status`, the guide and the overview): where
/// this period stands, what counts, who to call, and the evaluation after a rejection.
///
/// Only messages; the numbers come from ``ApplicationLog``.
enum ApplicationStatus {
    static func lines(
        today: LocalDate, entries: [ApplicationEntry], agreement: ApplicationLog.Agreement?,
        duty: ApplicationDuty, reminders withReminders: Bool = true
    ) -> [Message] {
        var lines: [Message] = []
        if let p = ApplicationLog.period(
            today: today, entries: entries, agreement: agreement, duty: duty),
            let required = p.required
        {
            lines.append(
                Message(
                    p.done >= required ? "application.period.reached" : "application.period",
                    [
                        "done": .number(p.done), "required": .number(required),
                        "days": .number(p.daysLeft), "end": .date(p.end),
                    ]))
            let kinds = ApplicationLog.counting(agreement: agreement, duty: duty)
            lines.append(
                Message(
                    "application.counts",
                    ["kinds": .message(kindList(kinds))]))
        } else {
            let month = today.calendarMonth
            let thisMonth = entries.filter { $0.date.calendarMonth == month }
            lines.append(
                Message(
                    "application.period.unknown",
                    [
                        "done": .number(thisMonth.filter(\.isApplication).count),
                        "other": .number(thisMonth.filter { !$0.isApplication }.count),
                    ]))
            lines.append(Message("application.counts.ask"))
        }
        guard withReminders else { return lines }
        for r in ApplicationLog.reminders(today: today, entries: entries) {
            if let p = r.plannedOn {
                lines.append(
                    Message(
                        p < today
                            ? "application.reminder.plannedPast" : "application.reminder.planned",
                        ["employer": .text(r.employer), "date": .date(p)]))
            } else {
                lines.append(
                    Message(
                        r.byLetter ? "application.reminder" : "application.reminder.other",
                        ["employer": .text(r.employer), "date": .date(r.sentOn)]))
            }
        }
        return lines
    }

    /// The kinds as words ("sollicitaties en netwerkgesprekken"), in the reader's language: one
    /// message per length of the list, each kind its own plural word.
    static func kindList(_ kinds: [ActivityKind]) -> Message {
        var args: Message.Arguments = [:]
        for (i, k) in kinds.prefix(6).enumerated() {
            args["k\(i + 1)"] = .message(Message("application.kindPlural." + k.rawValue))
        }
        return Message("application.kinds.\(max(1, min(6, kinds.count)))", args)
    }

    /// The short evaluation after a rejection: what went well, what to try next (the checks as
    /// the concrete step), and a word of encouragement built on the client's own numbers.
    static func evaluation(_ e: ApplicationLog.Evaluation) -> [Message] {
        var m: [Message] = [Message("gids.tone.rejection.short")]
        if e.hadInterview {
            m.append(Message("application.eval.wentWellInterview", ["employer": .text(e.employer)]))
        } else {
            m.append(
                Message(
                    "application.eval.wentWell",
                    ["employer": .text(e.employer), "count": .number(e.applicationsSoFar)]))
        }
        if let r = e.reason {
            m.append(Message("application.eval.reason", ["reason": .text(r)]))
        } else {
            m.append(Message("application.eval.noReason"))
        }
        switch (e.letterChecked, e.cvChecked) {
        case (false, false): m.append(Message("application.eval.next.checkBoth"))
        case (false, true): m.append(Message("application.eval.next.checkLetter"))
        case (true, false): m.append(Message("application.eval.next.checkCV"))
        case (true, true): m.append(Message("application.eval.next.adapt"))
        }
        if e.interviewsSoFar > 0 {
            m.append(
                Message(
                    "application.eval.encourage.interviews", ["count": .number(e.interviewsSoFar)]))
        } else {
            m.append(Message("application.eval.encourage"))
        }
        return m
    }
}
