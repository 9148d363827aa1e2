// Test-only child process for KompasStoreTests (not installed, not a `kompas` command).
//
//   kompas-store-crashtest write PATH FIRST_BATCH   write batches until killed; after each commit
//                                                   returns, print "C <batch> <records>" on stdout
//   kompas-store-crashtest hold PATH SECONDS        hold the write lock for SECONDS, print "H" once held
//   kompas-store-crashtest concurrent PATH PREFIX N write N records, one transaction each
//
// The passphrase comes from KOMPAS_WACHTWOORD. Exit 0 on success, 2 on misuse, 1 with the
// error on stderr otherwise.
import Foundation
import KompasStore

#if canImport(Glibc)
    import Glibc
#endif

/// One record of a batch.
///
/// `check` is a digest of the other fields, so a half-written record
/// (which the store must never produce) would be visible as a mismatch.
struct CrashRecord: Codable {
    var batch: Int
    var index: Int
    var size: Int
    var payload: String
    var check: Int
}

func say(_ line: String) {
    // One write(2) per line: a pipe delivers it whole even if we are killed right after.
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

let args = CommandLine.arguments
guard args.count >= 3, let pass = ProcessInfo.processInfo.environment["KOMPAS_WACHTWOORD"] else {
    FileHandle.standardError.write(
        Data("usage: kompas-store-crashtest write|hold|concurrent PATH …\n".utf8))
    exit(2)
}
let url = URL(fileURLWithPath: args[2])
do {
    let store = try Store.open(
        at: url, passphrase: Passphrase(pass), options: StoreOptions(waitSeconds: 30))
    switch args[1] {
    case "write":
        var batch = Int(args.count > 3 ? args[3] : "0") ?? 0
        while true {
            let size = 1 + batch % 4
            try store.transaction {
                for i in 0..<size {
                    let payload = String(repeating: "x", count: (batch * 37 + i * 11) % 700)
                    let r = CrashRecord(
                        batch: batch, index: i, size: size, payload: payload,
                        check: crashCheck(batch, i, size, payload))
                    try store.put(r, id: "b\(batch)-\(i)", in: .loonstrook)
                }
            }
            say("C \(batch) \(size)")
            batch += 1
        }
    case "hold":
        let seconds = Double(args.count > 3 ? args[3] : "1") ?? 1
        try store.transaction {
            try store.put(Data("held".utf8), id: "hold-\(getpid())", in: .outbox)
            say("H")
            usleep(UInt32(seconds * 1_000_000))
        }
    case "concurrent":
        let prefix = args[3]
        let n = Int(args[4]) ?? 0
        for i in 0..<n {
            try store.put(Data("\(prefix) \(i)".utf8), id: "\(prefix)-\(i)", in: .uren)
        }
    default:
        exit(2)
    }
    withExtendedLifetime(store) {}
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

func crashCheck(_ batch: Int, _ index: Int, _ size: Int, _ payload: String) -> Int {
    (batch &* 1_000_003 &+ index &* 7_919 &+ size &* 104_729 &+ payload.count) & 0x7fff_ffff
}
