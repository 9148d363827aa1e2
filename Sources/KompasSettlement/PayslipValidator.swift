import KompasCore

/// Checks payslips before they are kept: each problem is a ``Finding`` with the row's line.
///
/// Errors (`fout`) reject the row; warnings keep it. An exact duplicate is kept once and reported.
///
/// Rules (ids in the findings):
/// - `loonstrook.einde-voor-begin`: the period ends before it starts (fout).
/// - `loonstrook.betaaldatum`: the pay date is more than 45 days after the period or more than
///   31 days before it (waarschuwing: a back-payment can be real, but it is usually a typing error).
/// - `loonstrook.netto-boven-bruto`: net above gross (fout).
/// - `loonstrook.uren`: more hours than the period has (24 per day) (fout).
/// - `loonstrook.delen`: holiday pay and bonus together more than the net they are part of (fout).
/// - `loonstrook.overlap`: a period overlaps another payslip of the same employer (fout).
/// - `loonstrook.dubbel`: the same payslip twice (waarschuwing; kept once).
/// - `loonstrook.korting-dubbel`: two employers apply the loonheffingskorting in the same month
///   (waarschuwing: the tax return will probably ask money back).
public enum PayslipValidator {
    public static let payDateAfterDays = 45
    public static let payDateBeforeDays = 31

    public struct Outcome: Sendable {
        /// Rows that may be kept (errors and duplicates removed), in input order.
        public var accepted: [PayslipRow]
        public var findings: [Finding]
        public var hasErrors: Bool { findings.contains { $0.level == .fout } }
    }

    /// Validates `rows` against each other and against payslips already kept (`existing`).
    public static func validate(_ rows: [PayslipRow], existing: [Payslip] = []) -> Outcome {
        var findings: [Finding] = []
        var accepted: [PayslipRow] = []
        var kept: [Payslip] = existing
        var keptLines: [Int?] = existing.map { _ in nil }
        var keptEmployers: [String] = existing.map { $0.employer.lowercased() }
        var duplicates = DuplicateIndex(capacity: existing.count + rows.count)
        for (i, e) in existing.enumerated() { duplicates.insert(e, at: i) }
        // Indexes instead of a scan of every kept payslip per row (issue 18: that made an import
        // of n rows take time in n²). They give exactly the answers the scans gave.
        var periods = PeriodIndex()
        var taxCredit: [CalendarMonth: Set<String>] = [:]
        for (i, e) in existing.enumerated() {
            periods.insert(
                start: e.periodStart, end: e.periodEnd, index: i, employer: keptEmployers[i])
            if e.taxCreditApplied == true {
                taxCredit[e.payDate.calendarMonth, default: []].insert(keptEmployers[i])
            }
        }
        func add(
            _ id: String, _ level: Finding.Level, _ line: Int, _ key: String,
            _ args: Message.Arguments = [:]
        ) {
            findings.append(
                Finding(
                    ruleID: id, level: level, line: line, column: 1, message: Message(key, args)))
        }
        var lastEmployer: String? = nil
        var lastLowercased = ""
        for row in rows {
            let s = row.payslip
            let line = row.line
            var ok = true
            if s.periodEnd < s.periodStart {
                add(
                    "loonstrook.einde-voor-begin", .fout, line, "payslip.check.endBeforeStart",
                    ["start": .date(s.periodStart), "end": .date(s.periodEnd)])
                ok = false
            } else if s.periodEnd.days(until: s.payDate) > payDateAfterDays
                || s.payDate.days(until: s.periodStart) > payDateBeforeDays
            {
                add(
                    "loonstrook.betaaldatum", .waarschuwing, line, "payslip.check.payDateFar",
                    [
                        "date": .date(s.payDate), "start": .date(s.periodStart),
                        "end": .date(s.periodEnd),
                    ])
            }
            if let g = s.gross, s.net > g {
                add(
                    "loonstrook.netto-boven-bruto", .fout, line, "payslip.check.netAboveGross",
                    ["net": .money(s.net), "gross": .money(g)])
                ok = false
            }
            if let h = s.hours, s.periodEnd >= s.periodStart, h > 2_400 * s.periodDays {
                add(
                    "loonstrook.uren", .fout, line, "payslip.check.hours",
                    ["hours": .hours(h), "days": .number(s.periodDays)])
                ok = false
            }
            if s.holidayPayPaid + s.yearEndBonus > s.net {
                add(
                    "loonstrook.delen", .fout, line, "payslip.check.partsAboveNet",
                    ["net": .money(s.net)])
                ok = false
            }
            guard ok else { continue }
            if let d = duplicates.first(equalTo: s, in: kept) {
                if let l = keptLines[d] {
                    add(
                        "loonstrook.dubbel", .waarschuwing, line, "payslip.check.duplicate",
                        ["line": .number(l)])
                } else {
                    add("loonstrook.dubbel", .waarschuwing, line, "payslip.check.duplicateStored")
                }
                continue
            }
            // A client's rows name the same employer again and again: lowercased once per name.
            if s.employer != lastEmployer {
                lastEmployer = s.employer
                lastLowercased = s.employer.lowercased()
            }
            let employer = lastLowercased
            if let o = periods.firstOverlap(
                employer: employer, start: s.periodStart, end: s.periodEnd)
            {
                if let l = keptLines[o] {
                    add(
                        "loonstrook.overlap", .fout, line, "payslip.check.overlap",
                        [
                            "line": .number(l), "start": .date(kept[o].periodStart),
                            "end": .date(kept[o].periodEnd),
                        ])
                } else {
                    add(
                        "loonstrook.overlap", .fout, line, "payslip.check.overlapStored",
                        ["start": .date(kept[o].periodStart), "end": .date(kept[o].periodEnd)])
                }
                continue
            }
            if s.taxCreditApplied == true,
                taxCredit[s.payDate.calendarMonth]?.contains(where: { $0 != employer }) == true
            {
                add(
                    "loonstrook.korting-dubbel", .waarschuwing, line,
                    "payslip.check.taxCreditTwice", ["month": .month(s.payDate.calendarMonth)])
            }
            duplicates.insert(s, at: kept.count)
            periods.insert(
                start: s.periodStart, end: s.periodEnd, index: kept.count, employer: employer)
            if s.taxCreditApplied == true {
                taxCredit[s.payDate.calendarMonth, default: []].insert(employer)
            }
            kept.append(s)
            keptLines.append(line)
            keptEmployers.append(employer)
            accepted.append(row)
        }
        return Outcome(accepted: accepted, findings: findings)
    }
}

/// The first kept payslip equal to a new one, found by its dates and net amount.
///
/// Hashing the whole payslip (employer name and a dozen fields) for every row was a twentieth of
/// a caseload (issue 23). Equal payslips have equal keys, so the first kept payslip with the key
/// is the first equal one when it is equal; when it is not (same dates and net, another field
/// differs) the later ones are looked at in order. The answer is that of a scan of every kept
/// payslip.
struct DuplicateIndex {
    struct Key: Hashable {
        var payDate: LocalDate
        var start: LocalDate
        var end: LocalDate
        var net: Money
        init(_ p: Payslip) {
            payDate = p.payDate
            start = p.periodStart
            end = p.periodEnd
            net = p.net
        }
    }
    private var first: [Key: Int] = [:]

    init(capacity: Int) { first.reserveCapacity(capacity) }

    /// Records `p` kept at `index` (indexes only grow).
    mutating func insert(_ p: Payslip, at index: Int) {
        let k = Key(p)
        if first[k] == nil { first[k] = index }
    }

    /// The lowest index of a payslip in `kept` equal to `p`.
    func first(equalTo p: Payslip, in kept: [Payslip]) -> Int? {
        guard let d = first[Key(p)] else { return nil }
        return kept[d...].firstIndex(of: p)
    }
}

/// Kept payslips per employer, sorted by the start of their period, with the latest end seen so
/// far at each position, so the overlapping period with the lowest index is found by a binary
/// search and a short walk back instead of a look at every kept payslip.
struct PeriodIndex {
    struct Entry {
        var start: LocalDate
        var end: LocalDate
        var index: Int
    }
    /// Each employer's slot in `lists` and `maxEnds`: one hash per row, and the arrays are then
    /// changed in place (issue 23: three dictionary look-ups and two array copies per kept
    /// payslip were a twentieth of a caseload).
    private var slots: [String: Int] = [:]
    private var lists: [[Entry]] = []
    /// `maxEnds[slot][k]`: the latest end among `lists[slot][0...k]`.
    private var maxEnds: [[LocalDate]] = []

    mutating func insert(start: LocalDate, end: LocalDate, index: Int, employer: String) {
        let slot: Int
        if let known = slots[employer] {
            slot = known
        } else {
            slot = lists.count
            slots[employer] = slot
            lists.append([])
            maxEnds.append([])
        }
        // After every entry that starts on or before `start` (appending, for rows in date order).
        var lo = 0
        var hi = lists[slot].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lists[slot][mid].start <= start { lo = mid + 1 } else { hi = mid }
        }
        lists[slot].insert(Entry(start: start, end: end, index: index), at: lo)
        maxEnds[slot].insert(end, at: lo)
        for k in lo..<lists[slot].count {
            maxEnds[slot][k] =
                k == 0 ? lists[slot][k].end : max(maxEnds[slot][k - 1], lists[slot][k].end)
        }
    }

    /// The lowest index of a kept payslip of `employer` whose period overlaps `start...end`.
    func firstOverlap(employer: String, start: LocalDate, end: LocalDate) -> Int? {
        guard let slot = slots[employer] else { return nil }
        let list = lists[slot]
        let ends = maxEnds[slot]
        // Entries 0..<p start on or before `end`; of those, the ones ending on or after `start`
        // overlap. Walking back stops where no earlier entry ends that late.
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].start <= end { lo = mid + 1 } else { hi = mid }
        }
        var best: Int?
        var k = lo - 1
        while k >= 0 && ends[k] >= start {
            if list[k].end >= start { best = min(best ?? list[k].index, list[k].index) }
            k -= 1
        }
        return best
    }
}
