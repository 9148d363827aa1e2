import Foundation
import KompasCore
import KompasRules
import KompasToeslagen

/// Reads the user's rule files and installs them before any calculation (issue 16).
///
/// Where: every `*.json` in `$XDG_CONFIG_HOME/kompas/regels/` (or `~/.config/kompas/regels/`), in
/// name order, then `--regels PAD` (a file or a folder). A file that does not fit is refused as a
/// whole with its name, line and reason (exit 78): nothing of it is mixed in.
enum UserRules {
    /// The folder for the user's rule files.
    static func folder(_ environment: [String: String]) -> URL {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap {
                $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil
            }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
            .appendingPathComponent(".config")
        return config.appendingPathComponent("kompas/regels")
    }

    /// Reads, checks and installs the user's files.
    ///
    /// - Parameters:
    ///   - flag: The value of `--regels`, if given.
    ///   - context: For the environment and the working directory.
    /// - Throws: ``RuleFileError`` for a file that does not fit; a ``UserError`` when `--regels`
    ///   names nothing.
    static func install(flag: String?, context: Context) throws {
        var urls = jsonFiles(in: folder(context.environment))
        if let flag {
            let url = URL(fileURLWithPath: flag, relativeTo: context.workingDirectory)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
                throw UserError(.noInput, Message("error.fileNotFound", ["file": .text(flag)]))
            }
            urls += isDir.boolValue ? jsonFiles(in: url) : [url]
        }
        var files: [RuleFile] = []
        for url in urls {
            let data = try MunicipalityResolver.read(url, shown: url.path)
            files.append(
                try RuleFile.parse(Array(data), name: url.path, origin: .user(path: url.path)))
        }
        try Regels.install(files)
        guard !files.isEmpty else { return }
        // Tables are read by the rule that owns their shape: check them now, not mid-calculation.
        if let problem = ToeslagParameters.tableProblems.first { throw problem }
    }

    static func jsonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }
}
