// kompas-bench: the income engine's benchmark (issue 3). Run it as a release build:
//   swift build -c release && .build/release/kompas-bench
// It reports projections per second on one core (full trace on), the time of a 0–40 hour sweep
// in quarter-hour steps, and the wall time of a cold `kompas watals` next to a cold `/bin/true`.
import Foundation
import KompasCore
import KompasIncome

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

let base = ProjectionInput(month: CalendarMonth("2026-03"), household: Household(type: .alleenstaande, age: 35),
                           work: .hourly(hundredthsPerWeek: 1600, wage: .cents(14_71)), started: CalendarMonth("2026-02"))
let args = CommandLine.arguments
let seconds = args.count > 1 ? Double(args[1]) ?? 2 : 2

// 1. Projections per second, full trace, varying the hours so nothing is cached.
var count = 0
var sink: Int64 = 0
let start = now()
while Double(now() - start) / 1e9 < seconds {
    var q = base
    q.work = .hourly(hundredthsPerWeek: (count % 4000), wage: .cents(14_71))
    let p = try Projector.project(q, baseline: .cents(1_401_50))
    sink &+= p.keep.cents &+ Int64(p.lines.reduce(0) { $0 + $1.steps.count })
    count += 1
}
let elapsed = Double(now() - start) / 1e9
print(String(format: "projections per second (one core, full trace): %.0f  (%d in %.2f s)", Double(count) / elapsed, count, elapsed))

// 2. A 0–40 hour sweep in quarter-hour steps (161 levels, plus the exact exit points).
var sweepTimes: [Double] = []
for _ in 0..<30 {
    let t = now()
    let r = try Sweeper.sweep(SweepRequest(base: base, from: 0, to: 4000, step: 25))
    sink &+= Int64(r.rows.count) &+ Int64(r.exitPoint ?? 0)
    sweepTimes.append(Double(now() - t) / 1e6)
}
print(String(format: "sweep 0–40 h in 0,25 h steps (161 levels + exit points): median %.2f ms, best %.2f ms", median(sweepTimes), sweepTimes.min()!))

// 3. Cold CLI start: `kompas watals` next to `/bin/true`, each started 20 times.
let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("kompas")
func wall(_ path: String, _ arguments: [String]) -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.environment = ["KOMPAS_VANDAAG": "2026-03-15", "PATH": "/usr/bin:/bin"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let t = now()
    try? p.run()
    p.waitUntilExit()
    return Double(now() - t) / 1e6
}
if FileManager.default.isExecutableFile(atPath: exe.path) {
    let watals = ["watals", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71"]
    _ = wall(exe.path, watals)
    var k: [Double] = [], t: [Double] = []
    for _ in 0..<20 { k.append(wall(exe.path, watals)); t.append(wall("/bin/true", [])) }
    print(String(format: "cold `kompas watals`: median %.1f ms; cold `/bin/true`: median %.1f ms; difference %.1f ms", median(k), median(t), median(k) - median(t)))
} else {
    print("kompas binary not found next to kompas-bench (\(exe.path)); build it first")
}
if sink == 42 { print("") }
