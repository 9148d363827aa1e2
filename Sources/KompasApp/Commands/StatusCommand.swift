import KompasCore

/// `kompas status`: deadlines, what is missing, what the municipality received.
enum StatusCommand {
    static let spec = CommandSpec(names: ["status"], summary: "cmd.status.summary",
                                  plannedIssue: 5, run: { _ in .notYetAvailable })
}
