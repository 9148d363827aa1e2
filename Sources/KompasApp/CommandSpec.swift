import KompasCore
import KompasLocalization

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

    /// The values this flag takes when it takes a fixed set (`--huishouden`): each with its
    /// Dutch and English spelling, from the `a|b|c` placeholder and ``ValueChoice/english``.
    public let choices: [ValueChoice]

    public init(_ names: [String], _ kind: Kind = .toggle, help: String? = nil) {
        self.names = names
        self.kind = kind
        self.helpKey = help ?? "flag." + names[0].drop(while: { $0 == "-" })
        switch kind {
        case .value(let p), .repeated(let p):
            self.choices =
                p.contains("|") && p == p.lowercased()
                ? p.split(separator: "|").map { ValueChoice(dutch: String($0)) } : []
        case .toggle: self.choices = []
        }
    }
    public var canonical: String { names[0] }
    /// The English spelling of the flag (`--household`), or the canonical one when it has none.
    public var english: String {
        names.dropFirst().first { $0.hasPrefix("--") } ?? canonical
    }
    /// The flag's name in a language: the user reads the spelling of their language.
    ///
    /// Polish, Turkish and Arabic read the Dutch spelling: their catalogs' examples are the Dutch
    /// ones, and the parser takes Dutch and English words only.
    public func name(in language: Language) -> String {
        language == .en ? english : canonical
    }
    /// A real value for this flag in the user's language (`14,71` / `14.71` for `--uurloon`), for
    /// the message about a missing value; every value flag has one in each catalog (a test checks).
    public var example: Message { Message("example." + canonical.drop(while: { $0 == "-" })) }

    /// The placeholder as the help shows it in a language: the values of a fixed set in that
    /// language's spelling (`single|single-parent|couple`), or each upper-case word translated
    /// (`JJJJ-MM` → `YYYY-MM`, `NAAM:BEDRAG:DAG` → `NAME:AMOUNT:DAY`).
    public func placeholder(_ localizer: Localizer) -> String? {
        guard let p = placeholder else { return nil }
        if !choices.isEmpty {
            return choices.map { $0.spelling(in: localizer.language) }.joined(separator: "|")
        }
        return Self.translatePlaceholders(p, localizer)
    }

    /// Translates every upper-case word of a synopsis (`[BESTAND|NUMMER]` → `[FILE|NUMBER]`).
    public static func translatePlaceholders(_ text: String, _ localizer: Localizer) -> String {
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty {
                let key = "placeholder." + word.lowercased()
                out += localizer.has(key) ? localizer.text(key) : word
                word = ""
            }
        }
        for ch in text {
            if ch.isUppercase || (ch == "-" && !word.isEmpty) {
                word.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// The Dutch spelling of a value given in either language (`single-parent` →
    /// `alleenstaande-ouder`), or nil when the value is none of the choices.
    public func choice(_ raw: String) -> String? {
        let r = raw.trimmingCharacters(in: .whitespaces).lowercased()
        return choices.first { $0.spellings.contains(r) }?.dutch
    }
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
    public static let language = FlagSpec(
        ["--taal", "--language"], .value(placeholder: "nl|en|pl|tr|ar"))
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

/// One value of a flag with a fixed set of values, in both spellings.
///
/// Both are accepted everywhere; the help shows the spelling of the user's language (issue 22).
public struct ValueChoice: Sendable, Hashable {
    public let dutch: String
    public let english: String

    public init(dutch: String) {
        self.dutch = dutch
        self.english = Self.english[dutch] ?? dutch
    }
    public var spellings: [String] { dutch == english ? [dutch] : [dutch, english] }
    public func spelling(in language: Language) -> String { language == .en ? english : dutch }

    /// The English spelling of every Dutch value a flag lists; a value the same in both
    /// languages (`html`, `nl`) is listed as itself, so a test can tell a forgotten one.
    public static let english: [String: String] = [
        "alleenstaande": "single", "alleenstaande-ouder": "single-parent", "samenwonend": "couple",
        "dagopvang": "daycare", "bso": "after-school", "gastouder": "childminder",
        "ja": "yes", "nee": "no", "klant": "client", "klantmanager": "caseworker",
        "mijne": "mine", "gemeente": "municipality", "nl": "nl", "en": "en", "pl": "pl", "tr": "tr",
        "ar": "ar",
        "tekst": "text", "markdown": "markdown", "html": "html", "svg": "svg",
        "uren": "hours", "kalender": "calendar",
        "week": "weekly", "4weken": "four-weekly", "maand": "monthly", ";": ";", ",": ",",
        "sollicitatie": "application", "netwerkgesprek": "networking", "cursus": "course",
        "proefdag": "trial-day", "open-dag": "open-day", "uitzendbureau": "employment-agency",
        "verstuurd": "sent", "nabellen-gepland": "follow-up-planned", "gesprek": "interview",
        "afgewezen": "rejected", "aanbod": "offer", "aangenomen": "accepted",
    ]
}
