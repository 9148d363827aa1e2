import Foundation
import KompasCore

/// One value of a parameter after the user's files were laid over the built-in ones.
public struct MergedValue: Sendable, Hashable {
    public var from: LocalDate
    public var value: RuleJSON?
    public var state: ParameterState
    public var source: String
    public var url: String?
    public var verified: String
    public var rule: String?
    public var origin: ParameterOrigin
    public var line: Int
}

/// One parameter with its merged values and the facts of its built-in definition.
public struct MergedParameter: Sendable {
    public var id: String
    public var title: String
    public var bwb: String?
    public var summary: String
    public var unit: ParameterUnit
    public var article: String?
    public var anchor: String?
    public var publication: String?
    public var revision: ParameterRevision
    public var values: [MergedValue]
    /// The built-in file that defines the parameter.
    public var file: String

    /// The law reference, with the URL of the newest published value (else the newest at all).
    public var reference: LegalReference {
        let url =
            values.last { $0.value != nil && $0.url != nil && $0.state == .vastgesteld }?.url
            ?? values.last { $0.value != nil && $0.url != nil }?.url
        return .law(title, article: article, url: url, publication: publication)
    }
}

/// Every legal figure of this run: the built-in rule files, with the user's files laid over them.
///
/// Pure: the App reads the user's files and hands them in; this type does no I/O.
public struct RuleBook: Sendable {
    public let builtInFiles: [RuleFile]
    public let userFiles: [RuleFile]
    public let parameters: [String: MergedParameter]
    /// Ids in the order of the files, for listings.
    public let ids: [String]

    /// Merges built-in and user files.
    ///
    /// A user's value replaces the built-in values for the days it covers (from `vanaf` to `tot`,
    /// or on without `tot`); the built-in values outside those days stay.
    /// - Parameters:
    ///   - builtIn: The embedded files (already checked).
    ///   - user: The user's files (already checked), in the order they were read.
    /// - Throws: ``RuleFileError`` when a user's file names an unknown parameter, gives another
    ///   unit, or two user files cover the same day of the same parameter.
    public init(builtIn: [RuleFile], user: [RuleFile]) throws(RuleFileError) {
        builtInFiles = builtIn
        userFiles = user
        var params: [String: MergedParameter] = [:]
        var ids: [String] = []
        for f in builtIn {
            for p in f.parameters {
                guard params[p.id] == nil else {
                    throw RuleFileError(
                        file: f.name, line: p.line, parameter: p.id, reason: .duplicateID)
                }
                guard let unit = p.unit, let summary = p.summary, let revision = p.revision else {
                    throw RuleFileError(
                        file: f.name, line: p.line, parameter: p.id,
                        reason: .missingField("eenheid"))
                }
                params[p.id] = MergedParameter(
                    id: p.id, title: f.title ?? f.name, bwb: f.bwb, summary: summary, unit: unit,
                    article: p.article, anchor: p.anchor, publication: p.publication,
                    revision: revision, values: RuleBook.values(p, origin: f.origin), file: f.name)
                ids.append(p.id)
            }
        }
        // Which user file covers which days of which parameter, to refuse two files that mix.
        var claimed: [String: [(from: LocalDate, until: LocalDate?, file: String)]] = [:]
        for f in user {
            for p in f.parameters {
                guard var base = params[p.id] else {
                    throw RuleFileError(
                        file: f.name, line: p.line, parameter: p.id, reason: .unknownParameter)
                }
                if let u = p.unit, u != base.unit {
                    throw RuleFileError(
                        file: f.name, line: p.line, parameter: p.id,
                        reason: .unitMismatch(expected: base.unit.rawValue))
                }
                for v in p.values
                where v.value != nil && !RuleValues.fits(v.value ?? .null(line: 0), base.unit) {
                    throw RuleFileError(
                        file: f.name, line: v.value?.line ?? v.line, parameter: p.id,
                        date: v.from, reason: .invalidValue(unit: base.unit.rawValue))
                }
                let segments = RuleBook.segments(p)
                for s in segments {
                    for c in claimed[p.id, default: []]
                    where c.file != f.name
                        && RuleBook.overlaps(s.from, s.until, c.from, c.until)
                    {
                        throw RuleFileError(
                            file: f.name, line: s.line, parameter: p.id, date: s.from,
                            reason: .conflict(otherFile: c.file))
                    }
                }
                claimed[p.id, default: []] += segments.map { ($0.from, $0.until, f.name) }
                base.values = RuleBook.overlay(base.values, with: segments, origin: f.origin)
                params[p.id] = base
            }
        }
        self.parameters = params
        self.ids = ids
    }

    static func overlaps(_ a: LocalDate, _ aEnd: LocalDate?, _ b: LocalDate, _ bEnd: LocalDate?)
        -> Bool
    {
        (aEnd.map { b < $0 } ?? true) && (bEnd.map { a < $0 } ?? true)
    }

    /// The values of a built-in parameter, with an ending entry where a value has `tot`.
    static func values(_ p: RuleParameterSpec, origin: ParameterOrigin) -> [MergedValue] {
        var out: [MergedValue] = []
        for (i, v) in p.values.enumerated() {
            out.append(
                MergedValue(
                    from: v.from, value: v.value, state: v.state, source: v.source, url: v.url,
                    verified: v.verified, rule: v.rule, origin: origin, line: v.line))
            let next = i + 1 < p.values.count ? p.values[i + 1].from : nil
            if let u = v.until, next != u {
                out.append(
                    MergedValue(
                        from: u, value: nil, state: .vastgesteld, source: v.source, url: v.url,
                        verified: "", rule: nil, origin: origin, line: v.line))
            }
        }
        return out
    }

    struct Segment {
        var from: LocalDate
        var until: LocalDate?
        var value: MergedValue
        var line: Int
    }

    /// A user's parameter as days it covers: each value until its `tot`, the next value, or on.
    static func segments(_ p: RuleParameterSpec) -> [Segment] {
        p.values.enumerated().map { i, v in
            let next = i + 1 < p.values.count ? p.values[i + 1].from : nil
            return Segment(
                from: v.from, until: v.until ?? next,
                value: MergedValue(
                    from: v.from, value: v.value, state: v.state, source: v.source, url: v.url,
                    verified: v.verified, rule: v.rule, origin: .builtIn(file: ""), line: v.line),
                line: v.line)
        }
    }

    /// Lays segments over a value list: inside a segment its value holds, outside the old ones.
    static func overlay(_ base: [MergedValue], with segments: [Segment], origin: ParameterOrigin)
        -> [MergedValue]
    {
        // The base as segments (the last one runs on).
        var pieces: [Segment] = base.enumerated().map { i, v in
            Segment(
                from: v.from, until: i + 1 < base.count ? base[i + 1].from : nil, value: v,
                line: v.line)
        }
        for s in segments {
            var next: [Segment] = []
            for piece in pieces {
                guard overlaps(piece.from, piece.until, s.from, s.until) else {
                    next.append(piece)
                    continue
                }
                if piece.from < s.from {
                    var left = piece
                    left.until = s.from
                    next.append(left)
                }
                if let end = s.until, piece.until.map({ end < $0 }) ?? true {
                    var right = piece
                    right.from = end
                    right.value.from = end
                    next.append(right)
                }
            }
            var mine = s
            mine.value.origin = origin
            next.append(mine)
            pieces = next.sorted { $0.from < $1.from }
        }
        var out: [MergedValue] = []
        for (i, piece) in pieces.enumerated() {
            var v = piece.value
            v.from = piece.from
            out.append(v)
            let next = i + 1 < pieces.count ? pieces[i + 1].from : nil
            if let u = piece.until, next != u {
                // The user's value ends and nothing follows: not in force from then on.
                out.append(
                    MergedValue(
                        from: u, value: nil, state: .vastgesteld, source: v.source, url: v.url,
                        verified: "", rule: nil, origin: v.origin, line: v.line))
            }
        }
        return out
    }

    /// The typed parameter for a rule, read with `decode`; a value that does not decode becomes
    /// "not in force" and is reported by ``problems(decoding:)``.
    public func parameter<V: ParameterValue>(_ id: String, decode: (RuleJSON) -> V?) -> Parameter<V>
    {
        guard let p = parameters[id] else {
            return Parameter(
                id: id, unit: .count, reference: .law("?"), summary: id, history: [])
        }
        let history = p.values.map { v in
            ParameterEntry<V>(
                from: v.from, value: v.value.flatMap(decode), source: v.source,
                verified: v.verified, state: v.state, origin: v.origin, url: v.url, rule: v.rule)
        }
        return Parameter(
            id: id, unit: p.unit, reference: p.reference, summary: p.summary, history: history)
    }

    /// The values of `id` that `decode` cannot read, as errors (for a table from a user's file).
    public func problems<V>(_ id: String, decoding decode: (RuleJSON) -> V?) -> [RuleFileError] {
        guard let p = parameters[id] else { return [] }
        return p.values.compactMap { v in
            guard let raw = v.value, decode(raw) == nil else { return nil }
            return RuleFileError(
                file: v.origin.file, line: v.line, parameter: id, date: v.from,
                reason: .invalidValue(unit: p.unit.rawValue))
        }
    }
}

/// The rule book of this process: built in, plus the user's files installed once by the App
/// before the first calculation.
///
/// Engines read parameters through static handles (`NormParameters.alleenstaande`), so the book is
/// fixed the first time any handle is read; installing after that is refused as a bug.
public enum Regels {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var user: [RuleFile] = []
        var frozen: RuleBook?
        var loadError: RuleFileError?
        /// Built-in files read one at a time (each as a book of its own), by embedded index,
        /// while no user's files are installed (issue 23).
        var single: [Int: RuleBook] = [:]
        /// ``Regels/install(_:)`` ran with no files: built in only, fixed.
        var builtInOnly = false
    }
    private static let store = Store()

    /// Installs the user's files.
    ///
    /// They are checked and merged now, so a bad file is refused before any calculation.
    /// Installing the same set again is a no-op.
    /// - Parameter files: The user's files in the order they were read.
    /// - Throws: ``RuleFileError`` for a file that does not fit the built-in rules.
    public static func install(_ files: [RuleFile]) throws(RuleFileError) {
        store.lock.lock()
        defer { store.lock.unlock() }
        if let book = store.frozen {
            if book.userFiles == files { return }
            throw RuleFileError(file: files.first?.name ?? "-", line: 0, reason: .alreadyLoaded)
        }
        // A figure was read from a built-in file alone, or no user's files were installed: the
        // book is fixed as built in only, and nothing needs merging (issue 23: every command
        // installs, most with no files, and that parsed every rule file before the first figure).
        if !store.single.isEmpty || store.builtInOnly {
            if files.isEmpty { return }
            throw RuleFileError(file: files.first?.name ?? "-", line: 0, reason: .alreadyLoaded)
        }
        if files.isEmpty {
            store.builtInOnly = true
            return
        }
        let builtIn = BuiltInRules.files
        let book = try RuleBook(builtIn: builtIn.files, user: files)
        store.user = files
        store.frozen = book
    }

    /// The book, built in only unless ``install(_:)`` ran first.
    public static var book: RuleBook {
        store.lock.lock()
        defer { store.lock.unlock() }
        if let b = store.frozen { return b }
        let builtIn = BuiltInRules.files
        let b: RuleBook
        do {
            b = try RuleBook(builtIn: builtIn.files, user: [])
        } catch {
            preconditionFailure(
                "the built-in rule files do not merge: \(error) (the lint test catches this)")
        }
        store.frozen = b
        return b
    }

    /// The book that holds `id`: the whole book once it is built (or when a user's files are
    /// installed), else only the built-in file that defines `id`, parsed on its first figure.
    ///
    /// A built-in parameter is the same read from its own file as from the whole book: the merge
    /// only adds the user's values, and with none installed it copies each file's parameters as
    /// they are (a test compares every id both ways).
    static func source(of id: String) -> RuleBook? {
        store.lock.lock()
        defer { store.lock.unlock() }
        if let b = store.frozen { return b }
        guard let i = BuiltInRules.fileIndex[id] else { return nil }
        if let b = store.single[i] { return b }
        let (name, bytes) = BuiltInRules.embedded[i]
        do throws(RuleFileError) {
            let file = try RuleFile.parse(bytes, name: name, origin: .builtIn(file: name))
            let b = try RuleBook(builtIn: [file], user: [])
            store.single[i] = b
            return b
        } catch {
            return nil  // the whole book reports it (a broken build; the lint test fails on it)
        }
    }

    /// A money parameter ("1234.56" in the file).
    public static func money(_ id: String) -> Parameter<Money> {
        parameter(id, decode: RuleValues.money)
    }
    /// A rate parameter ("35.75" percent in the file).
    public static func rate(_ id: String) -> Parameter<Rate> {
        parameter(id, decode: RuleValues.rate)
    }
    /// A whole-number parameter (ages, months, hours).
    public static func integer(_ id: String) -> Parameter<Int> {
        parameter(id, decode: RuleValues.integer)
    }
    /// A structured parameter, read by the rule that owns its shape.
    public static func parameter<V: ParameterValue>(_ id: String, decode: (RuleJSON) -> V?)
        -> Parameter<V>
    {
        (source(of: id) ?? book).parameter(id, decode: decode)
    }
}
