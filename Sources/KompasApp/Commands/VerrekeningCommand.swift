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
        // Each client's rows are written on the worker that settled it (`rowText`), so the one
        // thread that reads the file and writes the output does only that.
        let rowText = RowText(
            inv: inv, mode: mode,
            csv: CaseloadCSV(separator: separator, language: inv.context.localizer.language))
        var out = Output(rowText)
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
            case .settled(_, let rows, let text):
                totals.clients += 1
                for r in rows { totals.add(r) }
                out.rows(text)
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
        let pipeline = ParallelCaseload(
            policy: policy, render: { rows in rowText.text(rows) }, emit: handle)
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

    /// A settled client's rows as text, CSV or JSON objects: pure, so the workers write them
    /// (issue 23) and the output is the same whichever thread wrote it.
    struct RowText: Sendable {
        let inv: Invocation
        let mode: Mode
        let csv: CaseloadCSV

        /// Text narrower than the six aligned columns (69) is written as blocks.
        var narrow: Bool { inv.context.terminal.width < 69 }

        /// The rows, one after the other; JSON objects separated by `,` and a line break.
        func text(_ rows: [CaseloadRow]) -> String {
            var out = ""
            out.reserveCapacity(rows.count * 80)
            for (i, r) in rows.enumerated() {
                if mode == .json, i > 0 { out += ",\n" }
                append(r, to: &out)
            }
            return out
        }

        func append(_ r: CaseloadRow, to out: inout String) {
            switch mode {
            case .csv: out += csv.row(r)
            case .json:
                out += "{"
                for (i, kv) in zip(CaseloadRow.columns, r.cells).enumerated() {
                    if i > 0 { out += ", " }
                    out += "\"" + kv.0 + "\": " + (i < 2 ? Self.jsonString(kv.1) : kv.1)
                }
                out += "}"
            case .text where narrow:
                // Issue 22: narrower than the six columns, one block per client and month, the
                // column names of the header as labels.
                let text = LineText(inv: inv)
                let labels = inv.t("caseload.header").split(separator: " ").map(String.init)
                out +=
                    TextTable(
                        headers: [""] + labels.dropFirst(2),
                        rows: [
                            [r.client + "  " + r.month.description]
                                + LineText.CaseloadColumn.allCases.map { text.cell($0, of: r) }
                        ]
                    ).stacked(width: inv.context.terminal.width).joined(separator: "\n") + "\n\n"
            case .text:
                let text = LineText(inv: inv)
                Self.pad(r.client, 12, to: &out)
                Self.pad(r.month.description, 9, to: &out)
                for c in LineText.CaseloadColumn.allCases {
                    Self.pad(text.cell(c, of: r), 12, to: &out, right: true)
                }
                out += "\n"
            }
        }

        /// `s` in a column of `n` characters (at least one space beside it), left aligned or,
        /// for amounts, right aligned.
        static func pad(_ s: String, _ n: Int, to out: inout String, right: Bool = false) {
            // Characters, not bytes (a Polish amount has a two-byte no-break space); ASCII, the
            // usual case, is counted by its bytes.
            let width = s.utf8.contains { $0 >= 0x80 } ? s.count : s.utf8.count
            let fill = max(1, n - width)
            if !right { out += s }
            // Bytes, not Characters: the spaces are ASCII (`String.count` alone walks the text).
            if fill <= blanks.utf8.count {
                out += Substring(blanks.utf8.prefix(fill))
            } else {
                out += String(repeating: " ", count: fill)
            }
            if right { out += s }
        }

        /// Spaces to pad with: a slice of these instead of one `Character` at a time (appending
        /// and counting spaces was a tenth of the caseload's instructions, issue 23).
        static let blanks = String(repeating: " ", count: 32)
        static func jsonString(_ s: String) -> String {
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

    /// Writes rows in batches (one write per ~64 KB) so a city-sized caseload is not slowed by output.
    struct Output {
        /// How the rows are written; the header and totals follow the same mode.
        let rowText: RowText
        var buffer = ""
        var first = true
        var inv: Invocation { rowText.inv }
        var mode: Mode { rowText.mode }
        var csv: CaseloadCSV { rowText.csv }
        var narrow: Bool { rowText.narrow }

        init(_ rowText: RowText) {
            self.rowText = rowText
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

        /// A settled client's rows as ``RowText`` wrote them on a worker.
        mutating func rows(_ text: String) {
            guard !text.isEmpty else { return }
            if mode == .json, !first { buffer += ",\n" }
            buffer += text
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
                        "{\"klant\": \(RowText.jsonString(id)), \"regel\": \(fs.first?.line ?? 0), \"bericht\": \(RowText.jsonString(fs.first.map { l.render($0.message) } ?? ""))}"
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

    }
}
