import Foundation

/// The Dutch words of the municipality's letters, kept Dutch in a translation, with a short
/// explanation in the client's language (issue 24: "aanvulling", "vrijlating", "Juridisch Loket").
///
/// A client who reads Polish, Turkish or Arabic still gets letters in Dutch; a translated word
/// ("dopłata") cannot be found on the letter, the Dutch one can. So the translations keep the
/// word and Kompas explains it the first time it is used in one output (one terminal run, one
/// summary): "aanvulling (dopłata od gminy …)". The file is `Locales/glossary/<code>.json`, one
/// flat object term → explanation; Dutch and English have none.
public struct Glossary: Sendable {
    public struct Entry: Sendable, Hashable {
        public let term: String
        public let explanation: String
    }
    /// Longest term first, so "bijzondere bijstand" is found before "bijstand".
    public let entries: [Entry]

    public init(_ terms: [String: String]) {
        entries = terms.map { Entry(term: $0.key, explanation: $0.value) }
            .sorted { ($0.term.count, $0.term) > ($1.term.count, $1.term) }
    }

    public static let empty = Glossary([:])
    public var isEmpty: Bool { entries.isEmpty }

    /// The file of a language in a catalog folder.
    public static func file(_ language: Language, in directory: URL) -> URL {
        directory.appendingPathComponent("glossary").appendingPathComponent(
            language.rawValue + ".json")
    }

    /// Reads `glossary/<code>.json`; a missing or unreadable file is an empty glossary (the words
    /// then stay unexplained, the text itself is complete).
    public static func load(_ language: Language, from directory: URL) -> Glossary {
        // A glossary that cannot be read is an empty one, so no second way to read it.
        guard let bytes = FileBytes.read(file(language, in: directory).path),
            let members = try? CatalogJSON.parse(bytes)
        else { return .empty }
        var object: [String: String] = [:]
        for (term, value) in members {
            guard case .text(let explanation) = value else { return .empty }
            object[term] = explanation
        }
        return Glossary(object)
    }

    /// Where `term` is used in `text`: case-insensitive, at the start of a word (the rule of the
    /// catalog check, `(?<!\w)term`), so "aanvulling" covers "Aanvullingen" and "toeslag" does
    /// not cover "zorgtoeslag".
    public static func uses(of term: String, in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(
            of: term, options: [.caseInsensitive], range: from..<text.endIndex)
        {
            if r.lowerBound == text.startIndex
                || !isWordCharacter(text[text.index(before: r.lowerBound)])
            {
                result.append(r)
            }
            from = text.index(after: r.lowerBound)
        }
        return result
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }
}

/// Adds each glossary term's explanation after its first use in one output, once.
///
/// One annotator per output: the terminal run shares one between standard output and the
/// guide's commands, a summary document has its own. Thread-safe (the caseload's workers print).
public final class GlossaryAnnotator: @unchecked Sendable {
    public let glossary: Glossary
    private let lock = NSLock()
    private var explained: Set<String> = []

    public init(_ glossary: Glossary) { self.glossary = glossary }

    /// The terms explained so far.
    public var explainedTerms: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return explained
    }

    /// Counts `terms` as explained (text that carries its own explanations went out).
    public func markExplained(_ terms: some Sequence<String>) {
        lock.lock()
        explained.formUnion(terms)
        lock.unlock()
    }

    /// One use of a term in a text: the word that holds it runs to `wordEnd`.
    struct Use {
        var entry: Glossary.Entry
        var range: Range<String.Index>
        var wordEnd: String.Index
    }

    /// The first use of each not yet explained term in `text`, in text order, leaving out a term
    /// inside a longer one ("bijstand" in "bijzondere bijstand"), a command or flag the person
    /// types ("kompas verrekening", "--loonstrook") and a file name ("loonstrook.pdf").
    func firstUses(in text: String, skipping done: Set<String>) -> [Use] {
        var taken: [Range<String.Index>] = []
        var uses: [Use] = []
        var seen = done
        for entry in glossary.entries {
            for r in Glossary.uses(of: entry.term, in: text) {
                if taken.contains(where: { $0.overlaps(r) }) { continue }
                taken.append(r)
                guard !seen.contains(entry.term), !Self.isTyped(r, in: text) else { continue }
                var end = r.upperBound
                while end < text.endIndex, Glossary.isWordCharacter(text[end]) || text[end] == "-" {
                    end = text.index(after: end)
                }
                if end < text.endIndex, text[end] == ".", text.index(after: end) < text.endIndex,
                    text[text.index(after: end)].isLetter
                {
                    continue
                }
                seen.insert(entry.term)
                uses.append(Use(entry: entry, range: r, wordEnd: end))
            }
        }
        return uses.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A word the person types: after `-` (a flag), `/` (a path) or "kompas " (a command).
    static func isTyped(_ r: Range<String.Index>, in text: String) -> Bool {
        guard r.lowerBound > text.startIndex else { return false }
        let before = text[text.index(before: r.lowerBound)]
        if "-/\\@.".contains(before) { return true }
        let head = text[..<r.lowerBound]
        return head.hasSuffix("kompas ") || head.hasSuffix("kompas  ")
    }

    /// `text` with " (explanation)" after the word of each term's first use; a use already
    /// followed by its explanation counts as explained and gets none.
    public func annotate(_ text: String) -> String {
        guard !glossary.isEmpty else { return text }
        lock.lock()
        defer { lock.unlock() }
        let uses = firstUses(in: text, skipping: explained)
        guard !uses.isEmpty else { return text }
        var out = ""
        var i = text.startIndex
        for u in uses {
            out += text[i..<u.wordEnd]
            explained.insert(u.entry.term)
            let note = " (" + u.entry.explanation + ")"
            if !text[u.wordEnd...].hasPrefix(note) { out += note }
            i = u.wordEnd
        }
        out += text[i...]
        return out
    }

    /// The terms of `text` not yet explained, counted as explained now: for a label (a heading, a
    /// table cell) whose explanations go in a note after it.
    public func take(_ text: String) -> [Glossary.Entry] {
        guard !glossary.isEmpty else { return [] }
        lock.lock()
        defer { lock.unlock() }
        let uses = firstUses(in: text, skipping: explained)
        for u in uses { explained.insert(u.entry.term) }
        return uses.map(\.entry)
    }

    /// Terminal text: prose gets the explanation in the sentence; a table row (text, a gap of two
    /// or more spaces, a figure) keeps its columns and gets the explanations on the line under it.
    public func annotateLines(_ text: String) -> String {
        guard !glossary.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let l = String(line)
            guard Self.isTableRow(l) else { return annotate(l) }
            let entries = take(l)
            guard !entries.isEmpty else { return l }
            let indent = String(l.prefix { $0 == " " }) + "  "
            return ([l] + entries.map { indent + "(" + $0.term + ": " + $0.explanation + ")" })
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A line laid out in columns: some text, then a gap of at least two spaces, then more.
    static func isTableRow(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let gap = trimmed.range(of: "  ") else { return trimmed.hasPrefix("|") }
        return !trimmed[gap.upperBound...].allSatisfy { $0 == " " }
    }
}
