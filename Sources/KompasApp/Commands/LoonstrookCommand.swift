import KompasCore

/// `kompas loonstrook` (payslip): add, list, import and remove payslips.
enum LoonstrookCommand {
    static let spec = CommandSpec(
        names: ["loonstrook", "payslip"], summary: "cmd.loonstrook.summary",
        subcommands: [SubcommandSpec(["toevoegen", "add"], summary: "sub.loonstrook.toevoegen"),
                      SubcommandSpec(["lijst", "list"], summary: "sub.loonstrook.lijst"),
                      SubcommandSpec(["importeer", "import"], summary: "sub.loonstrook.importeer"),
                      SubcommandSpec(["verwijder", "remove"], summary: "sub.loonstrook.verwijder")],
        plannedIssue: 5, run: { _ in .notYetAvailable })
}
