import Foundation
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The C library's pseudo-terminal calls.
///
/// Glibc's Swift module leaves them out (they sit behind
/// `_XOPEN_SOURCE` in `stdlib.h`), so they are looked up by name in the C library itself.
enum PTYCalls {
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias FDCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    static func symbol<T>(_ name: String, _ type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let p = dlsym(handle, name) else { return nil }
        return unsafeBitCast(p, to: type)
    }
    static let openpt = symbol("posix_openpt", OpenPT.self)
    static let grantpt = symbol("grantpt", FDCall.self)
    static let unlockpt = symbol("unlockpt", FDCall.self)
    static let ptsname = symbol("ptsname_r", NameCall.self)

    static func slaveName(_ master: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 128)
        guard let f = ptsname, f(master, &buffer, buffer.count) == 0 else { return nil }
        return String(cString: buffer)
    }
}

/// A pseudo-terminal opened from Swift (`posix_openpt`), with the built `kompas` started on its
/// other side by `posix_spawn` in a session of its own whose controlling terminal it is (the
/// terminal is opened as standard input after `setsid`), with SIGINT at its default and no signal
/// blocked: so Ctrl-C typed on the terminal reaches it as SIGINT, as in a real terminal window.
///
/// Every wait has a timeout: a hang fails the test instead of blocking the run.
final class PseudoTerminal {
    let master: Int32
    private(set) var pid: pid_t = 0
    private var status: Int32?
    /// Everything the program wrote, carriage returns removed.
    private(set) var screen = ""
    /// The bytes of a character a read cut in two (Arabic, "↩"), kept for the next read.
    private var pending: [UInt8] = []
    /// How far `expect` has read.
    private var cursor: String.Index
    private var failed = false

    // From glibc's spawn.h (GNU extension / POSIX flags), not imported into Swift.
    static let setSID: Int32 = 0x80, setSigMask: Int32 = 0x08, setSigDefault: Int32 = 0x04

    init(_ arguments: [String], environment: [String: String], columns: UInt16 = 40) throws {
        master = PTYCalls.openpt?(O_RDWR | O_NOCTTY | O_CLOEXEC) ?? -1
        guard master >= 0, PTYCalls.grantpt?(master) == 0, PTYCalls.unlockpt?(master) == 0,
            let name = PTYCalls.slaveName(master)
        else {
            throw POSIXError(.ENODEV)
        }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        cursor = screen.startIndex

        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm",
        ]
        env.merge(environment) { _, new in new }
        let path = TestSupport.kompasBinary.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv + envp { free(p) }
        }

        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var none = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setflags(
            &attributes, Int16(Self.setSID | Self.setSigMask | Self.setSigDefault))
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
    }

    var isRunning: Bool {
        guard status == nil else { return false }
        var s: Int32 = 0
        if waitpid(pid, &s, WNOHANG) == pid {
            status = s
            return false
        }
        return true
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var s: Int32 = 0
            waitpid(pid, &s, 0)
        }
        close(master)
    }

    /// Reads what is available within `timeout` seconds; false when the other side has closed.
    @discardableResult
    func pump(timeout: Double) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        let offset = screen.distance(from: screen.startIndex, to: cursor)
        // A read may end inside a UTF-8 sequence: decode up to the last whole character.
        var bytes = pending + buffer[0..<n]
        var cut = bytes.count
        var back = 0
        while back < min(3, bytes.count), bytes[bytes.count - 1 - back] & 0xC0 == 0x80 {
            back += 1
        }
        if back < bytes.count {
            let lead = bytes[bytes.count - 1 - back]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if length > back + 1 { cut = bytes.count - 1 - back }
        }
        pending = Array(bytes[cut...])
        bytes.removeLast(bytes.count - cut)
        screen += String(decoding: bytes, as: UTF8.self).replacingOccurrences(
            of: "\r", with: "")
        cursor = screen.index(screen.startIndex, offsetBy: offset)
        return true
    }

    /// Waits until `text` appears after what was matched before; moves past it.
    func expect(
        _ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        // After one miss the rest of the script cannot match: fail once, quickly.
        guard !failed else { return }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let r = screen.range(of: text, range: cursor..<screen.endIndex) {
                cursor = r.upperBound
                return
            }
            if !pump(timeout: 0.2) {
                if let r = screen.range(of: text, range: cursor..<screen.endIndex) {
                    cursor = r.upperBound
                    return
                }
                break
            }
        }
        failed = true
        Issue.record(
            "waited for \"\(text)\"; the screen after the last match:\n\(screen[cursor...])",
            sourceLocation: sourceLocation)
    }

    /// Types on the keyboard.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The exit status, or nil when the program did not end in time (it is then killed).
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { pump(timeout: 0.1) }
        if isRunning {
            kill(pid, SIGKILL)
            return nil
        }
        while pump(timeout: 0.05), screen.count < 1_000_000 {}
        guard let s = status, s & 0x7f == 0 else { return nil }
        return (s >> 8) & 0xff
    }
}

@Suite(.serialized) struct GuidePTYTests {
    static let passphrase = "pty-wachtwoord-geheim"

    @Test(.timeLimit(.minutes(5)))
    func aFirstRunInATerminalWithWrongAnswersBackCtrlCAndCtrlD() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-03-15",
        ]
        // `kompas` without a command in a terminal starts the guide.
        let t = try PseudoTerminal([], environment: env)
        t.expect("Welkom bij Kompas")
        t.expect("In welke taal")
        t.expect("> ")
        t.send("1\r")
        t.expect("Kies een wachtwoord:")
        t.expect("> ")
        t.send(Self.passphrase + "\r")
        t.expect("Typ het wachtwoord nog een keer:")
        t.expect("> ")
        t.send(Self.passphrase + "\r")
        t.expect("Je gegevens worden nu veilig bewaard.")
        t.expect("Hoe woon je?")
        t.expect("> ")
        t.send("7\r")
        t.expect("Typ een nummer van 1 tot en met 3.")
        t.expect("> ")
        t.send("1\r")
        t.expect("Hoe oud ben je?")
        t.expect("> ")
        t.send("terug\r")
        t.expect("Hoe woon je?")
        t.expect("> ")
        t.send("1\r")
        t.expect("Hoe oud ben je?")
        t.expect("> ")
        t.send("34\r")
        t.expect("huur")
        t.expect("> ")
        t.send("650\r")
        // Housemates and the municipality are asked, never assumed (issue 15 item 4).
        t.expect("27 jaar")
        t.expect("> ")
        t.send("1\r")
        t.expect("In welke gemeente woon je?")
        t.expect("> ")
        t.send("3\r")
        t.expect("Dank je. Je antwoorden zijn bewaard.")
        t.expect("Wat wil je doen?")
        t.expect("> ")
        // Ctrl-C in the middle of a task cancels the question and comes back to the menu.
        t.send("2\r")
        t.expect("Wat wil je doorgeven?")
        t.expect("> ")
        t.send("\u{03}")
        t.expect("Deze vraag is gestopt.")
        t.expect("Wat wil je doen?")
        t.expect("> ")
        // Ctrl-C at the menu says how to leave; Ctrl-D leaves.
        t.send("\u{03}")
        t.expect("Wil je stoppen?")
        t.expect("> ")
        t.send("\u{04}")
        t.expect("Tot ziens.")
        let status = t.waitForExit()
        #expect(status == 0)

        // The passphrase never showed; the text fits 40 columns without colour codes counted.
        #expect(!t.screen.contains(Self.passphrase))
        let plain = t.screen.replacingOccurrences(
            of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
        let wide = plain.split(separator: "\n").filter { $0.count > 40 }
        #expect(wide.isEmpty, "lines wider than 40 columns: \(wide)")

        // What was confirmed is in the store.
        let r = try TestSupport.kompas(
            ["profiel", "--json"],
            environment: env.merging(["KOMPAS_WACHTWOORD": Self.passphrase]) { _, n in n })
        let profile = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let flags = profile?["profiel"] as? [String: [String]]
        #expect(flags?["--leeftijd"] == ["34"])
        #expect(flags?["--huur"] == ["650.00"])
        #expect(flags?["--kostendelers"] == ["1"])
        #expect(flags?["--gemeente"] == ["rotterdam"])
    }

    @Test(.timeLimit(.minutes(5)))
    func theNextStartAsksThePassphraseWithoutEchoAndOffersToContinue() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "en",
            "KOMPAS_VANDAAG": "2026-03-15",
        ]
        // Set up through a pipe, stopping halfway through a payslip.
        let setup = try TestSupport.kompas(
            ["gids"], environment: env,
            stdin: [
                "1", Self.passphrase, Self.passphrase, "1", "34", "geen", "0", "1", "2", "1",
                "Bakkerij Proef", "",
            ].joined(separator: "\n"))
        #expect(setup.status == 0, "\(setup.stderr)")
        let t = try PseudoTerminal(["gids"], environment: env)
        // Before the store is open the language is the environment's; after it, the one chosen (nl).
        t.expect("Good to see you again")
        t.expect("> ")
        t.send("niet-het-goede\r")
        t.expect("That passphrase is not right.")
        t.expect("> ")
        t.send(Self.passphrase + "\r")
        t.expect("De vorige keer was je bezig")
        t.expect("loonstrook doorgeven")
        t.expect("> ")
        t.send("nee\r")
        t.expect("Wat wil je doen?")
        t.expect("> ")
        t.send("stop\r")
        t.expect("Tot ziens.")
        #expect(t.waitForExit() == 0)
        #expect(!t.screen.contains(Self.passphrase))
        #expect(!t.screen.contains("niet-het-goede"))
    }
}
