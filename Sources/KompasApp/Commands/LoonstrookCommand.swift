import Foundation
import KompasCore
import KompasLayout
import KompasSettlement
import KompasStore

/// `kompas loonstrook` (payslip): add, list, import and remove payslips.
///
/// Payslips live in the
/// encrypted store; `lijst` can also show a file (`--loonstroken`) without a store.
///
/// Exit codes: 65 when a file or a payslip has errors (nothing is saved: the import is
/// all-or-nothing per file); with `--overslaan-fouten` the good rows are saved and the run exits 1
/// ("findings") when rows were skipped, so a script sees that not everything went in.
enum LoonstrookCommand {
    static let payDate = FlagSpec(
        ["--betaaldatum", "--pay-date"], .value(placeholder: "JJJJ-MM-DD"))
    static let periodFrom = FlagSpec(
        ["--periode-van", "--period-from"], .value(placeholder: "JJJJ-MM-DD"))
    static let periodTo = FlagSpec(
        ["--periode-tot", "--period-to"], .value(placeholder: "JJJJ-MM-DD"))
    static let net = FlagSpec(["--netto", "--net"], .value(placeholder: "BEDRAG"))
    static let gross = FlagSpec(["--bruto", "--gross"], .value(placeholder: "BEDRAG"))
    static let hoursWorked = FlagSpec(
        ["--gewerkte-uren", "--hours-worked"], .value(placeholder: "UREN"))
    static let holidayPay = FlagSpec(
        ["--vakantiegeld", "--holiday-pay"], .value(placeholder: "BEDRAG"))
    static let bonus = FlagSpec(
        ["--eindejaarsuitkering", "--year-end-bonus"], .value(placeholder: "BEDRAG"))
    static let employer = FlagSpec(["--werkgever", "--employer"], .value(placeholder: "NAAM"))
    static let taxCredit = FlagSpec(
        ["--loonheffingskorting", "--tax-credit"], .value(placeholder: "ja|nee"))
    static let skipErrors = FlagSpec(["--overslaan-fouten", "--skip-errors"])

    static let spec = CommandSpec(
        names: ["loonstrook", "payslip"], summary: "cmd.loonstrook.summary",
        subcommands: [
            SubcommandSpec(["toevoegen", "add"], summary: "sub.loonstrook.toevoegen"),
            SubcommandSpec(["lijst", "list"], summary: "sub.loonstrook.lijst"),
            SubcommandSpec(["importeer", "import"], summary: "sub.loonstrook.importeer"),
            SubcommandSpec(["verwijder", "remove"], summary: "sub.loonstrook.verwijder"),
        ],
        operands: "[BESTAND|NUMMER]",
        flags: [
            payDate, periodFrom, periodTo, net, gross, hoursWorked, holidayPay, bonus, employer,
            WatalsCommand.frequency, taxCredit,
            skipErrors, PayslipSource.filesFlag,
        ] + StoreAccess.flags,
        run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        guard let sub = try inv.subcommand() else {
            preconditionFailure("the command table declares loonstrook's subcommands as required")
        }
        let operands = Array(inv.arguments.operands.dropFirst())
        switch sub.names[0] {
        case "toevoegen": return try add(inv, operands)
        case "lijst": return try list(inv, operands)
        case "importeer": return try importFile(inv, operands)
        default: return try remove(inv, operands)
        }
    }

    // MARK: toevoegen

    static func add(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        if let extra = operands.first {
            throw UsageError.unexpectedOperand(extra, command: "loonstrook toevoegen")
        }
        var values: [String: String] = [:]
        let fields: [(String, FlagSpec)] = [
            ("betaaldatum", payDate), ("periode_van", periodFrom), ("periode_tot", periodTo),
            ("netto", net),
            ("bruto", gross), ("uren", hoursWorked), ("vakantiegeld", holidayPay),
            ("eindejaarsuitkering", bonus),
            ("werkgever", employer), ("frequentie", WatalsCommand.frequency),
            ("loonheffingskorting", taxCredit),
        ]
        func flagName(_ key: String) -> String {
            fields.first { $0.0 == key }.map { inv.flagName($0.1) } ?? key
        }
        for (k, f) in fields { if let v = inv.arguments.value(f) { values[k] = v } }
        let missing = PayslipReader.required.filter { values[$0] == nil }
        if !missing.isEmpty {
            guard inv.context.terminal.stdinIsTTY else {
                throw UsageError.missingFlag(flag: flagName(missing[0]))
            }
            // Ask for each field in plain language; Enter skips an optional one.
            inv.err.print(inv.t("payslip.prompt.intro"))
            for (k, _) in fields where values[k] == nil {
                let required = PayslipReader.required.contains(k)
                for attempt in 0..<3 {
                    inv.err.print(
                        inv.t("payslip.prompt." + k)
                            + (required ? "" : " " + inv.t("payslip.prompt.optional")) + " ",
                        terminator: "")
                    guard let answer = inv.context.readLine()?.trimmingCharacters(in: .whitespaces)
                    else {
                        throw UserError(.usage, Message("payslip.error.promptEnded"))
                    }
                    if answer.isEmpty && !required { break }
                    if answer.isEmpty {
                        if attempt == 2 {
                            throw UsageError.missingFlag(
                                flag: flagName(k))
                        }
                        continue
                    }
                    var probe = values
                    probe[k] = answer
                    for r in PayslipReader.required where probe[r] == nil {
                        probe[r] = r == "netto" ? "0" : "2000-01-01"
                    }
                    if case .failure(let e) = PayslipReader.payslip(probe, line: 0),
                        e.findings.contains(where: { f in
                            if case .text(let field)? = f.message.arguments["field"] {
                                return field == k
                            }
                            return false
                        })
                    {
                        inv.err.print(inv.context.localizer.render(e.findings[0].message))
                        if attempt == 2 { throw UserError(.usage, e.findings[0].message) }
                        continue
                    }
                    values[k] = answer
                    break
                }
            }
        }
        let parsed = PayslipReader.payslip(values, line: 1)
        let slip: Payslip
        switch parsed {
        case .success(let s): slip = s
        case .failure(let e): throw UserError(.dataError, e.findings[0].message)
        }
        let (store, _, created) = try StoreAccess.openOrCreate(inv)
        if created {
            inv.err.print(inv.t("store.created", ["path": .text(StoreAccess.location(inv).path)]))
        }
        // As in `importeer`: the check and the save under one write lock (issue 18).
        let check = try store.transaction {
            let existing = try store.all(Payslip.self, in: .loonstrook).map(\.value)
            let check = PayslipValidator.validate(
                [PayslipRow(line: 1, payslip: slip)], existing: existing)
            if !check.hasErrors && !check.accepted.isEmpty { try SyncBridge.save(slip, in: store) }
            return check
        }
        for f in check.findings {
            inv.err.print(
                "kompas: " + inv.t("doc.level." + f.level.rawValue) + " "
                    + inv.context.localizer.render(f.message))
        }
        if check.hasErrors { return .dataError }
        if check.accepted.isEmpty {
            inv.out.print(inv.t("payslip.add.already"))
            return .ok
        }
        inv.out.print(
            inv.t(
                // In the guide the list is a menu choice, not a command to type (issue 22).
                inv.context.inGuide ? "payslip.add.done.gids" : "payslip.add.done",
                ["date": .date(slip.payDate), "net": .payslip(slip), "id": .text(slip.id)]))
        return .ok
    }

    // MARK: lijst

    static func list(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        if let extra = operands.first {
            throw UsageError.unexpectedOperand(extra, command: "loonstrook lijst")
        }
        let slips = try PayslipSource.load(
            inv, needStore: inv.arguments.values(PayslipSource.filesFlag).isEmpty
        ).payslips
        if inv.json {
            inv.out.print(
                JSONOutput.string([
                    "loonstroken": slips.enumerated().map { json($1, number: $0 + 1) }
                ]))
            return .ok
        }
        if slips.isEmpty {
            inv.out.print(inv.t("payslip.list.none"))
            return .ok
        }
        let f = inv.context.localizer.format
        let text = LineText(inv: inv)
        let headers = [
            "payslip.col.number", "payslip.col.payDate", "payslip.col.period",
            "payslip.col.employer", "payslip.col.frequency",
            "payslip.col.net", "payslip.col.gross", "payslip.col.hours",
        ].map { inv.t($0) }
        var table = [headers]
        for (n, s) in slips.enumerated() {
            table.append([
                "\(n + 1)", s.payDate.description, "\(s.periodStart) – \(s.periodEnd)", s.employer,
                inv.t("payslip.frequency." + s.frequency.rawValue),
                text.cell(.net, of: s), text.cell(.gross, of: s),
                s.hours.map { f.hours(hundredths: $0) } ?? "",
            ])
        }
        printTable(table, inv)
        return .ok
    }

    /// Columns when they fit the terminal, else one block per row (issue 22).
    static func printTable(_ table: [[String]], _ inv: Invocation) {
        guard let headers = table.first else { return }
        let width = inv.context.terminal.width
        let laidOut = TextTable(
            headers: headers, alignments: headers.map { _ in .left }, rows: Array(table.dropFirst())
        )
        for line in laidOut.render(width: width, header: inv.context.style.bold) {
            inv.out.print(line)
        }
    }

    static func json(_ s: Payslip, number: Int) -> [String: Any] {
        var o: [String: Any] = [
            "nummer": number, "id": s.id, "werkgever": s.employer,
            "betaaldatum": s.payDate.description,
            "periode_van": s.periodStart.description, "periode_tot": s.periodEnd.description,
            "frequentie": s.frequency.rawValue,
            "netto_centen": s.net.cents, "vakantiegeld_centen": s.holidayPayPaid.cents,
            "eindejaarsuitkering_centen": s.yearEndBonus.cents,
        ]
        if let g = s.gross { o["bruto_centen"] = g.cents }
        if let h = s.hours { o["uren_honderdsten"] = h }
        if let c = s.taxCreditApplied { o["loonheffingskorting"] = c }
        return o
    }

    // MARK: importeer

    static func importFile(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        guard let file = operands.first else {
            throw UserError(.usage, Message("payslip.error.noFile"))
        }
        if operands.count > 1 {
            throw UsageError.unexpectedOperand(operands[1], command: "loonstrook importeer")
        }
        let data = try PayslipSource.read(file, inv)
        let store = try StoreAccess.openOrCreate(inv).store
        let read = PayslipReader.read(data)
        // The write lock first, then the overlap check (issue 18): checked against payslips read
        // before the lock, a payslip another Kompas saved meanwhile would slip past it.
        let (check, findings) = try store.transaction {
            () -> (PayslipValidator.Outcome, [Finding]) in
            let existing = try store.all(Payslip.self, in: .loonstrook).map(\.value)
            let check = PayslipValidator.validate(read.rows, existing: existing)
            let findings = (read.findings + check.findings).sorted { $0.line < $1.line }
            if findings.contains(where: { $0.level == .fout }) && !inv.arguments.has(skipErrors) {
                return (check, findings)
            }
            for row in check.accepted { try SyncBridge.save(row.payslip, in: store) }
            return (check, findings)
        }
        PayslipSource.printFindings(findings, file: file, inv)
        let errors = findings.filter { $0.level == .fout }.count
        if errors > 0 && !inv.arguments.has(skipErrors) {
            inv.err.print(
                "kompas: " + inv.t("payslip.import.nothingSaved", ["count": .number(errors)]))
            return .dataError
        }
        let duplicates = check.findings.filter { $0.ruleID == "loonstrook.dubbel" }.count
        let summary: Message.Arguments = [
            "saved": Message.Argument.number(check.accepted.count), "skipped": .number(errors),
            "duplicates": .number(duplicates),
        ]
        if inv.json {
            inv.out.print(
                JSONOutput.string([
                    "opgeslagen": check.accepted.count, "overgeslagen": errors,
                    "dubbel": duplicates,
                    "bevindingen": findings.map {
                        [
                            "regel": $0.ruleID, "niveau": $0.level.rawValue, "lijn": $0.line,
                            "bericht": inv.context.localizer.render($0.message),
                        ] as [String: Any]
                    },
                ]))
        } else {
            inv.out.print(inv.t("payslip.import.done", summary))
        }
        return errors > 0 ? .findings : .ok
    }

    // MARK: verwijder

    static func remove(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        guard let which = operands.first else {
            throw UserError(.usage, Message("payslip.error.noNumber"))
        }
        let store = try StoreAccess.open(inv)
        let slips = try store.all(Payslip.self, in: .loonstrook).map(\.value).sorted {
            ($0.payDate, $0.periodStart) < ($1.payDate, $1.periodStart)
        }
        let target: Payslip?
        if let n = Int(which) {
            target = (1...max(1, slips.count)).contains(n) && n <= slips.count ? slips[n - 1] : nil
        } else {
            target = slips.first { $0.id == which }
        }
        guard let t = target,
            try store.delete(id: try store.recordID(forKey: t.id, in: .loonstrook), in: .loonstrook)
        else {
            throw UserError(.dataError, Message("payslip.error.notFound", ["which": .text(which)]))
        }
        inv.out.print(
            inv.t("payslip.remove.done", ["date": .date(t.payDate), "net": .payslip(t)]))
        return .ok
    }
}
