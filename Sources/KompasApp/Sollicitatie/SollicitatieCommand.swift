import Foundation
import KompasCore
import KompasCrypto
import KompasDocuments
import KompasMunicipality
import KompasStore

/// `kompas sollicitatie` (application): the application log (issue 21).
///
/// Add an application or an activity, change its status, add a note, list, remove; set the number
/// agreed with the contact person; choose what is sent to the municipality; print an overview for
/// the talk with the contact person. Everything is kept in the encrypted store.
///
/// Exit codes: 64 for a wrong number or a missing value, 66 for a file that is not there.
enum SollicitatieCommand {
    static let employer = FlagSpec(
        ["--werkgever", "--employer"], .value(placeholder: "NAAM"),
        help: "flag.sollicitatie.werkgever")
    static let role = FlagSpec(["--functie", "--role"], .value(placeholder: "TEKST"))
    static let date = FlagSpec(
        ["--datum", "--date"], .value(placeholder: "JJJJ-MM-DD"), help: "flag.sollicitatie.datum")
    static let kind = FlagSpec(
        ["--soort", "--type"],
        .value(placeholder: "sollicitatie|netwerkgesprek|cursus|proefdag|open-dag|uitzendbureau"))
    static let channel = FlagSpec(["--kanaal", "--channel"], .value(placeholder: "TEKST"))
    static let vacancy = FlagSpec(
        ["--vacature", "--vacancy"], .value(placeholder: "LINK|BESTAND"),
        help: "flag.sollicitatie.vacature")
    static let cv = FlagSpec(["--cv"], .value(placeholder: "BESTAND"))
    static let letter = FlagSpec(["--brief", "--letter"], .value(placeholder: "BESTAND"))
    static let status = FlagSpec(
        ["--status"],
        .value(placeholder: "verstuurd|nabellen-gepland|gesprek|afgewezen|aanbod|aangenomen"))
    static let planned = FlagSpec(["--gepland", "--planned"], .value(placeholder: "JJJJ-MM-DD"))
    static let reason = FlagSpec(["--reden", "--reason"], .value(placeholder: "TEKST"))
    static let text = FlagSpec(["--tekst", "--text"], .value(placeholder: "TEKST"))
    static let count = FlagSpec(["--aantal", "--count"], .value(placeholder: "N"))
    static let weeks = FlagSpec(["--per-weken", "--per-weeks"], .value(placeholder: "N"))
    static let from = FlagSpec(["--vanaf", "--from"], .value(placeholder: "JJJJ-MM-DD"))
    static let alsoCounts = FlagSpec(
        ["--telt-mee", "--also-counts"], .repeated(placeholder: "SOORT"))
    static let all = FlagSpec(["--alles", "--all"])
    static let format = FlagSpec(
        ["--formaat", "--format"], .value(placeholder: "tekst|html"),
        help: "flag.sollicitatie.formaat")

    static let spec = CommandSpec(
        names: ["sollicitatie", "application"], summary: "cmd.sollicitatie.summary",
        subcommands: [
            SubcommandSpec(["toevoegen", "add"], summary: "sub.sollicitatie.toevoegen"),
            SubcommandSpec(["lijst", "list"], summary: "sub.sollicitatie.lijst"),
            SubcommandSpec(["status"], summary: "sub.sollicitatie.status"),
            SubcommandSpec(["notitie", "note"], summary: "sub.sollicitatie.notitie"),
            SubcommandSpec(["verwijder", "remove"], summary: "sub.sollicitatie.verwijder"),
            SubcommandSpec(["afspraak", "agreement"], summary: "sub.sollicitatie.afspraak"),
            SubcommandSpec(["stuur", "send"], summary: "sub.sollicitatie.stuur"),
            SubcommandSpec(["overzicht", "overview"], summary: "sub.sollicitatie.overzicht"),
        ],
        operands: "[NUMMER]",
        flags: [
            employer, role, date, kind, channel, vacancy, cv, letter, status, planned, reason,
            text, count, weeks, from, alsoCounts, all, format, GlobalFlags.municipality,
            // Only the list has a JSON form; there is nothing to explain step by step.
            GlobalFlags.json,
        ] + StoreAccess.flags,
        producesResults: false,
        run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        guard let sub = try inv.subcommand() else {
            preconditionFailure("the command table declares sollicitatie's subcommands as required")
        }
        let operands = Array(inv.arguments.operands.dropFirst())
        let name = "sollicitatie " + sub.names[0]
        switch sub.names[0] {
        case "toevoegen":
            try noOperands(operands, name)
            return try add(inv)
        case "lijst":
            try noOperands(operands, name)
            return try list(inv)
        case "status": return try changeStatus(inv, operands)
        case "notitie": return try note(inv, operands)
        case "verwijder": return try remove(inv, operands)
        case "afspraak":
            try noOperands(operands, name)
            return try agree(inv)
        case "stuur": return try send(inv, operands)
        default:
            try noOperands(operands, name)
            return try ApplicationOverview.run(inv)
        }
    }

    static func noOperands(_ operands: [String], _ command: String) throws {
        if let extra = operands.first {
            throw UsageError.unexpectedOperand(extra, command: command)
        }
    }

    static func dateValue(_ flag: FlagSpec, _ inv: Invocation) throws -> LocalDate? {
        guard let raw = inv.arguments.value(flag) else { return nil }
        if ["vandaag", "today"].contains(raw.lowercased()) { return inv.context.clock.now() }
        guard let d = LocalDate.parse(raw) else {
            throw UsageError.invalidValue(
                flag: flag.canonical, value: raw, expected: Message("application.expect.date"))
        }
        return d
    }

    static func required(_ flag: FlagSpec, _ inv: Invocation) throws -> String {
        guard let v = inv.arguments.value(flag)?.trimmingCharacters(in: .whitespaces), !v.isEmpty
        else { throw UsageError.missingFlag(flag: flag.canonical) }
        return v
    }

    // MARK: toevoegen

    static func add(_ inv: Invocation) throws -> ExitCode {
        let kindValue = inv.arguments.value(kind) ?? ActivityKind.sollicitatie.rawValue
        guard let k = ActivityKind(rawValue: kindValue.lowercased()) else {
            throw UsageError.invalidValue(
                flag: kind.canonical, value: kindValue, expected: Message("application.expect.kind")
            )
        }
        let who = try required(employer, inv)
        let what = inv.arguments.value(role)?.trimmingCharacters(in: .whitespaces) ?? ""
        let on = try dateValue(date, inv) ?? inv.context.clock.now()
        var entry = ApplicationEntry(
            kind: k, date: on, employer: who, role: what,
            channel: inv.arguments.value(channel), vacancyLink: nil, vacancyText: nil,
            cvCheckID: nil, letterCheckID: nil,
            changes: [ApplicationEntry.Change(status: .verstuurd, on: on)], notes: [])
        if let v = inv.arguments.value(vacancy) {
            if v.lowercased().hasPrefix("http://") || v.lowercased().hasPrefix("https://") {
                entry.vacancyLink = v
            } else {
                let data = try PayslipSource.read(v, inv)
                entry.vacancyText = String(decoding: data, as: UTF8.self)
            }
        }
        let (store, _, created) = try StoreAccess.openOrCreate(inv)
        if created {
            inv.err.print(inv.t("store.created", ["path": .text(StoreAccess.location(inv).path)]))
        }
        var notes: [String] = []
        for (flag, docKind) in [(cv, DocumentKind.cv), (letter, DocumentKind.brief)] {
            guard let path = inv.arguments.value(flag) else { continue }
            let hash = try SHA256.hex(Array(try PayslipSource.read(path, inv)))
            let id = try ApplicationStore.checkID(hash: hash, kind: docKind, in: store)
            if docKind == .cv { entry.cvCheckID = id } else { entry.letterCheckID = id }
            let key = docKind == .cv ? "cv" : "letter"
            if let id, let c = try ApplicationStore.check(id: id, in: store) {
                notes.append(
                    inv.t("application.add.linked." + key, ["date": .date(c.checkedOn)]))
            } else {
                notes.append(inv.t("application.add.notChecked." + key))
            }
        }
        guard try ApplicationStore.add(entry, in: store) else {
            inv.out.print(inv.t("application.add.already"))
            return .ok
        }
        let number = (try ApplicationStore.all(store).firstIndex(of: entry) ?? 0) + 1
        inv.out.print(
            inv.t(
                k == .sollicitatie ? "application.add.done" : "application.add.activityDone",
                [
                    "number": .number(number), "employer": .text(who), "date": .date(on),
                    "kind": .message(Message("application.kind." + k.rawValue)),
                ]))
        for n in notes { inv.out.print(n) }
        try printPeriod(inv, store: store)
        return .ok
    }

    /// After adding: where this period stands, in one kind line.
    static func printPeriod(_ inv: Invocation, store: Store) throws {
        let municipality = try? MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let lines = ApplicationStatus.lines(
            today: inv.context.clock.now(), entries: try ApplicationStore.all(store),
            agreement: try ApplicationStore.agreement(store),
            duty: municipality?.applicationDuty ?? .unknown, reminders: false)
        for m in lines.prefix(1) { inv.out.print(inv.context.localizer.render(m)) }
    }

    // MARK: lijst

    static func list(_ inv: Invocation) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let all = try ApplicationStore.all(store)
        if inv.json {
            inv.out.print(
                JSONOutput.string([
                    "sollicitaties": all.enumerated().map { n, e in
                        let d = ApplicationStore.data(e) {
                            try? ApplicationStore.check(id: $0, in: store)
                        }
                        var o =
                            (try? JSONSerialization.jsonObject(with: d.canonicalData))
                            as? [String: Any] ?? [:]
                        o["nummer"] = n + 1
                        o["verstuurd_naar_gemeente"] = e.objectUUID != nil
                        return o
                    }
                ]))
            return .ok
        }
        if all.isEmpty {
            inv.out.print(inv.t("application.list.none"))
            return .ok
        }
        let l = inv.context.localizer
        var table = [
            [
                "application.col.number", "application.col.date", "application.col.kind",
                "application.col.employer", "application.col.role", "application.col.status",
            ]
            .map { inv.t($0) }
        ]
        for (n, e) in all.enumerated() {
            table.append([
                "\(n + 1)", l.format.date(e.date), inv.t("application.kind." + e.kind.rawValue),
                e.employer, e.role, inv.t("application.status." + e.status.rawValue),
            ])
        }
        LoonstrookCommand.printTable(table, inv)
        return .ok
    }

    // MARK: status, notitie, verwijder

    static func pick(_ inv: Invocation, _ operands: [String], _ command: String, store: Store)
        throws -> ApplicationEntry
    {
        guard let raw = operands.first else {
            throw UserError(.usage, Message("application.error.noNumber"))
        }
        if operands.count > 1 { throw UsageError.unexpectedOperand(operands[1], command: command) }
        let all = try ApplicationStore.all(store)
        guard let n = Int(raw), (1...max(1, all.count)).contains(n), n <= all.count else {
            throw UserError(
                .usage,
                Message(
                    "application.error.number", ["value": .text(raw), "max": .number(all.count)]))
        }
        return all[n - 1]
    }

    static func changeStatus(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        let raw = try required(status, inv)
        guard let s = ApplicationEntry.Status(rawValue: raw.lowercased()) else {
            throw UsageError.invalidValue(
                flag: status.canonical, value: raw, expected: Message("application.expect.status"))
        }
        let store = try StoreAccess.open(inv)
        var e = try pick(inv, operands, "sollicitatie status", store: store)
        let on = try dateValue(date, inv) ?? inv.context.clock.now()
        let when = try dateValue(planned, inv)
        let why = inv.arguments.value(reason).flatMap { $0.isEmpty ? nil : $0 }
        e.changes.append(ApplicationEntry.Change(status: s, on: on, planned: when, reason: why))
        try ApplicationStore.update(e, in: store)
        inv.out.print(
            inv.t(
                "application.status.done",
                [
                    "employer": .text(e.employer),
                    "status": .message(Message("application.status." + s.rawValue)),
                ]))
        let l = inv.context.localizer
        switch s {
        case .afgewezen:
            let ev = ApplicationLog.evaluation(of: e, all: try ApplicationStore.all(store))
            inv.out.print("")
            for m in ApplicationStatus.evaluation(ev) { inv.out.print(l.render(m)) }
        case .gesprek:
            inv.out.print(inv.t("gids.tone.interview"))
        case .aanbod, .aangenomen:
            inv.out.print(inv.t("application.status.offer"))
        default: break
        }
        return .ok
    }

    static func note(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        let body = try required(text, inv)
        let store = try StoreAccess.open(inv)
        var e = try pick(inv, operands, "sollicitatie notitie", store: store)
        e.notes.append(ApplicationEntry.Note(on: inv.context.clock.now(), text: body))
        try ApplicationStore.update(e, in: store)
        inv.out.print(inv.t("application.note.done", ["employer": .text(e.employer)]))
        return .ok
    }

    static func remove(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let e = try pick(inv, operands, "sollicitatie verwijder", store: store)
        try ApplicationStore.remove(e, in: store)
        inv.out.print(
            inv.t(
                "application.remove.done", ["employer": .text(e.employer), "date": .date(e.date)]))
        if e.objectUUID != nil { inv.out.print(inv.t("application.remove.wasSent")) }
        return .ok
    }

    // MARK: afspraak

    static func agree(_ inv: Invocation) throws -> ExitCode {
        let (store, _, _) = try StoreAccess.openOrCreate(inv)
        guard inv.arguments.has(count) || inv.arguments.has(weeks) else {
            if let a = try ApplicationStore.agreement(store) {
                inv.out.print(
                    inv.t(
                        "application.agreement.show",
                        [
                            "count": .number(a.count), "weeks": .number(a.weeks),
                            "date": .date(a.from),
                        ]))
            } else {
                inv.out.print(inv.t("application.agreement.none"))
            }
            return .ok
        }
        func number(_ f: FlagSpec, _ range: ClosedRange<Int>) throws -> Int {
            let raw = try required(f, inv)
            guard let n = Int(raw), range.contains(n) else {
                throw UsageError.invalidValue(
                    flag: f.canonical, value: raw,
                    expected: Message(
                        "application.expect.number",
                        ["min": .number(range.lowerBound), "max": .number(range.upperBound)]))
            }
            return n
        }
        let n = try number(count, 1...50)
        let w = try number(weeks, 1...13)
        var kinds: [ActivityKind] = []
        for raw in inv.arguments.values(alsoCounts).flatMap({ $0.split(separator: ",") }) {
            let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let k = ActivityKind(rawValue: word) else {
                throw UsageError.invalidValue(
                    flag: alsoCounts.canonical, value: word,
                    expected: Message("application.expect.kind"))
            }
            if k != .sollicitatie && !kinds.contains(k) { kinds.append(k) }
        }
        let today = inv.context.clock.now()
        // Without a start day, periods start on this week's Monday.
        let start = try dateValue(from, inv) ?? today.adding(days: 1 - today.weekday)
        try ApplicationStore.saveAgreement(
            ApplicationLog.Agreement(count: n, weeks: w, from: start, alsoCounting: kinds),
            in: store)
        inv.out.print(
            inv.t(
                "application.agreement.saved",
                ["count": .number(n), "weeks": .number(w), "date": .date(start)]))
        try printPeriod(inv, store: store)
        return .ok
    }

    // MARK: stuur

    /// Queues the entries the client chose: one by number, or all with the explicit flag.
    static func send(_ inv: Invocation, _ operands: [String]) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let chosen: [ApplicationEntry]
        if inv.arguments.has(all) {
            try noOperands(operands, "sollicitatie stuur")
            chosen = try ApplicationStore.all(store)
        } else {
            guard !operands.isEmpty else {
                throw UserError(.usage, Message("application.error.chooseWhat"))
            }
            chosen = try operands.map { try pick(inv, [$0], "sollicitatie stuur", store: store) }
        }
        let n = try ApplicationStore.queue(chosen, in: store)
        inv.out.print(inv.t("application.send.queued", ["count": .number(n)]))
        return .ok
    }
}
