import KompasCore
import KompasIncome
import KompasProvisions
import KompasRules
import KompasToeslagen

/// One hours level of the whole-income sweep.
public struct TotalSweepRow: Sendable {
    public var hundredthsPerWeek: Int
    public var gross: Money
    public var topUp: Money
    /// Monthly amount per toeslag (kinderbijslag included) and per provision id.
    public var items: [String: Money]
    public var total: Money
    public var keep: Money
    /// The share of one more step's extra gross wage that is lost to lower top-up, toeslagen and
    /// provisions (and tax): 1 − Δkeep / Δgross.
    ///
    /// Nil for the first row.
    public var effectiveMarginalRate: Rate?
}

/// Where a toeslag or provision stops (or starts to drop) along the hours.
public struct ItemChange: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case stops = "stopt"
        case drops = "daalt"
    }
    public var item: String
    public var kind: Kind
    /// The exact hours (hundredths per week) where it happens, found by bisection.
    public var atHundredths: Int
}

public struct TotalSweepResult: Sendable {
    public var bare: SweepResult
    public var rows: [TotalSweepRow]
    /// Item keys in display order: toeslagen first (by `Toeslag.allCases`), then provisions.
    public var itemKeys: [String]
    public var changes: [ItemChange]
    /// Ranges (hundredths) where working more leaves less money: the poverty trap.
    public var trapBands: [(from: Int, to: Int)]
    /// Names of the provisions by item key, for display.
    public var provisionNames: [String: LocalizedText]
    /// Every figure of any level that is not final or not built in, once each (issue 16): all
    /// levels share the month, so the figures are the same sweep-wide.
    public var provisional: [UsedParameter] = []
    /// Of those, the figures only used to check the input (the minimum wage), not in an amount.
    public var checked: [UsedParameter] = []
}

public enum TotalSweeper {
    public static func key(_ t: Toeslag) -> String { "toeslag:" + t.rawValue }
    public static func key(_ p: MunicipalProvision) -> String { "voorziening:" + p.id }

    static func items(_ t: TotalIncome) -> [String: Money] {
        var d: [String: Money] = [:]
        for l in t.toeslagen { d[key(l.toeslag)] = l.monthly }
        for (i, e) in t.provisionEvaluations { d[key(t.provisionList[i])] = e.monthlyValue }
        return d
    }

    public static func sweep(
        _ r: SweepRequest, costs: HouseholdCosts, provisions: [MunicipalProvision]
    ) throws -> TotalSweepResult {
        // The bare sweep's projection of each level is completed with toeslagen and provisions here,
        // so every level is projected once. A level shows amounts only: no toeslag sentences.
        var levels: [TotalIncome] = []
        let bare = try Sweeper.sweep(r) {
            levels.append(
                try TotalIncomeCalculator.complete(
                    $0, costs: costs, provisions: provisions, explain: false))
        }
        guard case .hourly(_, let wage) = r.base.work else { throw SweepError.needsHourlyWage }
        let (noWork, noCosts) = TotalIncome.withoutWork(r.base, costs)
        let baseline = try TotalIncomeCalculator.compute(
            noWork, costs: noCosts, provisions: provisions, baseline: .zero
        ).keep
        func at(_ h: Int) throws -> TotalIncome {
            var q = r.base
            q.work = .hourly(hundredthsPerWeek: h, wage: wage)
            return try TotalIncomeCalculator.compute(
                q, costs: costs, provisions: provisions, baseline: baseline, explain: false)
        }
        var rows: [TotalSweepRow] = []
        var keys: [String] = []
        for (t, h) in zip(levels, bare.rows.map(\.hundredthsPerWeek)) {
            let it = items(t)
            if keys.isEmpty {
                keys = t.toeslagen.map { key($0.toeslag) } + t.provisions.map { key($0.provision) }
            }
            var rate: Rate?
            if let prev = rows.last, t.projection.amount(Projection.Line.gross) > prev.gross {
                let dGross = t.projection.amount(Projection.Line.gross) - prev.gross
                let dKeep = t.keep - prev.keep
                rate = Rate(partsPerMillion: Rate.scale - (dKeep.cents * Rate.scale) / dGross.cents)
            }
            rows.append(
                TotalSweepRow(
                    hundredthsPerWeek: h, gross: t.projection.amount(Projection.Line.gross),
                    topUp: t.projection.topUp,
                    items: it, total: t.total, keep: t.keep, effectiveMarginalRate: rate))
        }
        // Exact hours where an item stops, by bisection between the two grid levels around the change.
        var changes: [ItemChange] = []
        for k in keys {
            for (a, b) in zip(rows, rows.dropFirst()) {
                let va = a.items[k] ?? .zero
                let vb = b.items[k] ?? .zero
                guard va > .zero, vb == .zero else { continue }
                var lo = a.hundredthsPerWeek
                var hi = b.hundredthsPerWeek
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if (items(try at(mid))[k] ?? .zero) == .zero { hi = mid } else { lo = mid }
                }
                changes.append(ItemChange(item: k, kind: .stops, atHundredths: hi))
            }
            // The first level at which an item starts to fall (phase-out), read off the grid.
            for i in rows.indices.dropLast() {
                let va: Money = rows[i].items[k] ?? .zero
                let vb: Money = rows[i + 1].items[k] ?? .zero
                if vb < va && vb > .zero {
                    changes.append(
                        ItemChange(item: k, kind: .drops, atHundredths: rows[i].hundredthsPerWeek))
                    break
                }
            }
        }
        var bands: [(Int, Int)] = []
        for (a, b) in zip(rows, rows.dropFirst()) where b.keep < a.keep {
            if let last = bands.last, last.1 == a.hundredthsPerWeek {
                bands[bands.count - 1].1 = b.hundredthsPerWeek
            } else {
                bands.append((a.hundredthsPerWeek, b.hundredthsPerWeek))
            }
        }
        var seen = Set<String>()
        let provisional = levels.flatMap(\.provisional).filter {
            seen.insert($0.id + $0.from.description).inserted
        }
        return TotalSweepResult(
            bare: bare, rows: rows, itemKeys: keys,
            changes: changes.sorted { $0.atHundredths < $1.atHundredths },
            trapBands: bands.map { (from: $0.0, to: $0.1) },
            provisionNames: Dictionary(uniqueKeysWithValues: provisions.map { (key($0), $0.name) }),
            provisional: provisional,
            checked: provisional.filter { u in
                levels.contains { $0.projection.checked.contains(u) }
                    && !levels.contains {
                        $0.projection.lines.contains {
                            $0.steps.contains { $0.parameters.contains(u) }
                        }
                    }
            })
    }
}
