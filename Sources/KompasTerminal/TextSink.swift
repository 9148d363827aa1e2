import Foundation

/// Where a command writes text: the real stdout/stderr, or a buffer in tests.
///
/// Results go to stdout, messages and progress to stderr.
public final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var captured = ""
    private let capturing: Bool

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
        capturing = false
    }
    private init(capture: Bool) {
        write = { _ in }
        capturing = capture
    }

    /// A sink that collects everything, for in-process tests.
    public static func buffer() -> TextSink { TextSink(capture: true) }
    public static let standardOutput = TextSink { s in FileHandle.standardOutput.write(Data(s.utf8))
    }
    public static let standardError = TextSink { s in FileHandle.standardError.write(Data(s.utf8)) }

    public func print(_ s: String = "", terminator: String = "\n") {
        let text = s + terminator
        if capturing {
            lock.lock()
            captured += text
            lock.unlock()
        } else {
            write(text)
        }
    }
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return captured
    }
}
