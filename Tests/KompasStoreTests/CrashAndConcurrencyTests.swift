import Foundation
import KompasTestSupport
import Testing

@testable import KompasStore

#if canImport(Glibc)
    import Glibc
#endif

/// Real processes: a child that writes in a loop is killed with SIGKILL at random moments; two
/// processes use one store at once.
@Suite(.serialized) struct CrashAndConcurrencyTests {
    struct CrashRecord: Codable {
        var batch, index, size: Int
        var payload: String
        var check: Int
    }
    static func crashCheck(_ b: Int, _ i: Int, _ s: Int, _ payload: String) -> Int {
        (b &* 1_000_003 &+ i &* 7_919 &+ s &* 104_729 &+ payload.count) & 0x7fff_ffff
    }

    static func child(_ args: [String], stdout: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = crashTestBinary
        p.arguments = args
        p.environment = ["KOMPAS_WACHTWOORD": testPass]
        if let o = stdout { p.standardOutput = o }
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// At least 200 kills.
    ///
    /// After each, the store opens, holds every batch whose commit returned
    /// (the child printed it), and every batch present is complete and intact: no partial batch,
    /// no partial record.
    @Test func survives200RandomKills() throws {
        let dir = TempDir()
        do { _ = try makeStore(dir) }
        var committed = Set<Int>()
        var next = 0
        var rng = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let out = Pipe()
            let p = try Self.child(["write", dir.store.path, String(next)], stdout: out)
            // Wait for the child's first commit (so a slow, loaded machine still tests writing, not
            // start-up), then kill it at a random moment while it keeps writing.
            let first = out.fileHandleForReading.availableData
            usleep(UInt32.random(in: 0...20_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(
                p.terminationReason == .uncaughtSignal,
                "round \(round): the child ended by itself (\(p.terminationStatus))")
            let text = String(
                decoding: first + out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 3, parts[0] == "C", let b = Int(parts[1]) { committed.insert(b) }
            }
            let store = try openStore(dir)
            let records = try store.all(CrashRecord.self, in: .loonstrook)
            var batches: [Int: [CrashRecord]] = [:]
            for r in records {
                #expect(r.id == "b\(r.value.batch)-\(r.value.index)")
                #expect(
                    r.value.check
                        == Self.crashCheck(
                            r.value.batch, r.value.index, r.value.size, r.value.payload))
                batches[r.value.batch, default: []].append(r.value)
            }
            for (b, rs) in batches {
                #expect(
                    rs.count == rs[0].size,
                    "round \(round): batch \(b) is partial (\(rs.count) of \(rs[0].size))")
            }
            let missing = committed.subtracting(batches.keys)
            #expect(missing.isEmpty, "round \(round): committed batches lost: \(missing.sorted())")
            next = (batches.keys.max() ?? -1) + 1
            withExtendedLifetime(store) {}
        }
        #expect(
            committed.count > 200,
            "the children committed too little to test anything (\(committed.count) batches)")
        let report = try openStore(dir).verify()
        #expect(report.isIntact)
    }

    @Test func twoProcessesWritingAtOnceBothSucceed() throws {
        let dir = TempDir()
        do { _ = try makeStore(dir) }
        let a = try Self.child(["concurrent", dir.store.path, "a", "150"])
        let b = try Self.child(["concurrent", dir.store.path, "b", "150"])
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let s = try openStore(dir)
        #expect(try s.count(in: .uren) == 300)
        #expect(try s.verify().isIntact)
    }

    /// A second writer waits while the first holds the write lock; if it runs out of patience it
    /// says the store is in use (exit 75) and nothing is damaged.
    @Test func aSecondWriterWaitsOrSaysInUse() throws {
        let dir = TempDir()
        do { _ = try makeStore(dir) }
        let out = Pipe()
        let holder = try Self.child(["hold", dir.store.path, "1.5"], stdout: out)
        #expect(out.fileHandleForReading.availableDataLine() == "H")
        let impatient = try openStore(dir, wait: 0.2)
        #expect(throws: StoreError.inUse(path: dir.store.path)) {
            try impatient.put(Data("x".utf8), id: "x", in: .uren)
        }
        #expect(StoreError.inUse(path: "").exitCode.rawValue == 75)
        // Erasing waits for every user of the store, and refuses when it cannot wait long enough.
        #expect(throws: StoreError.inUse(path: dir.store.path)) {
            try Store.erase(at: dir.store, options: quick)
        }
        #expect(FileManager.default.fileExists(atPath: dir.store.path))
        let patient = try openStore(dir, wait: 10)
        try patient.put(Data("y".utf8), id: "y", in: .uren)  // waits for the holder to commit
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        #expect(try patient.ids(in: .uren) == ["y"])
        #expect(try patient.count(in: .outbox) == 1)
        #expect(try patient.verify().isIntact)
    }
}

extension FileHandle {
    /// Reads up to the first newline (blocking), for the child's "ready" line.
    func availableDataLine() -> String {
        var bytes: [UInt8] = []
        while true {
            let d = readData(ofLength: 1)
            guard let b = d.first, b != 10 else { break }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
