import Foundation
import KompasTestSupport
import Testing

/// Installs a release build into a temporary prefix with `Scripts/install.sh` (binary, Locales,
/// man pages) and runs it from another directory.
///
/// The installed binary is built without the
/// source-tree fallback for Locales, so this proves the prefix holds everything it needs.
/// A release build takes minutes: it runs in CI (`CI=true`) or with `KOMPAS_INSTALL_TEST=1`.
@Suite struct InstallTests {
    static var enabled: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["CI"] == "true" || env["KOMPAS_INSTALL_TEST"] == "1"
    }

    @Test(.enabled(if: InstallTests.enabled), .timeLimit(.minutes(30)))
    func installedReleaseRunsFromElsewhere() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-prefix-\(UUID())")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try TestSupport.run(
            URL(fileURLWithPath: "/bin/bash"),
            [TestSupport.path("Scripts/install.sh").path, prefix.path],
            environment: ["HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"],
            currentDirectory: TestSupport.repositoryRoot)
        #expect(install.status == 0, "install failed: \(install.stderr)")
        let bin = prefix.appendingPathComponent("bin/kompas")
        #expect(FileManager.default.isExecutableFile(atPath: bin.path))
        #expect(
            FileManager.default.fileExists(
                atPath: prefix.appendingPathComponent("share/man/man1/kompas.1").path))
        let elsewhere = FileManager.default.temporaryDirectory
        let r = try TestSupport.run(
            bin, ["--help"], environment: ["KOMPAS_TAAL": "en"], currentDirectory: elsewhere)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Commands:"))
        // Without its share/ folder the installed binary must say clearly that Locales are missing.
        try FileManager.default.removeItem(
            at: prefix.appendingPathComponent("share/kompas/Locales"))
        let broken = try TestSupport.run(bin, ["--help"], currentDirectory: elsewhere)
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("Locales"))
    }
}
