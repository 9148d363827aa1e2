import Foundation
import KompasCore
import KompasMunicipality
import KompasSettlement
import KompasSync

/// `kompas status`: what is due and what is missing.
///
/// Built from a list of sections so later parts
/// (issue 7: what the municipality received) add a section without changing the others.
enum StatusCommand {
    static let spec = CommandSpec(
        names: ["status"], summary: "cmd.status.summary",
        flags: [GlobalFlags.municipality, PayslipSource.filesFlag, StoreCheckOutput.flag]
            + StoreAccess.flags,
        run: run)

    /// What a section sees.
    struct Facts {
        var today: LocalDate
        var policy: SettlementPolicy
        var municipality: MunicipalityFile
        var payslips: [Payslip]
        var hours: [HourRecord]
    }

    /// One block of the status: a title and lines, each a message (text and JSON from the same values).
    struct Section {
        var id: String
        var title: Message
        var lines: [Message]
    }

    /// The sections, in order.
    ///
    /// Add one here to extend `kompas status`.
    static let sections: [@Sendable (Facts) -> Section?] = [deadlineSection, missingSection]

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "status")
        }
        if inv.arguments.has(StoreCheckOutput.flag) {
            return try StoreCheckOutput.runOnRequest(inv)
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        // Issue 18: the store's integrity check runs first, so damage is said even when it hides
        // records from the lists below.
        let checked =
            inv.arguments.values(PayslipSource.filesFlag).isEmpty
            ? try StoreAccess.openIfAvailable(inv)?.check() : nil
        let loaded = try PayslipSource.load(inv)
        let facts = Facts(
            today: inv.context.clock.now(), policy: municipality.settlementPolicy,
            municipality: municipality,
            payslips: loaded.payslips, hours: loaded.hours)
        let shown = sections.compactMap { $0(facts) }
        let l = inv.context.localizer
        // Issue 7: what the municipality received and what waits to be sent (ReceiptSection.swift).
        let receipts = try loaded.store.map { try ReceiptSummary.load(from: $0) }
        if inv.json {
            var doc: [String: Any] = [
                "vandaag": facts.today.description, "gemeente": municipality.id,
                "secties": shown.map { s in
                    [
                        "id": s.id, "titel": l.render(s.title),
                        "regels": s.lines.map { ["sleutel": $0.key, "tekst": l.render($0)] },
                    ] as [String: Any]
                },
            ]
            if let receipts { doc["ontvangst"] = SyncCommand.jsonObject(receipts) }
            if let checked { doc["opslag"] = StoreCheckOutput.json(checked) }
            inv.out.print(JSONOutput.string(doc))
            return checked.map { $0.isIntact ? .ok : .findings } ?? .ok
        }
        for (n, s) in shown.enumerated() {
            if n > 0 { inv.out.print("") }
            inv.out.print(inv.context.style.bold(l.render(s.title)))
            for line in s.lines { inv.out.print("- " + l.render(line)) }
        }
        if let receipts {
            inv.out.print("")
            ReceiptSection.render(receipts, inv)
        }
        if !loaded.fromStore && loaded.payslips.isEmpty {
            inv.out.print("")
            inv.out.print(inv.t("status.noData"))
        }
        if let checked, !checked.isIntact {
            inv.out.print("")
            inv.out.print(inv.context.style.bold(inv.t("store.check.title")))
            for m in StoreCheckOutput.problems(checked) { inv.out.print("- " + l.render(m)) }
            loaded.store?.structureDamageNamed = true
            return .findings
        }
        return .ok
    }

    /// The income form: for last month while its deadline has not passed, else for this month.
    @Sendable static func deadlineSection(_ f: Facts) -> Section? {
        let last = f.today.calendarMonth.advanced(by: -1)
        let lastDeadline = f.policy.incomeFormDeadline(for: last)
        let month = f.today <= lastDeadline ? last : f.today.calendarMonth
        let deadline = f.policy.incomeFormDeadline(for: month)
        var lines = [
            Message(
                "status.deadline",
                [
                    "month": .month(month), "date": .date(deadline),
                    "days": .number(f.today.days(until: deadline)),
                ])
        ]
        if f.municipality.settlement.incomeFormDay.toVerify {
            lines.append(Message("status.deadline.toVerify"))
        }
        return Section(id: "termijn", title: Message("status.section.deadline"), lines: lines)
    }

    /// Payslips expected from the pay pattern but not there, and months with hours but no payslip.
    @Sendable static func missingSection(_ f: Facts) -> Section? {
        var lines: [Message] = []
        var last: [String: Payslip] = [:]
        for s in f.payslips {
            let k = s.employer.lowercased()
            if (last[k]?.payDate ?? .init(daysSinceEpoch: 0)) < s.payDate { last[k] = s }
        }
        for (_, s) in last.sorted(by: { $0.key < $1.key }) {
            var next: LocalDate
            switch s.frequency {
            case .week: next = s.payDate.adding(days: 7)
            case .vierWeken: next = s.payDate.adding(days: 28)
            case .maand, .anders:
                let m = s.payDate.calendarMonth.advanced(by: 1)
                next = m.day(s.payDate.day)
            }
            let step = s.frequency == .week ? 7 : 28
            var count = 0
            while next <= f.today && count < 24 {
                lines.append(
                    Message(
                        "status.missing.payslip",
                        [
                            "employer": .text(s.employer.isEmpty ? "—" : s.employer),
                            "date": .date(next),
                            "due": .date(next.adding(days: f.policy.payslipDays)),
                        ]))
                count += 1
                if s.frequency == .maand || s.frequency == .anders {
                    let m = next.calendarMonth.advanced(by: 1)
                    next = m.day(s.payDate.day)
                } else {
                    next = next.adding(days: step)
                }
            }
        }
        let covered = Set(
            f.payslips.flatMap { s in
                Array(s.periodStart.calendarMonth...max(s.periodStart, s.periodEnd).calendarMonth)
            })
        let hourMonths = Set(f.hours.map(\.date.calendarMonth)).filter {
            $0 < f.today.calendarMonth && !covered.contains($0)
        }
        for m in hourMonths.sorted() {
            lines.append(Message("status.missing.hoursWithoutPayslip", ["month": .month(m)]))
        }
        if f.hours.contains(where: { $0.date.calendarMonth == f.today.calendarMonth }) {
            let h = f.hours.filter { $0.date.calendarMonth == f.today.calendarMonth }.reduce(0) {
                $0 + $1.hours
            }
            lines.append(Message("status.hoursThisMonth", ["hours": .hours(h)]))
        }
        if lines.isEmpty {
            lines.append(
                Message(f.payslips.isEmpty ? "status.missing.noPayslips" : "status.missing.none"))
        }
        return Section(id: "ontbreekt", title: Message("status.section.missing"), lines: lines)
    }
}
