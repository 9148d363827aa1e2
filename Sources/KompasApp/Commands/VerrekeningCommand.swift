import KompasCore

/// `kompas verrekening` (settle): the settlement preview per month; `--caseload` for many clients.
enum VerrekeningCommand {
    static let spec = CommandSpec(names: ["verrekening", "settle"], summary: "cmd.verrekening.summary",
                                  flags: [WatalsCommand.month, GlobalFlags.municipality],
                                  plannedIssue: 5, run: { _ in .notYetAvailable })
}
