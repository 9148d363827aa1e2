import KompasCore

/// `kompas samenvatting` (summary): plain-language summary as text, Markdown or printable HTML.
enum SamenvattingCommand {
    static let spec = CommandSpec(names: ["samenvatting", "summary"], summary: "cmd.samenvatting.summary",
                                  plannedIssue: 9, run: { _ in .notYetAvailable })
}
