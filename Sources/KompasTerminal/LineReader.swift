import KompasLayout

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set by the SIGINT handler; read and cleared by ``LineReader``.
///
/// A plain global so the handler
/// only stores one word (async-signal-safe).
nonisolated(unsafe) private var interruptRequested: Int32 = 0

private func onInterrupt(_: Int32) { interruptRequested = 1 }

/// Reads answers for the guided conversation from standard input, one line at a time, straight
/// from file descriptor 0 (no stdio buffer, so the commands the guide calls read from the same
/// place).
///
/// On a terminal the line discipline stays canonical (the person can edit the line with
/// backspace), Ctrl-C cancels the current question and Ctrl-D at the start of a line ends the
/// input. From a pipe or a file the same reader simply returns lines until end of input.
public final class LineReader: @unchecked Sendable {
    public enum Result: Equatable, Sendable {
        case line(String)
        case interrupt
        case endOfInput
    }

    private let fd: Int32
    private var saved = sigaction()
    private var installed = false
    private var pendingEnd = false

    public init(fd: Int32 = 0) { self.fd = fd }

    /// Catches SIGINT while the guide runs, without `SA_RESTART`, so a blocked `read` returns
    /// with `EINTR` and the guide can cancel the question instead of the process dying.
    ///
    /// ``restoreInterrupt()`` puts the previous disposition back.
    public func catchInterrupt() {
        guard !installed else { return }
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = onInterrupt
        #else
            action.__sigaction_u.__sa_handler = onInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        if sigaction(SIGINT, &action, &saved) == 0 { installed = true }
    }

    public func restoreInterrupt() {
        guard installed else { return }
        _ = sigaction(SIGINT, &saved, nil)
        installed = false
    }

    /// One line without its line ending; `interrupt` after Ctrl-C; `endOfInput` at Ctrl-D on an
    /// empty line or the end of a pipe (a last line without newline is returned first).
    public func readLine() -> Result {
        if pendingEnd { return .endOfInput }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            // A Ctrl-C that came while the guide was printing or computing counts for this
            // question. Waiting in short polls (not one blocking read) closes the gap between
            // looking at the flag and starting to wait, where a signal would otherwise be missed.
            if interruptRequested != 0 {
                interruptRequested = 0
                return .interrupt
            }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 200)
            if polled == 0 || (polled < 0 && errno == EINTR) { continue }
            let n = read(fd, &byte, 1)
            if n < 0 {
                if errno == EINTR {
                    if interruptRequested != 0 {
                        interruptRequested = 0
                        return .interrupt
                    }
                    continue
                }
                return bytes.isEmpty ? .endOfInput : .line(Self.decode(bytes))
            }
            if n == 0 {
                if bytes.isEmpty { return .endOfInput }
                pendingEnd = true
                return .line(Self.decode(bytes))
            }
            if byte == 10 { return .line(Self.decode(bytes)) }
            // Ctrl-C typed as a byte (a terminal without signals, or a test writing 0x03 to a pipe).
            if byte == 3 { return .interrupt }
            if byte == 4 && bytes.isEmpty { return .endOfInput }
            bytes.append(byte)
            if bytes.count > 65_536 { return .line(Self.decode(bytes)) }
        }
    }

    /// Like ``readLine()`` with the terminal's echo off, for a passphrase: what is typed never
    /// shows on the screen.
    ///
    /// Echo goes off *before* `prompt` is called, so nothing typed right after
    /// the prompt appears is echoed; the settings are restored afterwards, also after Ctrl-C or
    /// Ctrl-D. Without a terminal it is a plain ``readLine()`` (a pipe does not echo).
    public func readSecret(prompt: () -> Void) -> Result {
        var old = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &old) == 0 else {
            prompt()
            return readLine()
        }
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ICANON | ECHONL)
        _ = tcsetattr(fd, TCSANOW, &silent)
        defer { _ = tcsetattr(fd, TCSANOW, &old) }
        prompt()
        return readLine()
    }

    static func decode(_ bytes: [UInt8]) -> String {
        var b = bytes
        if b.last == 13 { b.removeLast() }
        return String(decoding: b, as: UTF8.self)
    }
}

/// Wraps text to a width at spaces, for narrow terminals (40 columns) and screen readers: no line
/// is cut in a word unless the word itself is longer than the width.
///
/// Existing line breaks stay. The rules are ``TextLayout``'s (issue 22); this name stays for the
/// callers that wrap a paragraph themselves.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        TextLayout(width: width).wrap(text, indent: indent)
    }
}
