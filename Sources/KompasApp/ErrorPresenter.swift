import KompasCore
import KompasLocalization

/// The one place where errors become text and exit codes.
///
/// Everything below throws typed errors.
public enum ErrorPresenter {
    /// Writes the localized message (and a hint for usage errors) to stderr; returns the exit code.
    public static func present(_ error: Error, context: Context, command: String?) -> ExitCode {
        let l = context.localizer
        let style = context.style
        if let e = error as? KompasError {
            context.err.print(style.red("kompas: ") + l.render(e.message))
            if e.exitCode == .usage {
                let helpTarget = command.map { "kompas \($0) --help" } ?? "kompas --help"
                context.err.print(l.text("error.seeHelp", ["command": .text(helpTarget)]))
            }
            return e.exitCode
        }
        context.err.print(
            "kompas: " + l.text("error.internal", ["detail": .text(String(describing: error))]))
        return .software
    }
}
