import Foundation
import KompasLayout

/// Where a command writes text: the real stdout/stderr, or a buffer in tests.
///
/// Results go to stdout, messages and progress to stderr.
public final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var captured = ""
    private let capturing: Bool
    /// With a layout, every text is fitted to its width before it reaches ``raw``.
    public let layout: TextLayout?
    /// The same destination without the layout: for machine output (JSON, CSV, HTML, scripts),
    /// which must reach a file byte for byte.
    public let raw: TextSink?

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
        capturing = false
        layout = nil
        raw = nil
    }
    private init(capture: Bool) {
        write = { _ in }
        capturing = capture
        layout = nil
        raw = nil
    }
    private init(_ base: TextSink, layout: TextLayout) {
        write = { _ in }
        capturing = false
        self.layout = layout
        self.raw = base
    }

    /// This destination with every text laid out to `width` columns (issue 22): a line that fits
    /// is printed as it is, a wider one is wrapped by words (``TextLayout/fit(_:)``).
    public func laidOut(width: Int) -> TextSink {
        TextSink(unformatted, layout: TextLayout(width: width))
    }

    /// The destination without any layout.
    public var unformatted: TextSink { raw ?? self }

    /// A sink that collects everything, for in-process tests.
    public static func buffer() -> TextSink { TextSink(capture: true) }
    public static let standardOutput = TextSink { s in FileHandle.standardOutput.write(Data(s.utf8))
    }
    public static let standardError = TextSink { s in FileHandle.standardError.write(Data(s.utf8)) }

    public func print(_ s: String = "", terminator: String = "\n") {
        if let layout, let raw {
            raw.print(layout.fit(s), terminator: terminator)
            return
        }
        let text = s + terminator
        if capturing {
            lock.lock()
            captured += text
            lock.unlock()
        } else {
            write(text)
        }
    }
    /// Prints a record whose later lines, when it has to be wrapped, hang by `hanging` spaces,
    /// so each record stands out (one parameter per record in `regels`).
    public func print(_ s: String, hanging: Int) {
        guard let layout, let raw else { return print(s) }
        raw.print(layout.fit(s, indent: String(repeating: " ", count: hanging)))
    }

    public var text: String {
        if let raw { return raw.text }
        lock.lock()
        defer { lock.unlock() }
        return captured
    }
}
