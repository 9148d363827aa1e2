import KompasCore

/// `kompas profiel` (profile): the stored household situation used as defaults.
enum ProfielCommand {
    static let spec = CommandSpec(
        names: ["profiel", "profile"], summary: "cmd.profiel.summary",
        subcommands: [SubcommandSpec(["toon", "show"], summary: "sub.profiel.toon"),
                      SubcommandSpec(["instellen", "set"], summary: "sub.profiel.instellen")],
        plannedIssue: 6, run: { _ in .notYetAvailable })
}
