#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks for a passphrase on the controlling terminal without echoing it (termios `ECHO` off),
/// like `ssh` and `gpg`: the prompt and the answer go through `/dev/tty`, so they never end up in
/// a pipe or a log.
///
/// The terminal settings are restored afterwards, also on end of input.
public enum PassphrasePrompt {
    /// The typed line without its newline, or nil when there is no terminal or input ended.
    public static func read(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        silent.c_lflag |= tcflag_t(ICANON)
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else { return nil }
        defer {
            _ = tcsetattr(fd, TCSAFLUSH, &saved)
            _ = "\n".utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, 1) }
        }
        let p = Array(prompt.utf8)
        _ = p.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == 10 || byte == 13 { break }
            line.append(byte)
            if line.count > 4096 { break }
        }
        return String(decoding: line, as: UTF8.self)
    }
}
