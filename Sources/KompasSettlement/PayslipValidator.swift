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
        var keptIndex: [Payslip: Int] = [:]
        for (i, e) in existing.enumerated() where keptIndex[e] == nil { keptIndex[e] = i }
        func add(
            _ id: String, _ level: Finding.Level, _ line: Int, _ key: String,
            _ args: [String: Message.Argument] = [:]
        ) {
            findings.append(
                Finding(
                    ruleID: id, level: level, line: line, column: 1, message: Message(key, args)))
        }
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
            if let d = keptIndex[s] {
                if let l = keptLines[d] {
                    add(
                        "loonstrook.dubbel", .waarschuwing, line, "payslip.check.duplicate",
                        ["line": .number(l)])
                } else {
                    add("loonstrook.dubbel", .waarschuwing, line, "payslip.check.duplicateStored")
                }
                continue
            }
            let employer = s.employer.lowercased()
            if let o = kept.indices.first(where: { i in
                let k = kept[i]
                return k.periodStart <= s.periodEnd && s.periodStart <= k.periodEnd
                    && keptEmployers[i] == employer
            }) {
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
                kept.indices.contains(where: {
                    kept[$0].taxCreditApplied == true && keptEmployers[$0] != employer
                        && kept[$0].payDate.calendarMonth == s.payDate.calendarMonth
                })
            {
                add(
                    "loonstrook.korting-dubbel", .waarschuwing, line,
                    "payslip.check.taxCreditTwice", ["month": .month(s.payDate.calendarMonth)])
            }
            keptIndex[s] = kept.count
            kept.append(s)
            keptLines.append(line)
            keptEmployers.append(employer)
            accepted.append(row)
        }
        return Outcome(accepted: accepted, findings: findings)
    }
}
