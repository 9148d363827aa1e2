import Foundation
import KompasCase
import KompasCore

/// The checks behind the guide's questions.
///
/// Each accepts what people type (`14,71`, `€ 14.71`,
/// `16,5`, `25-03-2026`) with the same parsers as the flags, returns the value in the form the
/// flags take, and otherwise a re-ask that says what is expected with an example. Pure.
enum GuideChecks {
    typealias Check = @Sendable (_ raw: String, _ earlier: [String: String]) -> CheckResult

    /// Words that mean "nothing" for an optional answer.
    static let noneWords: Set<String> = ["", "geen", "nee", "none", "no", "-", "0"]

    /// An amount in euros, not negative.
    ///
    /// Stored as `1234.56` (the flags accept that form).
    static func amount(optional: Bool = false) -> Check {
        { raw, _ in
            if optional && noneWords.contains(raw.lowercased()) { return .accepted("") }
            // The one reader of amounts: "14,71", "14.71", "€ 14,71", "14,71 euro".
            guard let m = SituationReader.amount(raw), m >= .zero else {
                return .reask(Message("gids.expect.amount"))
            }
            return .accepted(plain(m))
        }
    }

    /// Hours (per week or worked): `16`, `16,5`; at most 168 (a week has no more).
    static func hours(optional: Bool = false, maximum: Int = 168) -> Check {
        { raw, _ in
            if optional && raw.isEmpty { return .accepted("") }
            guard let h = Invocation.parseHours(raw), h <= maximum * 100 else {
                return .reask(Message("gids.expect.hours", ["max": .number(maximum)]))
            }
            return .accepted(
                h % 100 == 0 ? "\(h / 100)" : String(format: "%d.%02d", h / 100, h % 100))
        }
    }

    /// A whole number in a range (an age).
    static func number(_ range: ClosedRange<Int>) -> Check {
        { raw, _ in
            guard let n = Int(raw), range.contains(n) else {
                return .reask(
                    Message(
                        "gids.expect.number",
                        ["min": .number(range.lowerBound), "max": .number(range.upperBound)]))
            }
            return .accepted("\(n)")
        }
    }

    /// An age, with the ranges and the under-18 rule of the one situation reader.
    static let age: Check = { raw, _ in
        // "34", "ik ben 34", "34 jaar", "I'm 34": the one reader of ages.
        guard let n = SituationReader.age(raw), SituationReader.ages.contains(n)
        else {
            let r = SituationReader.ages
            return .reask(
                Message("gids.expect.number", ["min": .number(18), "max": .number(r.upperBound)]))
        }
        if n < 18 { return .reask(Message("income.error.underEighteen", ["age": .number(n)])) }
        return .accepted("\(n)")
    }

    /// Ages of children, separated by commas or spaces; `geen` for none.
    ///
    /// A single parent needs a
    /// child under 18 (the norm for a single parent is about that child).
    static let childrenAges: Check = { raw, earlier in
        let parent = earlier["huishouden"] == "alleenstaande-ouder"
        if noneWords.contains(raw.lowercased()) && raw != "0" {
            return parent ? .reask(Message("gids.expect.childForParent")) : .accepted("")
        }
        // The one reader of children's ages ("3 en 7", "3, 7", "3 and 7"), the same as the flags.
        let read = SituationReader.children(raw) ?? []
        let ages = read.filter { SituationReader.childAges.contains($0) }
        guard !read.isEmpty, ages.count == read.count, ages.count <= 15 else {
            return .reask(Message("gids.expect.ages"))
        }
        if parent && !ages.contains(where: { $0 < 18 }) {
            return .reask(Message("gids.expect.childForParent"))
        }
        return .accepted(ages.map(String.init).joined(separator: ","))
    }

    /// One of the choices: by its number, its stored value or one of its words.
    static func choice(_ choices: [GuideChoice]) -> Check {
        { raw, _ in
            let word = raw.lowercased()
            if let n = Int(word), (1...choices.count).contains(n) {
                return .accepted(choices[n - 1].value)
            }
            if let c = choices.first(where: { $0.value == word || $0.words.contains(word) }) {
                return .accepted(c.value)
            }
            return .reask(Message("gids.expect.choice", ["max": .number(choices.count)]))
        }
    }

    /// Yes or no, in either language.
    static let yesNo: Check = { raw, _ in
        switch raw.lowercased() {
        case "ja", "j", "yes", "y": return .accepted("ja")
        case "nee", "n", "no": return .accepted("nee")
        default: return .reask(Message("gids.expect.yesNo"))
        }
    }

    /// A date (`25-03-2026` or `2026-03-25`); `vandaag` / `today` is today.
    ///
    /// Stored as ISO.
    static func date(today: LocalDate) -> Check {
        { raw, _ in
            if ["vandaag", "today"].contains(raw.lowercased()) {
                return .accepted(today.description)
            }
            guard let d = LocalDate.parse(raw) else { return .reask(Message("gids.expect.date")) }
            return .accepted(d.description)
        }
    }

    /// A month (`2026-03` or `03-2026`); empty is the given default.
    static func month(default fallback: CalendarMonth) -> Check {
        { raw, _ in
            if raw.isEmpty { return .accepted(fallback.description) }
            // "2026-03", "november", "nov 2026", "volgende maand": the one reader of months.
            if let m = SituationReader.month(raw, today: fallback) {
                return .accepted(m.description)
            }
            if let d = LocalDate.parse("01-" + raw) {
                return .accepted(d.calendarMonth.description)
            }
            return .reask(Message("gids.expect.month"))
        }
    }

    /// A month that must be typed (the month a job started): no default, since the exemption
    /// counts from that month and a guessed month would give a wrong exemption.
    static func monthRequired(today: CalendarMonth) -> Check {
        { raw, _ in monthRequired(raw, today: today) }
    }

    static func monthRequired(_ raw: String, today: CalendarMonth) -> CheckResult {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if let m = SituationReader.month(trimmed, today: today) { return .accepted(m.description) }
        if !trimmed.isEmpty, let d = LocalDate.parse("01-" + trimmed) {
            return .accepted(d.calendarMonth.description)
        }
        return .reask(Message("gids.expect.jobStart"))
    }

    /// Free text, required or not (an employer's name).
    static func text(optional: Bool) -> Check {
        { raw, _ in
            if raw.isEmpty && !optional { return .reask(Message("gids.expect.text")) }
            return .accepted(raw)
        }
    }

    /// A file that exists (a CV or letter to check).
    ///
    /// Relative paths are from the working directory.
    static func existingFile(workingDirectory: URL) -> Check {
        { raw, _ in
            let path = raw.hasPrefix("~/") ? NSHomeDirectory() + raw.dropFirst(1) : raw
            let url =
                path.hasPrefix("/")
                ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
            var dir: ObjCBool = false
            guard !raw.isEmpty, FileManager.default.fileExists(atPath: url.path, isDirectory: &dir),
                !dir.boolValue
            else {
                return .reask(Message("gids.expect.file"))
            }
            return .accepted(url.path)
        }
    }

    /// A new passphrase: at least the store's minimum length.
    static let newPassphrase: Check = { raw, _ in
        raw.count >= StoreAccess.minimumPassphraseLength
            ? .accepted(raw)
            : .reask(
                Message(
                    "store.error.passphraseTooShort",
                    ["minimum": .number(StoreAccess.minimumPassphraseLength)]))
    }

    /// The same passphrase again.
    static let repeatPassphrase: Check = { raw, earlier in
        raw == earlier["wachtwoord"]
            ? .accepted(raw) : .reask(Message("gids.expect.samePassphrase"))
    }

    static func plain(_ m: Money) -> String {
        String(format: "%d.%02d", m.cents / 100, m.cents % 100)
    }
}
