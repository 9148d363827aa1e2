import Foundation
import KompasCore
import KompasStore

/// `kompas importeer BESTAND` (import): restore an encrypted backup made by `kompas export`, in
/// one transaction.
///
/// Without a store yet, one is created with the backup's passphrase. The file is
/// recognised by its magic bytes before any passphrase is asked; anything else (a CSV of
/// payslips, say) gets a message pointing to the right command.
enum ImporteerCommand {
    static let spec = CommandSpec(
        names: ["importeer", "import"], summary: "cmd.importeer.summary", operands: "BESTAND",
        flags: StoreAccess.flags, producesResults: false, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        let source = try ExportCommand.fileOperand(inv)
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw UserError(
                .noInput, Message("store.error.fileNotFound", ["path": .text(source.path)]))
        }
        guard Backup.isBackup(at: source) else { throw StoreError.notABackup(path: source.path) }
        var created = false
        var location = StoreAccess.location(inv)
        let summary: ImportSummary
        do {
            // The store lives only inside this block, so its lock is released before a failed
            // first import removes the store it just created.
            let (store, pass, isNew) = try StoreAccess.openOrCreate(inv)
            created = isNew
            location = store.url
            summary = try store.importBackup(from: source, passphrase: pass)
        } catch {
            if created { _ = try? Store.erase(at: location, options: StoreOptions(waitSeconds: 1)) }
            throw error
        }
        if created { inv.err.print(inv.t("store.created", ["path": .text(location.path)])) }
        inv.err.print(
            inv.t(
                "store.imported",
                ["added": .number(summary.added), "replaced": .number(summary.replaced)]))
        return .ok
    }
}
