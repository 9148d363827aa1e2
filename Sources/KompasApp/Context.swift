import Foundation
import KompasCore
import KompasLocalization
import KompasProvisions
import KompasTerminal

/// Everything a command may touch, injected: environment, clock, language, output, terminal.
///
/// Tests build one with a fixed clock and buffer sinks; `main` builds the real one.
public struct Context: Sendable {
    public var environment: [String: String]
    public var clock: Clock
    public var localizer: Localizer
    public var out: TextSink
    public var err: TextSink
    public var terminal: TerminalInfo
    /// Reads one line from standard input (nil at end of input).
    public var readLine: @Sendable () -> String?
    /// Asks for a passphrase without echo (nil when there is no terminal).
    ///
    /// Tests script it.
    public var readPassphrase: @Sendable (_ prompt: String) -> String?
    /// The running executable, to find installed data next to it.
    public var executable: URL?
    public var workingDirectory: URL
    /// True when the guide runs the command for the person: its text then says in words what
    /// to do and never names a flag or a command (issue 22).
    public var inGuide = false
    /// The store opened during this run (shared by every copy of this context).
    public let storeSession = StoreSession()
    /// The glossary explanations given in this run (issue 24), shared by every copy of this
    /// context, so a Dutch word is explained once per run, also when the guide runs commands.
    public let glossaryNotes = GlossaryNotes()

    public init(
        environment: [String: String], clock: Clock, localizer: Localizer, out: TextSink,
        err: TextSink,
        terminal: TerminalInfo, readLine: @escaping @Sendable () -> String? = { nil },
        readPassphrase: @escaping @Sendable (_ prompt: String) -> String? = { _ in nil },
        executable: URL? = nil,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.environment = environment
        self.clock = clock
        self.localizer = localizer
        self.out = out
        self.err = err
        self.terminal = terminal
        self.readLine = readLine
        self.readPassphrase = readPassphrase
        self.executable = executable
        self.workingDirectory = workingDirectory
    }

    public var style: Style { Style(enabled: terminal.colour) }
    public func t(_ key: String, _ args: Message.Arguments = [:]) -> String {
        localizer.text(key, args)
    }
}

/// One run of one command: the parsed arguments and the context.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let arguments: ParsedArguments
    public let context: Context
    public let table: CommandTable

    public var json: Bool { arguments.has(GlobalFlags.json) }
    public var explain: Bool { arguments.has(GlobalFlags.explain) }
    /// Standard output: laid out to the terminal's width, except for `--json`, which is printed
    /// byte for byte.
    public var out: TextSink { json ? context.out.unformatted : context.out }
    public var err: TextSink { context.err }
    public func t(_ key: String, _ args: Message.Arguments = [:]) -> String {
        context.t(key, args)
    }

    /// The first operand as a subcommand of this command (by any of its names), or a usage error.
    public func subcommand(required: Bool = true) throws -> SubcommandSpec? {
        let choices = spec.subcommands.map { $0.names[0] }
        guard let word = arguments.operands.first else {
            if required { throw UsageError.missingSubcommand(command: spec.name, choices: choices) }
            return nil
        }
        guard let sub = spec.subcommands.first(where: { $0.names.contains(word) }) else {
            throw UsageError.unknownSubcommand(word, command: spec.name, choices: choices)
        }
        return sub
    }
}

/// The store opened during one run, so a command that first reads the profile and then its own
/// data (verrekening, uren, samenvatting, the guide's tasks) asks for the passphrase and runs
/// scrypt once.
///
/// A new run gets a new session; `wis` forgets it before erasing.
public final class StoreSession: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: (path: String, store: AnyObject, passphrase: AnyObject)?
    public init() {}

    func get<S: AnyObject, P: AnyObject>(_ url: URL) -> (S, P)? {
        lock.lock()
        defer { lock.unlock() }
        guard let o = opened, o.path == url.standardizedFileURL.path, let s = o.store as? S,
            let p = o.passphrase as? P
        else { return nil }
        return (s, p)
    }
    func set(_ url: URL, store: AnyObject, passphrase: AnyObject) {
        lock.lock()
        opened = (url.standardizedFileURL.path, store, passphrase)
        lock.unlock()
    }
    /// The store opened in this run, if any.
    func current<S: AnyObject>() -> S? {
        lock.lock()
        defer { lock.unlock() }
        return opened?.store as? S
    }
    func forget() {
        lock.lock()
        opened = nil
        lock.unlock()
    }
}

extension Localizer {
    /// A municipal provision's name in this language (the data files name it in Dutch and
    /// English; other languages read the Dutch name, the one on the municipality's letters),
    /// decided in one place for every view (``LocalizedText/text(_:)``).
    func name(_ t: LocalizedText) -> String { t.text(language) }
}

extension String {
    /// The text with its first letter a capital ("Huurtoeslag" as a row label).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Which glossary words one terminal run has explained (``GlossaryAnnotator``): standard output
/// and error share it; the guide's change of language starts the new language's glossary.
public final class GlossaryNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var annotator: GlossaryAnnotator?
    public init() {}

    /// Explains the words of `localizer`'s glossary from now on (none for Dutch and English).
    public func use(_ localizer: Localizer) {
        let g = localizer.glossary
        lock.lock()
        annotator = g.isEmpty ? nil : GlossaryAnnotator(g)
        lock.unlock()
    }

    var current: GlossaryAnnotator? {
        lock.lock()
        defer { lock.unlock() }
        return annotator
    }

    /// Terminal text with each word's explanation after its first use in this run.
    public func annotate(_ text: String) -> String { current?.annotateLines(text) ?? text }

    /// Counts `terms` as explained (a summary that carries its own explanations was printed).
    public func markExplained(_ terms: some Sequence<String>) { current?.markExplained(terms) }
}
