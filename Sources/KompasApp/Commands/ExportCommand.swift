import Foundation
import KompasCore
import KompasStore

/// `kompas export BESTAND`: an encrypted backup of the whole store (format documented in
/// `KompasStore/Backup.swift`), protected by the store's passphrase with its own salt.
///
/// Never
/// overwrites a file.
enum ExportCommand {
    static let spec = CommandSpec(
        names: ["export"], summary: "cmd.export.summary", operands: "BESTAND",
        flags: StoreAccess.flags, producesResults: false, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        let target = try fileOperand(inv)
        let (store, pass) = try StoreAccess.openReturningPassphrase(inv)
        let count = try store.exportBackup(
            to: target, passphrase: pass, kdf: StoreAccess.kdf(inv.context.environment))
        inv.err.print(
            inv.t("store.exported", ["count": .number(count), "path": .text(target.path)]))
        return .ok
    }

    /// The single `BESTAND` operand, relative to the working directory.
    static func fileOperand(_ inv: Invocation) throws -> URL {
        guard let name = inv.arguments.operands.first else {
            throw UsageError.missingValue(flag: inv.spec.name, placeholder: "BESTAND")
        }
        if inv.arguments.operands.count > 1 {
            throw UsageError.unexpectedOperand(inv.arguments.operands[1], command: inv.spec.name)
        }
        return name.hasPrefix("/")
            ? URL(fileURLWithPath: name) : inv.context.workingDirectory.appendingPathComponent(name)
    }
}
