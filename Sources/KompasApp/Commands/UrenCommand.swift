import KompasCore

/// `kompas uren` (hours): hours worked so far this month plus an estimate for the rest.
enum UrenCommand {
    static let spec = CommandSpec(names: ["uren", "hours"], summary: "cmd.uren.summary",
                                  plannedIssue: 5, run: { _ in .notYetAvailable })
}
