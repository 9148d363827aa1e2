import Foundation
import KompasCore
import KompasLocalization
import KompasSync

/// Text for receipts and what the municipality sent: "Ontvangen door de gemeente op … (kenmerk …)".
///
/// Shared by `kompas sync` and the receipts section of `kompas status`; times are shown in
/// Europe/Amsterdam, the municipality's and the client's clock.
struct ReceiptText {
    let context: Context
    init(_ context: Context) { self.context = context }

    func t(_ key: String, _ args: Message.Arguments = [:]) -> String {
        context.t(key, args)
    }

    /// "15 maart 2026 om 14:03" from the endpoint's UTC registration time.
    func when(_ iso: String) -> String {
        guard let d = WireTime.date(iso) else { return iso }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        guard let y = c.year, let m = c.month, let day = c.day,
            let date = LocalDate(year: y, month: m, day: day)
        else { return iso }
        return t(
            "sync.when",
            [
                "date": .date(date),
                "time": .text(String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)),
            ])
    }

    func monthText(_ m: String?) -> String {
        guard let m, let month = CalendarMonth.parse(m) else { return m ?? "" }
        return context.localizer.format.month(month)
    }

    func statementLine(month: String?, at: String, kenmerk: String) -> String {
        t(
            "sync.receipt.statement",
            ["month": .text(monthText(month)), "when": .text(when(at)), "kenmerk": .text(kenmerk)])
    }

    func what(_ type: ObjectType, month: String?) -> String {
        let m = monthText(month)
        return t("sync.what.\(type.rawValue)", ["month": .text(m)])
    }

    func fromMunicipalityLine(_ k: KnownObject) -> String {
        switch k.type {
        case .verrekening:
            let amount =
                k.data["bijstandCent"]?.intValue.map {
                    Message.Argument.municipalDecision(cents: Int64($0))
                }
                ?? .text("?")
            return t(
                "sync.decision",
                [
                    "month": .text(monthText(k.data["maand"]?.stringValue)), "amount": amount,
                    "when": .text(when(k.registrationAt)),
                ])
        default:
            return t(
                "sync.message",
                [
                    "text": .text(k.data["tekst"]?.stringValue ?? ""),
                    "when": .text(when(k.registrationAt)),
                ])
        }
    }
}
