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
    /// For an annotated sink (``annotated(by:)``): the sink the changed text goes to.
    private let next: TextSink?
    private let transform: (@Sendable (String) -> String)?

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
        capturing = false
        layout = nil
        raw = nil
        next = nil
        transform = nil
    }
    private init(capture: Bool) {
        write = { _ in }
        capturing = capture
        layout = nil
        raw = nil
        next = nil
        transform = nil
    }
    private init(_ base: TextSink, layout: TextLayout) {
        write = { _ in }
        capturing = false
        self.layout = layout
        self.raw = base
        next = nil
        transform = nil
    }
    private init(_ base: TextSink, transform: @escaping @Sendable (String) -> String) {
        write = { _ in }
        capturing = false
        layout = base.layout
        raw = base.raw
        next = base
        self.transform = transform
    }

    /// This destination with every text changed by `transform` before it is laid out (issue 24:
    /// a glossary word's explanation after its first use); ``unformatted`` and ``unannotated``
    /// skip it.
    public func annotated(by transform: @escaping @Sendable (String) -> String) -> TextSink {
        TextSink(self, transform: transform)
    }

    /// The same destination, laid out but without the annotation: for text that carries its own
    /// explanations (the summary) or names commands (help).
    public var unannotated: TextSink { next?.unannotated ?? self }

    /// This destination with every text laid out to `width` columns (issue 22): a line that fits
    /// is printed as it is, a wider one is wrapped by words (``TextLayout/fit(_:)``).
    public func laidOut(width: Int) -> TextSink {
        TextSink(unformatted, layout: TextLayout(width: width))
    }

    /// The destination without any layout.
    public var unformatted: TextSink { next?.unformatted ?? raw ?? self }

    /// A sink that collects everything, for in-process tests.
    public static func buffer() -> TextSink { TextSink(capture: true) }
    public static let standardOutput = TextSink { s in FileHandle.standardOutput.write(Data(s.utf8))
    }
    public static let standardError = TextSink { s in FileHandle.standardError.write(Data(s.utf8)) }

    public func print(_ s: String = "", terminator: String = "\n") {
        if let transform, let next {
            next.print(transform(s), terminator: terminator)
            return
        }
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
        if let transform, let next { return next.print(transform(s), hanging: hanging) }
        guard let layout, let raw else { return print(s) }
        raw.print(layout.fit(s, indent: String(repeating: " ", count: hanging)))
    }

    public var text: String {
        if let next { return next.text }
        if let raw { return raw.text }
        lock.lock()
        defer { lock.unlock() }
        return captured
    }
}
