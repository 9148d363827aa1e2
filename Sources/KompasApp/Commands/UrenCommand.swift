import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasSettlement
import KompasStore

/// `kompas uren` (hours): hours worked so far this month plus an estimate for the remaining days,
/// a provisional figure before the income form is due, and, once the payslip is there, the
/// difference that is carried into next month.
///
/// `uren toevoegen` keeps a day's hours in the store.
enum UrenCommand {
    static let date = FlagSpec(
        ["--datum", "--date"], .value(placeholder: "JJJJ-MM-DD"), help: "flag.uren-datum")

    static let spec = CommandSpec(
        names: ["uren", "hours"], summary: "cmd.uren.summary",
        subcommands: [
            SubcommandSpec(["toevoegen", "add"], summary: "sub.uren.toevoegen"),
            SubcommandSpec(["lijst", "list"], summary: "sub.uren.lijst"),
        ],
        flags: [
            WatalsCommand.month, date, LoonstrookCommand.hoursWorked, LoonstrookCommand.employer,
            WatalsCommand.hours, WatalsCommand.hourlyWage,
        ]
            + HouseholdFlags.all + [
                HouseholdFlags.started, GlobalFlags.municipality, PayslipSource.filesFlag,
                ProfielCommand.noProfile,
            ] + StoreAccess.flags,
        run: { inv in try run(inv.arguments.operands.isEmpty ? ProfielCommand.merged(inv) : inv) })

    static func run(_ inv: Invocation) throws -> ExitCode {
        let sub = try inv.subcommand(required: false)
        if let extra = inv.arguments.operands.dropFirst(sub == nil ? 0 : 1).first {
            throw UsageError.unexpectedOperand(extra, command: "uren")
        }
        switch sub?.names[0] {
        case "toevoegen": return try add(inv)
        case "lijst": return try list(inv)
        default: return try overview(inv)
        }
    }

    static func add(_ inv: Invocation) throws -> ExitCode {
        let day: LocalDate
        if let raw = inv.arguments.value(date) {
            guard let d = LocalDate.parse(raw) else {
                throw UsageError.invalidValue(
                    flag: inv.flagName(date), value: raw, expected: Message("expect.date"))
            }
            day = d
        } else {
            day = inv.context.clock.now()
        }
        guard let h = try inv.hours(LoonstrookCommand.hoursWorked) else {
            throw UsageError.missingFlag(flag: inv.flagName(LoonstrookCommand.hoursWorked))
        }
        guard h <= 2_400 else {
            throw UserError(.dataError, Message("hours.error.day", ["hours": .hours(h)]))
        }
        let record = HourRecord(
            date: day, hours: h, employer: inv.arguments.value(LoonstrookCommand.employer) ?? "")
        let (store, _, created) = try StoreAccess.openOrCreate(inv)
        if created {
            inv.err.print(inv.t("store.created", ["path": .text(StoreAccess.location(inv).path)]))
        }
        try store.put(record, id: try store.recordID(forKey: record.id, in: .uren), in: .uren)
        inv.out.print(inv.t("hours.add.done", ["hours": .hours(h), "date": .date(day)]))
        return .ok
    }

    static func list(_ inv: Invocation) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let month = try inv.month(WatalsCommand.month)
        let records = try store.all(HourRecord.self, in: .uren).map(\.value).filter {
            month == nil || $0.date.calendarMonth == month
        }.sorted { $0.date < $1.date }
        if inv.json {
            inv.out.print(
                JSONOutput.string([
                    "uren": records.map {
                        [
                            "datum": $0.date.description, "uren_honderdsten": $0.hours,
                            "werkgever": $0.employer,
                        ] as [String: Any]
                    }
                ]))
            return .ok
        }
        if records.isEmpty {
            inv.out.print(inv.t("hours.list.none"))
            return .ok
        }
        let f = inv.context.localizer.format
        for r in records {
            inv.out.print("\(r.date)  \(f.hours(hundredths: r.hours))  \(r.employer)")
        }
        return .ok
    }

    static func overview(_ inv: Invocation) throws -> ExitCode {
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let today = inv.context.clock.now()
        let month = try inv.month(WatalsCommand.month) ?? today.calendarMonth
        guard let wage = try inv.money(WatalsCommand.hourlyWage) else {
            throw UsageError.missingFlag(flag: inv.flagName(WatalsCommand.hourlyWage))
        }
        let situation = try SituationFlags.situation(inv, hoursOptional: true)
        let loaded = try PayslipSource.load(inv)
        // One evaluation: the estimate through the one bijstand chain, the payslip's difference.
        let r = try Engine.hours(
            situation, month: month, today: today, hourlyWage: wage, records: loaded.hours,
            hoursPerWeek: try inv.hours(WatalsCommand.hours),
            extraWorked: try inv.hours(LoonstrookCommand.hoursWorked) ?? 0,
            payslips: loaded.payslips, municipality: municipality)
        let estimate = r.estimate
        if inv.json {
            var o = json(r)
            o["maand_resultaat"] = MonthJSON.object(r.month, inv)
            inv.out.print(JSONOutput.string(o))
            return .ok
        }
        let out = inv.out
        out.print(inv.context.style.bold(inv.t("hours.title", ["month": .month(month)])))
        out.print(
            inv.t(
                "hours.worked",
                ["hours": .hours(estimate.worked), "date": .date(min(today, month.lastDay))]))
        out.print(
            inv.t(
                "hours.expected",
                [
                    "hours": .hours(estimate.expectedRemaining),
                    "days": .number(estimate.remainingDays),
                ]))
        out.print(
            inv.t(
                "hours.total",
                [
                    "hours": .hours(estimate.total), "wage": .typedAmount(wage),
                    "gross": .line(.hoursGross, in: r),
                ]))
        out.print(
            inv.t(
                "hours.provisional",
                [
                    "net": .line(.projection(Projection.Line.net), in: r),
                    "paid": .line(.projection(Projection.Line.topUpPaid), in: r),
                ]))
        out.print(
            inv.t("hours.deadline", ["month": .month(month), "date": .date(r.deadline)])
                + (municipality.settlement.incomeFormDay.toVerify
                    ? " " + inv.t("status.deadline.toVerify") : ""))
        if let comparison = r.payslipComparison {
            out.print(
                inv.t(
                    "hours.payslip." + comparison.rawValue,
                    [
                        "net": .line(.hoursPayslipNet, in: r),
                        "estimate": .line(.projection(Projection.Line.net), in: r),
                        "difference": .line(.hoursDifferenceSize, in: r),
                        "next": .month(r.settledIn),
                    ]))
        }
        out.print(inv.context.style.dim(inv.t("hours.note.estimate")))
        return .ok
    }

    /// The JSON of `uren`: the month object every month command shares, plus the hours.
    static func json(_ r: HoursResult) -> [String: Any] {
        var o: [String: Any] = [
            "maand": r.estimate.month.description, "gewerkt_honderdsten": r.estimate.worked,
            "verwacht_nog_honderdsten": r.estimate.expectedRemaining,
            "werkdagen_over": r.estimate.remainingDays, "totaal_honderdsten": r.estimate.total,
            "bruto_centen": r.estimate.gross.cents,
            "netto_geschat_centen": r.estimatedNet.cents,
            "aanvulling_uitbetaald_geschat_centen": r.estimatedTopUpPaid.cents,
            "inkomstenformulier_uiterlijk": r.deadline.description,
        ]
        if let a = r.payslipNet, let d = r.difference {
            o["netto_loonstrook_centen"] = a.cents
            o["verschil_centen"] = d.cents
            o["verrekend_in"] = r.settledIn.description
        }
        return o
    }
}
