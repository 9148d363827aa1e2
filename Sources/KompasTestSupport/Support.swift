import Foundation

/// Paths and process helpers shared by the test targets.
public enum TestSupport {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> URL {
        repositoryRoot.appendingPathComponent(relative)
    }

    /// The folder with the built products of this test run (`.build/debug` or `.build/release`).
    public static var productsDirectory: URL {
        #if os(Linux)
            if let exe = try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/self/exe")
            {
                var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
                while url.path != "/" {
                    if FileManager.default.fileExists(
                        atPath: url.appendingPathComponent("kompas").path)
                    {
                        return url
                    }
                    url.deleteLastPathComponent()
                }
            }
        #endif
        return Bundle.main.bundleURL.deletingLastPathComponent()
    }

    /// The built `kompas` executable.
    public static var kompasBinary: URL { productsDirectory.appendingPathComponent("kompas") }

    public struct ProcessResult: Sendable {
        public let stdout: String
        public let stderr: String
        public let status: Int32
    }

    /// Runs a program with arguments, environment and standard input; waits for it.
    ///
    /// The environment is the given one only (plus PATH), so tests are independent of the caller.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        stdin: String? = nil, currentDirectory: URL? = nil
    ) throws -> ProcessResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        p.environment = env
        if let cwd = currentDirectory { p.currentDirectoryURL = cwd }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let s = stdin { input.fileHandleForWriting.write(Data(s.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return ProcessResult(
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), status: p.terminationStatus)
    }

    /// The port a `kompas-gemeente serve --poort 0` chose, read from the first line it prints
    /// ("… (http://127.0.0.1:PORT)"); nil when no such line came within `timeout` seconds.
    ///
    /// Returns the line too, for error messages.
    public static func listeningPort(from out: Pipe, timeout: TimeInterval = 10) -> (
        port: Int?, line: String
    ) {
        var line = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let r = text.range(of: #":([0-9]+)\)"#, options: .regularExpression) else {
            return (nil, text)
        }
        return (Int(text[r].dropFirst().dropLast()), text)
    }

    /// Runs the built `kompas` with a fixed date and Dutch defaults unless overridden.
    public static func kompas(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
    ) throws -> ProcessResult {
        var env = ["KOMPAS_VANDAAG": "2026-03-15", "KOMPAS_TAAL": "nl"]
        env.merge(environment) { _, new in new }
        return try run(kompasBinary, arguments, environment: env, stdin: stdin)
    }
}

/// The BSN "elfproef" (eleven-test): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11.
///
/// Used to keep real-looking BSNs out of fixtures.
public enum ElevenTest {
    public static func passes(_ digits: String) -> Bool {
        let d = digits.compactMap { $0.wholeNumberValue }
        guard d.count == 9, digits.count == 9 else { return false }
        var sum = 0
        for i in 0..<8 { sum += d[i] * (9 - i) }
        sum -= d[8]
        return sum % 11 == 0 && sum != 0
    }
}

/// The value of a test fixture that must exist, or a stop that names what was missing.
///
/// Tests use this instead of `!` so that a broken fixture says which one it was.
public func fixture<T>(
    _ value: T?, _ what: @autoclosure () -> String, file: StaticString = #filePath,
    line: UInt = #line
) -> T {
    guard let value else {
        preconditionFailure("missing test fixture: \(what())", file: file, line: line)
    }
    return value
}

/// The value of a throwing fixture call, or a stop with the error.
public func fixture<T>(
    from make: () throws -> T?, _ what: @autoclosure () -> String, file: StaticString = #filePath,
    line: UInt = #line
) -> T {
    do {
        return fixture(try make(), what(), file: file, line: line)
    } catch {
        preconditionFailure("test fixture \(what()) failed: \(error)", file: file, line: line)
    }
}
