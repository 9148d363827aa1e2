import Foundation
import KompasCore
import KompasMunicipality

/// One entry of the application log (issue 21): an application, or an activity that raises the
/// chance of work (a network talk, a course, a trial day, an open day, an agency).
///
/// Kept in the encrypted store (collection `sollicitatie`) under a keyed hash of its natural key
/// (``naturalKey``), like payslips (issue 18): the same entry added twice is one record, and the
/// id says nothing about the employer.
struct ApplicationEntry: Codable, Equatable, Sendable {
    /// A status the client sets; the latest one is the entry's state.
    enum Status: String, Codable, Sendable, CaseIterable {
        case verstuurd
        case nabellen = "nabellen-gepland"
        case gesprek
        case afgewezen
        case aanbod
        case aangenomen
    }
    struct Change: Codable, Equatable, Sendable {
        var status: Status
        var on: LocalDate
        /// For `nabellen-gepland` and `gesprek`: the day planned.
        var planned: LocalDate?
        /// For `afgewezen`: the reason, when the employer gave one.
        var reason: String?
    }
    struct Note: Codable, Equatable, Sendable {
        var on: LocalDate
        var text: String
    }

    var kind: ActivityKind
    var date: LocalDate
    var employer: String
    var role: String
    var channel: String?
    var vacancyLink: String?
    var vacancyText: String?
    /// The document checks (`controleer`) of the CV and letter used, by the check's record id.
    var cvCheckID: String?
    var letterCheckID: String?
    var changes: [Change]
    var notes: [Note]
    /// The object this entry became at the municipality, once the client chose to send it.
    var objectUUID: String?

    var naturalKey: String {
        [kind.rawValue, date.description, employer, role].joined(separator: "\u{1F}")
    }
    var status: Status { changes.last?.status ?? .verstuurd }
    var isApplication: Bool { kind == .sollicitatie }
}

/// The pure part of the log: order, counting, reminders and the evaluation after a rejection.
///
/// No I/O; the command and the guide render what it returns.
enum ApplicationLog {
    /// Entries in the order shown and numbered: by date, then employer.
    static func ordered(_ entries: [ApplicationEntry]) -> [ApplicationEntry] {
        entries.sorted { ($0.date, $0.employer, $0.role) < ($1.date, $1.employer, $1.role) }
    }

    /// The agreement that sets the period: the client's own (what the contact person told them)
    /// wins over the municipality file; nil when neither gives a number.
    struct Agreement: Codable, Equatable, Sendable {
        var count: Int
        var weeks: Int
        var from: LocalDate
        /// Kinds that count besides applications, as agreed.
        var alsoCounting: [ActivityKind]
    }

    /// How far along this period is, or nil when no number is known.
    static func period(
        today: LocalDate, entries: [ApplicationEntry], agreement: Agreement?,
        duty: ApplicationDuty
    ) -> DutyPeriod? {
        let counting: Set<ActivityKind>
        let count: Int
        let weeks: Int
        let anchor: LocalDate
        if let a = agreement {
            counting = Set([.sollicitatie] + a.alsoCounting)
            count = a.count
            weeks = a.weeks
            anchor = a.from
        } else if duty.isKnown, let c = duty.count, let w = duty.periodWeeks {
            counting = Set(duty.counting.compactMap(ActivityKind.init(rawValue:)))
            count = c
            weeks = w
            // Without an agreed start, periods start on a Monday.
            anchor = LocalDate(daysSinceEpoch: 4)
        } else {
            return nil
        }
        return DutyPeriod.containing(
            today, anchor: anchor, weeks: weeks, required: count,
            dates: entries.filter { counting.contains($0.kind) }.map(\.date))
    }

    /// Which kinds count, for the "what counts" line.
    static func counting(agreement: Agreement?, duty: ApplicationDuty) -> [ActivityKind] {
        if let a = agreement { return [.sollicitatie] + a.alsoCounting }
        if duty.isKnown { return duty.counting.compactMap(ActivityKind.init(rawValue:)) }
        return []
    }

    /// A follow-up reminder: an application sent some days ago with no answer yet, or a call
    /// planned within the coming week.
    struct Reminder: Equatable, Sendable {
        var employer: String
        var sentOn: LocalDate
        /// True when it went by letter (the reminder then says "a letter").
        var byLetter: Bool = false
        /// Set when the client planned the call.
        var plannedOn: LocalDate?
    }

    /// Applications sent 5 to 28 days ago that are still only "sent", and planned calls from
    /// today to a week ahead (or overdue by at most a week).
    ///
    /// Why 5 days: an employer rarely answers within a
    /// week, and the journey says people stop calling later on, so the nudge comes early.
    static func reminders(today: LocalDate, entries: [ApplicationEntry]) -> [Reminder] {
        var r: [Reminder] = []
        for e in ordered(entries) where e.isApplication {
            switch e.status {
            case .verstuurd:
                let days = e.date.days(until: today)
                if (5...28).contains(days) {
                    let channel = (e.channel ?? "").lowercased()
                    r.append(
                        Reminder(
                            employer: e.employer, sentOn: e.date,
                            byLetter: channel.contains("brief") || channel.contains("letter"),
                            plannedOn: nil))
                }
            case .nabellen:
                if let p = e.changes.last?.planned, (-7...7).contains(today.days(until: p)) {
                    r.append(Reminder(employer: e.employer, sentOn: e.date, plannedOn: p))
                }
            default: break
            }
        }
        return r
    }

    /// What the short evaluation after a rejection rests on: facts, so the words are not empty.
    struct Evaluation: Equatable, Sendable {
        var employer: String
        var applicationsSoFar: Int
        var interviewsSoFar: Int
        /// This one reached an interview.
        var hadInterview: Bool
        var reason: String?
        var cvChecked: Bool
        var letterChecked: Bool
    }

    static func evaluation(of e: ApplicationEntry, all: [ApplicationEntry]) -> Evaluation {
        let applications = all.filter(\.isApplication)
        return Evaluation(
            employer: e.employer, applicationsSoFar: applications.count,
            interviewsSoFar: applications.filter { $0.changes.contains { $0.status == .gesprek } }
                .count,
            hadInterview: e.changes.contains { $0.status == .gesprek },
            reason: e.changes.last { $0.status == .afgewezen }?.reason,
            cvChecked: e.cvCheckID != nil, letterChecked: e.letterCheckID != nil)
    }
}
