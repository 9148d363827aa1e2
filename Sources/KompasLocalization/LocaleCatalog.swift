import Foundation
import KompasCore

/// The message catalogs from the top-level `Locales/` folder, loaded as runtime data
/// (not `Bundle.module`, which is fragile on Linux; see house-style §7).
///
/// Search order: `KOMPAS_LOCALES_DIR`; `<executable>/../share/kompas/Locales`; the repository's
/// `Locales/` (found from this source file's path, for `swift run` and tests).
public struct LocaleCatalog: Sendable {
    public let directory: URL
    /// The languages' tables, filled when a language is first asked for (issue 23: `kompas
    /// --versie` reads no catalog, a command reads only the one of its language).
    private let storage: Storage

    /// Every key's text; for a plural entry its `other` form, so tools that scan texts see it.
    ///
    /// Reads every language's file (for tests and tools that compare languages); a command asks
    /// for one language with ``table(_:)``.
    public var tables: [Language: [String: String]] {
        var result: [Language: [String: String]] = [:]
        for lang in Language.allCases { result[lang] = storage.full(lang)?.table }
        return result
    }
    /// Plural entries, by key.
    ///
    /// In the file an object of CLDR categories instead of a string,
    /// `"watals.monthsLeft": {"one": "(nog {count} maand)", "other": "(nog {count} maanden)"}`. The form is chosen by
    /// the `count` argument with the language's ``PluralRule``.
    public var plurals: [Language: [String: [PluralCategory: String]]] {
        var result: [Language: [String: [PluralCategory: String]]] = [:]
        for lang in Language.allCases { result[lang] = storage.full(lang)?.plurals }
        return result
    }

    /// One language's texts, read from its file the first time.
    public func table(_ language: Language) -> [String: String]? {
        storage.full(language)?.table
    }

    /// One text of a language (for a plural entry its `other` form), read from its file the
    /// first time; only this string is made (``CatalogIndex``).
    public func text(_ key: String, in language: Language) -> String? {
        guard let entry = storage.entry(language) else { return nil }
        if let index = entry.index { return index.text(key) }
        return entry.table[key]
    }

    /// One plural entry's forms; nil for a plain text or a missing key.
    public func forms(_ key: String, in language: Language) -> [PluralCategory: String]? {
        guard let entry = storage.entry(language) else { return nil }
        if let index = entry.index { return index.forms(key) }
        return entry.plurals[key]
    }

    /// One language's glossary (`glossary/<code>.json` beside the catalogs), read the first time;
    /// empty for Dutch and English.
    public func glossary(_ language: Language) -> Glossary {
        guard language.isTranslation else { return .empty }
        return storage.glossary(language) { Glossary.load(language, from: directory) }
    }

    /// One language's plural entries, read from its file the first time.
    public func pluralForms(_ language: Language) -> [String: [PluralCategory: String]]? {
        storage.full(language)?.plurals
    }

    public enum LoadError: KompasError {
        case notFound(searched: [String])
        case unreadable(file: String, reason: String)
        public var exitCode: ExitCode { .configuration }
        public var message: Message {
            // The catalog itself is missing, so these texts cannot come from it: see ErrorPresenter.
            switch self {
            case .notFound(let s):
                return Message("locales.notFound", ["paths": .text(s.joined(separator: ", "))])
            case .unreadable(let f, let r):
                return Message("locales.unreadable", ["file": .text(f), "reason": .text(r)])
            }
        }
    }

    /// A catalog of texts already in memory (tests, tools).
    public init(
        directory: URL, tables: [Language: [String: String]],
        plurals: [Language: [String: [PluralCategory: String]]] = [:]
    ) {
        self.directory = directory
        var entries: [Language: Entry] = [:]
        for (lang, table) in tables {
            entries[lang] = Entry(table: table, plurals: plurals[lang] ?? [:])
        }
        self.storage = Storage(entries: entries, read: nil)
    }

    private init(directory: URL, read: @escaping @Sendable (Language) -> Entry?) {
        self.directory = directory
        self.storage = Storage(entries: [:], read: read)
    }

    /// One language's parsed file.
    ///
    /// Its texts as an index over the file (the common case, strings made when asked for), or as
    /// tables (a catalog in memory, a file read the full way, or an index made whole).
    struct Entry: Sendable {
        var table: [String: String]
        var plurals: [String: [PluralCategory: String]]
        var index: CatalogIndex?

        init(table: [String: String], plurals: [String: [PluralCategory: String]]) {
            self.table = table
            self.plurals = plurals
        }

        init(index: CatalogIndex) {
            self.table = [:]
            self.plurals = [:]
            self.index = index
        }
    }

    /// The parsed languages behind a lock: a catalog is shared by the caseload's worker threads.
    private final class Storage: @unchecked Sendable {
        let lock = NSLock()
        var entries: [Language: Entry]
        var tried: Set<Language> = []
        let read: (@Sendable (Language) -> Entry?)?

        init(entries: [Language: Entry], read: (@Sendable (Language) -> Entry?)?) {
            self.entries = entries
            self.read = read
        }

        var glossaries: [Language: Glossary] = [:]

        func glossary(_ language: Language, _ read: () -> Glossary) -> Glossary {
            lock.lock()
            defer { lock.unlock() }
            if let g = glossaries[language] { return g }
            let g = read()
            glossaries[language] = g
            return g
        }

        /// The entry with its tables made whole (tests and tools that read every text).
        func full(_ language: Language) -> Entry? {
            guard let e = entry(language) else { return nil }
            guard let index = e.index else { return e }
            let (table, plurals) = index.tables()
            let whole = Entry(table: table, plurals: plurals)
            lock.lock()
            entries[language] = whole
            lock.unlock()
            return whole
        }

        func entry(_ language: Language) -> Entry? {
            lock.lock()
            defer { lock.unlock() }
            if let e = entries[language] { return e }
            guard let read, !tried.contains(language) else { return nil }
            tried.insert(language)
            let e = read(language)
            entries[language] = e
            return e
        }
    }

    /// Candidate folders in search order.
    public static func candidates(environment: [String: String], executable: URL?) -> [URL] {
        var result: [URL] = []
        if let d = environment["KOMPAS_LOCALES_DIR"], !d.isEmpty {
            result.append(URL(fileURLWithPath: d))
        }
        if let exe = executable {
            let bin = exe.resolvingSymlinksInPath().deletingLastPathComponent()
            result.append(
                bin.deletingLastPathComponent().appendingPathComponent("share/kompas/Locales"))
        }
        #if !KOMPAS_INSTALLED
            // Only for `swift run` and tests; an installed build (Scripts/install.sh) has no source tree.
            result.append(repositoryRoot.appendingPathComponent("Locales"))
        #endif
        return result
    }

    /// The repository root as seen from this source file at build time.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func load(environment: [String: String], executable: URL?) throws -> LocaleCatalog
    {
        let dirs = candidates(environment: environment, executable: executable)
        for dir in dirs
        where FileManager.default.fileExists(atPath: dir.appendingPathComponent("nl.json").path) {
            return try load(from: dir)
        }
        throw LoadError.notFound(searched: dirs.map(\.path))
    }

    /// Finds the catalog folder now and reads a language's file only when its first text is asked
    /// for (issue 23: cold start).
    ///
    /// A file that turns out unreadable then calls `failure` (a broken installation; the
    /// executable says so in both languages and stops), as ``load(from:)`` would have thrown.
    public static func lazy(
        environment: [String: String], executable: URL?,
        failure: @escaping @Sendable (LoadError) -> Never
    ) throws -> LocaleCatalog {
        let dirs = candidates(environment: environment, executable: executable)
        for dir in dirs
        where FileManager.default.fileExists(atPath: dir.appendingPathComponent("nl.json").path) {
            return LocaleCatalog(directory: dir) { lang in
                do throws(LoadError) {
                    return try readLanguage(lang, from: dir)
                } catch {
                    failure(error)
                }
            }
        }
        throw LoadError.notFound(searched: dirs.map(\.path))
    }

    public static func load(from dir: URL) throws -> LocaleCatalog {
        var entries: [Language: Entry] = [:]
        for lang in Language.allCases { entries[lang] = try readLanguage(lang, from: dir) }
        return LocaleCatalog(directory: dir, entries: entries)
    }

    private init(directory: URL, entries: [Language: Entry]) {
        self.directory = directory
        self.storage = Storage(entries: entries, read: nil)
    }

    /// Reads and checks one language's file.
    static func readLanguage(_ lang: Language, from dir: URL) throws(LoadError) -> Entry {
        let file = dir.appendingPathComponent("\(lang.rawValue).json")
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file.path) ?? [UInt8](Data(contentsOf: file))
        } catch {
            throw LoadError.unreadable(file: file.path, reason: "\(error.localizedDescription)")
        }
        // The common case: an index over the bytes, strings made when asked for (issue 23).
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if CatalogJSON.isUTF8(body), let index = CatalogIndex.build(bytes) {
            return Entry(index: index)
        }
        // Anything else the full way: the same texts, and the errors it always gave.
        let members: [(key: String, value: CatalogJSON.Value)]
        do {
            members = try CatalogJSON.parse(bytes)
        } catch {
            throw LoadError.unreadable(
                file: file.path, reason: "line \(error.line): \(error.reason)")
        }
        var table: [String: String] = [:]
        table.reserveCapacity(members.count)
        var forms: [String: [PluralCategory: String]] = [:]
        for (key, value) in members {
            switch value {
            case .text(let s):
                table[key] = s
                forms[key] = nil
            case .forms(let entry):
                if let parsed = pluralEntry(entry), let other = parsed[.other] {
                    table[key] = other
                    forms[key] = parsed
                    continue
                }
                fallthrough
            case .other:
                throw LoadError.unreadable(
                    file: file.path,
                    reason:
                        "\(key): not a string nor an object of plural categories (zero, one, two, few, many, other) with at least other"
                )
            }
        }
        return Entry(table: table, plurals: forms)
    }

    /// A plural entry's forms, or nil when a key is not a CLDR category.
    static func pluralEntry(_ entry: [String: String]) -> [PluralCategory: String]? {
        pluralEntry(entry.map { (key: $0.key, text: $0.value) })
    }

    /// The same, for the members as the file lists them.
    static func pluralEntry(_ entry: [(key: String, text: String)]) -> [PluralCategory: String]? {
        var result: [PluralCategory: String] = [:]
        for (k, v) in entry {
            guard let c = PluralCategory(rawValue: k) else { return nil }
            result[c] = v
        }
        return result
    }

}
