import KompasCore
import KompasDocuments
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasProvisions
import KompasSummary
import KompasToeslagen
import KompasTotalIncome

/// A summary as localized blocks, independent of the output format: the text, Markdown and HTML
/// writers serialize the same blocks, so the three formats always say the same thing.
enum SummaryBlock {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list([String])
    /// `headers` is the column header row; the first cell of each row is a row header.
    case table(caption: String, headers: [String], rows: [[String]])
    case chart(SummaryChart)
    case contact(name: String, reach: String?, photo: String?, text: String)
    case footnotes(title: String, items: [String])
    /// The printed summary's second page starts here (HTML only; the other formats ignore it).
    case pageBreak
}

/// A chart with its text equivalent (for screen readers and `--geen-grafiek`), its terminal form and its SVG.
struct SummaryChart {
    var title: String
    /// One-sentence description (SVG `<desc>`, HTML alt text).
    var description: String
    var textLines: [String]
    var terminalLines: [String]
    var svg: String
}

/// Builds the blocks of a summary for one audience and language.
struct SummaryDocumentBuilder {
    let summary: Summary
    let localizer: Localizer
    let terminalWidth: Int
    var f: Formatters { localizer.format }
    func t(_ key: String, _ a: Message.Arguments = [:]) -> String {
        localizer.text(register(key), a)
    }
    func r(_ m: Message) -> String { localizer.render(register(m)) }

    /// The klantmanager register speaks about the client in the third person ("De klant woont
    /// alleen"), the client register to the client ("Je woont alleen"): the same facts, the
    /// same arguments, a sentence `<key>.km` where the catalogue has one.
    func register(_ key: String) -> String {
        guard summary.request.audience != .klant, localizer.has(key + ".km") else { return key }
        return key + ".km"
    }
    func register(_ m: Message) -> Message {
        var third = m
        third.key = register(m.key)
        return third
    }
    /// The language of the jargon explanations (``PlainLanguage``): Dutch and English have their
    /// own lists; Polish, Turkish and Arabic explain the Dutch words they keep from their glossary
    /// instead (``withGlossary(_:)``).
    var language: DocumentLanguage? {
        switch localizer.language {
        case .nl: return .nl
        case .en: return .en
        case .pl, .tr, .ar: return nil
        }
    }

    var title: String {
        t(
            summary.request.audience == .klant
                ? "samenvatting.title.klant" : "samenvatting.title.klantmanager",
            ["month": .month(summary.request.base.month)])
    }

    func blocks() -> [SummaryBlock] {
        var b = summary.request.audience == .klant ? clientBlocks() : caseworkerBlocks()
        if summary.request.audience == .klant { b = withExplanations(b) }
        return withDutchLeading(b)
    }

    /// A translated summary says, in its own language, under its title, that the Dutch text is
    /// leading (issue 24): a figure or word in dispute is read in the Dutch summary and letter.
    func withDutchLeading(_ blocks: [SummaryBlock]) -> [SummaryBlock] {
        guard localizer.language != .nl, case .heading(1, _)? = blocks.first else { return blocks }
        return [blocks[0], .paragraph(t("samenvatting.dutchLeading"))] + blocks.dropFirst()
    }

    /// Footnote marks for an amount id: `[1, 3]`.
    func marks(_ ids: String...) -> String { marks(ids) }

    func marks(_ ids: [String]) -> String {
        let ns = ids.flatMap { summary.footnoteIndex[$0] ?? [] }
        var seen: [Int] = []
        for n in ns where !seen.contains(n) { seen.append(n) }
        return seen.isEmpty ? "" : " [" + seen.map(String.init).joined(separator: ", ") + "]"
    }

    // MARK: Client

    func clientBlocks() -> [SummaryBlock] {
        let s = summary
        let req = s.request
        var b: [SummaryBlock] = [.heading(level: 1, text: title)]
        if s.works { b.append(.paragraph(t("samenvatting.congrats"))) }
        b.append(.heading(level: 2, text: t("samenvatting.section.situation")))
        b.append(.paragraph(situation()))
        b.append(contentsOf: keepIntro())
        b.append(currentTable())
        b.append(contentsOf: periodNotes())
        b.append(.heading(level: 2, text: t("samenvatting.section.months")))
        b.append(.paragraph(t("samenvatting.months.intro")))
        b.append(monthsTable())
        if let chart = SummaryCharts(summary: s, localizer: localizer, width: terminalWidth)
            .hoursChart()
        {
            b.append(.heading(level: 2, text: t("samenvatting.section.hours")))
            b.append(.chart(chart))
            // The poverty trap, told to the client too: concretely, kindly, with what to ask.
            if let trap = s.sweep?.trapBands.first {
                b.append(
                    .paragraph(
                        t(
                            "samenvatting.trap.client",
                            ["from": .hours(trap.from), "to": .hours(trap.to)])))
            }
        }
        b.append(.heading(level: 2, text: t("samenvatting.section.changes")))
        b.append(
            s.events.isEmpty
                ? .paragraph(t("samenvatting.changes.none")) : .list(s.events.map { r($0.message) })
        )
        b.append(
            .heading(
                level: 2,
                text: t("samenvatting.section.calendar", ["month": .month(req.base.month)])))
        b.append(
            .chart(
                SummaryCharts(summary: s, localizer: localizer, width: terminalWidth)
                    .calendarChart()))
        b.append(.heading(level: 2, text: t("samenvatting.section.todo")))
        b.append(.list(s.actions.map { r($0.message) }))
        b.append(.heading(level: 2, text: t("samenvatting.section.municipality")))
        b.append(.paragraph(municipalityHelp()))
        b.append(.heading(level: 2, text: t("samenvatting.section.contact")))
        b.append(contact())
        b.append(contentsOf: footnoteBlocks())
        return b
    }

    /// The heading and opening sentence of "what you keep", the same in the full and the printed
    /// summary.
    func keepIntro() -> [SummaryBlock] {
        let s = summary
        return [
            .heading(
                level: 2,
                text: t("samenvatting.section.keep", ["month": .month(s.request.base.month)])),
            .paragraph(
                s.works
                    ? t(
                        "samenvatting.keep.intro",
                        ["keep": s.line(.keep), "gain": s.line(.gain)])
                    : t("samenvatting.keep.introNoWork", ["keep": s.line(.keep)])),
        ]
    }

    /// The printed client summary (`--formaat html`): one A4 page.
    ///
    /// It holds what the client needs
    /// first — the month's amounts, what to do, the contact person. With `appendix` a second page
    /// holds the sources (the law and official pages apart from background reading) and the pay
    /// calendar. The months ahead, the hours chart and the changes stay in the text and Markdown
    /// summary: a printed page that runs to six sheets is not read.
    func printBlocks(appendix: Bool) -> [SummaryBlock] {
        let s = summary
        let req = s.request
        var b: [SummaryBlock] = [.heading(level: 1, text: title), .paragraph(situation())]
        b.append(contentsOf: keepIntro())
        b.append(currentTable(withMarks: appendix))
        b.append(contentsOf: periodNotes())
        if s.current.hasProvisionalAmounts {
            b.append(
                .paragraph(
                    t(
                        "samenvatting.event.parametersProvisionalNow",
                        ["month": .month(req.base.month)])))
        }
        // The exemption that ends or changes is the surprise people fear most (the customer
        // journey), so its dated events stay on the printed page; the other events are in the
        // text summary and on the appendix.
        let exemption = s.events.filter {
            [.exemptionEnds, .exemptionChanges, .exemptionUnknown].contains($0.kind)
        }
        if !exemption.isEmpty {
            b.append(.heading(level: 2, text: t("samenvatting.section.changes")))
            b.append(.list(exemption.map { r($0.message) }))
        }
        b.append(.heading(level: 2, text: t("samenvatting.section.todo")))
        b.append(.list(s.actions.map { r($0.message) }))
        b.append(.heading(level: 2, text: t("samenvatting.section.contact")))
        b.append(contact())
        b = withDutchLeading(withExplanations(b))
        if appendix {
            b.append(.pageBreak)
            b.append(
                .heading(
                    level: 2,
                    text: t("samenvatting.section.calendar", ["month": .month(req.base.month)])))
            let cal = SummaryCharts(summary: s, localizer: localizer, width: terminalWidth)
                .calendarChart()
            b.append(.list(cal.textLines))
            // On paper a law is found by its name and article; its long address is left out there.
            b.append(contentsOf: footnoteBlocks(lawAddresses: false))
        } else {
            b.append(.paragraph(t("samenvatting.print.more")))
        }
        return b
    }

    func situation() -> String {
        let i = summary.request.base
        let h = i.household
        var parts: [String] = [
            t("samenvatting.situation.household." + h.type.rawValue, ["age": .number(h.age)])
        ]
        if let pa = h.partnerAge {
            parts.append(t("samenvatting.situation.partner", ["age": .number(pa)]))
        }
        if !h.childrenAges.isEmpty {
            let ages = h.childrenAges.map(String.init)
            if ages.count == 1 {
                parts.append(
                    t("samenvatting.situation.oneChild", ["age": .number(h.childrenAges[0])]))
            } else {
                // "4, 7 en 11": commas and a final "en"/"and", as people write it.
                let list =
                    ages.dropLast().joined(separator: ", ") + " " + t("samenvatting.and") + " "
                    + (ages.last ?? "")
                parts.append(
                    t(
                        "samenvatting.situation.children",
                        ["count": .number(ages.count), "ages": .text(list)]))
            }
        }
        if h.costSharers > 0 {
            parts.append(t("samenvatting.situation.costSharers", ["count": .number(h.costSharers)]))
        }
        switch i.work {
        case .none:
            let slips = summary.request.storedPayslips
            parts.append(
                slips > 0
                    ? t("samenvatting.situation.payslipsNoHours", ["count": .number(slips)])
                    : t("samenvatting.situation.noWork"))
        case .hourly(let hrs, _):
            parts.append(
                t(
                    "samenvatting.situation.hourly",
                    [
                        "hours": .hours(hrs),
                        "wage": summary.line(.jobInput(i.jobNumber, .hourlyWage)),
                    ]))
        case .grossMonthly:
            parts.append(
                t(
                    "samenvatting.situation.gross",
                    ["amount": summary.line(.jobInput(i.jobNumber, .grossMonthly))]))
        case .netMonthly:
            parts.append(
                t(
                    "samenvatting.situation.net",
                    ["amount": summary.line(.jobInput(i.jobNumber, .netMonthly))]))
        }
        for j in i.otherJobs {
            guard let first = summary.months.first,
                let work = ProjectionRenderer.work(j.work, job: j.number, in: first, { t($0, $1) })
            else { continue }
            parts.append(
                t(
                    "samenvatting.situation.otherJob",
                    ["number": .number(j.number), "work": .text(work)]))
        }
        parts.append(
            t(
                "samenvatting.situation.municipality",
                ["name": .text(summary.request.municipality.name)]))
        return parts.joined(separator: " ")
    }

    /// The amount of a line as it is paid.
    ///
    /// "€ 653,37 per kwartaal" for money paid per quarter or year (the engine's
    /// ``ResultLine/period``), otherwise the month's amount.
    func paidAmount(_ id: LineID) -> String {
        guard let line = periodLine(id), let first = summary.months.first else { return shown(id) }
        return t(
            "samenvatting.amount.per." + line.period.rawValue,
            ["amount": .perPeriod(id, in: first)])
    }

    /// The one formatter of the amounts this document shows (``LineText``).
    var text: LineText { LineText(localizer: localizer) }

    /// The first month's line `id`, formatted (the summary's "current" month is its first).
    func shown(_ id: LineID, deductionSign: Bool = true) -> String {
        guard let first = summary.months.first else { return t("samenvatting.notKnown") }
        return text.shown(id, in: first, deductionSign: deductionSign)
    }

    /// The first month's line of `id` when its money is paid per quarter or year.
    func periodLine(_ id: LineID) -> ResultLine? {
        guard let line = summary.months.first?.lines.first(where: { $0.id == id }),
            line.perPeriod != nil, line.period != .month
        else { return nil }
        return line
    }

    /// Under the table: how much of the money paid per quarter or year counts in a month's total.
    func periodNotes() -> [SummaryBlock] {
        var notes: [String] = []
        for line in summary.current.toeslagen {
            if let l = periodLine(.toeslag(line.toeslag.rawValue)) {
                notes.append(
                    t(
                        "samenvatting.amount.note." + l.period.rawValue,
                        [
                            "name": .text(capitalized(r(line.toeslag.name))),
                            "monthly": summary.line(l.id),
                        ]))
            }
        }
        for (prov, e) in summary.current.provisions {
            if let l = periodLine(.provision(prov.id)) {
                // A waived tax is not money paid out: say what it saves, not "you get it once a year".
                let waiver =
                    prov.kind == .kwijtschelding && l.period.rawValue == "jaar"
                    ? ".kwijtschelding" : ""
                notes.append(
                    t(
                        "samenvatting.amount.note." + l.period.rawValue + waiver,
                        [
                            "name": .text(localizer.name(prov.name)),
                            "monthly": summary.line(l.id),
                        ]))
            }
            if let m = e.partialWaiverMessage { notes.append(r(m)) }
        }
        return notes.isEmpty ? [] : [.paragraph(notes.joined(separator: " "))]
    }

    /// The first month's amounts, each with its sources (marks only where the sources are printed).
    func currentTable(withMarks: Bool = true) -> SummaryBlock {
        func marks(_ ids: String...) -> String { withMarks ? self.marks(ids) : "" }
        let s = summary
        let p = s.current.projection
        let lineID = Projection.Line.self
        var rows: [[String]] = []
        if s.works {
            rows.append([
                t(p.jobs.count > 1 ? "samenvatting.row.netJobs" : "samenvatting.row.net")
                    + marks(lineID.net), shown(.projection(lineID.net)),
            ])
            // Several jobs: each employer's part under the line that sums them.
            if p.jobs.count > 1 {
                for j in p.jobs {
                    rows.append([
                        "  " + t("samenvatting.row.netJob", ["number": .number(j.number)]),
                        shown(.job(j.number, lineID.net)),
                    ])
                }
            }
        }
        if p.topUp > .zero || s.works {
            rows.append([
                t("samenvatting.row.topUpPaid")
                    + marks(lineID.norm, lineID.exemption, lineID.topUp),
                shown(.projection(lineID.topUpPaid)),
            ])
        }
        if p.amount(lineID.other) > .zero {
            rows.append([t("samenvatting.row.other"), shown(.projection(lineID.other))])
        }
        for line in s.current.toeslagen where line.toeslag != .kinderopvangtoeslag {
            let name =
                capitalized(r(line.toeslag.name))
                + marks("toetsingsinkomen", TotalSweeper.key(line.toeslag))
            switch line.result {
            case .success:
                rows.append([
                    name, paidAmount(.toeslag(line.toeslag.rawValue)),
                ])
            case .failure: rows.append([name, t("samenvatting.notKnown")])
            }
        }
        // A provision with an amount per month, as every view shows it (ProvisionShown).
        for (prov, e) in s.current.provisions {
            guard case .amount(let m) = ProvisionShown.of(e), m > .zero else { continue }
            rows.append([
                (localizer.name(prov.name))
                    + marks(TotalSweeper.key(prov)),
                paidAmount(.provision(prov.id)),
            ])
        }
        if p.amount(lineID.saved) > .zero {
            rows.append([
                t("samenvatting.row.saved") + marks(lineID.holidayPay, lineID.reserved),
                shown(.projection(lineID.saved)),
            ])
        }
        rows.append([t("samenvatting.row.total"), shown(.totalIncome)])
        if s.current.workCosts > .zero {
            rows.append([t("samenvatting.row.workCosts"), shown(.workCosts)])
        }
        rows.append([t("samenvatting.row.keep"), shown(.keep)])
        if s.works { rows.append([t("samenvatting.row.gain"), shown(.gain)]) }
        return .table(
            caption: t("samenvatting.table.current", ["month": .month(s.request.base.month)]),
            headers: [t("samenvatting.col.what"), t("samenvatting.col.amount")], rows: rows)
    }

    func monthsTable() -> SummaryBlock {
        let lineID = Projection.Line.self
        let headers = [
            t("samenvatting.col.month"), t("samenvatting.col.wage"), t("samenvatting.col.topUp"),
            t("samenvatting.col.toeslagen"),
            t("samenvatting.col.total"), t("samenvatting.col.keep"),
        ]
        let unknown = t("samenvatting.notKnown")
        let rows = summary.months.map { m -> [String] in
            let name = capitalized(f.month(m.month))
            guard m.total != nil else {
                return [name, unknown, unknown, unknown, unknown, unknown]
            }
            func line(_ id: LineID) -> String { m.incomplete ? unknown : text.shown(id, in: m) }
            return [
                name, text.shown(.projection(lineID.net), in: m),
                text.shown(.projection(lineID.topUpPaid), in: m), line(.toeslagenAndProvisions),
                line(.totalIncome), line(.keep),
            ]
        }
        return .table(caption: t("samenvatting.table.months"), headers: headers, rows: rows)
    }

    func municipalityHelp() -> String {
        let s = summary
        let p = s.current.projection
        var parts: [String] = []
        if p.topUp > .zero {
            parts.append(
                t("samenvatting.help.topUp", ["amount": s.line(.projection(Projection.Line.topUp))])
            )
        }
        if case .applies(_, let amount, _) = p.exemption, amount > .zero {
            parts.append(
                t(
                    "samenvatting.help.exemption",
                    ["amount": s.line(.projection(Projection.Line.exemption))]))
        }
        if p.amount(Projection.Line.reserved) > .zero {
            parts.append(
                t(
                    "samenvatting.help.reserved",
                    ["amount": s.line(.projection(Projection.Line.reserved))]))
        }
        let names = s.current.provisions.filter {
            if case .eligible = $0.evaluation.outcome { return true }
            return false
        }
        .map { localizer.name($0.provision.name) }
        if !names.isEmpty {
            parts.append(
                t("samenvatting.help.provisions", ["names": .text(names.joined(separator: ", "))]))
        }
        parts.append(t("samenvatting.help.questions"))
        return parts.joined(separator: " ")
    }

    func contact() -> SummaryBlock {
        let req = summary.request
        if let c = req.contact {
            let text =
                c.reach.map {
                    t(
                        "samenvatting.contact.withReach",
                        ["name": .text(c.name), "reach": .text($0)])
                } ?? t("samenvatting.contact.name", ["name": .text(c.name)])
            return .contact(name: c.name, reach: c.reach, photo: c.photoDataURI, text: text)
        }
        return .paragraph(
            t("samenvatting.contact.unknown", ["municipality": .text(req.municipality.name)]))
    }

    /// The sources: the law and official pages as "Bronnen", news and other sites apart as
    /// background reading (the kind comes from the data, ``SourceKind``).
    func footnoteBlocks(lawAddresses: Bool = true) -> [SummaryBlock] {
        let official = summary.footnotes.filter { $0.kind.isOfficial }
        let background = summary.footnotes.filter { !$0.kind.isOfficial }
        var b: [SummaryBlock] = [
            .footnotes(
                title: t("samenvatting.section.sources"),
                items: footnoteItems(official, lawAddresses: lawAddresses))
        ]
        if !background.isEmpty {
            b.append(
                .footnotes(
                    title: t("samenvatting.section.background"), items: footnoteItems(background)))
        }
        return b
    }

    func footnoteItems(_ notes: [Footnote], lawAddresses: Bool = true) -> [String] {
        notes.map { n in
            var s = "[\(n.number)] " + n.text
            if let u = n.url, lawAddresses || n.kind != .law { s += " <" + u + ">" }
            if n.toVerify { s += " " + t("samenvatting.toVerify") }
            return s
        }
    }

    func capitalized(_ s: String) -> String { s.capitalizedFirst }

    /// Adds the one-line explanation of each jargon word after the first block that uses it (client version).
    func withExplanations(_ blocks: [SummaryBlock]) -> [SummaryBlock] {
        guard let language else { return withGlossary(blocks) }
        let texts = blocks.map(plainText)
        let extra = PlainLanguage.explanations(for: texts, language: language)
        var result: [SummaryBlock] = []
        for (i, block) in blocks.enumerated() {
            result.append(block)
            if !extra[i].isEmpty { result.append(.paragraph(extra[i].joined(separator: " "))) }
        }
        return result
    }

    /// The Dutch words a translation keeps, each explained once at its first use in this summary
    /// (issue 24): in a sentence right after the word, "aanvulling (…)"; after a heading, a table
    /// or a chart, whose labels stay short, in a line under it ("aanvulling: …").
    func withGlossary(_ blocks: [SummaryBlock]) -> [SummaryBlock] {
        let glossary = localizer.glossary
        guard !glossary.isEmpty else { return blocks }
        let notes = GlossaryAnnotator(glossary)
        var result: [SummaryBlock] = []
        for block in blocks {
            switch block {
            case .paragraph(let p): result.append(.paragraph(notes.annotate(p)))
            case .list(let items): result.append(.list(items.map(notes.annotate)))
            case .contact(let name, let reach, let photo, let text):
                result.append(
                    .contact(name: name, reach: reach, photo: photo, text: notes.annotate(text)))
            case .heading, .table, .chart:
                result.append(block)
                let taken = notes.take(plainText(block))
                if !taken.isEmpty {
                    result.append(
                        .paragraph(
                            taken.map { capitalized($0.term) + ": " + $0.explanation + "." }
                                .joined(separator: " ")))
                }
            case .footnotes, .pageBreak: result.append(block)
            }
        }
        return result
    }

    func plainText(_ b: SummaryBlock) -> String {
        switch b {
        case .heading(_, let s), .paragraph(let s): return s
        case .list(let items): return items.joined(separator: "\n")
        case .table(let c, let h, let rows):
            return ([c] + h + rows.flatMap { $0 }).joined(separator: "\n")
        case .chart(let c): return ([c.title, c.description] + c.textLines).joined(separator: "\n")
        case .contact(_, _, _, let text): return text
        case .footnotes, .pageBreak: return ""
        }
    }

    // MARK: Caseworker

    func caseworkerBlocks() -> [SummaryBlock] {
        let s = summary
        let p = s.current.projection
        let req = s.request
        let lineID = Projection.Line.self
        var b: [SummaryBlock] = [.heading(level: 1, text: title), .paragraph(situation())]
        // The computation with its legal references.
        var rows: [[String]] = []
        func ref(_ id: String) -> String {
            guard let line = p.line(id) else { return "" }
            var seen: [String] = []
            for st in line.steps {
                if let r = st.reference?.description, !seen.contains(r) { seen.append(r) }
            }
            return seen.joined(separator: "; ")
        }
        for id in [
            lineID.norm, lineID.gross, lineID.tax, lineID.net, lineID.holidayPay, lineID.exemption,
            lineID.counted, lineID.topUp,
            lineID.reserved, lineID.topUpPaid,
        ] {
            guard let line = p.line(id) else { continue }
            if id == lineID.holidayPay && line.amount == .zero && !s.works { continue }
            rows.append([
                t("watals.line." + id, labelArgs()), shown(.projection(id), deductionSign: false),
                ref(id),
            ])
        }
        rows.append([
            t("watals.line.toetsingsinkomen"), shown(.toetsingsinkomen),
            s.current.toetsingsinkomenStep.reference?.description ?? "",
        ])
        for line in s.current.toeslagen {
            let refs =
                (try? line.result.get().trace.compactMap { $0.step.reference?.description }) ?? []
            var uniq: [String] = []
            for x in refs where !uniq.contains(x) { uniq.append(x) }
            let value: String
            switch line.result {
            // Paid per quarter (kinderbijslag) reads per quarter, as in the client's table.
            case .success: value = paidAmount(.toeslag(line.toeslag.rawValue))
            case .failure: value = t("samenvatting.notKnown")
            }
            rows.append([capitalized(r(line.toeslag.name)), value, uniq.joined(separator: "; ")])
        }
        for (prov, e) in s.current.provisions {
            rows.append([
                prov.name.nl,
                provisionValue(e, prov.id),
                prov.source.title,
            ])
        }
        rows.append([t("samenvatting.row.keep"), shown(.keep), ""])
        if s.works { rows.append([t("samenvatting.row.gain"), shown(.gain), ""]) }
        b.append(
            .heading(
                level: 2, text: t("samenvatting.km.computation", ["month": .month(req.base.month)]))
        )
        b.append(
            .table(
                // The heading names the month; the caption says what the table holds.
                caption: t(
                    "samenvatting.km.computationCaption", ["month": .month(req.base.month)]),
                headers: [
                    t("samenvatting.col.what"), t("samenvatting.col.amount"),
                    t("samenvatting.col.reference"),
                ], rows: rows))
        // A kwijtschelding that waives part of the tax says how much, under the table.
        let partial = s.current.provisions.compactMap { $0.evaluation.partialWaiverMessage }
        if !partial.isEmpty { b.append(.paragraph(partial.map(r).joined(separator: " "))) }
        b.append(.heading(level: 2, text: t("samenvatting.section.months")))
        b.append(monthsTable())
        b.append(.heading(level: 2, text: t("samenvatting.km.methods")))
        var methods = req.municipality.methods.map { m in
            m.field + " = " + m.value + " — " + m.source
                + (m.toVerify ? " " + t("samenvatting.toVerify") : "")
        }
        if let d = PaymentDays.topUp(municipality: req.municipality.id) {
            methods.append(
                t(
                    "samenvatting.km.topUpDay",
                    ["day": .number(d.day), "last": .number(d.lastDay ?? d.day)]) + " — " + d.source
                    + (d.toVerify ? " " + t("samenvatting.toVerify") : ""))
        }
        methods.append(
            t("samenvatting.km.deadline") + ": "
                + (req.deadlineDay.map { t("samenvatting.km.deadlineDay", ["day": .number($0)]) }
                    ?? t("samenvatting.km.deadlineUnknown")))
        b.append(.list(methods))
        let risks = s.points.filter { $0.kind == .risk }.map { r($0.message) }
        let open = s.points.filter { $0.kind == .open }.map { r($0.message) }
        b.append(.heading(level: 2, text: t("samenvatting.km.risks")))
        b.append(risks.isEmpty ? .paragraph(t("samenvatting.km.noRisks")) : .list(risks))
        b.append(.heading(level: 2, text: t("samenvatting.km.open")))
        b.append(open.isEmpty ? .paragraph(t("samenvatting.km.noOpen")) : .list(open))
        b.append(.heading(level: 2, text: t("samenvatting.section.changes")))
        b.append(
            s.events.isEmpty
                ? .paragraph(t("samenvatting.changes.none")) : .list(s.events.map { r($0.message) })
        )
        b.append(.heading(level: 2, text: t("samenvatting.km.agreements")))
        b.append(.list(s.actions.map { r($0.message) }))
        if let c = req.contact {
            b.append(
                .paragraph(
                    t(
                        "samenvatting.km.contact",
                        ["name": .text(c.name), "reach": .text(c.reach ?? "—")])))
        }
        b.append(contentsOf: footnoteBlocks())
        return b
    }

    /// A provision's value as every view shows it (``ProvisionShown``): an amount, yes or no.
    func provisionValue(_ e: ProvisionEvaluation, _ id: String) -> String {
        switch ProvisionShown.of(e) {
        case .amount: return shown(.provision(id))
        case .yes: return t("watals.provision.yes")
        case .no: return t("watals.provision.no")
        }
    }

    func labelArgs() -> Message.Arguments {
        ProjectionRenderer.labelArgs(summary.current.projection)
    }
}
