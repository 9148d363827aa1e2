import Foundation
import KompasCore
import KompasStore

/// `kompas export BESTAND`: an encrypted backup of the whole store (format documented in
/// `KompasStore/Backup.swift`), protected by the store's passphrase with its own salt.
///
/// Exit 1 when damaged records had to be left out or the file's structure is damaged: the
/// intact records are in the backup (issue 18).
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
        // Issue 18: the integrity check first; what is intact is backed up even when a record
        // or the file's structure is damaged, and the damage is named (exit 1).
        let report = try store.check()
        let count = try store.exportBackup(
            report.readable, to: target, passphrase: pass,
            kdf: StoreAccess.kdf(inv.context.environment))
        let arguments: Message.Arguments = [
            "count": .number(count), "path": .text(target.path),
        ]
        if report.isIntact {
            inv.err.print(inv.t("store.exported", arguments))
            return .ok
        }
        for m in StoreCheckOutput.problems(report) {
            inv.err.print(
                "kompas: " + inv.t("doc.level.waarschuwing") + " " + inv.context.localizer.render(m)
            )
        }
        store.structureDamageNamed = true
        inv.err.print("kompas: " + inv.t("store.exportedPartly", arguments))
        return .findings
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
