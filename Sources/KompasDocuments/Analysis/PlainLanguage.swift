import KompasCore

/// The project's readability rule for texts Kompas writes for clients (the summary) and the basis
/// of the document checker's sentence advice: B1 texts keep sentences short (about 15 words on
/// average), use few long words, and explain every jargon word the first time it appears
/// (Rijksoverheid "Direct duidelijk"; Stichting Lezen & Schrijven, "Schrijven op B1-niveau").
public struct PlainLanguageReport: Sendable {
    public var sentenceCount: Int
    public var wordCount: Int
    /// Average words per sentence.
    public var averageSentenceLength: Double
    /// Share of words longer than ``PlainLanguage/longWordLetters`` letters.
    public var longWordShare: Double
    public var longWords: [String]
    /// Jargon words used without an explanation in the same block or the block after it.
    public var unexplained: [String]
    public var passes: Bool {
        averageSentenceLength <= PlainLanguage.maximumAverageSentenceLength
            && longWordShare <= PlainLanguage.maximumLongWordShare && unexplained.isEmpty
    }
}

public enum PlainLanguage {
    public static let maximumAverageSentenceLength = 15.0
    /// A word with more letters than this counts as long (Dutch compounds such as
    /// "inkomstenformulier" are hard to read at B1 level).
    public static let longWordLetters = 13
    /// At most this share of the words may be long.
    public static let maximumLongWordShare = 0.08

    /// Checks `text`.
    ///
    /// Blocks are separated by blank lines; a jargon word counts as explained when its
    /// explanation (the list's sentence) is in the block of its first use or the block right after.
    public static func check(_ text: String, language: DocumentLanguage) -> PlainLanguageReport {
        let doc = Document(text: text)
        let sentences = Readability.sentences(in: doc).filter { s in
            s.words.contains { $0.kind == .word }
        }
        let words = sentences.flatMap { $0.words.filter { $0.kind == .word } }
        let long = words.filter { $0.text.count > longWordLetters }.map(\.text)
        let average =
            sentences.isEmpty
            ? 0 : Double(sentences.reduce(0) { $0 + $1.words.count }) / Double(sentences.count)
        // Blocks: runs of non-blank lines.
        var blocks: [String] = []
        var current: [String] = []
        for line in doc.lines {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty {
                    blocks.append(current.joined(separator: "\n"))
                    current = []
                }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        var unexplained: [String] = []
        let terms = JargonList.terms(for: language)
        for term in terms {
            guard
                let first = blocks.firstIndex(where: {
                    uses(term.term, in: $0, except: term.explanation)
                })
            else { continue }
            let window = blocks[first...min(first + 1, blocks.count - 1)]
            if !window.contains(where: { $0.contains(term.explanation) }) {
                unexplained.append(term.term)
            }
        }
        return PlainLanguageReport(
            sentenceCount: sentences.count, wordCount: words.count, averageSentenceLength: average,
            longWordShare: words.isEmpty ? 0 : Double(long.count) / Double(words.count),
            longWords: long, unexplained: unexplained)
    }

    /// True when `term` is used in `block` as a word (or the start of one), outside its own explanation
    /// and outside the explanation of a longer term that contains it.
    public static func uses(_ term: String, in block: String, except explanation: String) -> Bool {
        var text = block.replacingOccurrences(of: explanation, with: " ")
        for other in JargonList.nl + JargonList.en
        where other.term != term && other.term.contains(term) {
            text = text.replacingOccurrences(of: other.explanation, with: " ")
        }
        return firstUse(of: term, in: text) != nil
    }

    /// The character offset of the first use of `term` (case-insensitive, at a word start), or nil.
    public static func firstUse(of term: String, in text: String) -> Int? {
        let lower = Array(text.lowercased())
        let t = Array(term.lowercased())
        guard t.count <= lower.count else { return nil }
        var i = 0
        while i + t.count <= lower.count {
            if (i == 0 || !lower[i - 1].isLetter) && Array(lower[i..<i + t.count]) == t { return i }
            i += 1
        }
        return nil
    }

    /// Adds the explanation of each jargon word after the first block that uses it, so a text written
    /// by Kompas passes ``check(_:language:)``.
    ///
    /// `blocks` are paragraphs in reading order; returned:
    /// per block, the explanations to print right after it.
    public static func explanations(for blocks: [String], language: DocumentLanguage) -> [[String]]
    {
        var result = Array(repeating: [String](), count: blocks.count)
        for term in JargonList.terms(for: language) {
            // A longer term explained first ("inkomstenvrijlating") does not explain the shorter one.
            if let i = blocks.firstIndex(where: {
                uses(term.term, in: $0, except: term.explanation)
            }), !result[i].contains(term.explanation) {
                result[i].append(term.explanation)
            }
        }
        return result
    }
}
