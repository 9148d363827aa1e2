import Foundation
import KompasCore

/// The message catalogs from the top-level `Locales/` folder, loaded as runtime data
/// (not `Bundle.module`, which is fragile on Linux; see house-style §7).
///
/// Search order: `KOMPAS_LOCALES_DIR`; `<executable>/../share/kompas/Locales`; the repository's
/// `Locales/` (found from this source file's path, for `swift run` and tests).
public struct LocaleCatalog: Sendable {
    public let directory: URL
    /// Every key's text; for a plural entry its `other` form, so tools that scan texts see it.
    public let tables: [Language: [String: String]]
    /// Plural entries, by key.
    ///
    /// In the file an object of CLDR categories instead of a string,
    /// `"watals.monthsLeft": {"one": "(nog {count} maand)", "other": "(nog {count} maanden)"}`. The form is chosen by
    /// the `count` argument with the language's ``PluralRule``.
    public let plurals: [Language: [String: [PluralCategory: String]]]

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

    public init(
        directory: URL, tables: [Language: [String: String]],
        plurals: [Language: [String: [PluralCategory: String]]] = [:]
    ) {
        self.directory = directory
        self.tables = tables
        self.plurals = plurals
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

    public static func load(from dir: URL) throws -> LocaleCatalog {
        var tables: [Language: [String: String]] = [:]
        var plurals: [Language: [String: [PluralCategory: String]]] = [:]
        for lang in Language.allCases {
            let file = dir.appendingPathComponent("\(lang.rawValue).json")
            do {
                let data = try Data(contentsOf: file)
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                else {
                    throw LoadError.unreadable(
                        file: file.path, reason: "not a flat object of strings")
                }
                var table: [String: String] = [:]
                var forms: [String: [PluralCategory: String]] = [:]
                for (key, value) in object {
                    if let s = value as? String {
                        table[key] = s
                    } else if let entry = value as? [String: String],
                        let parsed = pluralEntry(entry), let other = parsed[.other]
                    {
                        table[key] = other
                        forms[key] = parsed
                    } else {
                        throw LoadError.unreadable(
                            file: file.path,
                            reason:
                                "\(key): not a string nor an object of plural categories (zero, one, two, few, many, other) with at least other"
                        )
                    }
                }
                tables[lang] = table
                plurals[lang] = forms
            } catch let e as LoadError {
                throw e
            } catch {
                throw LoadError.unreadable(file: file.path, reason: "\(error.localizedDescription)")
            }
        }
        return LocaleCatalog(directory: dir, tables: tables, plurals: plurals)
    }

    /// A plural entry's forms, or nil when a key is not a CLDR category.
    static func pluralEntry(_ entry: [String: String]) -> [PluralCategory: String]? {
        var result: [PluralCategory: String] = [:]
        for (k, v) in entry {
            guard let c = PluralCategory(rawValue: k) else { return nil }
            result[c] = v
        }
        return result
    }
}
