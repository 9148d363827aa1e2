import Foundation
import KompasCore
import KompasLocalization
import KompasMunicipality
import KompasStore

/// The printable overview of the application log for the talk with the contact person (issue 21).
///
/// This period, every application and activity with its status, and the notes. Text for the
/// terminal or printable HTML, through the summary's own writers (same style, same escaping).
enum ApplicationOverview {
    static func run(_ inv: Invocation) throws -> ExitCode {
        let raw = inv.arguments.value(SollicitatieCommand.format) ?? "tekst"
        guard ["tekst", "text", "html"].contains(raw.lowercased()) else {
            throw UsageError.invalidValue(
                flag: SollicitatieCommand.format.canonical, value: raw,
                expected: Message("application.expect.format"))
        }
        let store = try StoreAccess.open(inv)
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let blocks = try Self.blocks(
            entries: ApplicationStore.all(store), agreement: ApplicationStore.agreement(store),
            duty: municipality.applicationDuty, today: inv.context.clock.now(),
            localizer: inv.context.localizer)
        if raw.lowercased() == "html" {
            inv.out.print(
                SummaryHTMLWriter(
                    language: inv.context.localizer.language.rawValue,
                    title: inv.t("application.overview.title"),
                    rightToLeft: inv.context.localizer.language.isRightToLeft
                ).write(blocks), terminator: "")
        } else {
            let width = max(40, min(inv.context.terminal.width, 100))
            inv.out.print(
                SummaryTextWriter(width: width, charts: false).write(blocks), terminator: "")
        }
        return .ok
    }

    static func blocks(
        entries: [ApplicationEntry], agreement: ApplicationLog.Agreement?, duty: ApplicationDuty,
        today: LocalDate, localizer: Localizer
    ) -> [SummaryBlock] {
        let t = { (k: String, a: Message.Arguments) in localizer.text(k, a) }
        var b: [SummaryBlock] = [
            .heading(level: 1, text: t("application.overview.title", [:])),
            .paragraph(t("application.overview.intro", ["date": .date(today)])),
            .heading(level: 2, text: t("application.overview.period", [:])),
            .list(
                ApplicationStatus.lines(
                    today: today, entries: entries, agreement: agreement, duty: duty,
                    reminders: false
                ).map(localizer.render)),
        ]
        let applications = entries.filter(\.isApplication)
        let activities = entries.filter { !$0.isApplication }
        func rows(_ list: [ApplicationEntry]) -> [[String]] {
            list.map { e in
                [
                    localizer.format.date(e.date), e.employer, e.role.isEmpty ? "—" : e.role,
                    e.channel ?? "—", t("application.status." + e.status.rawValue, [:]),
                ]
            }
        }
        let headers = [
            "application.col.date", "application.col.employer", "application.col.role",
            "application.col.channel", "application.col.status",
        ].map { t($0, [:]) }
        b.append(.heading(level: 2, text: t("application.overview.applications", [:])))
        if applications.isEmpty {
            b.append(.paragraph(t("application.list.none", [:])))
        } else {
            b.append(
                .table(
                    caption: t(
                        "application.overview.applicationsCaption",
                        ["count": .number(applications.count)]),
                    headers: headers, rows: rows(applications)))
        }
        if !activities.isEmpty {
            b.append(.heading(level: 2, text: t("application.overview.activities", [:])))
            b.append(
                .table(
                    caption: t(
                        "application.overview.activitiesCaption",
                        ["count": .number(activities.count)]),
                    headers: [
                        "application.col.kind", "application.col.date", "application.col.where",
                    ]
                    .map { t($0, [:]) },
                    rows: activities.map { e in
                        [
                            t("application.kind." + e.kind.rawValue, [:]),
                            localizer.format.date(e.date), e.employer,
                        ]
                    }))
        }
        let notes = entries.flatMap { e in
            e.notes.map { n in
                t(
                    "application.overview.note",
                    ["employer": .text(e.employer), "date": .date(n.on), "text": .text(n.text)])
            }
        }
        let reasons = entries.compactMap { e -> String? in
            guard let r = e.changes.last(where: { $0.status == .afgewezen })?.reason else {
                return nil
            }
            return t(
                "application.overview.reason", ["employer": .text(e.employer), "reason": .text(r)])
        }
        if !notes.isEmpty || !reasons.isEmpty {
            b.append(.heading(level: 2, text: t("application.overview.notes", [:])))
            b.append(.list(reasons + notes))
        }
        b.append(.paragraph(t("application.overview.closing", [:])))
        return b
    }
}
