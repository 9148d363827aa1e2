import KompasCore
import KompasLocalization

/// `kompas --help` and `kompas <command> --help`, from the command table, in the user's language.
struct HelpRenderer {
    let context: Context
    let table: CommandTable

    func overview() -> String {
        var lines: [String] = []
        lines.append(context.t("help.title", ["version": .text(Kompas.version)]))
        lines.append("")
        lines.append(
            context.t("help.usage") + " kompas <" + context.t("help.command") + "> ["
                + context.t("help.options") + "]")
        lines.append("")
        lines.append(context.t("help.commands"))
        let width = table.commands.map { $0.names.joined(separator: ", ").count }.max() ?? 10
        for c in table.commands {
            let names = c.names.joined(separator: ", ")
            let pad = String(repeating: " ", count: width - names.count + 2)
            var line = "  " + names + pad + context.t(c.summaryKey)
            if c.plannedIssue != nil { line += " " + context.t("help.notYet") }
            lines.append(line)
        }
        lines.append("")
        lines.append(context.t("help.globalFlags"))
        lines.append(contentsOf: flagLines(GlobalFlags.all + GlobalFlags.results))
        lines.append("")
        lines.append(context.t("help.more"))
        return lines.joined(separator: "\n")
    }

    func command(_ c: CommandSpec) -> String {
        var lines: [String] = []
        var synopsis = "kompas " + c.name
        if !c.subcommands.isEmpty {
            synopsis += " " + c.subcommands.map { $0.names[0] }.joined(separator: "|")
        }
        if let o = c.operands {
            synopsis += " " + FlagSpec.translatePlaceholders(o, context.localizer)
        }
        synopsis += " [" + context.t("help.options") + "]"
        lines.append(context.t("help.usage") + " " + synopsis)
        if c.names.count > 1 {
            lines.append(
                context.t(
                    "help.alias", ["names": .text(c.names.dropFirst().joined(separator: ", "))]))
        }
        lines.append("")
        lines.append(context.t(c.summaryKey))
        if let issue = c.plannedIssue {
            lines.append("")
            lines.append(
                context.t(
                    "app.notYetAvailable", ["command": .text(c.name), "issue": .number(issue)]))
        }
        if !c.subcommands.isEmpty {
            lines.append("")
            lines.append(context.t("help.subcommands"))
            let w = c.subcommands.map { $0.names.joined(separator: ", ").count }.max() ?? 0
            for s in c.subcommands {
                let n = s.names.joined(separator: ", ")
                lines.append(
                    "  " + n + String(repeating: " ", count: w - n.count + 2)
                        + context.t(s.summaryKey))
            }
        }
        lines.append("")
        lines.append(context.t("help.flags"))
        lines.append(
            contentsOf: flagLines(
                c.flags + (c.producesResults ? GlobalFlags.results : []) + GlobalFlags.all))
        return lines.joined(separator: "\n")
    }

    private func flagLines(_ flags: [FlagSpec]) -> [String] {
        let labels = flags.map { f in
            f.names.joined(separator: ", ")
                + (f.placeholder(context.localizer).map { " " + $0 } ?? "")
        }
        let w = min(labels.map(\.count).max() ?? 0, 36)
        return zip(flags, labels).map { f, label in
            let help = context.t(f.helpKey)
            if label.count > w {
                return "  " + label + "\n  " + String(repeating: " ", count: w + 2) + help
            }
            return "  " + label + String(repeating: " ", count: w - label.count + 2) + help
        }
    }
}
