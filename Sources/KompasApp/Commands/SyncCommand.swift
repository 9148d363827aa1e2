import Foundation
import KompasCore
import KompasEngine
import KompasSettlement
import KompasStore
import KompasSync
import KompasTerminal

/// `kompas sync`: send the outbox to the municipality's endpoint and fetch its decisions and
/// messages; `sync instellen` stores the endpoint and token (sealed in the store); `sync oplossen`
/// settles a conflict.
///
/// Progress goes to standard error when a sync takes longer than a second.
enum SyncCommand {
    static let endpointFlag = FlagSpec(["--eindpunt", "--endpoint"], .value(placeholder: "URL"))
    static let tokenFileFlag = FlagSpec(
        ["--token-bestand", "--token-file"], .value(placeholder: "BESTAND"))
    static let chooseFlag = FlagSpec(["--kies", "--choose"], .value(placeholder: "mijne|gemeente"))

    static let spec = CommandSpec(
        names: ["sync"], summary: "cmd.sync.summary",
        subcommands: [
            SubcommandSpec(["instellen", "setup"], summary: "sub.sync.instellen"),
            SubcommandSpec(["oplossen", "resolve"], summary: "sub.sync.oplossen"),
        ],
        operands: "[ID]",
        flags: StoreAccess.flags + [endpointFlag, tokenFileFlag, chooseFlag], run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        switch try inv.subcommand(required: false)?.names[0] {
        case "instellen": return try setUp(inv)
        case "oplossen": return try resolve(inv)
        default:
            if inv.arguments.operands.count > 0 {
                throw UsageError.unexpectedOperand(
                    inv.arguments.operands[0], command: inv.spec.name)
            }
            return try sync(inv)
        }
    }

    // MARK: instellen

    static func setUp(_ inv: Invocation) throws -> ExitCode {
        guard let url = inv.arguments.value(endpointFlag) else {
            throw UsageError.missingFlag(flag: inv.flagName(endpointFlag))
        }
        let endpoint = try Endpoint.parse(url)
        let token: String
        if let file = inv.arguments.value(tokenFileFlag) {
            token = try StoreAccess.readFirstLine(file, inv, errorKey: "sync.error.tokenFile")
        } else if let env = inv.context.environment["KOMPAS_SYNC_TOKEN"], !env.isEmpty {
            token = env
        } else {
            guard let typed = inv.context.readPassphrase(inv.t("sync.prompt.token")) else {
                throw SyncError.invalidToken
            }
            token = typed
        }
        let trimmed = token.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count < 512,
            trimmed.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else {
            throw SyncError.invalidToken
        }
        let (store, _, created) = try StoreAccess.openOrCreate(inv)
        if created { inv.err.print(inv.t("store.created", ["path": .text(store.url.path)])) }
        try SyncSettings(endpoint: endpoint, token: trimmed).save(in: store)
        inv.err.print(inv.hint("sync.configured", ["url": .text(endpoint.url)]))
        return .ok
    }

    // MARK: oplossen

    static func resolve(_ inv: Invocation) throws -> ExitCode {
        guard inv.arguments.operands.count == 2 else {
            throw UsageError.missingValue(flag: "oplossen", placeholder: "ID")
        }
        let id = inv.arguments.operands[1]
        let keepMine: Bool
        switch inv.arguments.value(chooseFlag) {
        case "mijne", "mine": keepMine = true
        case "gemeente", "municipality": keepMine = false
        case let v:
            throw UsageError.invalidValue(
                flag: inv.flagName(chooseFlag), value: v ?? "",
                expected: Message("sync.expected.choice"))
        }
        let store = try StoreAccess.open(inv)
        do { try Outbox.resolve(id, keepMine: keepMine, in: store) } catch OutboxError
            .noSuchConflict
        { throw UserError(.dataError, Message("sync.error.noSuchConflict", ["id": .text(id)])) }
        inv.err.print(inv.t(keepMine ? "sync.resolved.mine" : "sync.resolved.theirs"))
        return .ok
    }

    // MARK: sync

    static func sync(_ inv: Invocation) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        guard let settings = try SyncSettings.load(from: store) else {
            throw SyncError.notConfigured
        }
        var client = ObjectsClient(
            endpoint: settings.endpoint, token: settings.token,
            policy: RetryPolicy.from(environment: inv.context.environment))
        client.caFile = inv.context.environment["KOMPAS_SYNC_CA"].flatMap { $0.isEmpty ? nil : $0 }
        let started = monotonicSeconds()
        var lastShown = 0.0
        let progress: (SyncProgress) -> Void = { p in
            let now = monotonicSeconds()
            guard now - started > 1, now - lastShown > 0.5 else { return }
            lastShown = now
            switch p {
            case .pushing(let done, let total):
                inv.err.print(
                    inv.t(
                        "sync.progress.pushing", ["done": .number(done), "total": .number(total)]))
            case .pulling: inv.err.print(inv.t("sync.progress.pulling"))
            }
        }
        let report: SyncReport
        do {
            report = try SyncEngine(client: client).run(store: store, progress: progress)
        } catch let f as SyncFailure {
            if !inv.json { render(f.partial, inv, complete: false) }
            throw f.error
        }
        if inv.json {
            inv.out.print(JSONOutput.string(jsonObject(report)))
        } else {
            render(report, inv, complete: true)
            explainDecisions(report.pulled, store: store, inv)
        }
        return report.conflicts.isEmpty && report.rejected.isEmpty ? .ok : .findings
    }

    static func jsonObject<T: Encodable>(_ value: T) -> Any {
        (try? JSONSerialization.jsonObject(with: WireJSON.encode(value))) ?? [:]
    }

    static func render(_ r: SyncReport, _ inv: Invocation, complete: Bool) {
        let s = ReceiptText(inv.context)
        for receipt in r.receipts where receipt.type == .inkomstenopgave {
            inv.out.print(
                s.statementLine(
                    month: receipt.month, at: receipt.registrationAt, kenmerk: receipt.kenmerk))
        }
        let payslips = r.receipts.filter { $0.type == .loonstrook }.count
        if payslips > 0 {
            inv.out.print(inv.t("sync.result.payslips", ["count": .number(payslips)]))
        }
        let messages = r.receipts.filter { $0.type == .bericht }.count
        if messages > 0 {
            inv.out.print(inv.t("sync.result.messages", ["count": .number(messages)]))
        }
        if complete && r.receipts.isEmpty { inv.out.print(inv.t("sync.result.nothingToSend")) }
        for k in r.pulled { inv.out.print(s.fromMunicipalityLine(k)) }
        if complete && r.pulled.isEmpty { inv.out.print(inv.t("sync.result.nothingNew")) }
        for c in r.conflicts {
            inv.out.print(
                inv.t(
                    "sync.result.conflict",
                    ["what": .text(s.what(c.type, month: c.month)), "id": .text(c.id)]))
        }
        for c in r.rejected {
            inv.out.print(
                inv.t(
                    "sync.result.rejected",
                    [
                        "what": .text(s.what(c.type, month: c.month)),
                        "detail": .text(c.detail ?? ""),
                    ]))
        }
        if !complete {
            inv.err.print(
                inv.hint(
                    "sync.result.partial",
                    ["count": .number(r.receipts.count), "waiting": .number(r.stillWaiting)]))
        }
    }

    /// Each decision received is set beside Kompas's preview of its month.
    ///
    /// The same engine call as `verrekening`: the differences in plain words, how to object
    /// within six weeks (Awb artikel 6:7) and where free help is. Nothing is said when the
    /// profile is missing.
    static func explainDecisions(_ pulled: [KnownObject], store: Store, _ inv: Invocation) {
        let decisions = pulled.compactMap { k -> MunicipalDecision? in
            guard k.type == .verrekening,
                let m = k.data["maand"]?.stringValue.flatMap(CalendarMonth.parse),
                let paid = k.data["bijstandCent"]?.intValue,
                let date = k.data["besluitdatum"]?.stringValue.flatMap(LocalDate.parse)
            else { return nil }
            return MunicipalDecision(
                month: m, topUpPaid: Money(cents: paid),
                countedIncome: k.data["verrekendInkomenCent"]?.intValue.map { Money(cents: $0) },
                decidedOn: date)
        }
        guard !decisions.isEmpty,
            let profile = try? store.get(
                ProfielCommand.Profile.self, id: ProfielCommand.recordID, in: .profiel),
            let situation = profile.situation
                ?? ProfielCommand.Profile(flags: profile.flags, savedOn: profile.savedOn).situation,
            let municipality = try? MunicipalityResolver.resolve(
                situation.municipality, context: inv.context)
        else { return }
        let payslips = ((try? store.all(Payslip.self, in: .loonstrook)) ?? []).map(\.value)
        let width = max(30, min(inv.context.terminal.width, 100))
        for d in decisions {
            guard
                let preview = try? Engine.evaluate(
                    situation, months: [d.month], municipality: municipality,
                    options: EvaluationOptions(payslips: payslips, settle: true)
                ).settlement
            else { continue }
            inv.out.print("")
            for m in DecisionComparison.compare(d, preview: preview, municipality: municipality)
                .messages
            {
                inv.out.print(TextWrap.wrap(inv.context.localizer.render(m), width: width))
            }
        }
    }
}
