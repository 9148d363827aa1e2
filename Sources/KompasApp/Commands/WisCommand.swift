import KompasCore

/// `kompas wis` (erase): delete all stored data after confirmation (the right to be forgotten).
enum WisCommand {
    static let spec = CommandSpec(names: ["wis", "erase"], summary: "cmd.wis.summary",
                                  producesResults: false, plannedIssue: 6, run: { _ in .notYetAvailable })
}
