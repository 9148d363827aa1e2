/// The text of `word/document.xml` (ECMA-376 Part 1, §17.3): one line per paragraph (`w:p`),
/// `w:t` runs joined, `w:tab` as a tab, `w:br`/`w:cr` as a line break inside the paragraph.
///
/// Read by a small byte-level scanner of well-formed XML 1.0 (W3C XML 1.0, 5th ed., §2–§4)
/// instead of Foundation's `XMLParser`: that parser is libxml2, which pulls libxml2, ICU and
/// liblzma into every start of the program, a third of the cold start of `kompas --versie`
/// (issue 23), for the four elements this reader needs. The scanner knows elements,
/// attributes, character and the five predefined entity references (§4.6), comments, CDATA
/// sections and processing instructions. It refuses what it cannot read safely, so the
/// caller reports a damaged Word file rather than a wrong text:
/// - a document type declaration (`<!DOCTYPE`): Word never writes one, and its entity
///   definitions are where entity-expansion and external-entity attacks live; nothing outside
///   the document is ever read;
/// - anything not well-formed: unbalanced or crossed tags, an unknown entity, `<` in an
///   attribute value, text outside the root element, bytes that are not UTF-8 (UTF-16 with a
///   byte order mark is converted first, §4.3.3).
enum DocxText {
    static func text(fromDocumentXML data: some Collection<UInt8>) -> String? {
        guard let bytes = utf8Bytes(Array(data)) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.read()
    }

    /// The document as UTF-8 without a byte order mark, or nil when it is not valid text.
    private static func utf8Bytes(_ raw: [UInt8]) -> [UInt8]? {
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            // The documents' own UTF-16 reader; a NUL it refuses is no XML character either.
            guard let text = TextDecoding.utf16(raw.dropFirst(2), littleEndian: raw[0] == 0xFF)
            else { return nil }
            return Array(text.utf8)
        }
        let body = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
        guard String(validating: body, as: UTF8.self) != nil else { return nil }
        return body
    }

    /// One pass over the bytes; `nil` from any step means "not well-formed".
    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var lines: [String] = []
        var current: [UInt8] = []
        var inText = false
        var open: [ArraySlice<UInt8>] = []
        var sawRoot = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func read() -> String? {
            while index < bytes.count {
                if bytes[index] == Byte.less {
                    guard markup() else { return nil }
                } else {
                    guard characterData() else { return nil }
                }
            }
            guard sawRoot, open.isEmpty else { return nil }
            if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
            return lines.joined(separator: "\n")
        }

        // MARK: the four elements

        mutating func started(_ name: ArraySlice<UInt8>) {
            if name.elementsEqual(Name.text) {
                inText = true
            } else if name.elementsEqual(Name.tab) {
                current.append(Byte.tab)
            } else if name.elementsEqual(Name.lineBreak) || name.elementsEqual(Name.carriageReturn)
            {
                endLine()
            }
        }

        mutating func ended(_ name: ArraySlice<UInt8>) {
            if name.elementsEqual(Name.text) {
                inText = false
            } else if name.elementsEqual(Name.paragraph) {
                endLine()
            }
        }

        mutating func endLine() {
            lines.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }

        // MARK: markup (§2.5–§2.8, §3.1)

        mutating func markup() -> Bool {
            if has("<?") { return skip(past: "?>") }
            if has("<!--") { return skip(past: "-->") }
            if has("<![CDATA[") {
                guard open.count > 0 else { return false }
                let start = index + 9
                guard let end = find("]]>", from: start) else { return false }
                if inText {
                    current.append(contentsOf: Self.normalisingLineEnds(bytes[start..<end]))
                }
                index = end + 3
                return true
            }
            if has("<!") { return false }  // a document type declaration: refused, see above
            if has("</") { return endTag() }
            return startTag()
        }

        mutating func startTag() -> Bool {
            guard open.count > 0 || !sawRoot else { return false }  // one root element (§2.1)
            index += 1
            guard let name = name() else { return false }
            while true {
                let hadSpace = skipSpace()
                guard index < bytes.count else { return false }
                switch bytes[index] {
                case Byte.greater:
                    index += 1
                    sawRoot = true
                    open.append(name)
                    started(name)
                    return true
                case Byte.slash:
                    guard index + 1 < bytes.count, bytes[index + 1] == Byte.greater else {
                        return false
                    }
                    index += 2
                    sawRoot = true
                    started(name)
                    ended(name)
                    return true
                default:
                    guard hadSpace, attribute() else { return false }
                }
            }
        }

        mutating func endTag() -> Bool {
            index += 2
            guard let name = name(), let last = open.last, last.elementsEqual(name) else {
                return false
            }
            _ = skipSpace()
            guard index < bytes.count, bytes[index] == Byte.greater else { return false }
            index += 1
            open.removeLast()
            ended(name)
            return true
        }

        /// `Name Eq AttValue` (§3.1); the value is checked, never used.
        mutating func attribute() -> Bool {
            guard name() != nil else { return false }
            _ = skipSpace()
            guard index < bytes.count, bytes[index] == Byte.equals else { return false }
            index += 1
            _ = skipSpace()
            guard index < bytes.count, bytes[index] == Byte.quote || bytes[index] == Byte.apostrophe
            else { return false }
            let quote = bytes[index]
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { return false }
            let value = bytes[start..<end]
            guard !value.contains(Byte.less), decodeReferences(value) != nil else { return false }
            index = end + 1
            return true
        }

        /// A name up to white space, `/`, `>` or `=`; the bytes stay as they are (a prefix like
        /// `w:` is part of the name, as with namespace processing off).
        mutating func name() -> ArraySlice<UInt8>? {
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case Byte.space, Byte.tab, Byte.newline, Byte.carriageReturn, Byte.slash,
                    Byte.greater, Byte.equals, Byte.less, Byte.quote, Byte.apostrophe:
                    return index > start ? bytes[start..<index] : nil
                default: index += 1
                }
            }
            return nil
        }

        // MARK: character data (§2.4, §2.11, §4.1)

        mutating func characterData() -> Bool {
            let start = index
            let end = bytes[start...].firstIndex(of: Byte.less) ?? bytes.count
            index = end
            let run = bytes[start..<end]
            if open.isEmpty {  // only white space may stand outside the root element
                return run.allSatisfy(Self.isSpace)
            }
            // Line ends are normalised before references are replaced, so `&#13;` stays a
            // carriage return (§2.11, §4.6).
            guard let decoded = decodeReferences(Self.normalisingLineEnds(run)[...]) else {
                return false
            }
            if inText { current.append(contentsOf: decoded) }
            return true
        }

        /// Line ends become `\n` before anything else sees the text (§2.11).
        static func normalisingLineEnds(_ run: ArraySlice<UInt8>) -> [UInt8] {
            guard run.contains(Byte.carriageReturn) else { return Array(run) }
            var out: [UInt8] = []
            out.reserveCapacity(run.count)
            var previousWasReturn = false
            for byte in run {
                if byte == Byte.carriageReturn {
                    out.append(Byte.newline)
                    previousWasReturn = true
                    continue
                }
                if !(byte == Byte.newline && previousWasReturn) { out.append(byte) }
                previousWasReturn = false
            }
            return out
        }

        /// The run with `&name;` and `&#…;` replaced, or nil for an unknown or broken reference.
        func decodeReferences(_ run: ArraySlice<UInt8>) -> [UInt8]? {
            guard run.contains(Byte.ampersand) else { return Array(run) }
            var out: [UInt8] = []
            out.reserveCapacity(run.count)
            var position = run.startIndex
            while position < run.endIndex {
                let byte = run[position]
                guard byte == Byte.ampersand else {
                    out.append(byte)
                    position += 1
                    continue
                }
                guard let semicolon = run[position...].firstIndex(of: Byte.semicolon) else {
                    return nil
                }
                let reference = run[(position + 1)..<semicolon]
                guard let replacement = Self.replacement(for: reference) else { return nil }
                out.append(contentsOf: replacement)
                position = semicolon + 1
            }
            return out
        }

        static func replacement(for reference: ArraySlice<UInt8>) -> [UInt8]? {
            switch String(decoding: reference, as: UTF8.self) {
            case "amp": return [Byte.ampersand]
            case "lt": return [Byte.less]
            case "gt": return [Byte.greater]
            case "quot": return [Byte.quote]
            case "apos": return [Byte.apostrophe]
            default: break
            }
            guard reference.first == Byte.hash else { return nil }
            let digits = reference.dropFirst()
            let hex = digits.first == UInt8(ascii: "x")
            let number = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
            guard !number.isEmpty,
                number.allSatisfy({ $0.isASCII && ($0.isNumber || hex && $0.isHexDigit) }),
                let value = UInt32(number, radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(value), isXMLCharacter(value)
            else { return nil }
            return Array(String(Character(scalar)).utf8)
        }

        /// `Char` of §2.2: what a character reference may name.
        static func isXMLCharacter(_ value: UInt32) -> Bool {
            value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        }

        // MARK: small helpers

        func has(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
        }

        func find(_ literal: StaticString, from start: Int) -> Int? {
            literal.withUTF8Buffer { needle -> Int? in
                guard needle.count > 0, start + needle.count <= bytes.count else { return nil }
                var position = start
                while position + needle.count <= bytes.count {
                    if bytes[position] == needle[0],
                        bytes[position..<(position + needle.count)].elementsEqual(needle)
                    {
                        return position
                    }
                    position += 1
                }
                return nil
            }
        }

        mutating func skip(past literal: StaticString) -> Bool {
            guard let end = find(literal, from: index + 2) else { return false }
            index = end + literal.utf8CodeUnitCount
            return true
        }

        mutating func skipSpace() -> Bool {
            let start = index
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            return index > start
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == Byte.space || byte == Byte.tab || byte == Byte.newline
                || byte == Byte.carriageReturn
        }
    }

    private enum Byte {
        static let less = UInt8(ascii: "<")
        static let greater = UInt8(ascii: ">")
        static let slash = UInt8(ascii: "/")
        static let equals = UInt8(ascii: "=")
        static let quote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
        static let ampersand = UInt8(ascii: "&")
        static let semicolon = UInt8(ascii: ";")
        static let hash = UInt8(ascii: "#")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")
    }

    private enum Name {
        static let text = Array("w:t".utf8)
        static let tab = Array("w:tab".utf8)
        static let lineBreak = Array("w:br".utf8)
        static let carriageReturn = Array("w:cr".utf8)
        static let paragraph = Array("w:p".utf8)
    }
}
