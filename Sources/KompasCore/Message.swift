/// A user-facing text as a key into `Locales/` plus named arguments.
///
/// Engines and errors produce
/// messages, never sentences; only the App edge turns them into text in the user's language.
public struct Message: Hashable, Sendable, Codable {
    public var key: String
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// A typed placeholder value, formatted per language at the edge (`€ 1.401,50`, `1 maart 2026`).
    public enum Argument: Hashable, Sendable, Codable {
        case text(String)
        case number(Int)
        case money(Money)
        case date(LocalDate)
        case month(CalendarMonth)
        case rate(Rate)
        /// Hours in hundredths (`1625` is 16,25 hours), formatted per language.
        case hours(Int)
        /// Another message, localized in turn (e.g. the name of a household type).
        case message(Message)
    }
}

extension Message.Argument: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
}
