import KompasCore

/// `kompas sync`: two-way sync with the municipal endpoint, with receipts.
enum SyncCommand {
    static let spec = CommandSpec(
        names: ["sync"], summary: "cmd.sync.summary",
        subcommands: [SubcommandSpec(["instellen", "setup"], summary: "sub.sync.instellen")],
        plannedIssue: 7, run: { _ in .notYetAvailable })
}
