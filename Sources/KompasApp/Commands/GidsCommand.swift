import KompasCore
import KompasTerminal

/// `kompas gids` (guide): the guided conversation of issue 10.
///
/// `kompas` without a command starts
/// it too when standard input is a terminal; `kompas gids` also runs it from a pipe or a file
/// (answers line by line, no prompt decoration, ends at the end of input), so a session can be
/// scripted and replayed. Exit 0 when the person leaves (`stop`, Ctrl-D, end of input); the
/// store's codes (77 wrong passphrase three times, 75 in use, 65 damaged) otherwise.
enum GidsCommand {
    static let spec = CommandSpec(
        names: ["gids", "guide"], summary: "cmd.gids.summary",
        flags: StoreAccess.flags, producesResults: false, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "gids")
        }
        let reader = LineReader()
        // Ctrl-C cancels a question only while the guide runs; the default comes back afterwards.
        reader.catchInterrupt()
        defer { reader.restoreInterrupt() }
        return GuideSession(inv, reader: reader).run()
    }
}
