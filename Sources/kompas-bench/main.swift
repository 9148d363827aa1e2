// kompas-bench: the income engine's benchmark (issue 3). Run it as a release build:
//   swift build -c release && .build/release/kompas-bench
// It reports projections per second on one core (full trace on), the time of a 0–40 hour sweep
// in quarter-hour steps, and the wall time of a cold `kompas watals` next to a cold `/bin/true`.
import Foundation
import KompasCore
import KompasIncome
import KompasMunicipality
import KompasTotalIncome

/// Amsterdam's built-in municipality file, which every build carries.
func builtInAmsterdam() throws -> MunicipalityFile {
    guard let m = try MunicipalityLoader.builtIn("amsterdam") else {
        preconditionFailure("the build has no built-in Amsterdam file")
    }
    return m
}
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s[s.count / 2]
}

let base = ProjectionInput(
    month: CalendarMonth("2026-03"), household: Household(type: .alleenstaande, age: 35),
    work: .hourly(hundredthsPerWeek: 1600, wage: .cents(14_71)), started: CalendarMonth("2026-02"))
let args = CommandLine.arguments

// `kompas-bench tel kaal|geheel|stil N`: exactly N projections and nothing else, for instruction
// counts under `valgrind --tool=callgrind` (repeatable on a noisy machine, unlike wall time).
// `stil` is the whole income without the toeslagen's sentences (`explain: false`, as a sweep's
// levels compute it).
if args.count == 4, args[1] == "tel", let n = Int(args[3]) {
    let amsterdam = try builtInAmsterdam()
    var q = ProjectionInput(
        month: CalendarMonth("2026-03"),
        household: Household(type: .alleenstaandeOuder, age: 32, childrenAges: [4, 9]),
        work: .hourly(hundredthsPerWeek: 1600, wage: .cents(14_71)))
    var total: Int64 = 0
    for i in 0..<n {
        q.work = .hourly(hundredthsPerWeek: i % 4000, wage: .cents(14_71))
        if args[2] == "geheel" || args[2] == "stil" {
            total &+= try TotalIncomeCalculator.compute(
                q, costs: HouseholdCosts(rent: .cents(720_00)), provisions: amsterdam.provisions,
                baseline: .cents(1_401_50), explain: args[2] == "geheel"
            ).keep.cents
        } else {
            total &+= try Projector.project(q, baseline: .cents(1_401_50)).keep.cents
        }
    }
    print(total)
    exit(0)
}
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
print(
    String(
        format: "projections per second (one core, full trace): %.0f  (%d in %.2f s)",
        Double(count) / elapsed, count, elapsed))

// 1b. The whole income: the same projection plus toetsingsinkomen, every toeslag and Amsterdam's
// provisions, for a single parent with two children and rent (issue 4 asks: within 2× of the bare one).
let amsterdam = try builtInAmsterdam()
let family = ProjectionInput(
    month: CalendarMonth("2026-03"),
    household: Household(type: .alleenstaandeOuder, age: 32, childrenAges: [4, 9]),
    work: .hourly(hundredthsPerWeek: 1600, wage: .cents(14_71)))
let familyCosts = HouseholdCosts(rent: .cents(720_00))
@MainActor func rate(_ body: (Int) throws -> Int64) rethrows -> Double {
    var n = 0
    let t0 = now()
    while Double(now() - t0) / 1e9 < seconds {
        sink &+= try body(n)
        n += 1
    }
    return Double(n) / (Double(now() - t0) / 1e9)
}
let bareFamily = try rate { n in
    var q = family
    q.work = .hourly(hundredthsPerWeek: n % 4000, wage: .cents(14_71))
    return try Projector.project(q, baseline: .cents(1_401_50)).keep.cents
}
let wholeFamily = try rate { n in
    var q = family
    q.work = .hourly(hundredthsPerWeek: n % 4000, wage: .cents(14_71))
    return try TotalIncomeCalculator.compute(
        q, costs: familyCosts, provisions: amsterdam.provisions, baseline: .cents(1_401_50)
    ).keep.cents
}
// The same without the toeslagen's sentences (`explain: false`, a sweep's levels): issue 23 asks
// ≤ 2× the bare projection, with the full trace still there for `--uitleg` (the line above).
let quietFamily = try rate { n in
    var q = family
    q.work = .hourly(hundredthsPerWeek: n % 4000, wage: .cents(14_71))
    return try TotalIncomeCalculator.compute(
        q, costs: familyCosts, provisions: amsterdam.provisions, baseline: .cents(1_401_50),
        explain: false
    ).keep.cents
}
print(
    String(
        format:
            "single parent, 2 children: bare projection %.0f/s; with toeslagen and provisions %.0f/s; cost ratio %.2f× (full trace); %.0f/s, ratio %.2f× without the toeslagen's sentences (issue 23: ≤ 2×)",
        bareFamily, wholeFamily, bareFamily / wholeFamily, quietFamily, bareFamily / quietFamily))

// 2. A 0–40 hour sweep in quarter-hour steps (161 levels, plus the exact exit points).
var sweepTimes: [Double] = []
for _ in 0..<30 {
    let t = now()
    let r = try Sweeper.sweep(SweepRequest(base: base, from: 0, to: 4000, step: 25))
    sink &+= Int64(r.rows.count) &+ Int64(r.exitPoint ?? 0)
    sweepTimes.append(Double(now() - t) / 1e6)
}
print(
    String(
        format:
            "sweep 0–40 h in 0,25 h steps (161 levels + exit points): median %.2f ms, best %.2f ms",
        median(sweepTimes), sweepTimes.min() ?? 0))

// 3. Cold CLI start: `kompas watals` next to `/bin/true`, each started 20 times.
let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("kompas")
/// Wall time of one run, started with posix_spawn and reaped with waitpid (Foundation's Process
/// adds tens of milliseconds of its own, which would hide the difference being measured).
func wall(_ path: String, _ arguments: [String]) -> Double {
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    let environment: [String] = ["KOMPAS_VANDAAG=2026-03-15", "PATH=/usr/bin:/bin"]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let t = now()
    guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return .nan }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return Double(now() - t) / 1e6
}
if FileManager.default.isExecutableFile(atPath: exe.path) {
    let watals = [
        "watals", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
    ]
    _ = wall(exe.path, watals)
    var k: [Double] = []
    var v: [Double] = []
    var t: [Double] = []
    for _ in 0..<20 {
        k.append(wall(exe.path, watals))
        v.append(wall(exe.path, ["--versie"]))
        t.append(wall("/bin/true", []))
    }
    print(
        String(
            format:
                "cold `kompas watals`: median %.1f ms; cold `kompas --versie`: median %.1f ms; cold `/bin/true`: median %.1f ms",
            median(k), median(v), median(t)))
    print(
        String(
            format:
                "  the projection itself adds %.1f ms to the start-up of a Swift/Foundation process",
            median(k) - median(v)))
} else {
    print("kompas binary not found next to kompas-bench (\(exe.path)); build it first")
}
if sink == 42 { print("") }
