import Foundation
import KompasCore
import KompasCrypto
import KompasStore

/// The one way commands reach the encrypted store: where it is, which passphrase opens it, and
/// how long to wait when another Kompas is using it.
///
/// Commands add ``flags`` to their spec and
/// call ``open(_:)`` (existing store) or ``openOrCreate(_:)`` (first use creates it).
///
/// Where: `--opslag PAD`, else `KOMPAS_OPSLAG`, else `$XDG_DATA_HOME/kompas`, else
/// `~/.local/share/kompas` (XDG Base Directory Specification). `PAD` is a folder; the store is
/// `PAD/kompas.db`. A folder Kompas creates gets mode 0700; the default folder is set to 0700.
///
/// Passphrase: `--wachtwoord-bestand BESTAND` (first line of the file), else `KOMPAS_WACHTWOORD`,
/// else asked without echo when standard input is a terminal, else a clear error (exit 64).
/// `KOMPAS_WACHTWOORD` is for scripts: other processes of the same user can read a process's
/// environment (`/proc/PID/environ`) and shells may log it; a file with mode 0600 is safer.
public enum StoreAccess {
    public static let storeFlag = FlagSpec(["--opslag", "--store"], .value(placeholder: "PAD"))
    public static let passphraseFileFlag = FlagSpec(
        ["--wachtwoord-bestand", "--passphrase-file"], .value(placeholder: "BESTAND"))
    /// Flags every command that uses the store accepts.
    public static let flags: [FlagSpec] = [storeFlag, passphraseFileFlag]

    public static let fileName = "kompas.db"
    /// Minimum length of a new passphrase, in characters.
    public static let minimumPassphraseLength = 8

    /// The store file for this invocation.
    public static func location(_ inv: Invocation) -> URL {
        location(
            flag: inv.arguments.value(storeFlag), environment: inv.context.environment,
            workingDirectory: inv.context.workingDirectory)
    }

    public static func location(flag: String?, environment: [String: String], workingDirectory: URL)
        -> URL
    {
        if let dir = flag ?? environment["KOMPAS_OPSLAG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url =
                dir.hasPrefix("/")
                ? URL(fileURLWithPath: dir) : workingDirectory.appendingPathComponent(dir)
            return url.standardizedFileURL.appendingPathComponent(fileName)
        }
        return defaultDirectory(environment).appendingPathComponent(fileName)
    }

    /// `$XDG_DATA_HOME/kompas` when it is set and absolute (the spec says to ignore a relative
    /// one), else `$HOME/.local/share/kompas`.
    public static func defaultDirectory(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("kompas")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/kompas")
    }

    /// scrypt parameters for new key slots and backups.
    ///
    /// `KOMPAS_SCRYPT_TEST=1` selects cheap
    /// parameters so the test suite can create many stores; it is for tests only and is documented
    /// as such. Existing files always use the parameters stored in them.
    public static func kdf(_ environment: [String: String]) -> ScryptParameters {
        environment["KOMPAS_SCRYPT_TEST"] == "1" ? .testOnly : .standard
    }

    /// How long to wait for a store in use: `KOMPAS_OPSLAG_WACHTTIJD` seconds, default 5.
    public static func options(_ environment: [String: String]) -> StoreOptions {
        let seconds = environment["KOMPAS_OPSLAG_WACHTTIJD"].flatMap(Double.init).map {
            max(0, min($0, 3600))
        }
        return StoreOptions(waitSeconds: seconds ?? 5)
    }

    // MARK: Passphrases

    /// The passphrase of an existing store.
    public static func passphrase(_ inv: Invocation) throws -> Passphrase {
        if let file = inv.arguments.value(passphraseFileFlag) { return try fromFile(file, inv) }
        if let env = inv.context.environment["KOMPAS_WACHTWOORD"] { return Passphrase(env) }
        guard let typed = inv.context.readPassphrase(inv.t("store.prompt.passphrase")) else {
            throw UserError(.usage, Message("store.error.noPassphrase"))
        }
        return Passphrase(typed)
    }

    /// A passphrase being chosen: for a new store (same sources as ``passphrase(_:)``) or, with
    /// `replacing`, the new one of `wachtwoord wijzigen` (`--nieuw-wachtwoord-bestand`,
    /// `KOMPAS_NIEUW_WACHTWOORD`).
    ///
    /// Asked twice on a terminal; at least 8 characters.
    public static func newPassphrase(_ inv: Invocation, replacing: Bool = false) throws
        -> Passphrase
    {
        let text: String
        let fileFlag = replacing ? WachtwoordCommand.newPassphraseFile : passphraseFileFlag
        let envName = replacing ? "KOMPAS_NIEUW_WACHTWOORD" : "KOMPAS_WACHTWOORD"
        if let file = inv.arguments.value(fileFlag) {
            text = try readFirstLine(file, inv)
        } else if let env = inv.context.environment[envName] {
            text = env
        } else {
            guard let first = inv.context.readPassphrase(inv.t("store.prompt.newPassphrase")) else {
                throw UserError(
                    .usage,
                    Message(replacing ? "store.error.noNewPassphrase" : "store.error.noPassphrase"))
            }
            guard first.count >= minimumPassphraseLength else {
                throw UserError(
                    .usage,
                    Message(
                        "store.error.passphraseTooShort",
                        ["minimum": .number(minimumPassphraseLength)]))
            }
            guard inv.context.readPassphrase(inv.t("store.prompt.repeatPassphrase")) == first else {
                throw UserError(.usage, Message("store.error.passphraseMismatch"))
            }
            text = first
        }
        guard text.count >= minimumPassphraseLength else {
            throw UserError(
                .usage,
                Message(
                    "store.error.passphraseTooShort", ["minimum": .number(minimumPassphraseLength)])
            )
        }
        return Passphrase(text)
    }

    static func fromFile(_ path: String, _ inv: Invocation) throws -> Passphrase {
        Passphrase(try readFirstLine(path, inv))
    }

    /// The first line of a passphrase file, without its line ending.
    ///
    /// `errorKey` names the kind of file in the message (a passphrase file by default, a token file for sync).
    static func readFirstLine(
        _ path: String, _ inv: Invocation, errorKey: String = "store.error.passphraseFile"
    ) throws -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : inv.context.workingDirectory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UserError(.noInput, Message(errorKey, ["path": .text(path)]))
        }
        let text = String(decoding: data, as: UTF8.self)
        let line =
            text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(
                String.init) ?? ""
        let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !trimmed.isEmpty else {
            throw UserError(.noInput, Message(errorKey, ["path": .text(path)]))
        }
        return trimmed
    }

    // MARK: Opening

    /// The store for a command that can also work without it (profile defaults, document history,
    /// the summary's contact person): opened when it exists and a passphrase can be had — from
    /// `--wachtwoord-bestand`, `KOMPAS_WACHTWOORD`, or a prompt on a terminal — else nil.
    ///
    /// A wrong passphrase is still an error (77): the person asked for the store and mistyped.
    public static func openIfAvailable(_ inv: Invocation) throws -> Store? {
        guard Store.exists(at: location(inv)) else { return nil }
        let canAsk =
            inv.arguments.has(passphraseFileFlag)
            || inv.context.environment["KOMPAS_WACHTWOORD"] != nil
            || inv.context.terminal.stdinIsTTY
        guard canAsk else { return nil }
        return try open(inv)
    }

    /// Opens the existing store; ``StoreError/notFound(path:)`` (exit 66) says how to make one.
    public static func open(_ inv: Invocation) throws -> Store {
        try openReturningPassphrase(inv).store
    }

    /// Like ``open(_:)``, also handing back the passphrase (for a backup), so it is asked once.
    public static func openReturningPassphrase(_ inv: Invocation) throws -> (
        store: Store, passphrase: Passphrase
    ) {
        let url = location(inv)
        guard Store.exists(at: url) else { throw StoreError.notFound(path: url.path) }
        if let (store, pass): (Store, Passphrase) = inv.context.storeSession.get(url) {
            return (store, pass)
        }
        let pass = try passphrase(inv)
        let store = try Store.open(
            at: url, passphrase: pass, options: options(inv.context.environment))
        store.skipsDamagedRecords = true
        inv.context.storeSession.set(url, store: store, passphrase: pass)
        return (store, pass)
    }

    /// Names, on standard error, every record the command's reads left out because it is
    /// damaged or unreadable (issue 18: one bad record must not stop the rest), each once.
    ///
    /// Called by ``Kompas/run(_:context:environment:table:)`` after every command.
    static func reportSkipped(_ context: Context) {
        guard let store: Store = context.storeSession.current() else { return }
        for ref in store.skippedRecords {
            context.err.print(
                "kompas: " + context.t("doc.level.waarschuwing") + " "
                    + context.t(
                        "store.check.damaged",
                        ["collection": .text(ref.collection.rawValue), "id": .text(ref.id)]))
        }
        store.clearSkippedRecords()
        if store.structureVerdict == false && !store.structureDamageNamed {
            context.err.print(
                "kompas: " + context.t("doc.level.waarschuwing") + " "
                    + context.t("store.check.structure"))
            store.structureDamageNamed = true
        }
    }

    /// Opens the store, creating it first when there is none yet (asking for a new passphrase
    /// twice on a terminal).
    ///
    /// `created` tells the caller to say so.
    public static func openOrCreate(_ inv: Invocation) throws -> (
        store: Store, passphrase: Passphrase, created: Bool
    ) {
        let url = location(inv)
        if Store.exists(at: url) {
            let (store, pass) = try openReturningPassphrase(inv)
            return (store, pass, false)
        }
        let pass = try newPassphrase(inv)
        return (try create(inv, passphrase: pass), pass, true)
    }

    /// Creates a new store at the resolved location (the passphrase chosen with
    /// ``newPassphrase(_:replacing:)`` unless given).
    public static func create(_ inv: Invocation, passphrase given: Passphrase? = nil) throws
        -> Store
    {
        let url = location(inv)
        if Store.exists(at: url) { throw StoreError.alreadyExists(path: url.path) }
        let pass = try given ?? newPassphrase(inv)
        let store = try Store.create(
            at: url, passphrase: pass, kdf: kdf(inv.context.environment),
            options: options(inv.context.environment))
        // The default folder is Kompas's own: keep it private even if it existed before.
        let dir = url.deletingLastPathComponent()
        if dir.standardizedFileURL == defaultDirectory(inv.context.environment).standardizedFileURL
        {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o700], ofItemAtPath: dir.path)
        }
        return store
    }
}
