// kompas-settlement-bench: the settlement benchmark (issue 5).
//
//   swift run -c release kompas-settlement-bench                 # 1.000 … 41.000 clients × 12 months
//   swift run -c release kompas-settlement-bench genereer N [BESTAND]   # write a synthetic caseload CSV
//   swift run -c release kompas-settlement-bench meet BESTAND    # settle one file, print the figures
//
// The generator writes the caseload CSV format of `kompas verrekening --caseload` (see the man
// page): deterministic (fixed seed), synthetic people (ids K0000001…, no BSNs), household types,
// ages 21–66, children, kostendelers, one or two employers each paying weekly, four-weekly or
// monthly through 2026, holiday pay in May and sometimes a year-end bonus in December.
// `meet` streams the file through the same parser and processor as the command (Amsterdam's
// default policy) and reports wall time, clients per second and peak memory (ru_maxrss). The
// default run generates each size into a temporary file and measures it in a fresh child process,
// so each peak-memory figure belongs to that size alone (Linux carries the parent's resident size
// into a child's ru_maxrss, so the parent never holds a caseload in memory).
import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasSettlement

#if canImport(Glibc)
    import Glibc
#endif

struct Rng {
    var s: UInt64
    mutating func next(_ n: Int) -> Int {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((s >> 33) % UInt64(n))
    }
}

func generate(clients: Int, to path: String) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? h.close() }
    var r = Rng(s: 41_000)
    var buf =
        "klant;huishouden;leeftijd;leeftijd_partner;kinderen;kostendelers;gestart;betaaldatum;periode_van;periode_tot;netto;vakantiegeld;eindejaarsuitkering;werkgever;frequentie\n"
    func euros(_ c: Int) -> String { "\(c / 100),\(c % 100 < 10 ? "0" : "")\(c % 100)" }
    for c in 0..<clients {
        let id = "K" + String(1_000_000 + c).dropFirst()
        let type = ["alleenstaande", "alleenstaande", "alleenstaande-ouder", "samenwonend"][
            r.next(4)]
        let age = 21 + r.next(45)
        let partner = type == "samenwonend" ? String(21 + r.next(45)) : ""
        let kids =
            type == "alleenstaande-ouder"
            ? [String(r.next(17)), r.next(2) == 0 ? String(r.next(17)) : ""].filter { !$0.isEmpty }
                .joined(separator: " ") : ""
        let sharers = type == "alleenstaande" && r.next(6) == 0 ? "1" : ""
        let started = "2025-\(10 + r.next(3))"
        var first = true
        for e in 0..<(1 + (r.next(4) == 0 ? 1 : 0)) {
            let employer =
                ["Supermarkt", "Zorg", "Schoonmaak", "Magazijn", "Horeca"][r.next(5)] + " \(e)"
            let kind = r.next(10)
            let base = 20_000 + r.next(130_000)
            func row(
                _ pay: LocalDate, _ from: LocalDate, _ to: LocalDate, _ freq: String, _ net: Int,
                hp: Int = 0, bonus: Int = 0
            ) {
                let household =
                    first ? "\(type);\(age);\(partner);\(kids);\(sharers);\(started)" : ";;;;;"
                first = false
                buf +=
                    "\(id);\(household);\(pay);\(from);\(to);\(euros(net + hp + bonus));\(hp > 0 ? euros(hp) : "");\(bonus > 0 ? euros(bonus) : "");\(employer);\(freq)\n"
            }
            if kind < 4 {
                for m in 1...12 {
                    let cm = CalendarMonth(index: 2026 * 12 + m - 1)
                    row(
                        cm.day(25), cm.firstDay, cm.lastDay, "maand",
                        base + r.next(5_000),
                        hp: m == 5 ? base * 8 / 10 : 0,
                        bonus: m == 12 && r.next(3) == 0 ? base / 2 : 0)
                }
            } else {
                let step = kind < 8 ? 28 : 7
                var from = LocalDate("2025-12-29").adding(days: r.next(step))
                while from.adding(days: step + 4).year == 2026 {
                    let to = from.adding(days: step - 1)
                    let pay = to.adding(days: 4)
                    let net = (step == 7 ? base / 4 : base) + r.next(2_000)
                    row(
                        pay, from, to, step == 7 ? "week" : "4weken", net,
                        hp: pay.month == 5 && pay.day <= step ? net * 8 / 10 : 0)
                    from = to.adding(days: 1)
                }
            }
        }
        if buf.utf8.count > 1 << 20 {
            h.write(Data(buf.utf8))
            buf.removeAll(keepingCapacity: true)
        }
    }
    h.write(Data(buf.utf8))
}

func peakMemoryKB() -> Int {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Int(u.ru_maxrss)
}

/// Streams a caseload file through parser and processor, like `kompas verrekening --caseload --csv`.
func measure(_ path: String) throws -> (
    clients: Int, rows: Int, rejected: Int, seconds: Double, outputBytes: Int, lines: Int
) {
    let policy = SettlementPolicy()
    let start = DispatchTime.now().uptimeNanoseconds
    let h = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    var parser = CaseloadParser()
    var clients = 0
    var rows = 0
    var rejected = 0
    var outBytes = 0
    var out = ""
    // The command's pipeline: every core, outcomes in input order (issue 23).
    let workers =
        ProcessInfo.processInfo.environment["KOMPAS_BENCH_WORKERS"].flatMap { Int($0) }
        ?? ProcessInfo.processInfo.activeProcessorCount
    func take(_ outcome: CaseloadOutcome) {
        switch outcome {
        case .bad, .failed: rejected += 1
        case .settled(_, let rs, let text):
            clients += 1
            rows += rs.count
            out += text
            if out.utf8.count > 64_000 {
                outBytes += out.utf8.count
                out.removeAll(keepingCapacity: true)
            }
        }
    }
    // The rows are written on the workers, as the command does.
    let pipeline = ParallelCaseload(
        policy: policy, workers: workers,
        render: { rs in rs.map { $0.cells.joined(separator: ",") + "\n" }.joined() }, emit: take)
    var pending = Data()
    var n = 0
    while true {
        let chunk = h.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        pending.append(chunk)
        guard let nl = pending.lastIndex(of: 0x0A) else { continue }
        let text = String(decoding: pending[pending.startIndex...nl], as: UTF8.self)
        pending = Data(pending[(nl + 1)...])
        for line in CaseloadParser.lines(text).dropLast() {
            n += 1
            if let item = parser.feedDraft(line, line: n) { pipeline.add(item) }
        }
    }
    if let item = parser.finishDraft() { pipeline.add(item) }
    pipeline.finish()
    outBytes += out.utf8.count
    return (
        clients, rows, rejected, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
        outBytes, n
    )
}

let args = CommandLine.arguments
if args.count >= 3 && args[1] == "genereer" {
    let n = Int(args[2]) ?? 1_000
    let path = args.count >= 4 ? args[3] : "/dev/stdout"
    try generate(clients: n, to: path)
} else if args.count >= 3 && args[1] == "meet" {
    let m = try measure(args[2])
    print(
        "\(m.clients) \(m.rows) \(m.rejected) \(String(format: "%.3f", m.seconds)) \(peakMemoryKB()) \(m.outputBytes) \(m.lines - 1)"
    )
} else {
    let sizes = [1_000, 5_000, 10_000, 20_000, 41_000]
    print(
        "kompas-settlement-bench: synthetic caseload × 12 months of 2026, Amsterdam default policy (×13/12), \(ProcessInfo.processInfo.activeProcessorCount) cores (KOMPAS_BENCH_WORKERS=1: one)"
    )
    print("clients   payslips   months   wall s   clients/s   peak MB   MB input")
    let tmp = FileManager.default.temporaryDirectory
    for n in sizes {
        let file = tmp.appendingPathComponent("kompas-caseload-\(n).csv").path
        try generate(clients: n, to: file)
        let size =
            ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) ?? 0
        let p = Process()
        p.executableURL = URL(
            fileURLWithPath: args[0].hasPrefix("/")
                ? args[0] : FileManager.default.currentDirectoryPath + "/" + args[0])
        p.arguments = ["meet", file]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let f = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ")
        // The floor the issue judges by: Python's csv module reading the same file (issue 23).
        var python: Double? = nil
        if n == sizes.last {
            let py = Process()
            py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            py.arguments = [
                "python3", "-c",
                "import csv,sys; sum(len(r) for r in csv.reader(open(sys.argv[1], newline=''), delimiter=';'))",
                file,
            ]
            let t0 = DispatchTime.now().uptimeNanoseconds
            if (try? py.run()) != nil {
                py.waitUntilExit()
                if py.terminationStatus == 0 {
                    python = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                }
            }
        }
        try? FileManager.default.removeItem(atPath: file)
        guard f.count == 7, let secs = Double(f[3]), let kb = Int(f[4]),
            let lines = Int(f[6].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            print("\(n): measurement failed")
            continue
        }
        print(
            String(
                format: "%7d   %8d   %6@   %6.2f   %9.0f   %7.1f   %8.1f", n, lines,
                String(f[1]) as NSString, secs, Double(n) / secs, Double(kb) / 1024,
                Double(size) / 1_048_576))
        if let python {
            print(
                String(
                    format:
                        "  python3 csv.reader over the same file: %.2f s; Kompas / Python = %.2f× (issue 23 asks ≤ 1.5×)",
                    python, secs / python))
        }
    }
}
