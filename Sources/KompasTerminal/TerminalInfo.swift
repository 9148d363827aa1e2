#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What we know about where output goes: a terminal or not, how wide, colour allowed or not.
///
/// Colour only on a TTY and never with `NO_COLOR` (no-color.org); width from `COLUMNS`, else the
/// terminal, else 80 (a pipe or a file), between 20 and 400. All text is laid out to this width
/// (``TextLayout``, issue 22). Nothing in Kompas depends on colour to be understood.
public struct TerminalInfo: Sendable, Equatable {
    public var stdoutIsTTY: Bool
    public var stdinIsTTY: Bool
    public var width: Int
    public var colour: Bool
    /// Whether the width was measured (a terminal) or asked for (`COLUMNS`), not the default 80
    /// of a pipe or a file.
    ///
    /// Line records meant for tools (`controleer`'s `file:line:column:` findings) are kept
    /// on one line when it was not (issue 22).
    public var widthIsKnown: Bool

    public init(
        stdoutIsTTY: Bool, stdinIsTTY: Bool, width: Int, colour: Bool, widthIsKnown: Bool? = nil
    ) {
        self.stdoutIsTTY = stdoutIsTTY
        self.stdinIsTTY = stdinIsTTY
        self.width = width
        self.colour = colour
        self.widthIsKnown = widthIsKnown ?? stdoutIsTTY
    }

    /// Not a terminal, 80 columns, no colour: what tests and pipes see.
    public static let plain = TerminalInfo(
        stdoutIsTTY: false, stdinIsTTY: false, width: 80, colour: false)

    /// Reads the real process's terminal state.
    public static func detect(environment: [String: String]) -> TerminalInfo {
        let outTTY = isatty(1) == 1
        let inTTY = isatty(0) == 1
        var width = 80
        var known = false
        if outTTY {
            var ws = winsize()
            if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
                width = Int(ws.ws_col)
                known = true
            }
        }
        if let c = environment["COLUMNS"], let n = Int(c), n > 0 {
            width = n
            known = true
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalInfo(
            stdoutIsTTY: outTTY, stdinIsTTY: inTTY, width: max(20, min(width, 400)),
            colour: outTTY && !noColour && !dumb, widthIsKnown: known)
    }
}

/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    public func bold(_ s: String) -> String { enabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    public func dim(_ s: String) -> String { enabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    public func red(_ s: String) -> String { enabled ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    public func green(_ s: String) -> String { enabled ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
    public func yellow(_ s: String) -> String { enabled ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
}
