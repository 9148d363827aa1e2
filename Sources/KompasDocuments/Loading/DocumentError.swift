import KompasCore

/// Why a document could not be read.
///
/// Each case has a clear message and a documented exit code
/// (`ExitCode`); the App's ErrorPresenter turns it into text.
public enum DocumentError: KompasError, Equatable {
    case empty(file: String)
    case binary(file: String)
    case tooLarge(file: String, limitMB: Int)
    case notAZip(file: String)
    case zipBomb(file: String, limitMB: Int)
    case damagedDocx(file: String)
    case unsupportedType(file: String)
    case pdftotextMissing(file: String)
    case pdfFailed(file: String)

    public var exitCode: ExitCode {
        switch self {
        case .pdftotextMissing: .unavailable
        default: .dataError
        }
    }

    public var message: Message {
        switch self {
        case .empty(let f): Message("doc.error.empty", ["file": .text(f)])
        case .binary(let f): Message("doc.error.binary", ["file": .text(f)])
        case .tooLarge(let f, let mb):
            Message("doc.error.tooLarge", ["file": .text(f), "limit": .number(mb)])
        case .notAZip(let f): Message("doc.error.notAZip", ["file": .text(f)])
        case .zipBomb(let f, let mb):
            Message("doc.error.zipBomb", ["file": .text(f), "limit": .number(mb)])
        case .damagedDocx(let f): Message("doc.error.damagedDocx", ["file": .text(f)])
        case .unsupportedType(let f): Message("doc.error.unsupportedType", ["file": .text(f)])
        case .pdftotextMissing(let f):
            Message(
                "doc.error.pdftotextMissing", ["file": .text(f), "package": .text("poppler-utils")])
        case .pdfFailed(let f): Message("doc.error.pdfFailed", ["file": .text(f)])
        }
    }
}
