import Foundation
import KompasCore
import KompasStore

/// `kompas wis` (erase): delete all stored data after confirmation, the right to erasure
/// (AVG/GDPR artikel 17).
///
/// No passphrase is needed: someone who forgot it must still be able to
/// remove their data. Confirmation is the typed word "ja" (or "yes") on a terminal, or `--ja`.
/// What is removed is listed in `Store.erase(at:options:)`; files are unlinked, not overwritten
/// (an overwrite does not reach old blocks on journaling or copy-on-write file systems and SSDs;
/// what remains on the disk is sealed under a key that was only stored in the deleted file).
enum WisCommand {
    static let yes = FlagSpec(["--ja", "--yes"])
    static let spec = CommandSpec(
        names: ["wis", "erase"], summary: "cmd.wis.summary",
        flags: [StoreAccess.storeFlag, yes], producesResults: false, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        let url = StoreAccess.location(inv)
        let dir = url.deletingLastPathComponent()
        let sidecars = ["", "-wal", "-shm", "-journal", ".lock"].map { url.path + $0 }
        let anything =
            sidecars.contains { FileManager.default.fileExists(atPath: $0) }
            || ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).contains {
                Backup.isBackup(at: dir.appendingPathComponent($0))
            }
        guard anything else {
            inv.err.print(inv.t("store.nothingToErase", ["path": .text(dir.path)]))
            return .ok
        }
        if !inv.arguments.has(yes) {
            guard inv.context.terminal.stdinIsTTY else {
                throw UserError(.usage, Message("store.error.eraseNeedsConfirmation"))
            }
            inv.err.print(inv.t("store.prompt.erase", ["path": .text(dir.path)]), terminator: " ")
            let answer = (inv.context.readLine() ?? "").trimmingCharacters(in: .whitespaces)
                .lowercased()
            guard answer == "ja" || answer == "yes" else {
                inv.err.print(inv.t("store.eraseCancelled"))
                return .ok
            }
        }
        inv.context.storeSession.forget()
        let removed = try Store.erase(
            at: url, options: StoreAccess.options(inv.context.environment))
        inv.err.print(
            inv.t("store.erased", ["count": .number(removed.count), "path": .text(dir.path)]))
        return .ok
    }
}
