import KompasCore

/// A flag as the command table declares it.
///
/// The table is the single source for parsing, help,
/// the man-page check and shell completion.
public struct FlagSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// On when present (`--json`).
        case toggle
        /// Takes one value (`--maand 2026-03`, `--maand=2026-03`).
        case value(placeholder: String)
        /// Takes a value and may be given more than once (`--kind 4 --kind 11`).
        case repeated(placeholder: String)
    }
    /// All spellings, Dutch first: `["--uitleg", "--explain"]`.
    public let names: [String]
    public let kind: Kind
    /// Locale key of the one-line help; by default `flag.<canonical name>`.
    public let helpKey: String

    public init(_ names: [String], _ kind: Kind = .toggle, help: String? = nil) {
        self.names = names
        self.kind = kind
        self.helpKey = help ?? "flag." + names[0].drop(while: { $0 == "-" })
    }
    public var canonical: String { names[0] }
    public var placeholder: String? {
        switch kind {
        case .toggle: nil
        case .value(let p), .repeated(let p): p
        }
    }
}

/// A subcommand word (`loonstrook toevoegen`, alias `add`).
public struct SubcommandSpec: Sendable, Hashable {
    public let names: [String]
    public let summaryKey: String
    public init(_ names: [String], summary: String) {
        self.names = names
        self.summaryKey = summary
    }
}

/// A command in the table.
///
/// `run` receives a parsed ``Invocation``; a command whose part of Kompas
/// is not built yet has `plannedIssue` set and is never run (it says so and exits 3).
public struct CommandSpec: Sendable {
    public let names: [String]
    public let summaryKey: String
    public let subcommands: [SubcommandSpec]
    /// Positional arguments shown in the synopsis, for example `[ID]`, `bash|zsh|fish`.
    public let operands: String?
    public let flags: [FlagSpec]
    /// Commands that produce results accept `--json` and `--uitleg`.
    public let producesResults: Bool
    public let plannedIssue: Int?
    public let run: @Sendable (Invocation) throws -> ExitCode

    public init(
        names: [String], summary: String, subcommands: [SubcommandSpec] = [],
        operands: String? = nil,
        flags: [FlagSpec] = [], producesResults: Bool = true, plannedIssue: Int? = nil,
        run: @escaping @Sendable (Invocation) throws -> ExitCode
    ) {
        self.names = names
        self.summaryKey = summary
        self.subcommands = subcommands
        self.operands = operands
        self.flags = flags
        self.producesResults = producesResults
        self.plannedIssue = plannedIssue
        self.run = run
    }

    public var name: String { names[0] }

    /// Every flag this command accepts: its own plus the global ones (and `--json`/`--uitleg` for results).
    public var allFlags: [FlagSpec] {
        GlobalFlags.all + (producesResults ? GlobalFlags.results : []) + flags
    }
}

/// Flags every command accepts.
public enum GlobalFlags {
    public static let help = FlagSpec(["--help", "-h", "--hulp"])
    public static let language = FlagSpec(["--taal", "--language"], .value(placeholder: "nl|en"))
    public static let version = FlagSpec(["--versie", "--version"])
    public static let json = FlagSpec(["--json"])
    public static let explain = FlagSpec(["--uitleg", "--explain"])
    public static let municipality = FlagSpec(
        ["--gemeente", "--municipality"], .value(placeholder: "NAAM"))
    /// `--regels PAD`: a rule file or a folder of rule files that add or replace legal figures
    /// for this run, on top of `$XDG_CONFIG_HOME/kompas/regels/` (issue 16).
    public static let rules = FlagSpec(["--regels", "--rules"], .value(placeholder: "PAD"))
    public static let all: [FlagSpec] = [help, language, version, rules]
    public static let results: [FlagSpec] = [json, explain]
}
