import KompasCore
import KompasLayout
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
        lines += layout.definitions(
            table.commands.map { c in
                var text = context.t(c.summaryKey)
                if c.plannedIssue != nil { text += " " + context.t("help.notYet") }
                return (c.names.joined(separator: ", "), text)
            })
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
            lines += layout.definitions(
                c.subcommands.map { s in (s.names.joined(separator: ", "), context.t(s.summaryKey))
                })
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
        return layout.definitions(
            zip(flags, labels).map { f, label in (label, context.t(f.helpKey)) })
    }

    /// Help is laid out to the terminal (issue 22): two columns when wide, term above text when not.
    private var layout: TextLayout { TextLayout(width: context.terminal.width) }
}
