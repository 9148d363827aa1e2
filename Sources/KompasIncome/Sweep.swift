import KompasCore
import KompasRules

/// A sweep over hours per week: one projection per level, the exact exit point (where the top-up
/// reaches zero, found by bisection on hundredths of an hour, not read off the grid), and what
/// changes when the exemption ends.
public struct SweepRequest: Sendable, Hashable {
    /// The projection to vary; its work must be `.hourly` (the hours are replaced per level).
    public var base: ProjectionInput
    public var from: Int
    public var to: Int
    public var step: Int
    public init(base: ProjectionInput, from: Int, to: Int, step: Int) {
        self.base = base
        self.from = from
        self.to = to
        self.step = step
    }
}

public struct SweepRow: Sendable, Hashable {
    public var hundredthsPerWeek: Int
    public var gross: Money
    public var net: Money
    /// The employer's holiday pay counted this month (saved, paid in May or June), and other income.
    public var holidayPayAndOther: Money
    public var exemption: Money
    public var topUp: Money
    public var keep: Money
    public var gain: Money
    /// What one extra hour per week adds per month compared with the previous row.
    public var marginalPerExtraHour: Money?
    /// What the person keeps at these hours once the exemption has ended (nil when none applies now).
    public var keepAfterExemption: Money?
}

public struct SweepResult: Sendable {
    public var request: SweepRequest
    public var rows: [SweepRow]
    /// The smallest number of hours (hundredths per week) at which the top-up is zero, with the exemption of this month.
    public var exitPoint: Int?
    /// The same, once the exemption has ended (fewer hours are then enough).
    public var exitPointAfterExemption: Int?
    /// The exemption of the base month (kind and months left).
    public var exemption: ExemptionOutcome
    /// The first month without the exemption, when it runs out (from `--gestart`).
    public var exemptionEndMonth: CalendarMonth?
    public var warnings: [Message]
}

public enum SweepError: KompasError, Equatable {
    case needsHourlyWage
    case badRange
    public var exitCode: ExitCode { .usage }
    public var message: Message {
        switch self {
        case .needsHourlyWage: return Message("income.sweep.needsHourlyWage")
        case .badRange: return Message("income.sweep.badRange")
        }
    }
}

public enum Sweeper {
    /// At most this many levels (0–168 hours in steps of 0,25 is 673).
    public static let maxLevels = 2_000

    /// `visit` receives each level's projection, in order, so a caller that adds to it (the whole
    /// income with toeslagen) builds on the same projection instead of computing it again.
    public static func sweep(_ r: SweepRequest, visit: ((Projection) throws -> Void)? = nil) throws
        -> SweepResult
    {
        guard case .hourly(_, let wage) = r.base.work else { throw SweepError.needsHourlyWage }
        guard r.step > 0, r.from >= 0, r.to >= r.from, r.to <= Projector.hoursLimit,
            (r.to - r.from) / r.step < maxLevels
        else {
            throw SweepError.badRange
        }
        var noWork = r.base.withoutWork
        noWork.childcareCosts = .zero
        let baseline = try Projector.project(noWork, baseline: .zero).keep

        func at(_ h: Int, _ input: ProjectionInput) throws -> Projection {
            var q = input
            q.work = .hourly(hundredthsPerWeek: h, wage: wage)
            return try Projector.project(q, baseline: baseline)
        }
        // The same month with the exemption gone (with this month's parameters, so the difference
        // is the exemption alone); used for the exit point once the exemption has ended.
        var ended = r.base
        ended.exemptionGranted = false
        let first = try at(max(r.from, 100), r.base)
        let exemptionNow = first.exemption
        let limited: Bool
        if case .applies(_, _, let left) = exemptionNow, left != nil {
            limited = true
        } else {
            limited = false
        }

        var rows: [SweepRow] = []
        var warnings = Set<Message>()
        var previous: (Int, Money)?
        // Grid brackets for the exit points: (last level with a top-up, first level without).
        var bracketNow: (Int, Int)?
        var bracketLater: (Int, Int)?
        var lastWithTopUp: Int?
        var lastWithTopUpLater: Int?
        var h = r.from
        while h <= r.to {
            let pr = try at(h, r.base)
            try visit?(pr)
            for w in pr.warnings { warnings.insert(w) }
            // Without the exemption the counted income is the whole income, and only the top-up
            // changes: keep = net + holiday pay + other + top-up − costs, with no rounding in between.
            let income =
                pr.amount(Projection.Line.net) + pr.amount(Projection.Line.holidayPay)
                + pr.amount(Projection.Line.other)
            let topUpLater = max(pr.amount(Projection.Line.norm) - income, .zero)
            var after: Money?
            if limited && pr.exemption.amount > .zero { after = pr.keep - pr.topUp + topUpLater }
            if pr.topUp > .zero {
                lastWithTopUp = h
            } else if bracketNow == nil, let lo = lastWithTopUp {
                bracketNow = (lo, h)
            }
            if topUpLater > .zero {
                lastWithTopUpLater = h
            } else if bracketLater == nil, let lo = lastWithTopUpLater {
                bracketLater = (lo, h)
            }
            var marginal: Money?
            if let (ph, pk) = previous, h > ph {
                marginal = (pr.keep - pk).scaled(by: 100, over: Int64(h - ph), rounding: .halfUp)
            }
            rows.append(
                SweepRow(
                    hundredthsPerWeek: h, gross: pr.amount(Projection.Line.gross),
                    net: pr.amount(Projection.Line.net),
                    holidayPayAndOther: pr.amount(Projection.Line.holidayPay)
                        + pr.amount(Projection.Line.other),
                    exemption: pr.amount(Projection.Line.exemption), topUp: pr.topUp, keep: pr.keep,
                    gain: pr.amount(Projection.Line.gain),
                    marginalPerExtraHour: marginal, keepAfterExemption: after))
            previous = (h, pr.keep)
            h += r.step
        }
        let exitNow = try exitPoint(r.base, wage: wage, baseline: baseline, bracket: bracketNow)
        let exitLater =
            limited
            ? try exitPoint(ended, wage: wage, baseline: baseline, bracket: bracketLater) : exitNow
        var endMonth: CalendarMonth?
        if case .applies(_, _, let left?) = exemptionNow {
            endMonth = r.base.month.advanced(by: left + 1)
        }
        return SweepResult(
            request: r, rows: rows, exitPoint: exitNow, exitPointAfterExemption: exitLater,
            exemption: exemptionNow,
            exemptionEndMonth: endMonth, warnings: warnings.sorted { $0.key < $1.key })
    }

    /// Smallest hundredths of an hour per week in 0…168 h at which the top-up is zero; nil if never.
    ///
    /// The counted income rises with the hours (the exemption takes at most a share of it), so the
    /// top-up falls monotonically and bisection finds the exact boundary.
    /// `bracket` (a level with a top-up, a level without) narrows the search when the grid already shows it.
    public static func exitPoint(
        _ input: ProjectionInput, wage: Money, baseline: Money, bracket: (Int, Int)? = nil
    ) throws -> Int? {
        func topUp(_ h: Int) throws -> Money {
            var q = input
            q.work = .hourly(hundredthsPerWeek: h, wage: wage)
            return try Projector.project(q, baseline: baseline).topUp
        }
        var lo: Int
        var hi: Int
        if let (a, b) = bracket {
            lo = a
            hi = b
        } else {
            hi = Projector.hoursLimit
            guard try topUp(hi) == .zero else { return nil }
            lo = 0
            if try topUp(lo) == .zero { return 0 }
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if try topUp(mid) == .zero { hi = mid } else { lo = mid }
        }
        return hi
    }
}
