import KompasCore
import KompasEngine
import KompasRules

/// `kompas regels [ID]`: every legal parameter with its value, valid-from date and source;
/// with an id, the whole history.
///
/// `--datum` shows what was in force on another day. Every figure says its state (vastgesteld,
/// voorlopig, verwacht) and where it came from: a built-in rule file or a file of the user's
/// (issue 16).
enum RegelsCommand {
    static let date = FlagSpec(["--datum", "--date"], .value(placeholder: "JJJJ-MM-DD"))
    static let spec = CommandSpec(
        names: ["regels", "rules"], summary: "cmd.regels.summary", operands: "[ID]",
        flags: [date], run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        try run(inv, registry: AppRegistry.standard)
    }

    static func run(_ inv: Invocation, registry: ParameterRegistry) throws -> ExitCode {
        var day = inv.context.clock.now()
        if let raw = inv.arguments.value(date) {
            guard let d = LocalDate.parse(raw) else {
                throw UsageError.invalidValue(
                    flag: inv.flagName(date), value: raw, expected: Message("expect.date"))
            }
            day = d
        }
        if let id = inv.arguments.operands.first {
            guard let p = registry.descriptor(id: id) else {
                throw UserError(.dataError, Message("regels.unknownID", ["id": .text(id)]))
            }
            if inv.json {
                inv.out.print(JSONOutput.string(json(p, on: day, history: true)))
                return .ok
            }
            inv.out.print(
                inv.context.style.bold(p.id) + " — "
                    + ParameterText.summary(id: p.id, fallback: p.summary, inv.context.localizer))
            inv.out.print(inv.t("regels.unit", ["unit": .text(p.unit.rawValue)]))
            inv.out.print(
                inv.t(
                    "regels.source",
                    [
                        "source": .text(
                            p.reference.description + (p.reference.url.map { " <\($0)>" } ?? ""))
                    ]))
            for (i, r) in p.rows.enumerated() {
                let value = r.value == nil ? inv.t("regels.ended") : formatted(p, i, inv)
                var line =
                    "  " + inv.t("regels.from", ["date": .date(r.from)]) + ": " + value
                if r.value != nil {
                    line += "  [" + inv.t("regels.state.\(r.state.rawValue)") + "]"
                }
                line += "  (" + r.source + ")"
                if !r.verified.isEmpty { line += " — " + r.verified }
                if let rule = r.rule { line += " — " + inv.t("regels.rule", ["rule": .text(rule)]) }
                line += " — " + origin(r.origin, inv)
                inv.out.print(line)
            }
            return .ok
        }
        if inv.json {
            inv.out.print(
                JSONOutput.string([
                    "datum": day.description,
                    "parameters": registry.all.map { json($0, on: day, history: false) },
                ]))
            return .ok
        }
        if registry.all.isEmpty {
            inv.out.print(inv.t("regels.empty"))
            return .ok
        }
        inv.out.print(inv.t("regels.header", ["date": .date(day)]))
        for p in registry.all {
            if let r = p.row(on: day), let i = p.rows.lastIndex(where: { $0.from <= day }) {
                var mark =
                    VerificationNote.isToVerify(r.verified)
                    ? "  " + inv.t("explain.toVerify") : ""
                if r.state != .vastgesteld {
                    mark += "  [" + inv.t("regels.state.\(r.state.rawValue)") + "]"
                }
                if !r.origin.isBuiltIn { mark += "  " + origin(r.origin, inv) }
                inv.out.print(
                    "\(p.id)  \(formatted(p, i, inv))  "
                        + inv.t("regels.from", ["date": .date(r.from)]) + "  \(p.reference)" + mark,
                    hanging: 2)
            } else {
                inv.out.print(
                    "\(p.id)  " + inv.t("regels.notInForce") + "  \(p.reference)", hanging: 2)
            }
        }
        return .ok
    }

    /// "ingebouwd (participatiewet.json)" or "uit jouw bestand /pad/2027.json".
    static func origin(_ o: ParameterOrigin, _ inv: Invocation) -> String {
        switch o {
        case .builtIn(let f): return inv.t("regels.origin.builtIn", ["file": .text(f)])
        case .user(let p): return inv.t("regels.origin.user", ["file": .text(p)])
        }
    }

    static func originJSON(_ o: ParameterOrigin) -> [String: Any] {
        switch o {
        case .builtIn(let f): return ["soort": "ingebouwd", "bestand": f]
        case .user(let p): return ["soort": "gebruiker", "bestand": p]
        }
    }

    /// The value of row `i` in the user's language (`€ 1.401,50`, `12,5 %`); a structured value
    /// (a table) keeps its own listing.
    static func formatted(_ p: ParameterDescriptor, _ i: Int, _ inv: Invocation) -> String {
        let l = inv.context.localizer
        guard let raw = p.rawValues[i] else {
            // A table's listing names amounts as "€56412.00"; they are written as every amount is.
            return (p.rows[i].value ?? "").replacing(/€(-?[0-9]+)\.([0-9]{2})/) { m in
                // "€-12.50" is minus 12 euros and 50 cents, not -12 + 0.50.
                let euros = Int64(m.output.1) ?? 0
                let cents = Int64(m.output.2) ?? 0
                let raw = euros * 100 + (m.output.1.hasPrefix("-") ? -cents : cents)
                return l.string(.figure(.euros, raw: raw))
            }
        }
        return l.string(.figure(p.unit, raw: raw))
    }

    static func json(_ p: ParameterDescriptor, on day: LocalDate, history: Bool) -> [String: Any] {
        var o: [String: Any] = [
            "id": p.id, "eenheid": p.unit.rawValue, "omschrijving": p.summary,
            "bron": [
                "titel": p.reference.title, "artikel": p.reference.article ?? NSNullish.null,
                "url": p.reference.url ?? NSNullish.null,
                "publicatie": p.reference.publication ?? NSNullish.null,
            ] as [String: Any],
        ]
        if let idx = p.rows.lastIndex(where: { $0.from <= day }), p.rows[idx].value != nil {
            let r = p.rows[idx]
            o["waarde"] = p.rawValues[idx].map { $0 as Any } ?? (r.value ?? "")
            o["geldig_vanaf"] = r.from.description
            o["van_kracht"] = true
            o["staat"] = r.state.rawValue
            o["herkomst"] = originJSON(r.origin)
        } else {
            o["van_kracht"] = false
        }
        // Every figure with its state and origin, also in the overview (issue 16).
        o["historie"] = zip(p.rows, p.rawValues).map { r, raw -> [String: Any] in
            [
                "vanaf": r.from.description,
                "waarde": raw.map { $0 as Any } ?? r.value.map { $0 as Any } ?? NSNullish.null,
                "bron": r.source, "geverifieerd": r.verified,
                "staat": r.value == nil ? NSNullish.null : r.state.rawValue as Any,
                "regel": r.rule.map { $0 as Any } ?? NSNullish.null,
                "url": r.url.map { $0 as Any } ?? NSNullish.null,
                "herkomst": originJSON(r.origin),
            ]
        }
        _ = history
        return o
    }
}
