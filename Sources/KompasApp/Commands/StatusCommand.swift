import Foundation
import KompasCore
import KompasEngine
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
        /// The application log and the agreed number (issue 21); empty without a store.
        var applications: [ApplicationEntry] = []
        var agreement: ApplicationLog.Agreement? = nil
        /// Run from the guide: hints say in words what to choose, never a command (issue 22).
        var inGuide = false
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
    static let sections: [@Sendable (Facts) -> Section?] = [
        deadlineSection, missingSection, applicationSection,
    ]

    /// The application log (issue 21): this period against the number asked, what counts, and
    /// who to call back; only for someone who keeps the log.
    @Sendable static func applicationSection(_ f: Facts) -> Section? {
        guard !f.applications.isEmpty || f.agreement != nil else { return nil }
        return Section(
            id: "sollicitaties", title: Message("status.section.applications"),
            lines: ApplicationStatus.lines(
                today: f.today, entries: f.applications, agreement: f.agreement,
                duty: f.municipality.applicationDuty))
    }

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
        var facts = Facts(
            today: inv.context.clock.now(), policy: municipality.settlementPolicy,
            municipality: municipality,
            payslips: loaded.payslips, hours: loaded.hours)
        facts.inGuide = inv.context.inGuide
        if let store = loaded.store {
            facts.applications = (try? ApplicationStore.all(store)) ?? []
            facts.agreement = try? ApplicationStore.agreement(store)
        }
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

    /// The income form, as the engine decided it (last month's while its deadline has not
    /// passed, else this month's).
    @Sendable static func deadlineSection(_ f: Facts) -> Section? {
        let st = Engine.status(
            today: f.today, payslips: f.payslips, hours: f.hours, policy: f.policy)
        var lines = [
            Message(
                "status.deadline",
                [
                    "month": .month(st.formMonth), "date": .date(st.formDeadline),
                    "days": .number(st.daysLeft),
                ])
        ]
        if f.municipality.settlement.incomeFormDay.toVerify {
            lines.append(Message("status.deadline.toVerify"))
        }
        return Section(id: "termijn", title: Message("status.section.deadline"), lines: lines)
    }

    /// Payslips expected from the pay pattern but not there, and months with hours but no
    /// payslip, as the engine found them.
    @Sendable static func missingSection(_ f: Facts) -> Section? {
        let st = Engine.status(
            today: f.today, payslips: f.payslips, hours: f.hours, policy: f.policy)
        var lines: [Message] = st.missing.map { m in
            Message(
                "status.missing.payslip",
                [
                    "employer": .text(m.employer.isEmpty ? "—" : m.employer),
                    "date": .date(m.expected), "due": .date(m.due),
                ])
        }
        for m in st.hoursWithoutPayslip {
            lines.append(Message("status.missing.hoursWithoutPayslip", ["month": .month(m)]))
        }
        if let h = st.hoursThisMonth {
            lines.append(Message("status.hoursThisMonth", ["hours": .hours(h)]))
        }
        if lines.isEmpty {
            lines.append(
                Message(
                    st.hasPayslips
                        ? "status.missing.none"
                        : f.inGuide
                            ? "status.missing.noPayslips.gids" : "status.missing.noPayslips"))
        }
        return Section(id: "ontbreekt", title: Message("status.section.missing"), lines: lines)
    }
}
