/// A user-facing text as a key into `Locales/` plus named arguments.
///
/// Engines and errors produce
/// messages, never sentences; only the App edge turns them into text in the user's language.
public struct Message: Hashable, Sendable, Codable {
    public var key: String
    public var arguments: Arguments

    public init(_ key: String, _ arguments: Arguments = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The named arguments: a few pairs in the order written, used like a dictionary.
    ///
    /// Not a `Dictionary`: every trace step of every projection builds a message, and hashing
    /// the keys into a new dictionary was 12 % of a whole-income projection's instructions
    /// (issue 23: `[String: Argument](dictionaryLiteral:)`, 49.6 M of 424 M). A message has at
    /// most a handful of arguments, so finding one by name is a short scan. Equality and hashing
    /// ignore the order, and the Codable form is a JSON object, as for the dictionary it replaces.
    public struct Arguments: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral, Sequence {
        public typealias Element = (key: String, value: Argument)
        /// The literal's own array, kept as it is (no copy, no hashing).
        private var pairs: [(String, Argument)]

        public init(dictionaryLiteral elements: (String, Argument)...) {
            pairs = elements
            assert(
                Set(elements.map(\.0)).count == elements.count,
                "Dictionary literal contains duplicate keys")
        }

        public init(_ dictionary: [String: Argument]) {
            pairs = dictionary.map { ($0.key, $0.value) }
        }

        private func index(_ key: String) -> Int? { pairs.firstIndex { $0.0 == key } }

        public subscript(key: String) -> Argument? {
            get {
                for pair in pairs where pair.0 == key { return pair.1 }
                return nil
            }
            set {
                if let i = index(key) {
                    if let newValue { pairs[i].1 = newValue } else { pairs.remove(at: i) }
                } else if let newValue {
                    pairs.append((key, newValue))
                }
            }
        }

        /// `Dictionary.merging(_:uniquingKeysWith:)`.
        public func merging(
            _ other: Arguments, uniquingKeysWith combine: (Argument, Argument) -> Argument
        ) -> Arguments {
            var result = self
            for (key, value) in other.pairs {
                result[key] = result[key].map { combine($0, value) } ?? value
            }
            return result
        }

        public var isEmpty: Bool { pairs.isEmpty }
        public var count: Int { pairs.count }
        public var keys: [String] { pairs.map(\.0) }
        public var values: [Argument] { pairs.map(\.1) }
        /// The arguments as a dictionary.
        public var dictionary: [String: Argument] {
            Dictionary(uniqueKeysWithValues: pairs)
        }

        public func makeIterator() -> AnyIterator<Element> {
            var iterator = pairs.makeIterator()
            return AnyIterator { iterator.next().map { (key: $0.0, value: $0.1) } }
        }

        public static func == (a: Arguments, b: Arguments) -> Bool {
            guard a.pairs.count == b.pairs.count else { return false }
            for (key, value) in a.pairs {
                guard let other = b[key], other == value else { return false }
            }
            return true
        }

        /// Order-independent, as `Dictionary` hashes: each pair hashed on its own, combined by XOR.
        public func hash(into hasher: inout Hasher) {
            var combined = 0
            for (key, value) in pairs {
                var h = Hasher()
                h.combine(key)
                h.combine(value)
                combined ^= h.finalize()
            }
            hasher.combine(pairs.count)
            hasher.combine(combined)
        }

        public init(from decoder: Decoder) throws {
            self.init(try [String: Argument](from: decoder))
        }

        public func encode(to encoder: Encoder) throws { try dictionary.encode(to: encoder) }
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
