import KompasCore

/// What is being checked: a CV or a cover letter (sollicitatiebrief).
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case cv, brief
}

/// The language of the document itself (not of Kompas' output): rules pick their word lists by it.
public enum DocumentLanguage: String, Sendable, Codable, CaseIterable {
    case nl, en
}

/// A word, number or punctuation mark on one line, with its 1-based column (in characters).
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punctuation }
    public let text: String
    public let lower: String
    public let kind: Kind
    public let line: Int
    public let column: Int
}

/// A text as lines, with positions.
///
/// Loaders turn bytes into a `Document`; rules read it and never
/// touch files. Lines keep the structure of the source (paragraphs of a .docx become lines).
/// Everything the rules search is prepared once here: the lower-cased UTF-8 bytes of each line,
/// its character columns and an index of its words, so a word list is matched with a few hash
/// look-ups instead of comparing every phrase at every position (issue 20: 57 % of the time went
/// to comparing whole `Character`s).
public struct Document: Sendable {
    /// The lines, without line terminators.
    ///
    /// Line `n` (1-based) is `lines[n - 1]`.
    public let lines: [String]
    /// Tokens per line.
    public let tokens: [[Token]]
    /// Each line lower-cased, as UTF-8 bytes.
    let lowerBytes: [[UInt8]]
    /// Per line: the 1-based character column of each byte of the lower-cased line; empty when
    /// the line is ASCII (then the column is the byte offset plus one).
    let lowerColumns: [[Int32]]
    /// Every word of the lower-cased lines (a run of letters and digits), sorted by hash.
    let wordIndex: [IndexedWord]
    /// ASCII digits per line, so number checks (BSN, IBAN, phone) skip lines that cannot match.
    public let digitCounts: [Int]

    public init(text: String) {
        var ls: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D || b == 0x0A {
                ls.append(String(decoding: bytes[start..<i], as: UTF8.self))
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        ls.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
        // A final line terminator does not start a line.
        if ls.count > 1, ls.last == "" { ls.removeLast() }
        self.init(lines: ls)
    }

    public init(lines: [String]) {
        self.lines = lines
        var lowerBytes: [[UInt8]] = []
        var lowerColumns: [[Int32]] = []
        var tokens: [[Token]] = []
        var digits: [Int] = []
        var index: [IndexedWord] = []
        lowerBytes.reserveCapacity(lines.count)
        tokens.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let ascii = line.utf8.allSatisfy { $0 < 0x80 }
            let lower: [UInt8]
            if ascii {
                lower = line.utf8.map(TextBytes.asciiLower)
                lowerColumns.append([])
            } else {
                let (bytes, columns) = TextBytes.lowered(line)
                lower = bytes
                lowerColumns.append(columns)
            }
            lowerBytes.append(lower)
            tokens.append(Tokenizer.tokens(in: line, line: n + 1, ascii: ascii))
            digits.append(line.utf8.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) })
            TextBytes.words(in: lower) { s, e in
                index.append(
                    IndexedWord(
                        hash: TextBytes.hash(lower[s..<e]), line: Int32(n), start: Int32(s),
                        end: Int32(e)))
            }
        }
        index.sort { $0.hash < $1.hash }
        self.lowerBytes = lowerBytes
        self.lowerColumns = lowerColumns
        self.tokens = tokens
        self.digitCounts = digits
        self.wordIndex = index
    }

    public var text: String { lines.joined(separator: "\n") }
    public var allTokens: [Token] { tokens.flatMap { $0 } }
    public var words: [Token] { tokens.flatMap { $0.filter { $0.kind == .word } } }
    public var wordCount: Int {
        tokens.reduce(0) { $0 + $1.filter { $0.kind != .punctuation }.count }
    }
    /// True when there is nothing but white space.
    public var isBlank: Bool { lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    public func isBlank(line n: Int) -> Bool { lines[n - 1].allSatisfy(\.isWhitespace) }
    /// The non-empty lines, as 1-based line numbers.
    public var contentLineNumbers: [Int] {
        lines.indices.filter { !lines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 }
    }

    /// The 1-based character column of byte `offset` of the lower-cased line `n` (0-based).
    func column(line n: Int, byte offset: Int) -> Int {
        let map = lowerColumns[n]
        if map.isEmpty { return offset + 1 }
        return offset < map.count ? Int(map[offset]) : (map.last.map { Int($0) + 1 } ?? 1)
    }

    /// Columns (1-based) where `phrase` (lower case) occurs on line `n` as whole words.
    public func occurrences(of phrase: String, line n: Int) -> [Int] {
        let p = PhraseList.Entry(phrase)
        return PhraseMatcher.offsets(of: p, in: lowerBytes[n - 1]).map {
            column(line: n - 1, byte: $0)
        }
    }

    /// True when `phrase` (lower case) occurs on line `n` as whole words.
    public func contains(_ phrase: String, line n: Int) -> Bool {
        !PhraseMatcher.offsets(of: PhraseList.Entry(phrase), in: lowerBytes[n - 1]).isEmpty
    }

    /// Every (line, column) where one of the phrases occurs, in document order; each phrase is reported.
    public func occurrences(of phrases: [String]) -> [(line: Int, column: Int, phrase: String)] {
        occurrences(of: PhraseList(phrases))
    }

    /// Every (line, column) where one of the phrases of a compiled list occurs, in document order.
    public func occurrences(of list: PhraseList) -> [(line: Int, column: Int, phrase: String)] {
        var result: [(line: Int, column: Int, phrase: String)] = []
        for entry in list.entries {
            if let h = entry.firstWordHash {
                var k = lowerBound(h)
                while k < wordIndex.count, wordIndex[k].hash == h {
                    let w = wordIndex[k]
                    k += 1
                    let line = lowerBytes[Int(w.line)]
                    let s = Int(w.start)
                    guard Int(w.end) - s == entry.firstWordLength,
                        PhraseMatcher.matches(entry, in: line, at: s)
                    else { continue }
                    result.append(
                        (Int(w.line) + 1, column(line: Int(w.line), byte: s), entry.phrase))
                }
            } else {
                for n in lowerBytes.indices {
                    for o in PhraseMatcher.offsets(of: entry, in: lowerBytes[n]) {
                        result.append((n + 1, column(line: n, byte: o), entry.phrase))
                    }
                }
            }
        }
        return result.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// True when one of the phrases occurs anywhere.
    public func contains(any list: PhraseList) -> Bool {
        for entry in list.entries {
            if let h = entry.firstWordHash {
                var k = lowerBound(h)
                while k < wordIndex.count, wordIndex[k].hash == h {
                    let w = wordIndex[k]
                    k += 1
                    if Int(w.end) - Int(w.start) == entry.firstWordLength,
                        PhraseMatcher.matches(entry, in: lowerBytes[Int(w.line)], at: Int(w.start))
                    {
                        return true
                    }
                }
            } else if lowerBytes.contains(where: {
                !PhraseMatcher.offsets(of: entry, in: $0).isEmpty
            }) {
                return true
            }
        }
        return false
    }

    /// True when one of the phrases occurs on line `n` (1-based).
    public func contains(any list: PhraseList, line n: Int) -> Bool {
        list.entries.contains { !PhraseMatcher.offsets(of: $0, in: lowerBytes[n - 1]).isEmpty }
    }

    /// True when the lower-cased bytes occur anywhere, or (with `atWordStart`) at the start of a word.
    public func containsFragment(_ fragment: [UInt8], atWordStart: Bool) -> Bool {
        guard let first = fragment.first else { return false }
        for line in lowerBytes where line.count >= fragment.count {
            var i = 0
            let last = line.count - fragment.count
            while i <= last {
                if line[i] == first,
                    !atWordStart || i == 0 || !TextBytes.isWordByte(before: i, in: line)
                {
                    var j = 1
                    while j < fragment.count, line[i + j] == fragment[j] { j += 1 }
                    if j == fragment.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// True when the lower-cased word `word` occurs as a whole word.
    public func containsWord(_ word: String) -> Bool { contains(any: PhraseList([word])) }

    /// How often the lower-cased word occurs (through the index: no pass over the text).
    public func count(ofWord word: String) -> Int {
        let b = Array(word.utf8)
        let h = TextBytes.hash(b[...])
        var k = lowerBound(h)
        var n = 0
        while k < wordIndex.count, wordIndex[k].hash == h {
            let w = wordIndex[k]
            if Int(w.end - w.start) == b.count { n += 1 }
            k += 1
        }
        return n
    }

    func lowerBound(_ h: UInt64) -> Int {
        var lo = 0
        var hi = wordIndex.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if wordIndex[mid].hash < h { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// One word of a document in its index: the hash of its lower-cased bytes and where it is.
struct IndexedWord: Sendable {
    let hash: UInt64
    let line: Int32
    let start: Int32
    let end: Int32
}

/// A word list prepared for matching.
///
/// Each phrase is kept as lower-cased bytes, with the hash of its first
/// word for the document's word index. Rules keep their lists as `static let`, compiled once.
public struct PhraseList: Sendable {
    struct Entry: Sendable {
        let phrase: String
        let bytes: [UInt8]
        /// Nil when the phrase does not start with a letter or digit (it is then scanned for).
        let firstWordHash: UInt64?
        let firstWordLength: Int
        let startsWithWord: Bool
        let endsWithWord: Bool

        init(_ phrase: String) {
            self.phrase = phrase
            let b = Array(phrase.lowercased().utf8)
            bytes = b
            var firstEnd: Int?
            var first: (Int, Int)?
            TextBytes.words(in: b) { s, e in if first == nil { first = (s, e) } }
            if let (s, e) = first, s == 0 { firstEnd = e }
            startsWithWord = firstEnd != nil
            firstWordLength = firstEnd ?? 0
            firstWordHash = firstEnd.map { TextBytes.hash(b[0..<$0]) }
            endsWithWord = b.isEmpty ? false : TextBytes.isWordByte(before: b.count, in: b)
        }
    }
    let entries: [Entry]
    public let phrases: [String]

    public init(_ phrases: [String]) {
        self.phrases = phrases
        entries = phrases.filter { !$0.isEmpty }.map(Entry.init)
    }
}

/// Whole-word matching on lower-cased UTF-8 bytes (no regular expressions: fast, predictable columns).
enum PhraseMatcher {
    /// True when `entry` matches `line` at byte `i` with word boundaries where the phrase starts or
    /// ends with a letter or digit.
    static func matches(_ entry: PhraseList.Entry, in line: [UInt8], at i: Int) -> Bool {
        let p = entry.bytes
        guard i + p.count <= line.count else { return false }
        var j = 0
        while j < p.count {
            if line[i + j] != p[j] { return false }
            j += 1
        }
        if entry.startsWithWord, i > 0, TextBytes.isWordByte(before: i, in: line) { return false }
        if entry.endsWithWord, i + p.count < line.count,
            TextBytes.isWordByte(at: i + p.count, in: line)
        {
            return false
        }
        return true
    }

    /// Byte offsets where `entry` occurs on a line.
    static func offsets(of entry: PhraseList.Entry, in line: [UInt8]) -> [Int] {
        let p = entry.bytes
        guard let first = p.first, p.count <= line.count else { return [] }
        var result: [Int] = []
        var i = 0
        let last = line.count - p.count
        while i <= last {
            if line[i] == first, matches(entry, in: line, at: i) { result.append(i) }
            i += 1
        }
        return result
    }
}

/// Byte-level helpers for lower-cased UTF-8 lines.
enum TextBytes {
    static func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    static func isASCIIWord(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIIWord(UInt8(s.value)) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }

    /// Decodes the scalar that starts at byte `i` (a valid UTF-8 line), with its length.
    static func scalar(at i: Int, in b: [UInt8]) -> (Unicode.Scalar, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var length = 2
        var value = UInt32(b0 & 0x1F)
        if b0 >= 0xF0 {
            length = 4
            value = UInt32(b0 & 0x07)
        } else if b0 >= 0xE0 {
            length = 3
            value = UInt32(b0 & 0x0F)
        }
        var k = 1
        while k < length, i + k < b.count {
            value = value << 6 | UInt32(b[i + k] & 0x3F)
            k += 1
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// True when the scalar starting at byte `i` is a letter or digit.
    static func isWordByte(at i: Int, in b: [UInt8]) -> Bool {
        if b[i] < 0x80 { return isASCIIWord(b[i]) }
        return isWordScalar(scalar(at: i, in: b).0)
    }

    /// True when the scalar starting at byte `i` is a letter.
    static func isLetterByte(at i: Int, in b: [UInt8]) -> Bool {
        if b[i] < 0x80 { return (b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A }
        return scalar(at: i, in: b).0.properties.isAlphabetic
    }

    /// True when the scalar ending just before byte `i` is a letter or digit.
    static func isWordByte(before i: Int, in b: [UInt8]) -> Bool {
        var k = i - 1
        if b[k] < 0x80 { return isASCIIWord(b[k]) }
        while k > 0, b[k] & 0xC0 == 0x80 { k -= 1 }
        return isWordScalar(scalar(at: k, in: b).0)
    }

    /// Calls `body` with the byte range of every run of letters and digits.
    static func words(in b: [UInt8], _ body: (Int, Int) -> Void) {
        var i = 0
        var start = -1
        while i < b.count {
            let word: Bool
            let length: Int
            if b[i] < 0x80 {
                word = isASCIIWord(b[i])
                length = 1
            } else {
                let (s, l) = scalar(at: i, in: b)
                word = isWordScalar(s)
                length = l
            }
            if word {
                if start < 0 { start = i }
            } else if start >= 0 {
                body(start, i)
                start = -1
            }
            i += length
        }
        if start >= 0 { body(start, b.count) }
    }

    /// True when two ASCII letters are followed by two digits somewhere (how every IBAN starts).
    static func hasLettersThenDigits(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 4 else { return false }
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        for i in 0...(b.count - 4)
        where letter(b[i]) && letter(b[i + 1]) && digit(b[i + 2]) && digit(b[i + 3]) {
            return true
        }
        return false
    }

    /// True when `needle` occurs in `hay` (bytes, no word boundaries).
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= hay.count else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The number of ASCII digits in a line.
    static func asciiDigits(_ s: String) -> Int {
        s.utf8.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) }
    }

    /// FNV-1a (64 bit) of a byte range.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// True when a scalar belongs to the character before it (a combining mark, a joiner, a
    /// variation selector or an emoji modifier): columns count characters, not scalars.
    static func extendsCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.value {
        case 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default:
            let c = s.properties.generalCategory
            return c == .nonspacingMark || c == .spacingMark || c == .enclosingMark
        }
    }

    /// A line lower-cased as UTF-8 bytes, with the 1-based character column of every byte.
    static func lowered(_ line: String) -> ([UInt8], [Int32]) {
        var bytes: [UInt8] = []
        var columns: [Int32] = []
        bytes.reserveCapacity(line.utf8.count)
        columns.reserveCapacity(line.utf8.count)
        var column: Int32 = 0
        for s in line.unicodeScalars {
            if !extendsCharacter(s) || column == 0 { column += 1 }
            if s.isASCII {
                bytes.append(asciiLower(UInt8(s.value)))
                columns.append(column)
                continue
            }
            let mapped =
                s.properties.changesWhenLowercased ? s.properties.lowercaseMapping : String(s)
            for b in mapped.utf8 {
                bytes.append(b)
                columns.append(column)
            }
        }
        return (bytes, columns)
    }
}

/// Splits a line into words (letters, with an inner apostrophe as in "hobby's"), numbers and single
/// punctuation marks.
enum Tokenizer {
    static func tokens(in line: String, line n: Int) -> [Token] {
        tokens(in: line, line: n, ascii: line.utf8.allSatisfy { $0 < 0x80 })
    }

    static func tokens(in line: String, line n: Int, ascii: Bool) -> [Token] {
        if ascii { return asciiTokens(Array(line.utf8), line: n) }
        return scalarTokens(line, line: n)
    }

    /// The fast path: every byte is a character.
    static func asciiTokens(_ b: [UInt8], line n: Int) -> [Token] {
        var result: [Token] = []
        var i = 0
        func isLetter(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C {
                i += 1
                continue
            }
            let start = i
            if isLetter(c) {
                i += 1
                while i < b.count {
                    if isLetter(b[i]) || isDigit(b[i]) {
                        i += 1
                        continue
                    }
                    if b[i] == 0x27, i + 1 < b.count, isLetter(b[i + 1]) {
                        i += 2
                        continue
                    }
                    break
                }
                let s = String(decoding: b[start..<i], as: UTF8.self)
                let lower = String(decoding: b[start..<i].map(TextBytes.asciiLower), as: UTF8.self)
                result.append(Token(text: s, lower: lower, kind: .word, line: n, column: start + 1))
            } else if isDigit(c) {
                while i < b.count, isDigit(b[i]) { i += 1 }
                let s = String(decoding: b[start..<i], as: UTF8.self)
                result.append(Token(text: s, lower: s, kind: .number, line: n, column: start + 1))
            } else {
                i += 1
                let s = String(decoding: b[start..<i], as: UTF8.self)
                result.append(
                    Token(text: s, lower: s, kind: .punctuation, line: n, column: start + 1))
            }
        }
        return result
    }

    /// Lines with other characters: by Unicode scalar, with columns counted in characters.
    ///
    /// A combining mark belongs to the letter before it.
    static func scalarTokens(_ line: String, line n: Int) -> [Token] {
        var scalars: [Unicode.Scalar] = []
        var columns: [Int] = []
        var offsets: [Int] = []
        var column = 0
        var offset = 0
        for s in line.unicodeScalars {
            if !TextBytes.extendsCharacter(s) || column == 0 { column += 1 }
            scalars.append(s)
            columns.append(column)
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        let bytes = Array(line.utf8)
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.isASCII
                ? ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A) : s.properties.isAlphabetic
        }
        func isNumber(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? (s.value >= 0x30 && s.value <= 0x39) : s.properties.numericType != nil
        }
        func isMark(_ s: Unicode.Scalar) -> Bool {
            !s.isASCII
                && [.nonspacingMark, .spacingMark, .enclosingMark].contains(
                    s.properties.generalCategory)
        }
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: bytes[offsets[a]..<offsets[b]], as: UTF8.self)
        }
        var result: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if isLetter(c) {
                i += 1
                while i < scalars.count {
                    if isLetter(scalars[i]) || isNumber(scalars[i]) || isMark(scalars[i]) {
                        i += 1
                        continue
                    }
                    if scalars[i] == "'" || scalars[i] == "’", i + 1 < scalars.count,
                        isLetter(scalars[i + 1])
                    {
                        i += 2
                        continue
                    }
                    break
                }
                let s = text(start, i)
                let lower =
                    s.utf8.allSatisfy { $0 < 0x80 }
                    ? String(decoding: s.utf8.map(TextBytes.asciiLower), as: UTF8.self)
                    : s.lowercased()
                result.append(
                    Token(text: s, lower: lower, kind: .word, line: n, column: columns[start]))
            } else if c.isASCII && isNumber(c) {
                while i < scalars.count, scalars[i].isASCII, isNumber(scalars[i]) { i += 1 }
                let s = text(start, i)
                result.append(
                    Token(text: s, lower: s, kind: .number, line: n, column: columns[start]))
            } else {
                i += 1
                while i < scalars.count, columns[i] == columns[start] { i += 1 }
                let s = text(start, i)
                result.append(
                    Token(text: s, lower: s, kind: .punctuation, line: n, column: columns[start]))
            }
        }
        return result
    }
}
