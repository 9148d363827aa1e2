import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasSettlement
import KompasStore
import KompasSummary
import KompasSync

/// `kompas samenvatting` (summary): the rules, the numbers and the next steps on paper, for the
/// client (B1 Dutch, or English) or for the caseworker (compact, with articles); as text,
/// Markdown, printable HTML or an SVG chart, or its content as JSON (`--json`, SummaryJSON.swift).
///
/// Takes the household and work options of `watals`
/// (and the stored profile); every amount comes from the same engine calls as `watals`.
enum SamenvattingCommand {
    static let audience = FlagSpec(["--voor", "--for"], .value(placeholder: "klant|klantmanager"))
    static let format = FlagSpec(
        ["--formaat", "--format"], .value(placeholder: "tekst|markdown|html|svg"))
    static let output = FlagSpec(["--uitvoer", "-o", "--output"], .value(placeholder: "BESTAND"))
    static let noChart = FlagSpec(["--geen-grafiek", "--no-chart"])
    static let chart = FlagSpec(["--grafiek", "--chart"], .value(placeholder: "uren|kalender"))
    static let wageDay = FlagSpec(["--loondag", "--pay-day"], .value(placeholder: "N"))
    /// The (first) job's known pay date: a part of the situation (``SituationFlags/payDate``).
    static let payDate = SituationFlags.payDate
    static let rentDay = FlagSpec(["--huurdag", "--rent-day"], .value(placeholder: "N"))
    static let fixedCost = FlagSpec(
        ["--vaste-last", "--fixed-cost"], .repeated(placeholder: "NAAM:BEDRAG:DAG"))
    static let contactPerson = FlagSpec(
        ["--contactpersoon", "--contact-person"], .value(placeholder: "NAAM"))
    static let contact = FlagSpec(["--contact"], .value(placeholder: "TELEFOON-OF-EMAIL"))
    /// The printed client summary is one A4 page; with this a second page holds the sources and
    /// the pay calendar.
    static let appendix = FlagSpec(["--met-bijlage", "--with-appendix"])

    /// The summary's own flags that a profile may hold.
    static let profileFlags: [FlagSpec] = [contactPerson, contact, wageDay, payDate, rentDay]

    static var spec: CommandSpec {
        let watalsFlags = WatalsCommand.self
        return CommandSpec(
            names: ["samenvatting", "summary"], summary: "cmd.samenvatting.summary",
            flags: [
                watalsFlags.month, watalsFlags.household, watalsFlags.age, watalsFlags.partnerAge,
                watalsFlags.child, watalsFlags.costSharers, watalsFlags.aow, watalsFlags.medical,
                watalsFlags.noParentalSupport,
                watalsFlags.hours, watalsFlags.hourlyWage,
                watalsFlags.grossMonthly, watalsFlags.netMonthly, watalsFlags.frequency,
                watalsFlags.started, watalsFlags.travel, watalsFlags.childcare,
                watalsFlags.otherIncome, watalsFlags.withoutCredit,
                watalsFlags.rent, watalsFlags.serviceCosts, watalsFlags.careHours,
                watalsFlags.carePrice, watalsFlags.careKind, watalsFlags.assets,
                watalsFlags.advance,
                GlobalFlags.municipality,
            ] + SituationFlags.workHistory + [
                audience, format, output, noChart, chart, wageDay, payDate, rentDay, fixedCost,
                contactPerson, contact, appendix,
                ProfielCommand.noProfile,
            ] + StoreAccess.flags,
            run: { try run(ProfielCommand.merged($0)) })
    }

    enum Format: String { case tekst, markdown, html, svg }

    static func run(_ inv: Invocation) throws -> ExitCode {
        if let extra = inv.arguments.operands.first {
            throw UsageError.unexpectedOperand(extra, command: "samenvatting")
        }
        let audienceRaw = inv.arguments.value(audience) ?? "klant"
        guard let who = Audience(rawValue: audienceRaw) else {
            throw UsageError.invalidValue(
                flag: inv.flagName(audience), value: audienceRaw,
                expected: Message("samenvatting.expect.audience"))
        }
        let formatRaw = inv.arguments.value(format) ?? "tekst"
        guard let fmt = Format(rawValue: formatRaw) else {
            throw UsageError.invalidValue(
                flag: inv.flagName(format), value: formatRaw,
                expected: Message("samenvatting.expect.format")
            )
        }
        let chartRaw = inv.arguments.value(chart) ?? "uren"
        guard ["uren", "kalender"].contains(chartRaw) else {
            throw UsageError.invalidValue(
                flag: inv.flagName(chart), value: chartRaw,
                expected: Message("samenvatting.expect.chart"))
        }
        if inv.json && inv.arguments.has(format) {
            throw UsageError.conflicting("--json", "--formaat")
        }
        let municipality = try MunicipalityResolver.resolve(
            inv.arguments.value(GlobalFlags.municipality), context: inv.context)
        let situation = try WatalsCommand.situation(inv)
        let first = try inv.month(WatalsCommand.month) ?? inv.context.clock.now().calendarMonth
        let frequency = situation.projectionInput(month: first, policy: municipality.incomePolicy)
            .frequency
        let extras = try parseExtras(inv, frequency: frequency)
        let req = SummaryRequest(
            situation: situation, first: first, municipality: municipality, audience: who,
            pay: extras.pay, rentDay: extras.rentDay, fixedCosts: extras.fixed,
            contact: extras.contact, storedPayslips: extras.storedPayslips)
        // One evaluation of the months shown; the summary renders it.
        var options = req.evaluationOptions(situation)
        // Saved payslips tell the jobs' pay dates (the months with an extra payslip).
        options.storedPayslips = extras.payslips
        let result = try Engine.evaluate(
            situation, months: req.shownMonths, municipality: municipality,
            options: options)
        let summary = try SummaryBuilder.build(req, result: result)
        let width = inv.arguments.has(output) ? 80 : max(30, min(inv.context.terminal.width, 100))
        let builder = SummaryDocumentBuilder(
            summary: summary, localizer: inv.context.localizer, terminalWidth: width)
        let text: String
        if inv.json {
            // The summary's content in the one JSON shape (SummaryJSON.swift).
            text =
                JSONOutput.string(
                    SummaryJSON(
                        builder: builder, result: result, municipality: municipality, inv: inv
                    ).object()) + "\n"
        } else {
            text = try rendered(
                fmt, chart: chartRaw, summary: summary, builder: builder, audience: who, inv,
                width: width)
        }
        if let path = inv.arguments.value(output) {
            try write(text, to: path, inv)
            inv.err.print(inv.t("samenvatting.written", ["file": .text(path)]))
            inv.err.print(inv.t("samenvatting.writtenPrivate"))
        } else {
            // JSON, Markdown, HTML and SVG are documents: printed byte for byte, never wrapped.
            // The text carries its own glossary explanations (one summary, one explanation each).
            (fmt == .tekst && !inv.json ? inv.out.unannotated : inv.out.unformatted).print(
                text, terminator: "")
            if fmt == .tekst, !inv.json, inv.context.localizer.language.isRightToLeft,
                !inv.context.inGuide
            {
                // Issue 24: a terminal shows Arabic in logical order, often left to right; the
                // printed summary is set right to left.
                inv.err.print(
                    inv.t(
                        "samenvatting.rtl.printHint",
                        [
                            "command": .text(
                                "kompas samenvatting --formaat html --uitvoer samenvatting.html")
                        ]))
            }
        }
        return .ok
    }

    /// The summary in a format: text, Markdown, HTML or an SVG chart.
    static func rendered(
        _ fmt: Format, chart chartRaw: String, summary: Summary, builder: SummaryDocumentBuilder,
        audience who: Audience, _ inv: Invocation, width: Int
    ) throws -> String {
        let text: String
        switch fmt {
        case .tekst:
            text = SummaryTextWriter(width: width, charts: !inv.arguments.has(noChart)).write(
                builder.blocks())
        case .markdown: text = SummaryMarkdownWriter().write(builder.blocks())
        case .html:
            // The client's printed summary is the one-page selection; the caseworker's is complete.
            text = SummaryHTMLWriter(
                language: inv.context.localizer.language.rawValue, title: builder.title,
                rightToLeft: inv.context.localizer.language.isRightToLeft,
                compact: inv.context.localizer.language.isTranslation
            ).write(
                who == .klant
                    ? builder.printBlocks(appendix: inv.arguments.has(appendix)) : builder.blocks())
        case .svg:
            let charts = SummaryCharts(
                summary: summary, localizer: inv.context.localizer, width: width)
            if chartRaw == "kalender" {
                text = charts.calendarChart().svg + "\n"
            } else if let c = charts.hoursChart() {
                text = c.svg + "\n"
            } else {
                throw UserError(.usage, Message("samenvatting.error.noHoursChart"))
            }
        }
        return text
    }

    /// What the store adds to a summary, read with one opening of the store: the contact person
    /// named in the newest synced message from the klantmanager (`afzender`, `bereikbaar`), and the
    /// saved payslips (their pay dates show the months with an extra payday).
    ///
    /// Only when the store
    /// exists and can be opened without asking (or on a terminal); otherwise nothing.
    struct StoredFacts {
        var contact: ContactPerson?
        var payslips: [Payslip]
    }

    static func storedFacts(_ inv: Invocation) throws -> StoredFacts {
        let none = StoredFacts(contact: nil, payslips: [])
        guard !inv.arguments.has(ProfielCommand.noProfile),
            let store = try StoreAccess.openIfAvailable(inv)
        else { return none }
        let known: [KnownObject] = try store.all(KnownObject.self, in: .syncobject).map(\.value)
        var newest: KnownObject?
        for o in known where o.type == .bericht {
            let fromManager: Bool = o.data["van"] == JSONValue.string("klantmanager")
            guard fromManager, o.data["afzender"]?.stringValue != nil else { continue }
            if newest.map({ o.registrationAt > $0.registrationAt }) ?? true { newest = o }
        }
        let contact = newest.flatMap { n in
            n.data["afzender"]?.stringValue.map {
                ContactPerson(name: $0, reach: n.data["bereikbaar"]?.stringValue)
            }
        }
        return StoredFacts(
            contact: contact, payslips: try store.all(Payslip.self, in: .loonstrook).map(\.value))
    }

    struct Extras {
        var pay: PaySchedule
        var rentDay: Int
        var fixed: [FixedCost]
        /// Payslips saved in the store (read with the contact person; 0 when not read).
        var storedPayslips = 0
        var contact: ContactPerson?
        /// The saved payslips (for the jobs' pay dates; empty when not read).
        var payslips: [Payslip] = []
    }

    /// The summary's own flags: pay days, rent day, fixed costs, contact person.
    static func parseExtras(_ inv: Invocation, frequency: PayFrequency) throws -> Extras {
        let day = try inv.integer(wageDay, range: 1...31)
        var date: LocalDate?
        if let raw = inv.arguments.value(payDate) {
            guard let d = LocalDate.parse(raw) else {
                throw UsageError.invalidValue(
                    flag: inv.flagName(payDate), value: raw, expected: Message("expect.date"))
            }
            date = d
        }
        if day != nil && date != nil {
            throw UsageError.conflicting(inv.flagName(wageDay), inv.flagName(payDate))
        }
        let fixed = try inv.arguments.values(fixedCost).map { raw -> FixedCost in
            let parts = raw.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty,
                let m = Money.parse(parts[1]), m >= .zero,
                let d = Int(parts[2]), (1...31).contains(d)
            else {
                throw UsageError.invalidValue(
                    flag: inv.flagName(fixedCost), value: raw,
                    expected: Message("samenvatting.expect.fixedCost"))
            }
            return FixedCost(name: parts[0].trimmingCharacters(in: .whitespaces), amount: m, day: d)
        }
        if inv.arguments.has(contact) && !inv.arguments.has(contactPerson) {
            throw UsageError.missingFlag(flag: inv.flagName(contactPerson))
        }
        let needStore = !inv.arguments.has(contactPerson) || (date == nil && frequency != .maand)
        let stored =
            needStore
            ? ((try? storedFacts(inv)) ?? StoredFacts(contact: nil, payslips: []))
            : StoredFacts(contact: nil, payslips: [])
        let person =
            inv.arguments.value(contactPerson).map {
                ContactPerson(name: $0, reach: inv.arguments.value(contact))
            } ?? stored.contact
        if date == nil {
            date = PaySchedule.knownPayDate(frequency: frequency, payslips: stored.payslips)
        }
        return Extras(
            pay: PaySchedule(frequency: frequency, wageDay: day, knownPayDate: date),
            rentDay: try inv.integer(rentDay, range: 1...31) ?? 1,
            fixed: fixed, storedPayslips: stored.payslips.count, contact: person,
            payslips: stored.payslips)
    }

    /// Writes atomically (a temporary file, then a rename over the target), so a reader never
    /// sees half a summary and a failed write leaves an existing file as it was; the file holds
    /// personal data and is not encrypted, so it is created 0600 (``PrivateFile``).
    ///
    /// `-o`
    /// replaces an existing file, like every `-o` option.
    static func write(_ text: String, to path: String, _ inv: Invocation) throws {
        let url = URL(fileURLWithPath: path, relativeTo: inv.context.workingDirectory)
            .standardizedFileURL
        do {
            try PrivateFile.write(Data(text.utf8), to: url)
        } catch {
            throw UserError(.ioError, Message("samenvatting.error.write", ["file": .text(path)]))
        }
    }
}
