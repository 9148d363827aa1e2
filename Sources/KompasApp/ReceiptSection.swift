import KompasCore
import KompasSync

/// The receipts section of `kompas status`, kept in its own file so the status command can grow
/// other sections (deadlines, missing payslips) without touching this one.
enum ReceiptSection {
    static func render(_ s: ReceiptSummary, _ inv: Invocation) {
        let text = ReceiptText(inv.context)
        let out = inv.out
        if !s.configured { out.print(inv.hint("status.sync.notConfigured")) }
        out.print(inv.context.style.bold(inv.t("status.sync.receivedTitle")))
        let received = s.months.filter { $0.statementReceivedAt != nil || $0.payslipsReceived > 0 }
        if received.isEmpty { out.print("  " + inv.hint("status.sync.nothingReceived")) }
        for m in received {
            if let at = m.statementReceivedAt, let k = m.statementKenmerk {
                out.print("  " + text.statementLine(month: m.month, at: at, kenmerk: k))
            }
            if m.payslipsReceived > 0 {
                out.print(
                    "  "
                        + inv.t(
                            "status.sync.payslipsReceived",
                            [
                                "month": .text(text.monthText(m.month)),
                                "count": .number(m.payslipsReceived),
                            ]))
            }
        }
        let waiting = s.months.filter { $0.statementsWaiting > 0 || $0.payslipsWaiting > 0 }
        if s.waiting > 0 {
            out.print(inv.t("status.sync.waitingTitle"))
            for m in waiting {
                if m.statementsWaiting > 0 {
                    out.print(
                        "  "
                            + inv.t(
                                "status.sync.statementWaiting",
                                ["month": .text(text.monthText(m.month))]))
                }
                if m.payslipsWaiting > 0 {
                    out.print(
                        "  "
                            + inv.t(
                                "status.sync.payslipsWaiting",
                                [
                                    "month": .text(text.monthText(m.month)),
                                    "count": .number(m.payslipsWaiting),
                                ]))
                }
            }
            let other =
                s.waiting - waiting.reduce(0) { $0 + $1.statementsWaiting + $1.payslipsWaiting }
            if other > 0 {
                out.print("  " + inv.t("status.sync.otherWaiting", ["count": .number(other)]))
            }
            out.print("  " + inv.hint("status.sync.sendHint"))
        } else if s.allSent {
            out.print(inv.t("status.sync.allSent"))
        }
        for c in s.conflicts {
            let what = text.what(c.type, month: c.month)
            if c.state == .conflict {
                out.print(inv.t("sync.result.conflict", ["what": .text(what), "id": .text(c.id)]))
            } else {
                out.print(
                    inv.t(
                        "sync.result.rejected",
                        ["what": .text(what), "detail": .text(c.detail ?? "")]))
            }
        }
        if !s.fromMunicipality.isEmpty {
            out.print(inv.t("status.sync.fromMunicipalityTitle"))
            for k in s.fromMunicipality { out.print("  " + text.fromMunicipalityLine(k)) }
        }
        if let last = s.lastSync {
            out.print(inv.t("status.sync.lastSync", ["when": .text(text.when(last))]))
        }
    }
}
