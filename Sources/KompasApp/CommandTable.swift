import KompasCore

/// The single list of commands: parsing, `--help`, the man-page test and shell completion
/// all read it.
///
/// Add a command by adding its file under `Commands/` and one line here.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]

    public static let standard = CommandTable(commands: [
        WatalsCommand.spec,
        ProfielCommand.spec,
        LoonstrookCommand.spec,
        UrenCommand.spec,
        VerrekeningCommand.spec,
        ControleerCommand.spec,
        SollicitatieCommand.spec,
        BaanCommand.spec,
        SamenvattingCommand.spec,
        SyncCommand.spec,
        StatusCommand.spec,
        GidsCommand.spec,
        RegelsCommand.spec,
        ExportCommand.spec,
        ImporteerCommand.spec,
        WisCommand.spec,
        WachtwoordCommand.spec,
        CompletionsCommand.spec,
        HelpCommand.spec,
    ])

    public init(commands: [CommandSpec]) { self.commands = commands }

    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.names.contains(name) }
    }
}
