import Foundation
import KompasCore
import KompasMunicipality

/// Finds the municipality file for `--gemeente`: a path to a `.json` file; else `NAAM.json` in
/// `$XDG_CONFIG_HOME/kompas/gemeenten/` (or `~/.config/kompas/gemeenten/`); else a built-in file.
///
/// Amsterdam when nothing is given.
enum MunicipalityResolver {
    static let defaultID = "amsterdam"

    static func resolve(_ value: String?, context: Context) throws -> MunicipalityFile {
        let name = (value ?? context.environment["KOMPAS_GEMEENTE"] ?? defaultID)
            .trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(".json") || name.contains("/") {
            let url = URL(fileURLWithPath: name, relativeTo: context.workingDirectory)
            return try MunicipalityLoader.decode(read(url, shown: name), name: name)
        }
        let id = name.lowercased()
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !id.isEmpty
        else {
            throw UsageError.invalidValue(
                flag: GlobalFlags.municipality.name(in: context.localizer.language), value: name,
                expected: Message("expect.municipality"))
        }
        let config =
            context.environment["XDG_CONFIG_HOME"].flatMap {
                $0.isEmpty ? nil : URL(fileURLWithPath: $0)
            }
            ?? URL(fileURLWithPath: context.environment["HOME"] ?? NSHomeDirectory())
            .appendingPathComponent(".config")
        let user = config.appendingPathComponent("kompas/gemeenten/\(id).json")
        if FileManager.default.fileExists(atPath: user.path) {
            return try MunicipalityLoader.decode(read(user, shown: user.path), name: user.path)
        }
        if let f = try MunicipalityLoader.builtIn(id) { return f }
        throw UserError(
            .noInput,
            Message(
                "municipality.error.unknown",
                [
                    "name": .text(name),
                    "known": .text(
                        MunicipalityLoader.builtIn.keys.sorted().joined(separator: ", ")),
                    "dir": .text(user.deletingLastPathComponent().path),
                ]))
    }

    static func read(_ url: URL, shown: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw UserError(.noInput, Message("error.fileNotFound", ["file": .text(shown)]))
        }
        let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attrs?[.size] as? Int, size > 1_000_000 {
            throw UserError(
                .dataError,
                Message("error.fileTooLarge", ["file": .text(shown), "limit": .text("1 MB")]))
        }
        do { return try Data(contentsOf: url) } catch {
            throw UserError(.ioError, Message("error.fileUnreadable", ["file": .text(shown)]))
        }
    }
}
