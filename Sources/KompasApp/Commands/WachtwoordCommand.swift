import KompasCore

/// `kompas wachtwoord wijzigen` (passphrase change): re-wrap the data key under a new passphrase.
enum WachtwoordCommand {
    static let spec = CommandSpec(
        names: ["wachtwoord", "passphrase"], summary: "cmd.wachtwoord.summary",
        subcommands: [SubcommandSpec(["wijzigen", "change"], summary: "sub.wachtwoord.wijzigen")],
        producesResults: false, plannedIssue: 6, run: { _ in .notYetAvailable })
}
