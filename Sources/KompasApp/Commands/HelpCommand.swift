import KompasCore

/// `kompas help [COMMAND]`: the same text as `--help`.
enum HelpCommand {
    static let spec = CommandSpec(
        names: ["help", "hulp"], summary: "cmd.help.summary", operands: "[OPDRACHT]",
        producesResults: false, run: run)
    static func run(_ inv: Invocation) throws -> ExitCode {
        let renderer = HelpRenderer(context: inv.context, table: inv.table)
        guard let name = inv.arguments.operands.first else {
            inv.out.unannotated.print(renderer.overview())
            return .ok
        }
        guard let c = inv.table.command(named: name) else {
            throw UsageError.unknownCommand(
                name, suggestion: Suggest.nearest(name, in: inv.table.commands.flatMap(\.names)))
        }
        inv.out.unannotated.print(renderer.command(c))
        return .ok
    }
}
