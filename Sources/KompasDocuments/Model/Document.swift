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
public struct Document: Sendable {
    /// The lines, without line terminators.
    ///
    /// Line `n` (1-based) is `lines[n - 1]`.
    public let lines: [String]
    /// Each line lower-cased as characters, for word-list matching with columns.
    public let lowerLines: [[Character]]
    /// Tokens per line.
    public let tokens: [[Token]]

    public init(text: String) {
        var ls: [String] = []
        var current = ""
        var lastWasCR = false
        for ch in text.unicodeScalars {
            if ch == "\r" {
                ls.append(current)
                current = ""
                lastWasCR = true
                continue
            }
            if ch == "\n" {
                if !lastWasCR {
                    ls.append(current)
                    current = ""
                }
                lastWasCR = false
                continue
            }
            lastWasCR = false
            current.unicodeScalars.append(ch)
        }
        ls.append(current)
        // A final line terminator does not start a line.
        if ls.count > 1, ls.last == "" { ls.removeLast() }
        self.init(lines: ls)
    }

    public init(lines: [String]) {
        self.lines = lines
        self.lowerLines = lines.map { Array($0.lowercased()) }
        self.tokens = lines.enumerated().map {
            Tokenizer.tokens(in: $0.element, line: $0.offset + 1)
        }
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

    /// Columns (1-based) where `phrase` (lower case) occurs on line `n` as whole words.
    public func occurrences(of phrase: String, line n: Int) -> [Int] {
        PhraseMatcher.columns(of: Array(phrase), in: lowerLines[n - 1])
    }

    /// Every (line, column) where one of the phrases occurs, in document order; each phrase is reported.
    public func occurrences(of phrases: [String]) -> [(line: Int, column: Int, phrase: String)] {
        var result: [(Int, Int, String)] = []
        let compiled = phrases.map { (Array($0), $0) }
        for n in lines.indices {
            for (chars, p) in compiled {
                for c in PhraseMatcher.columns(of: chars, in: lowerLines[n]) {
                    result.append((n + 1, c, p))
                }
            }
        }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}

/// Whole-word matching on character arrays (no regular expressions: fast, predictable columns).
enum PhraseMatcher {
    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    static func columns(of phrase: [Character], in line: [Character]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= line.count else { return [] }
        var result: [Int] = []
        let first = phrase[0]
        var i = 0
        let last = line.count - phrase.count
        while i <= last {
            if line[i] == first {
                var ok = true
                for j in 1..<phrase.count where line[i + j] != phrase[j] {
                    ok = false
                    break
                }
                if ok {
                    let beforeOK =
                        i == 0 || !isWordCharacter(line[i - 1]) || !isWordCharacter(phrase[0])
                    let end = i + phrase.count
                    let afterOK =
                        end >= line.count || !isWordCharacter(line[end])
                        || !isWordCharacter(phrase[phrase.count - 1])
                    if beforeOK && afterOK { result.append(i + 1) }
                }
            }
            i += 1
        }
        return result
    }
}

/// Splits a line into words (letters, with an inner apostrophe as in "hobby's"), numbers and single
/// punctuation marks.
enum Tokenizer {
    static func tokens(in line: String, line n: Int) -> [Token] {
        var result: [Token] = []
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c.isLetter {
                i += 1
                while i < chars.count {
                    if chars[i].isLetter || chars[i].isNumber {
                        i += 1
                        continue
                    }
                    if chars[i] == "'" || chars[i] == "’", i + 1 < chars.count,
                        chars[i + 1].isLetter
                    {
                        i += 2
                        continue
                    }
                    break
                }
                let s = String(chars[start..<i])
                result.append(
                    Token(text: s, lower: s.lowercased(), kind: .word, line: n, column: start + 1))
            } else if c.isASCII && c.isNumber {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                let s = String(chars[start..<i])
                result.append(Token(text: s, lower: s, kind: .number, line: n, column: start + 1))
            } else {
                i += 1
                let s = String(c)
                result.append(
                    Token(text: s, lower: s, kind: .punctuation, line: n, column: start + 1))
            }
        }
        return result
    }
}
