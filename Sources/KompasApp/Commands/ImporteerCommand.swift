import KompasCore

/// `kompas importeer BESTAND` (import): restore an encrypted backup.
enum ImporteerCommand {
    static let spec = CommandSpec(names: ["importeer", "import"], summary: "cmd.importeer.summary", operands: "BESTAND",
                                  producesResults: false, plannedIssue: 6, run: { _ in .notYetAvailable })
}
