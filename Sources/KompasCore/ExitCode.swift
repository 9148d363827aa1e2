/// The documented exit codes (sysexits-style).
///
/// One table for every command; `man kompas` lists it.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Everything went well.
    case ok = 0
    /// A check ran and found warnings or errors (controleer), or a consistency check found problems.
    case findings = 1
    /// The command exists but its part of Kompas is not built yet.
    case notYetAvailable = 3
    /// Wrong use: unknown command or flag, missing or malformed value.
    case usage = 64
    /// The input data is wrong: a malformed or impossible amount, date or file content; a rule not in force.
    case dataError = 65
    /// An input file does not exist or cannot be read.
    case noInput = 66
    /// A service or tool is unavailable: the endpoint cannot be reached, `pdftotext` is not installed.
    case unavailable = 69
    /// An internal error: a bug in Kompas.
    case software = 70
    /// Reading or writing a file failed.
    case ioError = 74
    /// A temporary failure: try again (the store is in use, the server is busy).
    case temporaryFailure = 75
    /// Access refused: wrong passphrase, token refused.
    case permission = 77
    /// A configuration or data file (municipality file) is invalid.
    case configuration = 78

    /// Key of the one-line explanation in `Locales/`.
    public var messageKey: String { "exit.\(rawValue)" }
}

/// Every error Kompas shows to a person: a localized message and an exit code.
///
/// Typed errors stay typed until the App's ErrorPresenter turns them into text.
public protocol KompasError: Error, Sendable {
    var exitCode: ExitCode { get }
    var message: Message { get }
}

/// A general-purpose typed error for the edge, when no module-specific type fits.
public struct UserError: KompasError {
    public var exitCode: ExitCode
    public var message: Message
    public init(_ exitCode: ExitCode, _ message: Message) {
        self.exitCode = exitCode
        self.message = message
    }
}
