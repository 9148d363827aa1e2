import KompasCore
import KompasStore

/// `kompas wachtwoord instellen` (passphrase set) creates the store on first use;
/// `kompas wachtwoord wijzigen` (change) re-wraps the data key under a new passphrase.
///
/// The records
/// are not re-encrypted, so this is fast and cannot lose data; the new key slot gets the current
/// default scrypt parameters, which is how they are raised for an existing store.
enum WachtwoordCommand {
    static let newPassphraseFile = FlagSpec(
        ["--nieuw-wachtwoord-bestand", "--new-passphrase-file"], .value(placeholder: "BESTAND"))

    static let spec = CommandSpec(
        names: ["wachtwoord", "passphrase"], summary: "cmd.wachtwoord.summary",
        subcommands: [
            SubcommandSpec(["instellen", "set"], summary: "sub.wachtwoord.instellen"),
            SubcommandSpec(["wijzigen", "change"], summary: "sub.wachtwoord.wijzigen"),
        ],
        flags: StoreAccess.flags + [newPassphraseFile],
        producesResults: false, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        guard let sub = try inv.subcommand() else { return .usage }
        if inv.arguments.operands.count > 1 {
            throw UsageError.unexpectedOperand(inv.arguments.operands[1], command: inv.spec.name)
        }
        switch sub.names[0] {
        case "instellen":
            let store = try StoreAccess.create(inv)
            inv.err.print(inv.t("store.created", ["path": .text(store.url.path)]))
        default:
            let store = try StoreAccess.open(inv)
            let new = try StoreAccess.newPassphrase(inv, replacing: true)
            try store.changePassphrase(to: new, kdf: StoreAccess.kdf(inv.context.environment))
            inv.context.storeSession.forget()
            inv.err.print(inv.t("store.passphraseChanged"))
        }
        return .ok
    }
}
