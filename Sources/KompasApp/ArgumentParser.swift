import KompasCore

/// The result of parsing: which command, its flags and operands.
public struct ParsedArguments: Sendable, Equatable {
    public var command: String?
    public var values: [String: [String]] = [:]
    public var toggles: Set<String> = []
    public var operands: [String] = []
    /// The spelling the user typed per flag (`--household` for `--huishouden`), so a message
    /// names the option as the user knows it.
    public var typed: [String: String] = [:]

    /// The flag as the user typed it, or nil when it was not given.
    public func typedName(_ flag: FlagSpec) -> String? { typed[flag.canonical] }

    /// Value of a flag by its canonical name (`--maand`); the last one wins.
    public func value(_ flag: FlagSpec) -> String? { values[flag.canonical]?.last }
    public func values(_ flag: FlagSpec) -> [String] { values[flag.canonical] ?? [] }
    public func has(_ flag: FlagSpec) -> Bool {
        toggles.contains(flag.canonical) || values[flag.canonical] != nil
    }
}

/// Errors in the command line itself: unknown command or flag, missing value.
///
/// Exit code 64.
public enum UsageError: KompasError, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unknownFlag(String, command: String?, suggestion: String?)
    /// A flag without its value; the message gives a real example in the user's language.
    case missingValue(flag: String, placeholder: String, spec: FlagSpec? = nil)
    case unexpectedValue(flag: String)
    case unexpectedOperand(String, command: String)
    case unknownSubcommand(String, command: String, choices: [String])
    case missingSubcommand(command: String, choices: [String])
    case invalidValue(flag: String, value: String, expected: Message)
    case conflicting(String, String)
    case missingFlag(flag: String)

    public var exitCode: ExitCode { .usage }

    /// The command whose options were being read, so the help hint can name that command's help
    /// ("kompas watals --help") instead of the general one.
    public var command: String? {
        switch self {
        case .unknownFlag(_, let c, _): return c
        case .unexpectedOperand(_, let c), .unknownSubcommand(_, let c, _),
            .missingSubcommand(let c, _):
            return c
        default: return nil
        }
    }

    public var message: Message {
        switch self {
        case .unknownCommand(let c, let s):
            return s.map {
                Message(
                    "error.unknownCommand.suggest", ["command": .text(c), "suggestion": .text($0)])
            }
                ?? Message("error.unknownCommand", ["command": .text(c)])
        case .unknownFlag(let f, _, let s):
            return s.map {
                Message("error.unknownFlag.suggest", ["flag": .text(f), "suggestion": .text($0)])
            }
                ?? Message("error.unknownFlag", ["flag": .text(f)])
        case .missingValue(let f, let p, let spec):
            guard let spec else {
                return Message(
                    "error.missingOperand",
                    [
                        "flag": .text(f),
                        "placeholder": .message(Message("placeholder." + p.lowercased())),
                    ])
            }
            return Message(
                "error.missingValue", ["flag": .text(f), "example": .message(spec.example)])
        case .unexpectedValue(let f): return Message("error.unexpectedValue", ["flag": .text(f)])
        case .unexpectedOperand(let o, let c):
            return Message("error.unexpectedOperand", ["operand": .text(o), "command": .text(c)])
        case .unknownSubcommand(let s, let c, let ch):
            return Message(
                "error.unknownSubcommand",
                [
                    "sub": .text(s), "command": .text(c),
                    "choices": .text(ch.joined(separator: ", ")),
                ])
        case .missingSubcommand(let c, let ch):
            return Message(
                "error.missingSubcommand",
                ["command": .text(c), "choices": .text(ch.joined(separator: ", "))])
        case .invalidValue(let f, let v, let e):
            return Message(
                "error.invalidValue",
                ["flag": .text(f), "value": .text(v), "expected": .message(e)])
        case .conflicting(let a, let b):
            return Message("error.conflictingFlags", ["a": .text(a), "b": .text(b)])
        case .missingFlag(let f): return Message("error.missingFlag", ["flag": .text(f)])
        }
    }
}

/// A small, strict parser for the command table: `--flag value`, `--flag=value`, toggles,
/// repeated flags, operands, and `--` to end flags.
///
/// Suggests the nearest name on a typo.
public struct ArgumentParser: Sendable {
    public let table: CommandTable
    public init(table: CommandTable) { self.table = table }

    public func parse(_ args: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var command: CommandSpec?
        var i = 0
        var flagsEnded = false
        func flagSet() -> [FlagSpec] { command?.allFlags ?? (GlobalFlags.all) }
        while i < args.count {
            let arg = args[i]
            i += 1
            if !flagsEnded && arg == "--" {
                flagsEnded = true
                continue
            }
            if !flagsEnded && arg.hasPrefix("-") && arg.count > 1 && Money.parse(arg) == nil {
                var name = arg
                var inline: String?
                if let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
                let available = flagSet()
                guard let spec = available.first(where: { $0.names.contains(name) }) else {
                    let all = available.flatMap(\.names).filter { $0.hasPrefix("--") }
                    throw .unknownFlag(
                        name, command: command?.name, suggestion: Suggest.nearest(name, in: all))
                }
                result.typed[spec.canonical] = name
                switch spec.kind {
                case .toggle:
                    if inline != nil { throw .unexpectedValue(flag: name) }
                    result.toggles.insert(spec.canonical)
                case .value(let p), .repeated(let p):
                    var value: String
                    if let v = inline {
                        value = v
                    } else if i < args.count, !(args[i].hasPrefix("--") && args[i].count > 2) {
                        value = args[i]
                        i += 1
                    } else {
                        throw .missingValue(flag: name, placeholder: p, spec: spec)
                    }
                    // A value of a fixed set arrives in its Dutch spelling, whichever language
                    // it was typed in; anything else is left for the command to refuse.
                    value = spec.choice(value) ?? value
                    if case .value = spec.kind {
                        result.values[spec.canonical] = [value]
                    } else {
                        result.values[spec.canonical, default: []].append(value)
                    }
                }
                continue
            }
            if command == nil {
                guard let spec = table.command(named: arg) else {
                    throw .unknownCommand(
                        arg, suggestion: Suggest.nearest(arg, in: table.commands.flatMap(\.names)))
                }
                command = spec
                result.command = spec.name
            } else {
                result.operands.append(arg)
            }
        }
        return result
    }
}

/// "Bedoelde je …?": the nearest name by edit distance, when it is close enough to be a typo.
public enum Suggest {
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, c.lowercased())
            if d < best?.1 ?? Int.max { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(2, w.count / 3)
        if d <= limit { return name }
        if let p = candidates.first(where: { $0.lowercased().hasPrefix(w) && w.count >= 3 }) {
            return p
        }
        // A longer form of a real option ("--kinderen" for "--kind", "--urenperweek" for
        // "--uren"): the longest option the word starts with.
        return
            candidates
            .filter { $0.count >= 5 && w.hasPrefix($0.lowercased()) }
            .max(by: { $0.count < $1.count })
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(
                    prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
