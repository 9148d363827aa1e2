import KompasCore

/// A JSON value as read from a rule file, with the line it started on.
///
/// Kompas reads its legal figures with its own small reader instead of `JSONSerialization`
/// because a refused file must name the line (issue 16: "refused with the file, line and reason"),
/// and numbers stay text until the parameter's unit says how to read them (no floating point).
///
/// Not `indirect`: the nesting goes through arrays, which are on the heap already, so each value
/// is stored inline instead of in a box of its own (one allocation fewer per value read; the
/// built-in files have thousands, issue 23).
public enum RuleJSON: Sendable, Hashable {
    case object([(key: String, value: RuleJSON, line: Int)], line: Int)
    case array([RuleJSON], line: Int)
    case string(String, line: Int)
    /// The number exactly as written (e.g. `12.5`), never converted through a Double.
    case number(String, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    /// The line (1-based) on which the value starts.
    public var line: Int {
        switch self {
        case .object(_, let l), .array(_, let l), .string(_, let l), .number(_, let l),
            .bool(_, let l):
            return l
        case .null(let l): return l
        }
    }

    public static func == (a: RuleJSON, b: RuleJSON) -> Bool { a.canonical == b.canonical }
    public func hash(into h: inout Hasher) { h.combine(canonical) }

    /// A canonical text of the value (without lines), for equality and for the lint's
    /// "carried forward" check.
    public var canonical: String {
        switch self {
        case .object(let members, _):
            return "{"
                + members.map { "\"\($0.key)\":" + $0.value.canonical }.joined(separator: ",") + "}"
        case .array(let items, _): return "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .string(let s, _): return "\"" + s + "\""
        case .number(let n, _): return n
        case .bool(let b, _): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> RuleJSON? {
        guard case .object(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// Why a text is not JSON, with the position.
public struct RuleJSONSyntaxError: Error, Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// A short English reason for developers; the user sees a localized message with the line.
    public var reason: String
}

/// Reads JSON text (RFC 8259) into ``RuleJSON``, tracking lines.
public struct RuleJSONReader {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public static func parse(_ bytes: [UInt8]) throws(RuleJSONSyntaxError) -> RuleJSON {
        var r = RuleJSONReader(bytes)
        if r.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { r.i = 3 }
        r.skipSpace()
        let v = try r.value(depth: 0)
        r.skipSpace()
        guard r.i == r.bytes.count else { throw r.error("text after the end of the JSON value") }
        return v
    }

    private func error(_ reason: String) -> RuleJSONSyntaxError {
        RuleJSONSyntaxError(line: line, column: i - lineStart + 1, reason: reason)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(RuleJSONSyntaxError) -> RuleJSON {
        guard depth < 64 else { throw error("nested too deeply") }
        guard i < bytes.count else { throw error("unexpected end of file") }
        let start = line
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: RuleJSON, line: Int)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members, line: start)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a quoted key")
                }
                let keyLine = line
                let key = try string()
                if members.contains(where: { $0.key == key }) {
                    throw error("duplicate key \"\(key)\"")
                }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw error("expected ':'")
                }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                members.append((key, v, keyLine))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file in an object") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(members, line: start)
                }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [RuleJSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items, line: start)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file in a list") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items, line: start)
                }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string(), line: start)
        case UInt8(ascii: "t"): return try literal("true", .bool(true, line: start))
        case UInt8(ascii: "f"): return try literal("false", .bool(false, line: start))
        case UInt8(ascii: "n"): return try literal("null", .null(line: start))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number(), line: start)
        default:
            throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: String, _ v: RuleJSON) throws(RuleJSONSyntaxError)
        -> RuleJSON
    {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw error("unexpected word")
        }
        i += w.count
        return v
    }

    private mutating func number() throws(RuleJSONSyntaxError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ r: inout RuleJSONReader) -> Int {
            let s = r.i
            while r.i < r.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(r.bytes[r.i])
            { r.i += 1 }
            return r.i - s
        }
        guard digits(&self) > 0 else { throw error("a number needs digits") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            throw error("write numbers without an exponent")
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(RuleJSONSyntaxError) -> String {
        i += 1  // opening quote
        // Fast path: most strings have no escapes; take the bytes up to the closing quote.
        var j = i
        while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x5C, bytes[j] >= 0x20 { j += 1 }
        if j < bytes.count, bytes[j] == 0x22 {
            let s = String(decoding: bytes[i..<j], as: UTF8.self)
            i = j + 1
            return s
        }
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i + 1 < bytes.count else { throw error("unfinished escape") }
                let e = bytes[i + 1]
                i += 2
                if let simple = JSONEscape.simple(e) {
                    out.append(simple)
                    continue
                }
                switch e {
                case UInt8(ascii: "u"):
                    guard let code = JSONEscape.hex4(bytes, at: i) else {
                        throw error("bad \\u escape")
                    }
                    i += 4
                    guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("unknown escape")
                }
            case 0x0A: throw error("line break inside a string")
            case 0x00..<0x20: throw error("control character inside a string")
            default:
                out.append(c)
                i += 1
            }
        }
        throw error("unfinished string")
    }
}
