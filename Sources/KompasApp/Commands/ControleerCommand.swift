import KompasCore

/// `kompas controleer cv|brief` (check): rule-based checks of a CV or cover letter.
enum ControleerCommand {
    static let spec = CommandSpec(
        names: ["controleer", "check"], summary: "cmd.controleer.summary",
        subcommands: [SubcommandSpec(["cv"], summary: "sub.controleer.cv"),
                      SubcommandSpec(["brief", "letter"], summary: "sub.controleer.brief")],
        operands: "BESTAND", plannedIssue: 8, run: { _ in .notYetAvailable })
}
