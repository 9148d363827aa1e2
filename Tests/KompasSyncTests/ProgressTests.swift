import Foundation
import KompasSync
import Testing

/// A sync that takes longer than a second shows progress on standard error; a quick one stays
/// quiet.
///
/// The slow endpoint is the real API behind a handler that waits 40 ms per request.
@Suite struct ProgressTests {
    @Test func slowSyncShowsProgressOnStandardError() throws {
        let s = try FaultTests.Scripted { _, _ in
            usleep(40_000)
            return nil
        }
        let dir = TempDir()
        do {
            let store = try makeStore(dir)
            try SyncSettings(
                endpoint: try Endpoint.parse("http://127.0.0.1:\(s.server.port)"), token: s.token
            ).save(in: store)
            for i in 1...40 {
                try Outbox.enqueue(
                    type: .loonstrook, data: payslip(month: "2026-01", netto: Int64(i), n: i),
                    startAt: "2026-01-01", in: store)
            }
        }
        let r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Versturen: "), "\(r.stderr)")
        #expect(r.stderr.contains(" van 40"))
        #expect(!r.stdout.contains("Versturen"), "progress goes to standard error only")
        #expect(r.stdout.contains("Loonstroken ontvangen door de gemeente: 40."))

        // Nothing to send and a quick pull: no progress lines.
        let quick = try kompas(["sync"], dir)
        #expect(quick.status == 0)
        #expect(!quick.stderr.contains("Versturen"), "\(quick.stderr)")
    }
}
