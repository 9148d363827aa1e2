import Foundation
import KompasCore

/// The municipality's rule for how many applications a client sends (`sollicitatieplicht`), as
/// policy data: how many, over how many weeks, and which activities count.
///
/// The duty itself is national law: the client must "naar vermogen algemeen geaccepteerde arbeid
/// te verkrijgen" (Participatiewet art. 9 lid 1 onder a), and the college "stemt de bijstand en de
/// daaraan verbonden verplichtingen af op de omstandigheden, mogelijkheden en middelen van de
/// belanghebbende" (art. 18 lid 1; BWBR0015703, MinBZK/regelrecht-corpus
/// `regulation/nl/wet/participatiewet/2025-01-01.yaml`). The *number* is therefore not in the law:
/// a municipality sets it, often per person at the intake. Where a municipality's number was not
/// found in a public source, `aantal` is `null` and Kompas says it does not know, never a guess.
///
/// ```json
/// "sollicitatieplicht": {
///   "aantal": null,                       // or a number, e.g. 4
///   "periode_weken": null,                // 1 (per week) or 3 (per three weeks), …
///   "telt_mee": ["sollicitatie"],         // kinds of activity that count
///   "bron": "…", "geverifieerd": "te verifiëren: …" }
/// ```
public struct ApplicationDuty: Codable, Sendable, Hashable {
    /// How many activities per period; nil when not known.
    public var count: Int?
    /// The length of a period in weeks; nil when not known.
    public var periodWeeks: Int?
    /// Kinds of activity that count (``ActivityKind`` raw values).
    public var counting: [String]
    public var source: String
    public var verified: String

    enum CodingKeys: String, CodingKey {
        case count = "aantal"
        case periodWeeks = "periode_weken"
        case counting = "telt_mee"
        case source = "bron"
        case verified = "geverifieerd"
    }

    public init(
        count: Int?, periodWeeks: Int?, counting: [String], source: String, verified: String
    ) {
        self.count = count
        self.periodWeeks = periodWeeks
        self.counting = counting
        self.source = source
        self.verified = verified
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        periodWeeks = try c.decodeIfPresent(Int.self, forKey: .periodWeeks)
        counting = try c.decodeIfPresent([String].self, forKey: .counting) ?? ["sollicitatie"]
        source = try c.decode(String.self, forKey: .source)
        verified = try c.decode(String.self, forKey: .verified)
    }

    public var toVerify: Bool { VerificationNote.isToVerify(verified) }
    /// True when the number and the period are both known and confirmed.
    public var isKnown: Bool { count != nil && periodWeeks != nil && !toVerify }

    /// Used when a municipality file has no `sollicitatieplicht`: nothing known.
    public static let unknown = ApplicationDuty(
        count: nil, periodWeeks: nil, counting: ["sollicitatie"],
        source:
            "Participatiewet art. 18 lid 1: de verplichtingen worden afgestemd op de persoon; het aantal staat niet in de wet",
        verified: "te verifiëren: het gemeentebestand noemt geen aantal")
}

/// The kinds of activity in the application log: applications, and the activities that raise the
/// chance of work without being one (a network talk, a course, a trial day, an open day, signing
/// up with an agency).
public enum ActivityKind: String, Codable, Sendable, CaseIterable, Hashable {
    case sollicitatie
    case netwerkgesprek
    case cursus
    case proefdag
    case openDag = "open-dag"
    case uitzendbureau
}

/// Where a period of the duty starts and ends, and how far along it is.
///
/// Pure.
public struct DutyPeriod: Sendable, Equatable {
    public var start: LocalDate
    /// The last day of the period (inclusive).
    public var end: LocalDate
    public var done: Int
    public var required: Int?
    /// Days left after today, today included.
    public var daysLeft: Int

    /// The period of `weeks` weeks that holds `today`, counted from `anchor` (the day the
    /// agreement started), and how many of `dates` fall in it.
    public static func containing(
        _ today: LocalDate, anchor: LocalDate, weeks: Int, required: Int?, dates: [LocalDate]
    ) -> DutyPeriod {
        let length = max(1, weeks) * 7
        let offset = anchor.days(until: today)
        let index = offset >= 0 ? offset / length : -((-offset + length - 1) / length)
        let start = anchor.adding(days: index * length)
        let end = start.adding(days: length - 1)
        let done = dates.filter { $0 >= start && $0 <= end }.count
        return DutyPeriod(
            start: start, end: end, done: done, required: required,
            daysLeft: today.days(until: end) + 1)
    }
}
