// Benchmark of the encrypted store (issue 6). Run with:
//
//   swift run -c release kompas-store-bench [COUNT]
//
// Creates a store in a temporary directory with the default scrypt parameters, then measures:
// opening it (dominated by scrypt), adding COUNT (default 10,000) payslip-sized records in one
// transaction and one by one (first 500, each its own fsynced commit), reading them all back,
// and the file size per payslip. The directory is removed afterwards.
import Foundation
import KompasCrypto
import KompasStore

/// A payslip-shaped record of realistic size (the real type arrives with the payslip issue).
struct BenchPayslip: Codable {
    var employer: String
    var periodStart: String
    var periodEnd: String
    var frequency: String
    var hours: Int
    var grossCents: Int
    var netCents: Int
    var holidayAllowanceCents: Int
    var taxCents: Int
    var note: String
}

func time<R>(_ body: () throws -> R) rethrows -> (R, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let r = try body()
    return (r, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kompas-store-bench-\(UUID().uuidString)")
let file = dir.appendingPathComponent("kompas.db")
defer { try? FileManager.default.removeItem(at: dir) }
let pass = "een lange synthetische testzin voor de benchmark"
let p = ScryptParameters.standard

do {
    let (_, create) = try time { try Store.create(at: file, passphrase: Passphrase(pass)) }
    var opens: [Double] = []
    for _ in 0..<5 {
        let (s, t) = try time { try Store.open(at: file, passphrase: Passphrase(pass)) }
        withExtendedLifetime(s) {}
        opens.append(t)
    }
    let store = try Store.open(at: file, passphrase: Passphrase(pass))
    let slips = (0..<count).map { i in
        BenchPayslip(
            employer: "Synthetisch Bedrijf \(i % 7) B.V.", periodStart: "2026-03-01",
            periodEnd: "2026-03-28",
            frequency: "4weken", hours: 6400 + i % 900, grossCents: 94_144 + i,
            netCents: 81_012 + i,
            holidayAllowanceCents: 7_532, taxCents: 5_210, note: "")
    }
    let (_, addBatch) = try time {
        try store.transaction {
            for (i, s) in slips.enumerated() {
                try store.put(s, id: UUID().uuidString + "-\(i % 10)", in: .loonstrook)
            }
        }
    }
    let single = min(500, count)
    let (_, addSingle) = try time {
        for s in slips.prefix(single) { try store.put(s, id: UUID().uuidString, in: .uren) }
    }
    let (read, readAll) = try time { try store.all(BenchPayslip.self, in: .loonstrook) }
    precondition(read.count == count)
    let ids = try store.ids(in: .uren)
    for id in ids { try store.delete(id: id, in: .uren) }
    let dbSize = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    let walSize =
        (try? FileManager.default.attributesOfItem(atPath: file.path + "-wal")[.size] as? Int) ?? 0
    let plainSize = try JSONEncoder().encode(slips[0]).count
    func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
    print("kompas-store-bench: \(count) payslips, scrypt N=2^\(p.logN) r=\(p.r) p=\(p.p)")
    print("create store:                     \(ms(create))")
    print(
        "open store (median of 5):         \(ms(opens.sorted()[2]))   [min \(ms(opens.min() ?? 0)), max \(ms(opens.max() ?? 0))]"
    )
    print(
        "add \(count) in one transaction:  \(ms(addBatch))  (\(String(format: "%.1f", addBatch / Double(count) * 1e6)) µs each)"
    )
    print(
        "add \(single), one commit each:      \(ms(addSingle))  (\(String(format: "%.2f", addSingle / Double(single) * 1000)) ms each, fsync per commit)"
    )
    print("read all \(count) back (decrypt+decode): \(ms(readAll))")
    print(
        "file size: \(dbSize) bytes main + \(walSize) bytes WAL; \(dbSize / count) bytes per payslip (JSON plaintext \(plainSize) bytes)"
    )
    withExtendedLifetime(store) {}
} catch {
    print("kompas-store-bench failed: \(error)")
    exit(1)
}
