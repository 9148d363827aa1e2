import Foundation
import KompasCore

/// The message catalogs from the top-level `Locales/` folder, loaded as runtime data
/// (not `Bundle.module`, which is fragile on Linux; see house-style §7).
///
/// Search order: `KOMPAS_LOCALES_DIR`; `<executable>/../share/kompas/Locales`; the repository's
/// `Locales/` (found from this source file's path, for `swift run` and tests).
public struct LocaleCatalog: Sendable {
    public let directory: URL
    public let tables: [Language: [String: String]]

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

    public init(directory: URL, tables: [Language: [String: String]]) {
        self.directory = directory
        self.tables = tables
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
        for lang in Language.allCases {
            let file = dir.appendingPathComponent("\(lang.rawValue).json")
            do {
                let data = try Data(contentsOf: file)
                guard let table = try JSONSerialization.jsonObject(with: data) as? [String: String]
                else {
                    throw LoadError.unreadable(
                        file: file.path, reason: "not a flat object of strings")
                }
                tables[lang] = table
            } catch let e as LoadError {
                throw e
            } catch {
                throw LoadError.unreadable(file: file.path, reason: "\(error.localizedDescription)")
            }
        }
        return LocaleCatalog(directory: dir, tables: tables)
    }
}
