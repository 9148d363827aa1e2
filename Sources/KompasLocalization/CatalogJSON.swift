import KompasCore

/// A reader for exactly the catalogs' shape: one JSON object (RFC 8259) whose values are strings
/// or objects of strings (plural forms).
///
/// Why not `JSONSerialization`: it builds an `NSDictionary` of `Any` for the whole file and was
/// a fifth of a cold `kompas watals` (issue 23); this reads the bytes once and makes only the
/// strings. It refuses what `JSONSerialization` refused (bad escapes, control characters in
/// strings, text after the object, bytes that are not UTF-8) and, like it, lets a comma stand
/// before a closing brace or bracket, so no catalog that loaded before fails now. Values of
/// another shape (numbers, arrays, deeper objects) are read and reported as ``Value/other`` so the
/// loader can name the key.
enum CatalogJSON {
    enum Value {
        case text(String)
        case forms([(key: String, text: String)])
        case other
    }

    struct SyntaxError: Error, Equatable {
        var line: Int
        var reason: String
    }

    /// The members of the top-level object in file order (a later duplicate follows an earlier).
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [(key: String, value: Value)] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The whole file is checked once, then strings are made without checking again (checking
        // each string on its own measured slower: 7.7 M instead of 6.5 M instructions for nl).
        guard isUTF8(body) else { throw SyntaxError(line: 1, reason: "not UTF-8") }
        var reader = Reader(bytes: body)
        return try reader.document()
    }

    /// Whether the bytes (after a byte order mark) are UTF-8.
    ///
    /// Each maximal run of bytes from 0x80 up is checked on its own: every byte of a multi-byte
    /// sequence is in that range and no ASCII byte can be inside one, so this is exactly the check
    /// of the whole, without walking the ASCII (most of a catalog) byte by byte.
    static func isUTF8(_ body: ArraySlice<UInt8>) -> Bool {
        body.withUnsafeBufferPointer { buffer in
            var i = 0
            let n = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress)
            while i < n {
                // ASCII eight bytes at a time (no byte with the high bit set), issue 23.
                if let base, i + 8 <= n,
                    base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                    continue
                }
                if buffer[i] < 0x80 {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < n, buffer[end] >= 0x80 { end += 1 }
                guard
                    String(
                        validating: UnsafeBufferPointer(rebasing: buffer[i..<end]), as: UTF8.self)
                        != nil
                else { return false }
                i = end
            }
            return true
        }
    }

    struct Reader {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        mutating func document() throws(SyntaxError) -> [(key: String, value: Value)] {
            space()
            guard peek == UInt8(ascii: "{") else { throw fail("not a JSON object") }
            var members: [(key: String, value: Value)] = []
            try object { (key: String, reader: inout Reader) throws(SyntaxError) in
                members.append((key, try reader.memberValue()))
            }
            space()
            guard index == bytes.endIndex else { throw fail("text after the object") }
            return members
        }

        /// A catalog value: a string, an object of strings, or anything else (read and skipped).
        mutating func memberValue() throws(SyntaxError) -> Value {
            switch peek {
            case UInt8(ascii: "\""): return .text(try string())
            case UInt8(ascii: "{"):
                var forms: [(key: String, text: String)] = []
                var flat = true
                try object { (key: String, reader: inout Reader) throws(SyntaxError) in
                    if reader.peek == UInt8(ascii: "\"") {
                        forms.append((key, try reader.string()))
                    } else {
                        flat = false
                        try reader.skipValue()
                    }
                }
                return flat ? .forms(forms) : .other
            default:
                try skipValue()
                return .other
            }
        }

        /// `{ "key": value, … }` with `member` reading each value.
        mutating func object(
            _ member: (String, inout Reader) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            index += 1  // "{"
            space()
            if peek == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                space()
                // A comma before the closing brace, as JSONSerialization allowed it.
                if peek == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                guard peek == UInt8(ascii: "\"") else { throw fail("a key in quotes expected") }
                let key = try string()
                space()
                guard peek == UInt8(ascii: ":") else { throw fail("':' expected") }
                index += 1
                space()
                try member(key, &self)
                space()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return
                default: throw fail("',' or '}' expected")
                }
            }
        }

        mutating func skipValue() throws(SyntaxError) {
            switch peek {
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "{"):
                try object { (_: String, reader: inout Reader) throws(SyntaxError) in
                    try reader.skipValue()
                }
            case UInt8(ascii: "["):
                index += 1
                space()
                if peek == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                while true {
                    space()
                    if peek == UInt8(ascii: "]") {
                        index += 1
                        return
                    }
                    try skipValue()
                    space()
                    switch peek {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "]"):
                        index += 1
                        return
                    default: throw fail("',' or ']' expected")
                    }
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: try number()
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.endIndex,
                word.withUTF8Buffer({ bytes[index..<(index + count)].elementsEqual($0) })
            else { throw fail("unknown word") }
            index += count
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259 §6).
        mutating func number() throws(SyntaxError) {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
                if let b = peek, (0x30...0x39).contains(b) {
                    throw fail("a number with a leading zero")
                }
            } else if digits() == 0 {
                throw fail(index == start ? "a value expected" : "digits expected after '-'")
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw fail("digits expected after '.'") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw fail("digits expected in the exponent") }
            }
        }

        mutating func digits() -> Int {
            let start = index
            while let b = peek, (0x30...0x39).contains(b) { index += 1 }
            return index - start
        }

        /// A string from its opening quote; escapes of RFC 8259 §7, surrogate pairs joined.
        mutating func string() throws(SyntaxError) -> String {
            index += 1  // opening quote
            let start = index
            // Most catalog strings have no escape: one slice, one String.
            while index < bytes.endIndex {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let text = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    return text
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw fail("a control character in a string") }
                index += 1
            }
            var out = Array(bytes[start..<index])
            while index < bytes.endIndex {
                let b = bytes[index]
                index += 1
                switch b {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = peek else { break }
                    index += 1
                    if let simple = JSONEscape.simple(e) {
                        out.append(simple)
                        continue
                    }
                    switch e {
                    case UInt8(ascii: "u"):
                        var value = try hex4()
                        if (0xD800...0xDBFF).contains(value) {
                            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.endIndex,
                                bytes[index + 1] == UInt8(ascii: "u")
                            else { throw fail("a lone surrogate in \\u escape") }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw fail("a lone surrogate in \\u escape")
                            }
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(value) {
                            throw fail("a lone surrogate in \\u escape")
                        }
                        guard let scalar = Unicode.Scalar(value) else {
                            throw fail("a bad \\u escape")
                        }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: throw fail("an unknown escape")
                    }
                default:
                    if b < 0x20 { throw fail("a control character in a string") }
                    out.append(b)
                }
            }
            throw fail("a string that does not end")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard let value = JSONEscape.hex4(bytes, at: index) else {
                throw fail("a bad \\u escape")
            }
            index += 4
            return value
        }

        var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        /// Steps over a string from its opening quote, checking it as ``string()`` does.
        ///
        /// It makes the string only when it has an escape (then `escaped` is true: the bytes
        /// between the quotes are not the text). Nil when ``string()`` would throw.
        mutating func skipString() -> (range: Range<Int>, escaped: Bool)? {
            let quote = index
            let start = index + 1
            // The first quote, backslash or control byte, on the raw buffer (no bounds check per
            // byte in a release build: this loop is most of indexing a catalog).
            // Eight bytes at a time while none of them can stop the string (issue 23): the
            // word tests below are exact for "some byte is a quote, a backslash or below 0x20".
            let stop: Int? = bytes.withUnsafeBufferPointer { buffer in
                var i = start - bytes.startIndex
                if let base = UnsafeRawPointer(buffer.baseAddress) {
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
                    while i + 8 <= buffer.count {
                        let w = UInt64(
                            littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        if hasZeroByte(w ^ (0x22 &* ones)) || hasZeroByte(w ^ (0x5C &* ones))
                            || (w &- 0x20 &* ones) & ~w & highs != 0
                        {
                            break
                        }
                        i += 8
                    }
                }
                while i < buffer.count {
                    let b = buffer[i]
                    if b == 0x22 || b == 0x5C || b < 0x20 { return i + bytes.startIndex }
                    i += 1
                }
                return nil
            }
            guard let stop else { return nil }
            switch bytes[stop] {
            case UInt8(ascii: "\""):
                index = stop + 1
                return (start..<stop, false)
            case UInt8(ascii: "\\"):
                index = quote
                guard (try? string()) != nil else { return nil }
                return (start..<(index - 1), true)
            default:
                return nil
            }
        }

        mutating func space() {
            while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
        }

        func fail(_ reason: String) -> SyntaxError {
            let line = bytes[bytes.startIndex..<min(index, bytes.endIndex)].reduce(1) {
                $0 + ($1 == 0x0A ? 1 : 0)
            }
            return SyntaxError(line: line, reason: reason)
        }
    }
}
