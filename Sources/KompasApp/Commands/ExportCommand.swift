import KompasCore

/// `kompas export BESTAND`: an encrypted backup of the store.
enum ExportCommand {
    static let spec = CommandSpec(names: ["export"], summary: "cmd.export.summary", operands: "BESTAND",
                                  producesResults: false, plannedIssue: 6, run: { _ in .notYetAvailable })
}
