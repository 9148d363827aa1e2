import KompasCore
import KompasIncome
import KompasMunicipality
import KompasRules

/// Renders projections and sweeps as text (with `--uitleg` traces), or as JSON (amounts in cents).
/// The JSON and the text come from the same values, so they always agree.
struct ProjectionRenderer {
    let inv: Invocation
    let municipality: MunicipalityFile
    var l: KompasLocalizationBridge { KompasLocalizationBridge(inv: inv) }

    // MARK: Single month

    /// Lines shown in the text output, with the section they belong to; the rest are in `--json` only.
    static let sections: [(String, [String])] = [
        ("watals.section.wage", [Projection.Line.gross, Projection.Line.tax, Projection.Line.net, Projection.Line.holidayPay, Projection.Line.other]),
        ("watals.section.municipality", [Projection.Line.norm, Projection.Line.exemption, Projection.Line.counted, Projection.Line.topUp, Projection.Line.reserved, Projection.Line.topUpPaid]),
        ("watals.section.result", [Projection.Line.inHand, Projection.Line.saved, Projection.Line.total, Projection.Line.costs, Projection.Line.keep, Projection.Line.gain, Projection.Line.perHour]),
    ]

    func single(_ p: Projection, afterExemption: Projection?) {
        if inv.json { inv.out.print(JSONOutput.string(json(p, afterExemption: afterExemption))); return }
        let out = inv.out
        out.print(inv.context.style.bold(inv.t("watals.title", ["month": .month(p.input.month)])))
        out.print(wrap(situation(p.input), indent: "", width: max(44, min(inv.context.terminal.width, 100))))
        for w in p.warnings { inv.err.print("kompas: " + inv.t("watals.warning") + " " + l.render(w)) }
        let width = max(44, min(inv.context.terminal.width, 100))
        for (sectionKey, ids) in Self.sections {
            out.print("")
            out.print(inv.context.style.bold(inv.t(sectionKey)))
            for id in ids {
                guard let line = p.line(id) else { continue }
                if id == Projection.Line.other && line.amount == .zero { continue }
                if id == Projection.Line.holidayPay && line.amount == .zero && p.amount(Projection.Line.net) == .zero { continue }
                if (id == Projection.Line.gain || id == Projection.Line.perHour), case .none = p.input.work { continue }
                let label = (id == Projection.Line.reserved ? "    " : "  ") + inv.t("watals.line." + id, labelArgs(p))
                out.print(row(label, amount(id, line.amount), width: width))
                if inv.explain { explain(line.steps) }
            }
        }
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.notes")))
        for n in notes(p, afterExemption: afterExemption) { out.print(wrap("- " + n, indent: "  ", width: width)) }
        if !inv.explain { out.print(inv.context.style.dim(inv.t("watals.explainHint"))) }
    }

    func situation(_ i: ProjectionInput) -> String {
        var parts: [String] = [inv.t("household." + i.household.type.rawValue) + ", " + inv.t("watals.age", ["age": .number(i.household.age)])]
        if let pa = i.household.partnerAge { parts.append(inv.t("watals.partnerAge", ["age": .number(pa)])) }
        if !i.household.childrenAges.isEmpty { parts.append(inv.t("watals.children", ["ages": .text(i.household.childrenAges.map(String.init).joined(separator: ", "))])) }
        if i.household.costSharers > 0 { parts.append(inv.t("watals.costSharers", ["count": .number(i.household.costSharers)])) }
        switch i.work {
        case .none: parts.append(inv.t("watals.work.none"))
        case .hourly(let h, let w): parts.append(inv.t("watals.work.hourly", ["hours": .hours(h), "wage": .money(w)]))
        case .grossMonthly(let g): parts.append(inv.t("watals.work.gross", ["amount": .money(g)]))
        case .netMonthly(let n): parts.append(inv.t("watals.work.net", ["amount": .money(n)]))
        }
        parts.append(inv.t("watals.municipality", ["name": .text(municipality.name)]))
        return parts.joined(separator: " · ")
    }

    func labelArgs(_ p: Projection) -> [String: Message.Argument] {
        var a: [String: Message.Argument] = ["payMonth": .month(CalendarMonth(year: p.input.month.year, month: p.input.policy.holidayAllowancePayMonth) ?? p.input.month)]
        switch p.exemption {
        case .applies(let k, _, let left):
            a["kind"] = .message(Message("exemption.kind." + k.rawValue))
            a["left"] = left.map { .message(Message("watals.monthsLeft", ["count": .number($0)])) } ?? .text("")
        case .notApplicable: a["kind"] = .message(Message("exemption.kind.none")); a["left"] = .text("")
        }
        return a
    }

    func amount(_ id: String, _ m: Money) -> String {
        let negative = id == Projection.Line.tax || id == Projection.Line.costs
        return (negative && m > .zero ? "-" : "") + inv.context.localizer.format.money(m)
    }

    func row(_ label: String, _ value: String, width: Int) -> String {
        let pad = max(1, width - label.count - value.count)
        return label + String(repeating: " ", count: pad) + value
    }

    /// Wraps at word boundaries; the first line keeps its own leading spaces, later lines get `indent`.
    func wrap(_ text: String, indent: String, width: Int) -> String {
        let lead = String(text.prefix(while: { $0 == " " }))
        var lines: [String] = [], line = lead, fresh = true
        for word in text.split(separator: " ") {
            if !fresh && line.count + word.count + 1 > width { lines.append(line); line = indent; fresh = true }
            line += (fresh ? "" : " ") + word
            fresh = false
        }
        if !fresh { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// `--uitleg`: each step as a sentence, then its source and every parameter with its date.
    func explain(_ steps: [TraceStep]) {
        let f = inv.context.localizer.format
        for s in steps {
            inv.out.print(wrap("      " + l.render(s.message), indent: "      ", width: max(60, inv.context.terminal.width)))
            if let r = s.reference { inv.out.print("        " + inv.t("explain.source", ["source": .text(r.description)]) + (r.url.map { " <\($0)>" } ?? "")) }
            for u in s.parameters {
                var t = "        " + inv.t("explain.parameter", ["id": .text(u.id), "value": u.argument, "date": .date(u.from)])
                t += " — " + u.reference.description
                if u.toVerify { t += " " + inv.t("explain.toVerify") }
                inv.out.print(wrap(t, indent: "          ", width: max(60, inv.context.terminal.width)))
                _ = f
            }
        }
    }

    /// Plain sentences about what changes and what to do.
    func notes(_ p: Projection, afterExemption: Projection?) -> [String] {
        var n: [String] = []
        let i = p.input
        switch p.exemption {
        case .applies(_, _, let left?):
            let end = i.month.advanced(by: left + 1)
            if let a = afterExemption {
                n.append(inv.t("watals.note.exemptionEnds", ["lastMonth": .month(end.advanced(by: -1)), "month": .month(end), "less": .money(p.keep - a.keep)]))
            }
        case .applies(_, _, nil): break
        case .notApplicable(let reason):
            if case .none = i.work {} else { n.append(l.render(Message(reason))) }
        }
        if p.topUp == .zero, case .none = i.work {} else if p.topUp == .zero {
            n.append(inv.t("watals.note.noTopUp"))
        }
        if p.amount(Projection.Line.holidayPay) > .zero { n.append(inv.t("watals.note.holidayPay")) }
        if p.amount(Projection.Line.reserved) > .zero {
            n.append(inv.t("watals.note.reserved", ["month": .month(CalendarMonth(year: i.month.year, month: i.policy.holidayAllowancePayMonth) ?? i.month)]))
        }
        if i.frequency != .maand, case .hourly = i.work { n.append(inv.t("watals.note.frequency." + i.frequency.rawValue)) }
        if case .hourly = i.work { n.append(inv.t("watals.note.taxApprox")) }
        if case .grossMonthly = i.work { n.append(inv.t("watals.note.taxApprox")) }
        if case .none = i.work {} else { n.append(inv.t("watals.note.report")) }
        let unverified = p.lines.flatMap { $0.steps.flatMap(\.parameters) }.filter(\.toVerify)
        if !unverified.isEmpty || !municipality.unverifiedFields.isEmpty {
            n.append(inv.t("watals.note.toVerify", ["count": .number(Set(unverified.map(\.id)).count + municipality.unverifiedFields.count)]))
        }
        return n
    }

    // MARK: JSON

    func json(_ p: Projection, afterExemption: Projection?) -> [String: Any] {
        var amounts: [String: Any] = [:]
        for line in p.lines { amounts[line.id] = line.amount.cents }
        var o: [String: Any] = [
            "maand": p.input.month.description,
            "gemeente": municipality.id,
            "invoer": inputJSON(p.input),
            "bedragen_centen": amounts,
            "vrijlating": exemptionJSON(p.exemption, month: p.input.month),
            "waarschuwingen": p.warnings.map { ["sleutel": $0.key, "tekst": l.render($0)] },
            "uitleg": p.lines.map { line -> [String: Any] in
                ["regel": line.id, "bedrag_centen": line.amount.cents, "stappen": line.steps.map(stepJSON)]
            },
        ]
        if let a = afterExemption { o["overhouden_na_vrijlating_centen"] = a.keep.cents }
        return o
    }

    func inputJSON(_ i: ProjectionInput) -> [String: Any] {
        var o: [String: Any] = ["huishouden": i.household.type.rawValue, "leeftijd": i.household.age, "kinderen": i.household.childrenAges,
                                "kostendelers": i.household.costSharers, "aow": i.household.aow, "medisch_urenbeperkt": i.household.medicallyLimited,
                                "frequentie": i.frequency.rawValue, "loonheffingskorting": i.withCredit, "werkmaand": i.workMonth,
                                "reiskosten_centen": i.travelCosts.cents, "opvangkosten_centen": i.childcareCosts.cents, "ander_inkomen_centen": i.otherIncome.cents]
        if let pa = i.household.partnerAge { o["leeftijd_partner"] = pa }
        if let s = i.started { o["gestart"] = s.description }
        switch i.work {
        case .none: o["werk"] = "geen"
        case .hourly(let h, let w): o["werk"] = "uurloon"; o["uren_per_week_honderdsten"] = h; o["uurloon_centen"] = w.cents
        case .grossMonthly(let g): o["werk"] = "bruto_maandloon"; o["bruto_maandloon_centen"] = g.cents
        case .netMonthly(let n): o["werk"] = "netto_maandloon"; o["netto_maandloon_centen"] = n.cents
        }
        return o
    }

    func exemptionJSON(_ e: ExemptionOutcome, month: CalendarMonth) -> [String: Any] {
        switch e {
        case .applies(let k, let a, let left):
            var o: [String: Any] = ["soort": k.rawValue, "bedrag_centen": a.cents, "maanden_over": left.map { $0 as Any } ?? NSNullish.null]
            if let left { o["eerste_maand_zonder"] = month.advanced(by: left + 1).description }
            return o
        case .notApplicable(let reason):
            return ["soort": NSNullish.null, "reden": reason, "tekst": l.render(Message(reason))]
        }
    }

    func stepJSON(_ s: TraceStep) -> [String: Any] {
        var o: [String: Any] = ["tekst": l.render(s.message), "sleutel": s.message.key]
        if let r = s.reference { o["bron"] = ["titel": r.title, "artikel": r.article ?? NSNullish.null, "url": r.url ?? NSNullish.null] as [String: Any] }
        o["parameters"] = s.parameters.map { u -> [String: Any] in
            ["id": u.id, "waarde": u.raw, "eenheid": u.unit.rawValue, "geldig_vanaf": u.from.description, "bron": u.source, "geverifieerd": u.verified]
        }
        return o
    }

    // MARK: Sweep

    func sweep(_ r: SweepResult, currentHours: Int?) {
        if inv.json { inv.out.print(JSONOutput.string(sweepJSON(r, currentHours: currentHours))); return }
        let f = inv.context.localizer.format
        let out = inv.out
        out.print(inv.context.style.bold(inv.t("watals.sweep.title", ["month": .month(r.request.base.month)])))
        out.print(wrap(situation(r.request.base), indent: "", width: max(44, min(inv.context.terminal.width, 100))))
        for w in r.warnings { inv.err.print("kompas: " + inv.t("watals.warning") + " " + l.render(w)) }
        out.print("")
        let headers = ["watals.col.hours", "watals.col.gross", "watals.col.net", "watals.col.exemption", "watals.col.topUp", "watals.col.keep", "watals.col.marginal"].map { inv.t($0) }
        var table: [[String]] = [headers]
        for row in r.rows {
            table.append([f.hours(hundredths: row.hundredthsPerWeek), f.plainAmount(row.gross), f.plainAmount(row.net), f.plainAmount(row.exemption),
                          f.plainAmount(row.topUp), f.plainAmount(row.keep), row.marginalPerExtraHour.map(f.plainAmount) ?? ""])
        }
        let widths = (0..<headers.count).map { c in table.map { $0[c].count }.max() ?? 0 }
        for (n, cells) in table.enumerated() {
            let line = cells.enumerated().map { c, s in String(repeating: " ", count: widths[c] - s.count) + s }.joined(separator: "  ")
            out.print(n == 0 ? inv.context.style.bold(line) : line)
        }
        out.print("")
        chart(r)
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.notes")))
        let width = max(44, min(inv.context.terminal.width, 100))
        for n in sweepNotes(r, currentHours: currentHours) { out.print(wrap("- " + n, indent: "  ", width: width)) }
    }

    /// A horizontal stacked bar per level: net wage (█), top-up without the exemption (▓), the exemption (░).
    /// The table above is the text equivalent of the chart.
    func chart(_ r: SweepResult) {
        let f = inv.context.localizer.format
        let maxKeep = r.rows.map { $0.net + $0.topUp }.max() ?? .zero
        let barWidth = max(10, min(inv.context.terminal.width, 120) - 16)
        inv.out.print(inv.t("watals.chart.title"))
        inv.out.print(inv.t("watals.chart.legend"))
        let maxRows = 40
        let stride = max(1, (r.rows.count + maxRows - 1) / maxRows)
        for (idx, row) in r.rows.enumerated() where idx % stride == 0 || idx == r.rows.count - 1 {
            func cells(_ m: Money) -> Int { maxKeep.cents > 0 ? Int((m.cents * Int64(barWidth) + maxKeep.cents / 2) / maxKeep.cents) : 0 }
            let wage = cells(row.net)
            let ex = cells(min(row.exemption, row.topUp))
            let top = max(0, cells(row.net + row.topUp) - wage - ex)
            let label = f.hours(hundredths: row.hundredthsPerWeek)
            inv.out.print(String(repeating: " ", count: max(0, 6 - label.count)) + label + " " +
                          String(repeating: "█", count: wage) + String(repeating: "▓", count: top) + String(repeating: "░", count: ex))
        }
    }

    func sweepNotes(_ r: SweepResult, currentHours: Int?) -> [String] {
        var n: [String] = []
        if let exit = r.exitPoint {
            n.append(inv.t("watals.sweep.exit", ["hours": .hours(exit)]))
            if let h = currentHours {
                n.append(exit > h ? inv.t("watals.sweep.extraHours", ["extra": .hours(exit - h), "hours": .hours(h), "exit": .hours(exit)])
                                  : inv.t("watals.sweep.alreadyOut", ["hours": .hours(h)]))
            }
            if let later = r.exitPointAfterExemption, later != exit {
                n.append(inv.t("watals.sweep.exitAfterExemption", ["hours": .hours(later)]))
            }
        } else {
            n.append(inv.t("watals.sweep.noExit"))
        }
        if let end = r.exemptionEndMonth {
            let diffs = r.rows.compactMap { row in row.keepAfterExemption.map { row.keep - $0 } }
            if let most = diffs.max() {
                n.append(inv.t("watals.sweep.exemptionEnds", ["month": .month(end), "most": .money(most)]))
            }
        }
        var drops: [String] = []
        for (a, b) in zip(r.rows, r.rows.dropFirst()) where b.keep < a.keep {
            drops.append(inv.context.localizer.format.hours(hundredths: a.hundredthsPerWeek) + "–" + inv.context.localizer.format.hours(hundredths: b.hundredthsPerWeek))
        }
        if !drops.isEmpty { n.append(inv.t("watals.sweep.trap", ["ranges": .text(drops.joined(separator: ", "))])) }
        n.append(inv.t("watals.sweep.flat"))
        return n
    }

    func sweepJSON(_ r: SweepResult, currentHours: Int?) -> [String: Any] {
        var o: [String: Any] = [
            "maand": r.request.base.month.description,
            "gemeente": municipality.id,
            "invoer": inputJSON(r.request.base),
            "rijen": r.rows.map { row -> [String: Any] in
                ["uren_per_week_honderdsten": row.hundredthsPerWeek, "brutoloon_centen": row.gross.cents, "nettoloon_centen": row.net.cents,
                 "vrijlating_centen": row.exemption.cents, "aanvulling_centen": row.topUp.cents, "overhouden_centen": row.keep.cents,
                 "meer_dan_zonder_werk_centen": row.gain.cents,
                 "per_extra_uur_centen": row.marginalPerExtraHour.map { $0.cents as Any } ?? NSNullish.null,
                 "overhouden_na_vrijlating_centen": row.keepAfterExemption.map { $0.cents as Any } ?? NSNullish.null]
            },
            "uitstappunt_uren_honderdsten": r.exitPoint.map { $0 as Any } ?? NSNullish.null,
            "uitstappunt_na_vrijlating_uren_honderdsten": r.exitPointAfterExemption.map { $0 as Any } ?? NSNullish.null,
            "vrijlating": exemptionJSON(r.exemption, month: r.request.base.month),
            "waarschuwingen": r.warnings.map { ["sleutel": $0.key, "tekst": l.render($0)] },
        ]
        if let h = currentHours, let e = r.exitPoint { o["extra_uren_nodig_honderdsten"] = max(0, e - h) }
        return o
    }
}

/// Small helper so renderers can render a ``Message`` with the invocation's localizer.
struct KompasLocalizationBridge {
    let inv: Invocation
    func render(_ m: Message) -> String { inv.context.localizer.render(m) }
}
