import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasLayout
import KompasMunicipality
import KompasSettlement

/// `kompas verrekening` (settle): the settlement preview of one month, with the forecast of months
/// with two paydays; `--caseload` settles many clients for a klantmanager.
enum VerrekeningCommand {
    static let alreadyPaid = FlagSpec(
        ["--al-betaald", "--already-paid"], .value(placeholder: "BEDRAG"))
    static let caseload = FlagSpec(["--caseload"], .value(placeholder: "BESTAND"))
    static let csv = FlagSpec(["--csv"])
    static let statement = FlagSpec(["--opgave", "--statement"])

    static let spec = CommandSpec(
        names: ["verrekening", "settle"], summary: "cmd.verrekening.summary",
        flags: [WatalsCommand.month] + HouseholdFlags.all + [
            HouseholdFlags.started, SituationFlags.extendedMonths, WatalsCommand.otherIncome,
            alreadyPaid, GlobalFlags.municipality, PayslipSource.filesFlag, caseload, csv,
            CaseloadCSV.flag, statement,
            ProfielCommand.noProfile,
        ] + StoreAccess.flags,
        run: { inv in try run(inv.arguments.has(caseload) ? inv : ProfielCommand.merged(inv)) })

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "verrekening")
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let policy = municipality.settlementPolicy
        if let file = inv.arguments.value(caseload) {
            return try CaseloadRun.run(inv, file: file, policy: policy)
        }
        if inv.arguments.has(csv) || inv.arguments.has(CaseloadCSV.flag) {
            throw UserError(.usage, Message("settle.error.csvOnlyCaseload"))
        }
        let situation = try SituationFlags.situation(inv)
        let month = try inv.month(WatalsCommand.month) ?? inv.context.clock.now().calendarMonth
        let queue = inv.arguments.has(statement)
        if queue && inv.arguments.has(PayslipSource.filesFlag) {
            throw UsageError.conflicting(
                inv.flagName(statement), inv.flagName(PayslipSource.filesFlag))
        }
        let loaded = try PayslipSource.load(inv, needStore: queue)
        // One evaluation: the preview against what was paid, and the forecast after it (a year's
        // reconciliation told once, with one number).
        let result = try Engine.evaluate(
            situation, months: [month], municipality: municipality,
            options: EvaluationOptions(
                payslips: loaded.payslips, alreadyPaid: try inv.money(alreadyPaid), settle: true,
                forecastFrom: max(month, inv.context.clock.now().calendarMonth).advanced(by: 1)))
        guard let preview = result.settlement else { return .software }
        SettlementRenderer(inv: inv, municipality: municipality).render(
            preview, forecast: result.forecast, fromStore: loaded.fromStore, month: result.first,
            payslipJobs: result.payslipJobs)
        if queue, let store = loaded.store {
            // The monthly income statement: what was counted in the month and the payslips behind it.
            let uuid = try SyncBridge.queueStatement(
                IncomeStatement.of(loaded.payslips, month: month, policy: policy), in: store)
            inv.err.print(
                inv.t("settle.statementQueued", ["month": .month(month), "id": .text(uuid)]))
        }
        return .ok
    }
}

/// The caseload run: streams the file line by line (memory does not grow with the number of
/// clients), writes one row per client per month as it goes, and the totals at the end.
///
/// A client
/// with bad data is reported on stderr with its id and line; the others are still settled (exit 1
/// when any client was rejected). Progress on stderr after the first second.
enum CaseloadRun {
    /// Refuses a CSV caseload whose header lacks a required column, naming every missing one.
    ///
    /// Runs before anything is printed (issue 18). JSON Lines are checked line by line as before.
    static func requireColumns(_ url: URL) throws {
        guard let h = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? h.close() }
        let start = (try? h.read(upToCount: 1 << 16)) ?? Data()
        var probe = CaseloadParser()
        let lines = CaseloadParser.lines(PayslipReader.text(start))
        for (n, line) in lines.enumerated() {
            _ = probe.feed(line, line: n + 1)
            if probe.isJSONLines { return }
            if let missing = probe.missingColumns {
                if missing.isEmpty { return }
                throw UserError(
                    .dataError,
                    Message(
                        "caseload.error.missingColumns",
                        ["columns": .text(missing.joined(separator: ", "))]))
            }
        }
        throw UserError(
            .dataError,
            Message(
                "caseload.error.missingColumns",
                ["columns": .text(CaseloadParser.requiredColumns.joined(separator: ", "))]))
    }

    static func run(_ inv: Invocation, file: String, policy: SettlementPolicy) throws -> ExitCode {
        let url = PayslipSource.url(file, inv)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir),
            !isDir.boolValue
        else {
            throw UserError(.noInput, Message("error.fileNotFound", ["file": .text(file)]))
        }
        guard let input = try? FileHandle(forReadingFrom: url) else {
            throw UserError(.ioError, Message("error.fileUnreadable", ["file": .text(file)]))
        }
        defer { try? input.close() }
        try requireColumns(url)
        let rawSeparator = inv.arguments.value(CaseloadCSV.flag)
        guard
            let separator = CaseloadCSV.separator(
                rawSeparator, language: inv.context.localizer.language)
        else {
            throw UsageError.invalidValue(
                flag: inv.flagName(CaseloadCSV.flag), value: rawSeparator ?? "",
                expected: Message("caseload.expect.separator"))
        }
        let wantsCSV =
            inv.arguments.has(VerrekeningCommand.csv) || inv.arguments.has(CaseloadCSV.flag)
        let mode: Mode = inv.json ? .json : wantsCSV ? .csv : .text
        var out = Output(inv: inv, mode: mode)
        out.csv = CaseloadCSV(separator: separator, language: inv.context.localizer.language)
        var parser = CaseloadParser()
        var totals = CaseloadTotals()
        var rejected: [(String, [Finding])] = []
        let started = DispatchTime.now().uptimeNanoseconds
        var lastProgress = started
        out.begin()

        func handle(_ outcome: CaseloadOutcome) {
            switch outcome {
            case .bad(let id, let findings):
                totals.rejected += 1
                rejected.append((id, findings))
                for f in findings where f.level == .fout {
                    inv.err.print(
                        "\(file):\(f.line): "
                            + inv.t(
                                "caseload.rejected",
                                [
                                    "client": .text(id),
                                    "reason": .text(inv.context.localizer.render(f.message)),
                                ]))
                }
            case .settled(_, let rows):
                totals.clients += 1
                for r in rows {
                    totals.add(r)
                    out.row(r)
                }
            case .failed(let c, let error):
                if let e = error as? KompasError {
                    totals.rejected += 1
                    let f = Finding(
                        ruleID: "klantenbestand.berekening", level: .fout, line: c.line, column: 1,
                        message: e.message)
                    rejected.append((c.id, [f]))
                    inv.err.print(
                        "\(file):\(c.line): "
                            + inv.t(
                                "caseload.rejected",
                                [
                                    "client": .text(c.id),
                                    "reason": .text(inv.context.localizer.render(e.message)),
                                ]))
                } else {
                    totals.rejected += 1
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now - lastProgress > 1_000_000_000 {
                lastProgress = now
                inv.err.print(
                    inv.t(
                        "caseload.progress",
                        [
                            "clients": .number(totals.clients + totals.rejected),
                            "seconds": .number(Int((now - started) / 1_000_000_000)),
                        ]))
            }
        }

        // Settled on every core, handed back in input order (issue 23).
        let pipeline = ParallelCaseload(policy: policy, emit: handle)
        var lineNo = 0
        var pending = Data()
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            guard let lastNL = pending.lastIndex(of: 0x0A) else { continue }
            let text = PayslipReader.text(pending[pending.startIndex...lastNL])
            pending = Data(pending[(lastNL + 1)...])
            for line in CaseloadParser.lines(text).dropLast() {
                lineNo += 1
                if let item = parser.feedDraft(line, line: lineNo) { pipeline.add(item) }
            }
        }
        if !pending.isEmpty {
            lineNo += 1
            if let item = parser.feedDraft(Substring(PayslipReader.text(pending)), line: lineNo) {
                pipeline.add(item)
            }
        }
        if let item = parser.finishDraft() { pipeline.add(item) }
        pipeline.finish()
        out.end(totals: totals, rejected: rejected)
        return totals.rejected > 0 ? .findings : .ok
    }

    enum Mode { case text, csv, json }

    /// Writes rows in batches (one write per ~64 KB) so a city-sized caseload is not slowed by output.
    struct Output {
        let inv: Invocation
        let mode: Mode
        var buffer = ""
        var first = true
        var csv = CaseloadCSV(separator: ";", language: .nl)

        /// Text narrower than the six aligned columns (69) is written as blocks.
        var narrow: Bool { inv.context.terminal.width < 69 }

        init(inv: Invocation, mode: Mode) {
            self.inv = inv
            self.mode = mode
            buffer.reserveCapacity(70_000)
        }

        mutating func begin() {
            switch mode {
            case .csv: buffer += csv.header(inv.context.localizer)
            case .json: buffer += "{\"rijen\": [\n"
            case .text where narrow: break
            case .text: buffer += inv.t("caseload.header") + "\n"
            }
        }

        mutating func row(_ r: CaseloadRow) {
            switch mode {
            case .csv: buffer += csv.row(r)
            case .json:
                buffer +=
                    (first ? "" : ",\n") + "{"
                    + zip(CaseloadRow.columns, r.cells).enumerated().map { i, kv in
                        "\"\(kv.0)\": " + (i < 2 ? jsonString(kv.1) : kv.1)
                    }.joined(separator: ", ") + "}"
            case .text where narrow:
                // Issue 22: narrower than the six columns, one block per client and month, the
                // column names of the header as labels.
                let text = LineText(inv: inv)
                let labels = inv.t("caseload.header").split(separator: " ").map(String.init)
                buffer +=
                    TextTable(
                        headers: [""] + labels.dropFirst(2),
                        rows: [
                            [r.client + "  " + r.month.description]
                                + LineText.CaseloadColumn.allCases.map { text.cell($0, of: r) }
                        ]
                    ).stacked(width: inv.context.terminal.width).joined(separator: "\n") + "\n\n"
            case .text:
                let text = LineText(inv: inv)
                buffer +=
                    pad(r.client, 12) + pad(r.month.description, 9)
                    + LineText.CaseloadColumn.allCases.map { lpad(text.cell($0, of: r), 12) }
                    .joined() + "\n"
            }
            first = false
            if buffer.utf8.count > 64_000 { flush() }
        }

        mutating func end(totals t: CaseloadTotals, rejected: [(String, [Finding])]) {
            let l = inv.context.localizer
            switch mode {
            case .csv:
                // Only data in the file; the totals are a summary for the person, on stderr.
                flush()
                inv.err.print(totalsLine(t))
            case .json:
                buffer +=
                    "\n],\n\"fouten\": ["
                    + rejected.map { id, fs in
                        "{\"klant\": \(jsonString(id)), \"regel\": \(fs.first?.line ?? 0), \"bericht\": \(jsonString(fs.first.map { l.render($0.message) } ?? ""))}"
                    }.joined(separator: ", ") + "],\n"
                buffer +=
                    "\"totalen\": {\"aanvulling_centen\": \(t.topUp.cents), \"afgewezen_klanten\": \(t.rejected), \"inkomen_centen\": \(t.income.cents), "
                buffer +=
                    "\"klanten\": \(t.clients), \"rijen\": \(t.rows), \"uitbetaald_centen\": \(t.topUpPaid.cents), \"verrekend_uit_eerdere_maanden_centen\": \(t.carried.cents)}}\n"
            case .text:
                buffer += totalsLine(t) + "\n"
            }
            flush()
        }

        func totalsLine(_ t: CaseloadTotals) -> String {
            inv.t(
                "caseload.totals",
                [
                    "clients": .number(t.clients), "rows": .number(t.rows),
                    "rejected": .number(t.rejected),
                    "income": .caseload(t, .income), "topUp": .caseload(t, .topUp),
                    "paid": .caseload(t, .topUpPaid),
                ])
        }

        mutating func flush() {
            if !buffer.isEmpty {
                // CSV and JSON reach the file byte for byte; text is laid out.
                (mode == .text ? inv.out : inv.out.unformatted).print(buffer, terminator: "")
                buffer.removeAll(keepingCapacity: true)
            }
        }

        func pad(_ s: String, _ n: Int) -> String {
            s + String(repeating: " ", count: max(1, n - s.count))
        }
        func lpad(_ s: String, _ n: Int) -> String {
            String(repeating: " ", count: max(1, n - s.count)) + s
        }
        func jsonString(_ s: String) -> String {
            var r = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                case "\r": r += "\\r"
                case "\t": r += "\\t"
                default:
                    if u.value < 0x20 {
                        r += String(format: "\\u%04x", u.value)
                    } else {
                        r.unicodeScalars.append(u)
                    }
                }
            }
            return r + "\""
        }
    }
}
