import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasLayout
import KompasMunicipality
import KompasProvisions
import KompasRules
import KompasSummary
import KompasTerminal
import KompasToeslagen
import KompasTotalIncome

/// Renders projections and sweeps as text (with `--uitleg` traces), or as JSON (amounts in cents).
///
/// The JSON and the text come from the same values, so they always agree.
struct ProjectionRenderer {
    let inv: Invocation
    let municipality: MunicipalityFile
    var l: KompasLocalizationBridge { KompasLocalizationBridge(inv: inv) }

    // MARK: Single month

    /// Lines shown in the text output, with the section they belong to; the rest are in `--json` only.
    static let sections: [(String, [String])] = [
        (
            "watals.section.wage",
            [
                Projection.Line.gross, Projection.Line.tax, Projection.Line.net,
                Projection.Line.holidayPay, Projection.Line.other,
            ]
        ),
        (
            "watals.section.municipality",
            [
                Projection.Line.norm, Projection.Line.exemption, Projection.Line.counted,
                Projection.Line.topUp, Projection.Line.reserved, Projection.Line.topUpPaid,
            ]
        ),
    ]

    /// Renders the first month of an evaluation: its lines, toeslagen, totals and the events.
    func single(_ r: CaseResult) {
        guard let month = r.first, let t = month.total else { return }
        let p = t.projection
        if inv.json {
            inv.out.print(JSONOutput.string(json(month, r)))
            return
        }
        let out = inv.out
        out.print(inv.context.style.bold(inv.t("watals.title", ["month": .month(p.input.month)])))
        out.print(
            wrap(situation(p.input, month), width: max(30, min(inv.context.terminal.width, 100))))
        for w in p.warnings {
            inv.err.print("kompas: " + inv.t("watals.warning") + " " + l.render(w))
        }
        let width = max(30, min(inv.context.terminal.width, 100))
        for (sectionKey, ids) in Self.sections {
            out.print("")
            out.print(inv.context.style.bold(inv.t(sectionKey)))
            for id in ids {
                guard let line = p.line(id) else { continue }
                if id == Projection.Line.other && line.amount == .zero { continue }
                if id == Projection.Line.holidayPay && line.amount == .zero
                    && p.amount(Projection.Line.net) == .zero
                {
                    continue
                }
                let label =
                    (id == Projection.Line.reserved ? "    " : "  ")
                    + inv.t("watals.line." + id, Self.labelArgs(p))
                    + (line.provisional ? " *" : "")
                out.print(row(label, text.shown(.projection(id), in: month), width: width))
                if inv.explain { explain(line.steps) }
                // Several jobs: each job's part of the wage lines, under the line that sums them.
                if p.jobs.count > 1,
                    [Projection.Line.gross, Projection.Line.tax, Projection.Line.net].contains(id)
                {
                    for n in month.jobNumbers {
                        guard month.amount(.job(n, id)) != nil else { continue }
                        let jobLabel = "    " + inv.t("watals.line.job", ["number": .number(n)])
                        out.print(row(jobLabel, text.shown(.job(n, id), in: month), width: width))
                    }
                }
            }
        }
        toeslagenSection(t, month, width: width)
        resultSection(month, width: width)
        let provisional = ProvisionalText.lines(
            t.provisional, checks: p.checked.filter(\.needsMark), year: p.input.month.year, inv)
        if !provisional.isEmpty {
            // Issue 16: the amounts marked * rest on figures that are not final; say which.
            out.print("")
            out.print(inv.context.style.bold("* " + inv.t("provisional.title")))
            for line in provisional { out.print(wrap(line, width: width)) }
        }
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.notes")))
        for n in Engine.notes(month, events: r.exemptionEvents, municipality: municipality) {
            out.print(wrap("- " + l.render(n), width: width))
        }
        explainHint(width: width)
    }

    /// Without `--uitleg`: how to see every step (in the guide, in words, not a flag).
    func explainHint(width: Int) {
        guard !inv.explain else { return }
        let key = inv.context.inGuide ? "watals.explainHint.gids" : "watals.explainHint"
        inv.out.print(inv.context.style.dim(wrap(inv.t(key), width: width)))
    }

    func situation(_ i: ProjectionInput, _ month: MonthResult) -> String {
        var parts: [String] = [
            inv.t("household." + i.household.type.rawValue) + ", "
                + inv.t("watals.age", ["age": .number(i.household.age)])
        ]
        if let pa = i.household.partnerAge {
            parts.append(inv.t("watals.partnerAge", ["age": .number(pa)]))
        }
        if !i.household.childrenAges.isEmpty {
            parts.append(
                inv.t(
                    "watals.children",
                    [
                        "ages": .text(
                            i.household.childrenAges.map(String.init).joined(separator: ", "))
                    ]))
        }
        if i.household.costSharers > 0 {
            parts.append(inv.t("watals.costSharers", ["count": .number(i.household.costSharers)]))
        }
        parts.append(
            Self.work(i.work, job: i.jobNumber, in: month) { inv.t($0, $1) }
                ?? inv.t("watals.work.none"))
        for j in i.otherJobs {
            guard let work = Self.work(j.work, job: j.number, in: month, { inv.t($0, $1) })
            else { continue }
            parts.append(
                inv.t("watals.work.otherJob", ["number": .number(j.number), "work": .text(work)]))
        }
        parts.append(inv.t("watals.municipality", ["name": .text(municipality.name)]))
        return parts.joined(separator: " · ")
    }

    /// How job `job`'s pay is told ("20 uur per week × € 14,71 bruto per uur"), its amount the
    /// month's echo of the situation (``LineID/jobInput(_:_:)``); nil without work.
    static func work(
        _ w: WorkInput, job: Int, in month: some ResultLines,
        _ t: (String, Message.Arguments) -> String
    ) -> String? {
        work(w, amount: { field, _ in .line(.jobInput(job, field), in: month) }, t)
    }

    /// How a job's pay is told, its amount given by `amount` (the month's line, or the amount
    /// the user typed where no month is shown: the profile).
    static func work(
        _ w: WorkInput, amount: (SituationField, Money) -> Message.Argument,
        _ t: (String, Message.Arguments) -> String
    ) -> String? {
        switch w {
        case .none: return nil
        case .hourly(let h, let wage):
            return t(
                "watals.work.hourly", ["hours": .hours(h), "wage": amount(.hourlyWage, wage)])
        case .grossMonthly(let g):
            return t("watals.work.gross", ["amount": amount(.grossMonthly, g)])
        case .netMonthly(let n): return t("watals.work.net", ["amount": amount(.netMonthly, n)])
        }
    }

    /// The arguments of the line labels ("Vrijlating: … (nog 5 maanden)", "waarvan gespaard tot mei"),
    /// shared with the summary so both say it the same way.
    static func labelArgs(_ p: Projection) -> Message.Arguments {
        var a: Message.Arguments = [
            "payMonth": .month(p.reservePayoutMonth)
        ]
        switch p.exemption {
        case .applies(let k, _, let left):
            a["kind"] = .message(Message("exemption.kind." + k.rawValue))
            a["left"] =
                left.map { .message(Message("watals.monthsLeft", ["count": .number($0)])) }
                ?? .text("")
        case .notApplicable:
            a["kind"] = .message(Message("exemption.kind.none"))
            a["left"] = .text("")
        }
        return a
    }

    /// The one formatter of the amounts this view shows (``LineText``).
    var text: LineText { LineText(inv: inv) }

    /// A label with its amount right-aligned at `width`.
    ///
    /// When both do not fit (a narrow terminal),
    /// the amount goes on its own line under the label, still right-aligned, so no line is wider
    /// than the terminal.
    func row(_ label: String, _ value: String, width: Int) -> String {
        TextLayout(width: width).row(label, value)
    }

    /// Wraps at word boundaries (one wrapper for all terminal text: ``TextWrap``).
    ///
    /// The first line
    /// keeps its own leading spaces; later lines hang under it, list items under their text.
    func wrap(_ text: String, width: Int) -> String {
        TextWrap.wrap(text, width: width)
    }

    /// `--uitleg`: each step as a sentence, then its source and every parameter with its date.
    func explain(_ steps: [TraceStep]) {
        let width = max(30, inv.context.terminal.width)
        for s in steps {
            inv.out.print(wrap("      " + l.render(s.message), width: width))
            if let r = s.reference {
                inv.out.print(
                    "        " + inv.t("explain.source", ["source": .text(r.description)])
                        + (r.url.map { " <\($0)>" } ?? ""))
            }
            for u in s.parameters {
                var t =
                    "        "
                    + inv.t(
                        "explain.parameter",
                        ["id": .text(u.id), "value": u.argument, "date": .date(u.from)])
                t += " — " + u.reference.description
                if u.toVerify { t += " " + inv.t("explain.toVerify") }
                inv.out.print(wrap(t, width: width))
            }
        }
    }

    // MARK: Toeslagen, provisions and the whole income

    func toeslagenSection(_ t: TotalIncome, _ month: MonthResult, width: Int) {
        guard !t.toeslagen.isEmpty || !t.provisions.isEmpty else { return }
        let out = inv.out
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.toeslagen")))
        out.print(
            row(
                "  " + inv.t("watals.line.toetsingsinkomen"),
                text.shown(.toetsingsinkomen, in: month),
                width: width))
        if inv.explain { explain([t.toetsingsinkomenStep]) }
        for line in t.toeslagen {
            var name = l.render(line.toeslag.name).capitalizedFirst
            if line.toeslag == .kinderopvangtoeslag { name += " " + inv.t("watals.kotToCare") }
            switch line.result {
            case .success(let r):
                out.print(
                    row(
                        "  " + name, text.shown(.toeslag(line.toeslag.rawValue), in: month),
                        width: width))
                if case .notEntitled(let reason) = r.entitlement {
                    out.print(wrap("      " + l.render(reason.message), width: width))
                }
                if inv.explain { explain(r.trace.map(\.step)) }
            case .failure(let e):
                out.print(row("  " + name, inv.t("watals.notInForce"), width: width))
                out.print(wrap("      " + l.render(e.message), width: width))
            }
        }
        if t.childcareNetCost != nil {
            out.print(
                row(
                    "  " + inv.t("watals.line.childcareNet"), text.shown(.childcareNet, in: month),
                    width: width))
        }
        for (prov, e) in t.provisions {
            let name = inv.context.localizer.name(prov.name)
            let mark = e.needsVerification ? " " + inv.t("watals.toVerifyMark") : ""
            let value: String
            switch ProvisionShown.of(e) {
            case .amount: value = text.shown(.provision(prov.id), in: month)
            case .yes: value = inv.t("watals.provision.yes")
            case .no: value = inv.t("watals.provision.no")
            }
            out.print(row("  " + name + mark, value, width: width))
            if case .notEligible(let reason) = e.outcome {
                out.print(wrap("      " + l.render(reason.message), width: width))
            }
            if let m = e.partialWaiverMessage {
                out.print(wrap("      " + l.render(m), width: width))
            }
            if inv.explain {
                for c in e.checks { out.print(wrap("      " + l.render(c), width: width)) }
                out.print(
                    "        " + inv.t("explain.source", ["source": .text(prov.source.title)])
                        + " <\(prov.source.url)>")
                // A kwijtschelding's computation is national law; the municipality's data sets its percentages.
                if e.waiver != nil {
                    let r = Kwijtschelding.reference
                    out.print(
                        "        " + inv.t("explain.source", ["source": .text(r.description)])
                            + (r.url.map { " <\($0)>" } ?? ""))
                }
            }
        }
    }

    func resultSection(_ month: MonthResult, width: Int) {
        guard let t = month.total, month.baseline != nil else { return }
        let out = inv.out
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.result")))
        var rows: [(String, LineID)] = [
            (inv.t("watals.line.netto_in_handen"), .projection(Projection.Line.inHand))
        ]
        if t.toeslagenMonthly > .zero { rows.append((inv.t("watals.line.toeslagen"), .toeslagen)) }
        if t.kinderbijslagMonthly > .zero {
            rows.append((inv.t("watals.line.kinderbijslag"), .kinderbijslag))
        }
        if t.provisionsMonthly > .zero {
            rows.append((inv.t("watals.line.regelingen"), .provisions))
        }
        rows.append((inv.t("watals.line.gespaard_voor_later"), .projection(Projection.Line.saved)))
        rows.append((inv.t("watals.line.totaal_inkomen"), .totalIncome))
        rows.append((inv.t("watals.line.werkkosten"), .workCosts))
        rows.append((inv.t("watals.line.overhouden"), .keep))
        for (label, id) in rows {
            out.print(row("  " + label, text.shown(id, in: month), width: width))
        }
        guard month.amount(.gain) != nil else { return }
        out.print(
            row(
                "  " + inv.t("watals.line.meer_dan_zonder_werk"), text.shown(.gain, in: month),
                width: width))
        if inv.explain {
            out.print(
                wrap(
                    "      "
                        + inv.t(
                            "totaal.gain",
                            [
                                "keep": .line(.keep, in: month),
                                "base": .line(.baselineKeep, in: month),
                                "gain": .line(.gain, in: month),
                            ]), width: width))
        }
        if month.amount(.perHour) != nil {
            out.print(
                row(
                    "  " + inv.t("watals.line.per_gewerkt_uur"), text.shown(.perHour, in: month),
                    width: width))
        }
    }

    // MARK: JSON

    /// The month as JSON: `bedragen_centen` holds every result line under its one id (the same
    /// ids and values the text shows); `totaal_centen` repeats the totals from the same lines.
    func json(_ month: MonthResult, _ r: CaseResult) -> [String: Any] {
        guard let t = month.total else { return [:] }
        let p = t.projection
        var amounts: [String: Any] = [:]
        for line in month.lines where !line.id.rawValue.contains(":") {
            amounts[line.id.rawValue] = line.amount.cents
        }
        var o: [String: Any] = [
            "maand": p.input.month.description,
            "gemeente": municipality.id,
            "invoer": inputJSON(p.input),
            "bedragen_centen": amounts,
            "vrijlating": exemptionJSON(p.exemption, month: p.input.month),
            "waarschuwingen": p.warnings.map { ["sleutel": $0.key, "tekst": l.render($0)] },
            "uitleg": p.lines.map { line -> [String: Any] in
                [
                    "regel": line.id, "bedrag_centen": line.amount.cents,
                    "voorlopig": line.provisional, "stappen": line.steps.map(stepJSON),
                ]
            },
            // Issue 16: which amounts rest on a figure that is not final or not built in, and which.
            "voorlopig": [
                "bedragen": p.lines.filter(\.provisional).map(\.id),
                "cijfers": ProvisionalText.json(t.provisional),
            ] as [String: Any],
        ]
        if let a = month.amount(.afterExemptionKeep) {
            o["overhouden_na_vrijlating_centen"] = a.cents
        }
        o["gebeurtenissen"] = r.events.map { e -> [String: Any] in
            ["soort": e.kind.rawValue, "maand": e.month.description, "tekst": l.render(e.message)]
        }
        o["toetsingsinkomen"] =
            [
                "loon_centen": t.toetsingsinkomen.wageYearly.cents,
                "bijstand_bruto_centen": t.toetsingsinkomen.bijstandGrossYearly.cents,
                "totaal_centen": t.toetsingsinkomen.total.cents,
                "uitleg": stepJSON(t.toetsingsinkomenStep),
            ] as [String: Any]
        o["toeslagen"] = t.toeslagen.map { line -> [String: Any] in
            var j = toeslagJSON(line)
            j["voorlopig"] = t.isProvisional(line)
            return j
        }
        o["voorzieningen"] = t.provisions.map { prov, e -> [String: Any] in
            var v: [String: Any] = [
                "id": prov.id, "soort": prov.kind.rawValue, "naam": prov.name.nl,
                "te_verifieren": e.needsVerification,
                "per_maand_centen": e.monthlyValue.cents,
            ]
            switch e.outcome {
            case .eligible: v["recht"] = true
            case .notEligible(let r):
                v["recht"] = false
                v["reden"] = l.render(r.message)
            }
            if let w = e.waiver { v["kwijtschelding"] = MonthJSON.waiver(w) }
            return v
        }
        if let c = t.childcareNetCost { o["opvang_netto_kosten_centen"] = c.cents }
        if let a = t.assetLimit {
            o["vermogensgrens"] =
                [
                    "grens_centen": a.limit.cents, "boven_grens": a.above,
                    "voorlopig": a.step?.parameters.contains(where: \.needsMark) ?? false,
                ] as [String: Any]
        }
        o["terugbetaling"] = t.repayments.map {
            [
                "toeslag": $0.toeslag.rawValue, "verschil_centen": $0.difference.cents,
                "tekst": l.render($0.message),
            ] as [String: Any]
        }
        var totals: [String: Any] = [:]
        for id in [
            LineID.totalIncome, .toeslagen, .kinderbijslag, .provisions, .workCosts, .keep, .gain,
            .perHour,
        ] {
            if let m = month.amount(id) { totals[id.rawValue] = m.cents }
        }
        o["totaal_centen"] = totals
        o["maand_resultaat"] = MonthJSON.object(month, inv)
        return o
    }

    func toeslagJSON(_ line: ToeslagLine) -> [String: Any] {
        var o: [String: Any] = ["toeslag": line.toeslag.rawValue]
        switch line.result {
        case .success(let r):
            o["van_kracht"] = true
            o["per_maand_centen"] = r.monthly.cents
            o["per_jaar_centen"] = r.yearly.cents
            if case .notEntitled(let reason) = r.entitlement {
                o["reden"] = l.render(reason.message)
            }
            o["stappen"] = r.trace.map { stepJSON($0.step) }
        case .failure(let e):
            o["van_kracht"] = false
            o["reden"] = l.render(e.message)
        }
        return o
    }

    func inputJSON(_ i: ProjectionInput) -> [String: Any] {
        var o: [String: Any] = [
            "huishouden": i.household.type.rawValue, "leeftijd": i.household.age,
            "kinderen": i.household.childrenAges,
            "kostendelers": i.household.costSharers, "aow": i.household.aow,
            "medisch_urenbeperkt": i.household.medicallyLimited,
            "frequentie": i.frequency.rawValue, "loonheffingskorting": i.withCredit,
            "werkmaand": i.workMonth,
            "reiskosten_centen": i.travelCosts.cents, "opvangkosten_centen": i.childcareCosts.cents,
            "ander_inkomen_centen": i.otherIncome.cents,
        ]
        if let pa = i.household.partnerAge { o["leeftijd_partner"] = pa }
        if let s = i.started { o["gestart"] = s.description }
        if !i.otherJobs.isEmpty {
            o["andere_banen"] = i.otherJobs.map { j -> [String: Any] in
                let b: [String: Any] = [
                    "baan": j.number, "frequentie": j.frequency.rawValue,
                    "loonheffingskorting": j.withCredit,
                ]
                return b.merging(Self.workJSON(j.work)) { $1 }
            }
        }
        return o.merging(Self.workJSON(i.work)) { $1 }
    }

    /// How a job's pay is written in the JSON input echo: one shape for the first job and the
    /// others.
    static func workJSON(_ work: WorkInput) -> [String: Any] {
        switch work {
        case .none: return ["werk": "geen"]
        case .hourly(let h, let w):
            return ["werk": "uurloon", "uren_per_week_honderdsten": h, "uurloon_centen": w.cents]
        case .grossMonthly(let g):
            return ["werk": "bruto_maandloon", "bruto_maandloon_centen": g.cents]
        case .netMonthly(let n):
            return ["werk": "netto_maandloon", "netto_maandloon_centen": n.cents]
        }
    }

    func exemptionJSON(_ e: ExemptionOutcome, month: CalendarMonth) -> [String: Any] {
        switch e {
        case .applies(let k, let a, let left):
            var o: [String: Any] = [
                "soort": k.rawValue, "bedrag_centen": a.cents,
                "maanden_over": left.map { $0 as Any } ?? NSNullish.null,
            ]
            if let left { o["eerste_maand_zonder"] = month.advanced(by: left + 1).description }
            return o
        case .notApplicable(let reason):
            return ["soort": NSNullish.null, "reden": reason, "tekst": l.render(Message(reason))]
        }
    }

    func stepJSON(_ s: TraceStep) -> [String: Any] {
        var o: [String: Any] = ["tekst": l.render(s.message), "sleutel": s.message.key]
        if let r = s.reference {
            o["bron"] =
                [
                    "titel": r.title, "artikel": r.article ?? NSNullish.null,
                    "url": r.url ?? NSNullish.null,
                ] as [String: Any]
        }
        o["parameters"] = s.parameters.map { u -> [String: Any] in
            [
                "id": u.id, "waarde": u.raw, "eenheid": u.unit.rawValue,
                "geldig_vanaf": u.from.description, "bron": u.source, "geverifieerd": u.verified,
            ]
        }
        return o
    }

    // MARK: Sweep

    func sweep(_ t: TotalSweepResult, result: CaseResult, currentHours: Int?) {
        if inv.json {
            inv.out.print(JSONOutput.string(sweepJSON(t, currentHours: currentHours)))
            return
        }
        let r = t.bare
        let f = inv.context.localizer.format
        let out = inv.out
        let width = max(30, min(inv.context.terminal.width, 100))
        out.print(
            inv.context.style.bold(
                inv.t("watals.sweep.title", ["month": .month(r.request.base.month)])))
        // The evaluation's first month is the sweep's month: the situation's amounts are its echo.
        if let first = result.first {
            out.print(wrap(situation(r.request.base, first), width: width))
        }
        for w in r.warnings {
            inv.err.print("kompas: " + inv.t("watals.warning") + " " + l.render(w))
        }
        out.print("")
        let toeslagKeys = t.itemKeys.filter { $0.hasPrefix("toeslag:") }
        let provisionKeys = t.itemKeys.filter { $0.hasPrefix("voorziening:") }
        var headers = [
            "watals.col.hours", "watals.col.gross", "watals.col.net", "watals.col.exemption",
            "watals.col.topUp",
        ].map { inv.t($0) }
        if !toeslagKeys.isEmpty { headers.append(inv.t("watals.col.toeslagen")) }
        if !provisionKeys.isEmpty { headers.append(inv.t("watals.col.provisions")) }
        headers += [inv.t("watals.col.keep"), inv.t("watals.col.rate")]
        var table: [[String]] = [headers]
        let bars = SweepBar.bars(t)
        for ((row, bare), bar) in zip(zip(t.rows, r.rows), bars) {
            let level = LineText.SweepLevel(row: row, bare: bare, bar: bar)
            var cells =
                [f.hours(hundredths: row.hundredthsPerWeek)]
                + ([.gross, .net, .exemption, .topUp] as [LineText.SweepColumn]).map {
                    text.cell($0, of: level)
                }
            if !toeslagKeys.isEmpty { cells.append(text.cell(.toeslagen, of: level)) }
            if !provisionKeys.isEmpty { cells.append(text.cell(.provisions, of: level)) }
            cells.append(text.cell(.keep, of: level))
            cells.append(
                row.effectiveMarginalRate.map {
                    f.rate(Rate(partsPerMillion: ($0.partsPerMillion / 10_000) * 10_000))
                } ?? "")
            table.append(cells)
        }
        // Issue 22: columns when they fit the terminal (headers wrapped by words), else one
        // block per level of hours.
        let laidOut = TextTable(
            headers: headers, alignments: headers.map { _ in .right },
            rows: Array(table.dropFirst())
        )
        for line in laidOut.render(width: width, header: inv.context.style.bold) { out.print(line) }
        out.print(inv.t("watals.sweep.rateHelp"))
        out.print("")
        chart(t, toeslagKeys: toeslagKeys, provisionKeys: provisionKeys)
        let provisional = ProvisionalText.lines(
            t.provisional, checks: t.checked, year: r.request.base.month.year, inv)
        if !provisional.isEmpty {
            // Issue 16: every level of the sweep uses the same figures of the month.
            out.print("")
            out.print(inv.context.style.bold(inv.t("provisional.title")))
            for line in provisional { out.print(wrap(line, width: width)) }
        }
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.notes")))
        for n in sweepNotes(t, events: result.exemptionEvents, currentHours: currentHours) {
            out.print(wrap("- " + n, width: width))
        }
    }

    /// A horizontal stacked bar per level: net wage (█), top-up (▓), toeslagen (▒), municipal provisions (░).
    ///
    /// The table above is the text equivalent of the chart; a level in a poverty-trap band is marked in words.
    func chart(_ t: TotalSweepResult, toeslagKeys: [String], provisionKeys: [String]) {
        let f = inv.context.localizer.format
        // The bars are the engine's split of each level (SweepBar), the same as the summary's chart.
        let bars = SweepBar.bars(t)
        func parts(_ i: Int) -> (Money, Money, Money, Money) {
            (bars[i].wage, bars[i].topUp, bars[i].toeslagen, bars[i].provisions)
        }
        let maxTotal = bars.map(\.total).max() ?? .zero
        let trapMark = " " + inv.t("watals.chart.trap")
        let barWidth = max(10, min(inv.context.terminal.width, 120) - 8 - trapMark.count)
        inv.out.print(inv.t("watals.chart.title"))
        inv.out.print(inv.t("watals.chart.legendTotal"))
        let stride = max(1, (t.rows.count + 39) / 40)
        for idx in t.rows.indices where idx % stride == 0 || idx == t.rows.count - 1 {
            let (net, top, toe, prov) = parts(idx)
            let h = t.rows[idx].hundredthsPerWeek
            let inTrap = t.trapBands.contains { h > $0.from && h <= $0.to }
            let label = f.hours(hundredths: h)
            inv.out.print(
                String(repeating: " ", count: max(0, 6 - label.count)) + label + " "
                    + StackedBars.bar([net, top, toe, prov], max: maxTotal, width: barWidth)
                    + (inTrap ? trapMark : ""))
        }
    }

    func itemName(_ key: String, _ t: TotalSweepResult) -> String {
        if key.hasPrefix("toeslag:"),
            let tt = Toeslag(rawValue: String(key.dropFirst("toeslag:".count)))
        {
            return l.render(tt.name).capitalizedFirst
        }
        if let name = t.provisionNames[key] {
            return inv.context.localizer.name(name)
        }
        return String(key.dropFirst("voorziening:".count))
    }

    func sweepNotes(_ t: TotalSweepResult, events: [CaseEvent], currentHours: Int?) -> [String] {
        let r = t.bare
        var n: [String] = []
        if let exit = r.exitPoint {
            n.append(inv.t("watals.sweep.exit", ["hours": .hours(exit)]))
            if let h = currentHours {
                n.append(
                    exit > h
                        ? inv.t(
                            "watals.sweep.extraHours",
                            ["extra": .hours(exit - h), "hours": .hours(h), "exit": .hours(exit)])
                        : inv.t("watals.sweep.alreadyOut", ["hours": .hours(h)]))
            }
            if let later = r.exitPointAfterExemption, later != exit {
                n.append(inv.t("watals.sweep.exitAfterExemption", ["hours": .hours(later)]))
            }
        } else {
            n.append(inv.t("watals.sweep.noExit"))
        }
        // The exemption story: the engine's events, the same sentences as everywhere else.
        n += events.map { l.render($0.message) }
        for c in t.changes {
            n.append(
                inv.t(
                    c.kind == .stops ? "watals.sweep.itemStops" : "watals.sweep.itemDrops",
                    ["item": .text(itemName(c.item, t)), "hours": .hours(c.atHundredths)]))
        }
        if !t.trapBands.isEmpty {
            let f = inv.context.localizer.format
            let ranges = t.trapBands.map {
                f.hours(hundredths: $0.from) + "–" + f.hours(hundredths: $0.to)
            }.joined(separator: ", ")
            n.append(inv.t("watals.sweep.trap", ["ranges": .text(ranges)]))
        }
        n.append(inv.t("watals.sweep.flat"))
        return n
    }

    func sweepJSON(_ t: TotalSweepResult, currentHours: Int?) -> [String: Any] {
        let r = t.bare
        var o: [String: Any] = [
            "maand": r.request.base.month.description,
            "gemeente": municipality.id,
            "invoer": inputJSON(r.request.base),
            "voorlopig": ["cijfers": ProvisionalText.json(t.provisional)] as [String: Any],
            "rijen": zip(t.rows, r.rows).map { row, bare -> [String: Any] in
                [
                    "uren_per_week_honderdsten": row.hundredthsPerWeek,
                    "brutoloon_centen": row.gross.cents, "nettoloon_centen": bare.net.cents,
                    "vrijlating_centen": bare.exemption.cents, "aanvulling_centen": row.topUp.cents,
                    "toeslagen_en_regelingen_centen": Dictionary(
                        uniqueKeysWithValues: t.itemKeys.map {
                            ($0, (row.items[$0] ?? .zero).cents)
                        }),
                    "totaal_inkomen_centen": row.total.cents, "overhouden_centen": row.keep.cents,
                    "marginale_druk_ppm": row.effectiveMarginalRate.map {
                        $0.partsPerMillion as Any
                    } ?? NSNullish.null,
                    "kaal_overhouden_centen": bare.keep.cents,
                    "kaal_na_vrijlating_centen": bare.keepAfterExemption.map { $0.cents as Any }
                        ?? NSNullish.null,
                ]
            },
            "uitstappunt_uren_honderdsten": r.exitPoint.map { $0 as Any } ?? NSNullish.null,
            "uitstappunt_na_vrijlating_uren_honderdsten": r.exitPointAfterExemption.map {
                $0 as Any
            } ?? NSNullish.null,
            "vrijlating": exemptionJSON(r.exemption, month: r.request.base.month),
            "veranderingen": t.changes.map {
                [
                    "onderdeel": $0.item, "soort": $0.kind.rawValue,
                    "uren_per_week_honderdsten": $0.atHundredths,
                ] as [String: Any]
            },
            "armoedeval": t.trapBands.map {
                ["van_honderdsten": $0.from, "tot_honderdsten": $0.to]
            },
            "waarschuwingen": r.warnings.map { ["sleutel": $0.key, "tekst": l.render($0)] },
        ]
        if let h = currentHours, let e = r.exitPoint {
            o["extra_uren_nodig_honderdsten"] = max(0, e - h)
        }
        return o
    }
}

/// Small helper so renderers can render a ``Message`` with the invocation's localizer.
struct KompasLocalizationBridge {
    let inv: Invocation
    func render(_ m: Message) -> String { inv.context.localizer.render(m) }
}
