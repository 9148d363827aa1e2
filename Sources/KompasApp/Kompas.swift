import Foundation
import KompasCore
import KompasLocalization
import KompasTerminal

/// The program: resolve language and clock, parse, run, present errors.
///
/// `main.swift` calls ``run``.
public enum Kompas {
    public static let version = "0.1.0"

    /// Runs one command line.
    ///
    /// Returns the exit code; writes only through the context's sinks.
    public static func run(
        _ args: [String], context makeContext: (Language) throws -> Context,
        environment: [String: String], table: CommandTable = .standard
    ) -> Int32 {
        // The language is needed before anything else can be said, so read `--taal` first by hand.
        var languageFlag: String?
        for (i, a) in args.enumerated() {
            if a == "--taal" || a == "--language", i + 1 < args.count { languageFlag = args[i + 1] }
            if a.hasPrefix("--taal=") || a.hasPrefix("--language=") {
                languageFlag = String(a.split(separator: "=", maxSplits: 1).last ?? "")
            }
        }
        let (language, unknownLanguage) = Language.choose(
            flag: languageFlag, environment: environment)
        var context: Context
        do {
            context = try makeContext(language)
        } catch {
            return catalogMissing(error)
        }
        // Issue 22: on a terminal (or with COLUMNS) every text the commands and the guide print is
        // laid out to the width, so no line is cut by the terminal in the middle of a word.
        // Machine output (JSON, CSV, HTML, scripts) goes through `unformatted`. Into a pipe or a
        // file the commands keep their own 80-column tables and rows, and every other line stays
        // as it is: one message, one line, for grep, scripts and logs.
        if context.terminal.widthIsKnown {
            context.out = context.out.laidOut(width: context.terminal.width)
            context.err = context.err.laidOut(width: context.terminal.width)
        }
        // Issue 24: in Polish, Turkish and Arabic a Dutch word of the municipality's letters
        // gets its explanation after its first use in this run (help and machine output skip it).
        context.glossaryNotes.use(context.localizer)
        let notes = context.glossaryNotes
        context.out = context.out.annotated { notes.annotate($0) }
        context.err = context.err.annotated { notes.annotate($0) }
        if let bad = unknownLanguage {
            // One line in Dutch and English, then on in Dutch: a person with a French computer
            // still gets an answer (issue 22).
            context.err.print(
                "kompas: " + context.t("warning.unknownLanguage", ["value": .text(bad)]))
        }
        if let v = environment["KOMPAS_VANDAAG"], !v.isEmpty, LocalDate.parse(v) == nil {
            return ErrorPresenter.present(
                UserError(.usage, Message("error.badToday", ["value": .text(v)])),
                context: context, command: nil
            ).rawValue
        }
        // Whatever the command did, a record it had to leave out is named (issue 18).
        defer { StoreAccess.reportSkipped(context) }
        let parser = ArgumentParser(table: table)
        let parsed: ParsedArguments
        do {
            parsed = try parser.parse(args)
        } catch {
            return ErrorPresenter.present(
                error, context: context, command: error.command
            ).rawValue
        }
        if parsed.has(GlobalFlags.version) {
            context.out.print("kompas \(version)")
            return 0
        }
        if !parsed.has(GlobalFlags.help) {
            // The user's rule files, before the first figure is read (issue 16).
            do {
                try UserRules.install(flag: parsed.value(GlobalFlags.rules), context: context)
            } catch {
                return ErrorPresenter.present(error, context: context, command: parsed.command)
                    .rawValue
            }
        }
        guard let name = parsed.command, let spec = table.command(named: name) else {
            if parsed.has(GlobalFlags.help) || !context.terminal.stdinIsTTY {
                context.out.unannotated.print(
                    HelpRenderer(context: context, table: table).overview())
                return 0
            }
            // A person at a terminal who types just `kompas` gets the guided conversation (issue 10).
            // Without a terminal the overview stays, so `kompas | less` and scripts see the commands;
            // a scripted guide is `kompas gids`.
            guard let guide = table.command(named: "gids") else {
                context.out.unannotated.print(
                    HelpRenderer(context: context, table: table).overview())
                return ExitCode.usage.rawValue
            }
            do {
                return try guide.run(
                    Invocation(spec: guide, arguments: parsed, context: context, table: table)
                ).rawValue
            } catch {
                return ErrorPresenter.present(error, context: context, command: guide.name).rawValue
            }
        }
        if parsed.has(GlobalFlags.help) {
            context.out.unannotated.print(
                HelpRenderer(context: context, table: table).command(spec))
            return 0
        }
        if let issue = spec.plannedIssue {
            context.err.print(
                "kompas: "
                    + context.t(
                        "app.notYetAvailable",
                        ["command": .text(spec.name), "issue": .number(issue)]))
            return ExitCode.notYetAvailable.rawValue
        }
        do {
            return try spec.run(
                Invocation(spec: spec, arguments: parsed, context: context, table: table)
            ).rawValue
        } catch {
            return ErrorPresenter.present(error, context: context, command: spec.name).rawValue
        }
    }

    /// The real process: real environment, system clock or `KOMPAS_VANDAAG`, real terminal.
    public static func main() -> Int32 {
        if let line = quickVersionLine(
            Array(CommandLine.arguments.dropFirst()), getenv: { getenv($0) })
        {
            print(line, terminator: "")
            return 0
        }
        let env = ProcessInfo.processInfo.environment
        let exe = URL(
            fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
                ? CommandLine.arguments[0]
                : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        let args = Array(CommandLine.arguments.dropFirst())
        return run(
            args,
            context: { lang in
                // Issue 23: the language's file is read at its first text, so `--versie`
                // reads none; a file found broken then stops the run as before.
                let catalog = try LocaleCatalog.lazy(
                    environment: env, executable: executableURL() ?? exe,
                    failure: { exit(catalogMissing($0)) })
                let clock = (try? clockFromEnvironment(env)) ?? .system
                let terminal = TerminalInfo.detect(environment: env)
                return Context(
                    environment: env, clock: clock,
                    localizer: Localizer(language: lang, catalog: catalog),
                    out: .standardOutput, err: .standardError, terminal: terminal,
                    readLine: { Swift.readLine(strippingNewline: true) },
                    // Only ask on the terminal when standard input is one: a script piping
                    // into kompas gets a clear error instead of a hidden prompt.
                    readPassphrase: {
                        terminal.stdinIsTTY ? PassphrasePrompt.read(prompt: $0) : nil
                    },
                    executable: executableURL() ?? exe)
            }, environment: env)
    }

    /// `kompas --versie` answered before the command table, environment and catalog exist.
    ///
    /// A script that asks for the version should not pay for the whole program's
    /// start (issue 23, a third of that start). Only when the answer is certainly what ``run``
    /// prints: exactly one argument, a language setting that gives no warning and a valid
    /// `KOMPAS_VANDAAG` (else `run` warns or stops); otherwise nil and the normal path runs.
    static func quickVersionLine(
        _ args: [String], getenv: (String) -> UnsafeMutablePointer<CChar>?
    ) -> String? {
        guard args.count == 1, args[0] == "--versie" || args[0] == "--version" else { return nil }
        var environment: [String: String] = [:]
        for name in ["KOMPAS_TAAL", "LC_ALL", "LANG", "KOMPAS_VANDAAG"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        guard Language.choose(flag: nil, environment: environment).unknown == nil else {
            return nil
        }
        if let today = environment["KOMPAS_VANDAAG"], !today.isEmpty, LocalDate.parse(today) == nil
        {
            return nil
        }
        return "kompas \(version)\n"
    }

    /// Without a catalog there is no localized text: says it in both languages.
    ///
    /// Returns the exit code.
    static func catalogMissing(_ error: any Error) -> Int32 {
        let detail = (error as? LocaleCatalog.LoadError).map { "\($0)" } ?? "\(error)"
        FileHandle.standardError.write(
            Data(
                "kompas: de taalbestanden (Locales) zijn niet gevonden / the language files (Locales) were not found: \(detail)\n"
                    .utf8))
        return ExitCode.configuration.rawValue
    }

    /// `KOMPAS_VANDAAG=JJJJ-MM-DD` fixes today for reproducible runs; otherwise the system clock.
    public static func clockFromEnvironment(_ env: [String: String]) throws -> Clock {
        if let v = env["KOMPAS_VANDAAG"], !v.isEmpty {
            guard let d = LocalDate.parse(v) else {
                throw UserError(.usage, Message("error.badToday", ["value": .text(v)]))
            }
            return .fixed(d)
        }
        return .system
    }

    static func executableURL() -> URL? {
        #if os(Linux)
            if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            {
                return URL(fileURLWithPath: p)
            }
        #endif
        return Bundle.main.executableURL
    }
}
