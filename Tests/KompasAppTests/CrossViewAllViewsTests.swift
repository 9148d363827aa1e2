import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasMunicipality
import KompasSettlement
import Testing

@testable import KompasApp

/// Every view of issue 15 shows the engine's result: the summary in Markdown, HTML (its table
/// rows, both registers) and `--json`, `verrekening` (text and JSON, with payslips in a real
/// store, a month with a payslip and a month waiting for one), `uren`, `status`, the caseload's
/// rows, and the exemption story (when it ends or changes, to what) told the same in each.
///
/// The situations come from ``CrossViewTests/cases(count:seed:)`` (extend the generator there
/// and every check here runs over the new situations too). Each failure names the view, the
/// month and the amount.
@Suite struct CrossViewAllViewsTests {
    typealias Cross = CrossViewTests
    static let today = "2026-12-01"

    /// A generated case with its situation and the summary's six-month evaluation.
    struct Evaluated {
        var c: Cross.Case
        var situation: Situation
        var six: CaseResult
        var month: [String] { ["--maand", c.month.description] }
    }

    static func evaluated(count: Int, seed: UInt64 = 15) throws -> [Evaluated] {
        var out: [Evaluated] = []
        for c in Cross.cases(count: count, seed: seed) {
            let municipality = try Cross.municipality(c)
            let parsed = try ArgumentParser(table: .standard).parse(["watals"] + c.args)
            let situation = try SituationReader.read(SituationFlags.values(parsed))
            var options = EvaluationOptions()
            if case .hourly(let h, _)? = situation.job?.pay {
                options.sweep = (0, max(4_000, ((h + 399) / 400) * 400), 400)
            }
            // A month whose figures are not known is refused by every view (CrossViewTests).
            guard
                let six = try? Engine.evaluate(
                    situation, months: (0..<6).map { c.month.advanced(by: $0) },
                    municipality: municipality, options: options)
            else { continue }
            out.append(Evaluated(c: c, situation: situation, six: six))
        }
        return out
    }

    /// What the views print for one case, run once and shared by the tests that read it (the
    /// machine is shared: each view runs once per case, not once per test).
    struct Shown {
        var e: Evaluated
        var outputs: [String: AppRun]
        func out(_ view: String) -> String { outputs[view]?.out ?? "" }
    }

    /// The views of the summary and `watals` per generated case, by name.
    static let views: [(String, [String])] = [
        ("watals", ["watals"]), ("watals --json", ["watals", "--json"]),
        ("samenvatting", ["samenvatting"]),
        ("samenvatting klantmanager", ["samenvatting", "--voor", "klantmanager"]),
        ("samenvatting markdown", ["samenvatting", "--formaat", "markdown"]),
        ("samenvatting html", ["samenvatting", "--formaat", "html"]),
        (
            "samenvatting html klantmanager",
            ["samenvatting", "--formaat", "html", "--voor", "klantmanager"]
        ),
        ("samenvatting --json --voor klant", ["samenvatting", "--json", "--voor", "klant"]),
        (
            "samenvatting --json --voor klantmanager",
            ["samenvatting", "--json", "--voor", "klantmanager"]
        ),
    ]

    /// The 40 generated cases, evaluated and shown once (lazily, by the first test that asks).
    static let shown: [Shown] = {
        ((try? evaluated(count: 40)) ?? []).map { e in
            var outputs: [String: AppRun] = [:]
            for (name, args) in views {
                outputs[name] = runKompas(args + e.month + e.c.args, today: today)
            }
            return Shown(e: e, outputs: outputs)
        }
    }()

    // MARK: Text helpers

    /// Markdown table rows as plain lines ("| December 2026 | € 1,00 |" → "December 2026 € 1,00").
    static func markdownRows(_ text: String) -> String {
        text.split(separator: "\n").filter { $0.hasPrefix("|") }.map {
            $0.replacingOccurrences(of: "|", with: " ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// The text of a piece of HTML: tags become spaces, entities for spaces are spaces.
    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" {
                inTag = true
                out.append(" ")
            } else if ch == ">" {
                inTag = false
            } else if !inTag {
                out.append(ch)
            }
        }
        return normalized(
            out.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(
                of: "&#160;", with: " "
            ).replacingOccurrences(of: "&amp;", with: "&"))
    }

    /// Each `<tr>` of an HTML document as one plain line.
    static func htmlRows(_ html: String) -> String {
        var out: [String] = []
        var rest = Substring(html)
        while let a = rest.range(of: "<tr"), let b = rest[a.upperBound...].range(of: "</tr>") {
            out.append(stripTags(String(rest[a.lowerBound..<b.upperBound])))
            rest = rest[b.upperBound...]
        }
        return out.joined(separator: "\n")
    }

    /// Whitespace (line wrapping, indentation, no-break spaces) as single spaces.
    static func normalized(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Every integer under a key ending in `_centen` (nested objects and lists included), with
    /// its path.
    static func cents(_ v: Any, path: String = "") -> [(String, Int64)] {
        if let o = v as? [String: Any] {
            return o.keys.sorted().flatMap { k -> [(String, Int64)] in
                let p = path.isEmpty ? k : path + "." + k
                if k.hasSuffix("_centen"), let n = o[k] as? Int { return [(p, Int64(n))] }
                if k.hasSuffix("_centen"), let d = o[k] as? [String: Any] {
                    return d.keys.sorted().compactMap { dk in
                        (d[dk] as? Int).map { (p + "." + dk, Int64($0)) }
                    }
                }
                return cents(o[k] as Any, path: p)
            }
        }
        if let a = v as? [Any] {
            return a.enumerated().flatMap { cents($1, path: path + "[\($0)]") }
        }
        return []
    }

    /// The failures, at most three per view (the words before the first colon), so a broken
    /// view is named even when another view fails many times.
    static func report(_ failures: [String]) -> String {
        var order: [String] = []
        var byView: [String: [String]] = [:]
        for f in failures {
            // The view's name: the words before its month (or before the colon).
            let view = String(f.prefix { $0 != ":" && !$0.isNumber })
            if byView[view] == nil { order.append(view) }
            byView[view, default: []].append(f)
        }
        return order.map { v in
            let all = byView[v] ?? []
            return (all.prefix(3) + (all.count > 3 ? ["… \(all.count - 3) more for \(v)"] : []))
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    // MARK: The summary in every format

    /// The summary in Markdown, HTML (its table rows, client and klantmanager) and `--json`
    /// shows the lines of its months; its `maand_resultaat` is `watals --json`'s, byte for byte.
    @Test(.timeLimit(.minutes(5))) func theSummaryInEveryFormatShowsTheLinesOfItsMonths()
        throws
    {
        var failures: [String] = []
        var rowsChecked = 0
        var checked = 0
        for shown in Self.shown {
            let e = shown.e
            let c = e.c
            let allowed = Cross.allowed(e.six)
            let markdown = shown.out("samenvatting markdown")
            let htmlClient = shown.out("samenvatting html")
            let htmlManager = shown.out("samenvatting html klantmanager")
            for (name, text) in [
                ("samenvatting markdown", markdown),
                ("samenvatting html klantmanager", htmlManager),
            ] {
                #expect(!text.isEmpty, "\(name) printed nothing for \(c)")
                for a in Cross.amounts(text) where !allowed.contains(a) {
                    failures.append("\(name): € \(Money(cents: a)) is not a result line — \(c)")
                }
            }
            for (name, rows) in [
                ("samenvatting markdown", Self.markdownRows(markdown)),
                ("samenvatting html", Self.htmlRows(htmlClient)),
                ("samenvatting html klantmanager", Self.htmlRows(htmlManager)),
            ] {
                let (n, wrong) = Cross.rowFailures(rows, e.six)
                rowsChecked += n
                failures += wrong.map { "\(name): \($0) — \(c)" }
            }
            // The JSON: its month object is watals' own, and every amount is a line.
            let watals = Self.json(shown.out("watals --json"))
            for who in ["klant", "klantmanager"] {
                let name = "samenvatting --json --voor \(who)"
                let r = try #require(shown.outputs[name])
                guard r.code == 0, let o = Self.json(r.out) else {
                    failures.append("\(name): exit \(r.code) \(r.err) — \(c)")
                    continue
                }
                if let w = watals?["maand_resultaat"], let s = o["maand_resultaat"] {
                    if JSONOutput.string(w) != JSONOutput.string(s) {
                        failures.append(
                            "\(name): maand_resultaat of \(c.month) differs from watals --json — \(c)"
                        )
                    }
                } else {
                    failures.append("\(name): no maand_resultaat for \(c.month) — \(c)")
                }
                for (path, v) in Self.cents(o) where v != 0 && !allowed.contains(abs(v)) {
                    failures.append(
                        "\(name): € \(Money(cents: v)) at \(path) is not a result line — \(c)")
                }
                // Each month's object holds that month's own lines.
                let months = o["maanden"] as? [[String: Any]] ?? []
                if months.count != e.six.months.count {
                    failures.append("\(name): \(months.count) months, not 6 — \(c)")
                }
                for (m, mr) in zip(e.six.months, months) {
                    let obj = mr["maand_resultaat"] as? [String: Any] ?? [:]
                    let own = Set(m.lines.map { abs($0.amount.cents) })
                    if obj["maand"] as? String != m.month.description {
                        failures.append("\(name): month \(m.month) is missing — \(c)")
                    }
                    for (path, v) in Self.cents(obj) where !own.contains(abs(v)) {
                        failures.append(
                            "\(name): month \(m.month): € \(Money(cents: v)) at \(path) is not a line of \(m.month) — \(c)"
                        )
                    }
                }
                rowsChecked += months.count
            }
            checked += 1
        }
        #expect(checked >= 10, "too few computable situations: \(checked)")
        #expect(rowsChecked >= checked * 24, "month rows not found: \(rowsChecked)")
        #expect(failures.isEmpty, "\(Self.report(failures))")
    }

    // MARK: The exemption story

    /// When the exemption ends or changes, and to what, is told the same in every view: the
    /// engine's events, in `watals` (text and JSON), the summary (text, Markdown, HTML, JSON;
    /// the klantmanager register in its own words), and the schedule in the summary's JSON.
    @Test(.timeLimit(.minutes(5))) func theExemptionStoryIsTheSameInEveryView() throws {
        var failures: [String] = []
        var told = 0
        for shown in Self.shown {
            let e = shown.e
            let c = e.c
            let nl = OneTruthTests.nl()
            let client = e.six.exemptionEvents.map { Self.normalized(nl.render($0.message)) }
            let manager = e.six.exemptionEvents.map { ev -> String in
                var m = ev.message
                if nl.has(m.key + ".km") { m.key += ".km" }
                return Self.normalized(nl.render(m))
            }
            let watalsJSON = Self.json(shown.out("watals --json"))
            let jsonEvents = (watalsJSON?["gebeurtenissen"] as? [[String: Any]] ?? []).filter {
                $0["soort"] as? String != CaseEvent.Kind.holidayReservePaid.rawValue
            }.compactMap { $0["tekst"] as? String }.map(Self.normalized)
            if jsonEvents != client {
                failures.append(
                    "watals --json: events \(jsonEvents) are not the engine's \(client) — \(c)")
            }
            let views: [(String, String, [String])] = [
                ("watals", Self.normalized(shown.out("watals")), client),
                ("samenvatting", Self.normalized(shown.out("samenvatting")), client),
                (
                    "samenvatting markdown",
                    Self.normalized(shown.out("samenvatting markdown")), client
                ),
                ("samenvatting html", Self.stripTags(shown.out("samenvatting html")), client),
                (
                    "samenvatting html klantmanager",
                    Self.stripTags(shown.out("samenvatting html klantmanager")), manager
                ),
                (
                    "samenvatting klantmanager",
                    Self.normalized(shown.out("samenvatting klantmanager")), manager
                ),
            ]
            for (name, text, sentences) in views {
                for s in sentences where !text.contains(s) {
                    failures.append("\(name): does not tell \"\(s)\" — \(c)")
                }
            }
            for (who, sentences) in [("klant", client), ("klantmanager", manager)] {
                let o = Self.json(shown.out("samenvatting --json --voor \(who)"))
                let ex = o?["vrijlating"] as? [String: Any] ?? [:]
                let texts = (ex["gebeurtenissen"] as? [[String: Any]] ?? []).compactMap {
                    $0["tekst"] as? String
                }.map(Self.normalized)
                if texts != sentences {
                    failures.append(
                        "samenvatting --json --voor \(who): events \(texts) are not \(sentences) — \(c)"
                    )
                }
                let periods = (ex["perioden"] as? [[String: Any]] ?? []).map {
                    "\($0["van"] ?? "")…\($0["tot_en_met"] ?? ""):\($0["soort"] ?? "")"
                        + ":\($0["bedrag_centen"] ?? "")"
                }
                let engine = e.six.exemption.periods.map {
                    "\($0.from)…\($0.through):\($0.kind?.rawValue ?? "<null>"):\($0.amount.cents)"
                }
                if periods != engine {
                    failures.append(
                        "samenvatting --json --voor \(who): schedule \(periods) is not \(engine) — \(c)"
                    )
                }
            }
            told += client.count
        }
        #expect(told >= 5, "too few exemption events told: \(told)")
        #expect(failures.isEmpty, "\(Self.report(failures))")
    }

    /// The generator reaches the months issue 15's extra-payday cases are for.
    ///
    /// A month that counts two four-weekly payslips, a month that counts one by pay date, a month
    /// kept at the average and marked because the pay date is not known, and a month of working
    /// days (else the views above never show them).
    @Test func theCasesIncludeMonthsWithTwoPaydaysAndUnknownPayDates() throws {
        var bases: [MonthShare.Basis] = []
        for e in Self.shown.map(\.e) {
            for m in e.six.months {
                bases += m.projection?.jobs.map(\.share.basis) ?? []
            }
        }
        #expect(bases.contains(.payslips(2)))
        #expect(bases.contains(.payslips(1)))
        #expect(bases.contains(.averagePayDatesUnknown))
        #expect(bases.contains { if case .workingDays = $0 { return true } else { return false } })
    }

    /// The guide's first-run transcripts tell the exemption story of the engine for the
    /// guide's situation, sentence for sentence.
    @Test func theGuideTellsTheEnginesExemptionStory() throws {
        let municipality = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        let parsed = try ArgumentParser(table: .standard).parse([
            "watals", "--huishouden", "alleenstaande", "--leeftijd", "34", "--huur", "650",
            "--uren", "16", "--uurloon", "14,71", "--gestart", "2026-03",
        ])
        let situation = try SituationReader.read(SituationFlags.values(parsed))
        let r = try Engine.evaluate(
            situation, months: [CalendarMonth(index: 2026 * 12 + 2)], municipality: municipality)
        #expect(!r.exemptionEvents.isEmpty)
        let catalog = try LocaleCatalog.load(
            from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales"))
        for language in [Language.nl, .en] {
            let l = Localizer(language: language, catalog: catalog)
            let text = Self.normalized(
                try String(
                    contentsOf: LocaleCatalog.repositoryRoot.appendingPathComponent(
                        "Fixtures/gids/eerste-keer.\(language.rawValue).txt"), encoding: .utf8))
            for ev in r.exemptionEvents {
                let s = Self.normalized(l.render(ev.message))
                #expect(text.contains(s), "guide \(language.rawValue): does not tell \"\(s)\"")
            }
        }
    }

    // MARK: Settlement, hours and status, through a real store

    /// A store with the case's profile and monthly payslips for the three months before the
    /// case's month (the net and gross the engine projects for each).
    static func store(
        _ e: Evaluated, dir: URL, municipality: MunicipalityFile, today: String
    ) throws -> (env: [String: String], payslips: [Payslip]) {
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let set = runKompas(
            ["profiel", "instellen"] + e.c.args.filter { $0 != "--zonder-profiel" }, today: today,
            environment: env)
        #expect(set.code == 0, "profiel: \(set.err) — \(e.c)")
        let start = e.situation.workStarted ?? e.c.month
        let months = (1...3).map { e.c.month.advanced(by: -$0) }.filter { $0 >= start }.reversed()
        var slips: [Payslip] = []
        let r = try Engine.evaluate(
            e.situation, months: Array(months), municipality: municipality)
        for m in r.months {
            guard let p = m.projection else { continue }
            let net = p.amount(Projection.Line.net)
            let gross = p.amount(Projection.Line.gross)
            guard net > .zero else { continue }
            let f = OneTruthTests.nl().format
            let add = runKompas(
                [
                    "loonstrook", "toevoegen", "--betaaldatum", m.month.day(25).description,
                    "--periode-van", m.month.firstDay.description, "--periode-tot",
                    m.month.lastDay.description, "--netto", f.plainAmount(net), "--bruto",
                    f.plainAmount(gross), "--werkgever", "Werk",
                ], today: today, environment: env)
            #expect(add.code == 0, "loonstrook \(m.month): \(add.err) — \(e.c)")
            slips.append(
                Payslip(
                    employer: "Werk", payDate: m.month.day(25), periodStart: m.month.firstDay,
                    periodEnd: m.month.lastDay, gross: gross, net: net))
        }
        return (env, slips)
    }

    /// Every amount a settlement may show: its lines (and what they expect), the parts of each
    /// payslip, the differences carried in, the recovery, the year reconciliations, the
    /// forecast, and the amounts the engine put in its own sentences.
    static func settlementAllowed(_ r: CaseResult) -> Set<Int64> {
        var s = Cross.allowed(r)
        guard let p = r.settlement else { return s }
        func add(_ m: Money) { s.insert(abs(m.cents)) }
        func add(_ m: Message) { for (_, x) in Engine.moneyArguments(m) { add(x) } }
        for l in p.lines {
            add(l.amount)
            if case .awaitsPayslip(let x?) = l.shown { add(x) }
            for st in l.steps { add(st.message) }
        }
        for sh in p.shares {
            add(sh.amount)
            add(sh.step.message)
        }
        for u in p.uncounted {
            add(u.amount)
            add(.zero)
            add(u.step.message)
        }
        for c in p.carriedIn {
            add(c.amount)
            add(c.message)
        }
        if let b = p.bufferBudget { add(b.step.message) }
        if let rc = p.recovery {
            add(rc.total)
            add(rc.perMonth)
        }
        for y in p.reconciliations + (r.forecast?.reconciliations ?? []) {
            add(y.paid)
            add(y.counted)
            add(y.difference)
        }
        for m in r.forecast?.months ?? [] {
            add(m.lowerTopUp)
            add(m.extraPay)
        }
        return s
    }

    /// The step rows of a `verrekening` text ("  Inkomen dat meetelt      € 871,13"): how many,
    /// and each row whose amount is not its own line's as the engine decided to show it (the
    /// amount, "verwacht" with the expected amount, or "nog niet bekend").
    static func settlementRowFailures(_ text: String, _ p: SettlementPreview) -> (Int, [String]) {
        let nl = OneTruthTests.nl()
        var labels: [String: SettlementLine] = [:]
        for line in p.lines { labels[nl.text("settle.line." + line.id)] = line }
        var rows = 0
        var wrong: [String] = []
        for raw in text.split(separator: "\n") {
            let parts = raw.replacingOccurrences(of: "\u{00A0}", with: " ").split(
                separator: "  ", omittingEmptySubsequences: true
            ).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard parts.count == 2 else { continue }
            let label = parts[0].hasSuffix(" *") ? String(parts[0].dropLast(2)) : parts[0]
            guard let line = labels[label] else { continue }
            rows += 1
            let shown = parts[1]
            switch line.shown {
            case .amount:
                let cents = Cross.amounts(shown)
                let sign = shown.hasPrefix("-") ? -1 : 1
                if cents.count != 1 || Int64(sign) * (cents.first ?? 0) != line.amount.cents {
                    wrong.append(
                        "row \(label) shows \(shown), the engine's line \(line.id) is € \(line.amount)"
                    )
                }
            case .awaitsPayslip(let e?):
                let want = nl.text("settle.amount.expected", ["amount": .money(e)])
                if shown != want {
                    wrong.append("row \(label) shows \(shown), the engine expects \(want)")
                }
            case .awaitsPayslip(nil):
                if shown != nl.text("settle.difference.unknown") {
                    wrong.append("row \(label) shows \(shown), the engine says it is not known")
                }
            }
        }
        return (rows, wrong)
    }

    /// `verrekening` (text and JSON) for a month with its payslip and for the month that waits
    /// for one, `uren` and `status`, with the payslips in a real store: every amount is the
    /// engine's, the waiting month's exemption line shows the schedule's amount as expected,
    /// and the month object is `watals --json`'s.
    @Test(.timeLimit(.minutes(6))) func settlementHoursAndStatusShowTheEnginesResult() throws {
        let municipality = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        var failures: [String] = []
        var checked = 0
        var waiting = 0
        var stepRows = 0
        // Settlement runs are slower (a store per case): the first computable cases up to 2026.
        let cases = Self.shown.map(\.e).filter {
            // From April 2025: the three months of payslips before it are 2025's.
            $0.c.month.year <= 2026 && $0.c.month >= CalendarMonth(index: 2025 * 12 + 3)
                && ($0.situation.workStarted ?? $0.c.month) < $0.c.month
                && !$0.c.args.contains("--gemeente")
        }.prefix(8)
        for e in cases {
            let c = e.c
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kompas-cross-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            // "Today" is the middle of the case's month: the month before has its payslip, the
            // case's month waits for one.
            let today = c.month.day(15)
            let (env, slips) = try Self.store(
                e, dir: dir, municipality: municipality, today: today.description)
            guard !slips.isEmpty else { continue }
            for m in [c.month.advanced(by: -1), c.month] {
                let args = ["--maand", m.description]
                let text = runKompas(
                    ["verrekening"] + args, today: today.description, environment: env)
                let json = runKompas(
                    ["verrekening", "--json"] + args, today: today.description, environment: env)
                guard text.code == 0, json.code == 0, let o = Self.json(json.out) else {
                    failures.append("verrekening \(m): exit \(text.code) \(text.err) — \(c)")
                    continue
                }
                let r = try Engine.evaluate(
                    e.situation, months: [m], municipality: municipality,
                    options: EvaluationOptions(
                        payslips: slips, settle: true,
                        forecastFrom: max(m, today.calendarMonth).advanced(by: 1)))
                let allowed = Self.settlementAllowed(r)
                for a in Cross.amounts(text.out) where !allowed.contains(a) {
                    failures.append(
                        "verrekening \(m): € \(Money(cents: a)) is not a result line — \(c)")
                }
                for (path, v) in Self.cents(o) where !allowed.contains(abs(v)) {
                    failures.append(
                        "verrekening --json \(m): € \(Money(cents: v)) at \(path) is not a result line — \(c)"
                    )
                }
                let p = try #require(r.settlement)
                let amounts = o["bedragen_centen"] as? [String: Any] ?? [:]
                for line in p.lines {
                    let shown = amounts[line.id]
                    switch line.shown {
                    case .amount:
                        if shown as? Int != Int(line.amount.cents) {
                            failures.append(
                                "verrekening --json \(m): \(line.id) is \(shown ?? "nothing"), the engine's line is € \(line.amount) — \(c)"
                            )
                        }
                    case .awaitsPayslip:
                        if !(shown is NSNull) {
                            failures.append(
                                "verrekening --json \(m): \(line.id) waits for the payslip but shows \(shown ?? "nothing") — \(c)"
                            )
                        }
                    }
                }
                // Each step row shows its own line: a row that shows another line's amount or
                // a sum of lines fails here even when that sum happens to be some other line.
                let (rows, wrong) = Self.settlementRowFailures(text.out, p)
                stepRows += rows
                failures += wrong.map { "verrekening \(m): \($0) — \(c)" }
                // A month waiting for its payslip: the exemption line says what the schedule expects.
                if p.awaitsPayslip {
                    waiting += 1
                    let nl = OneTruthTests.nl()
                    let row = text.out.split(separator: "\n").first {
                        $0.trimmingCharacters(in: .whitespaces).hasPrefix(
                            nl.text("settle.line.vrijlating"))
                    }.map(String.init)
                    let period = r.exemption.periods.first { $0.from <= m && m <= $0.through }
                    if let period, period.kind != nil {
                        let want = nl.text(
                            "settle.amount.expected", ["amount": .money(period.amount)])
                        if !(row ?? "").hasSuffix(want) {
                            failures.append(
                                "verrekening \(m): the exemption line is \"\(row ?? "")\", the schedule expects \(want) — \(c)"
                            )
                        }
                    }
                }
                // The month object is the one of watals for the same situation and month.
                let w = Self.json(
                    runKompas(
                        ["watals", "--json", "--maand", m.description] + c.args, today: Self.today
                    ).out)
                if let a = w?["maand_resultaat"], let b = o["maand_resultaat"],
                    JSONOutput.string(a) != JSONOutput.string(b)
                {
                    failures.append(
                        "verrekening --json \(m): maand_resultaat differs from watals --json — \(c)"
                    )
                }
            }
            // uren: the estimate of the case's month through the one chain.
            if case .hourly(let h, let wage)? = e.situation.job?.pay {
                let nl = OneTruthTests.nl().format
                let u = runKompas(
                    [
                        "uren", "--maand", c.month.description, "--uurloon", nl.plainAmount(wage),
                        "--uren", nl.hours(hundredths: h),
                    ], today: today.description, environment: env)
                let hr = try Engine.hours(
                    e.situation, month: c.month, today: today, hourlyWage: wage, records: [],
                    hoursPerWeek: h, extraWorked: 0, payslips: slips, municipality: municipality)
                // The hourly wage is the situation's own, shown back ("20 uur × € 14,71").
                let allowed = Set((hr.lines + hr.month.lines).map { abs($0.amount.cents) })
                    .union([abs(wage.cents)])
                if u.code != 0 || u.out.isEmpty {
                    failures.append("uren \(c.month): exit \(u.code) \(u.err) — \(c)")
                }
                for a in Cross.amounts(u.out) where !allowed.contains(a) {
                    failures.append(
                        "uren \(c.month): € \(Money(cents: a)) is not a result line — \(c)")
                }
                // Each sentence names its own lines: a sum that equals another line (net plus
                // top-up is the money in hand) fails here.
                let l = OneTruthTests.nl()
                var sentences = [
                    l.text(
                        "hours.total",
                        [
                            "hours": .hours(hr.estimate.total), "wage": .money(wage),
                            "gross": .money(hr.estimate.gross),
                        ]),
                    l.text(
                        "hours.provisional",
                        ["net": .money(hr.estimatedNet), "paid": .money(hr.estimatedTopUpPaid)]),
                ]
                if let a = hr.payslipNet, let d = hr.difference,
                    let size = hr.resultLine(.hoursDifferenceSize)?.amount
                {
                    sentences.append(
                        l.text(
                            d == .zero
                                ? "hours.payslip.same"
                                : d > .zero ? "hours.payslip.more" : "hours.payslip.less",
                            [
                                "net": .money(a), "estimate": .money(hr.estimatedNet),
                                "difference": .money(size), "next": .month(hr.settledIn),
                            ]))
                }
                for want in sentences
                where !Self.normalized(u.out).contains(Self.normalized(want)) {
                    failures.append("uren \(c.month): does not say \"\(want)\" — \(c)")
                }
            }
            // status: the form month and its deadline, and the waiting month's payslip, as the
            // engine decided them; it shows no amount of its own.
            let st = runKompas(["status"], today: today.description, environment: env)
            let engine = Engine.status(
                today: today, payslips: slips, hours: [], policy: municipality.settlementPolicy)
            let nl = OneTruthTests.nl()
            let deadline = nl.text(
                "status.deadline",
                [
                    "month": .month(engine.formMonth), "date": .date(engine.formDeadline),
                    "days": .number(engine.daysLeft),
                ])
            if !Self.normalized(st.out).contains(Self.normalized(deadline)) {
                failures.append(
                    "status \(engine.formMonth): does not say \"\(deadline)\" — \(c)")
            }
            for a in Cross.amounts(st.out) {
                failures.append(
                    "status \(engine.formMonth): € \(Money(cents: a)) is not a result line — \(c)")
            }
            for miss in engine.missing {
                let s = nl.text(
                    "status.missing.payslip",
                    [
                        "employer": .text(miss.employer), "date": .date(miss.expected),
                        "due": .date(miss.due),
                    ])
                if !Self.normalized(st.out).contains(Self.normalized(s)) {
                    failures.append(
                        "status \(miss.expected.calendarMonth): does not say \"\(s)\" — \(c)")
                }
            }
            checked += 1
        }
        #expect(checked >= 4, "too few settled situations: \(checked)")
        #expect(waiting >= 4, "too few months waiting for their payslip: \(waiting)")
        #expect(stepRows >= checked * 16, "step rows found: \(stepRows)")
        #expect(failures.isEmpty, "\(Self.report(failures))")
    }

    // MARK: The caseload

    /// A generated caseload's rows (CSV and text) are each client's own `verrekening --json`
    /// for that month, the carried differences included.
    @Test(.timeLimit(.minutes(5))) func theCaseloadRowsAreEachClientsOwnSettlement() throws {
        var g = Cross.Generator(state: 2_715)
        let kinds = ["alleenstaande", "alleenstaande-ouder", "samenwonend"]
        var csv =
            "klant;huishouden;leeftijd;leeftijd_partner;kinderen;kostendelers;gestart;"
            + "betaaldatum;periode_van;periode_tot;netto;werkgever;frequentie\n"
        var clients: [(id: String, flags: [String], slips: String)] = []
        for n in 1...8 {
            let id = "G\(n)"
            let kind = kinds[g.next(3)]
            let age = 18 + g.next(50)
            let partner = kind == "samenwonend" ? String(18 + g.next(50)) : ""
            let children =
                kind == "alleenstaande-ouder"
                ? (0...g.next(2)).map { _ in String(g.next(18)) } : []
            let sharers = g.next(3) == 0 ? String(1 + g.next(2)) : ""
            let start = CalendarMonth(index: 2026 * 12 + g.next(5))
            var flags = [
                "--huishouden", kind, "--leeftijd", String(age), "--gestart", start.description,
            ]
            if !partner.isEmpty { flags += ["--leeftijd-partner", partner] }
            for k in children { flags += ["--kind", k] }
            if !sharers.isEmpty { flags += ["--kostendelers", sharers] }
            var slips = "betaaldatum;periode_van;periode_tot;netto;werkgever;frequentie\n"
            for k in 0..<(2 + g.next(4)) {
                let m = start.advanced(by: k)
                let net = "\(200 + g.next(1_100)),\(10 + g.next(90))"
                let row = "\(m.day(25));\(m.firstDay);\(m.day(28));\(net);Werk;maand"
                csv +=
                    (k == 0
                        ? "\(id);\(kind);\(age);\(partner);\(children.joined(separator: " "));"
                            + "\(sharers);\(start);"
                        : "\(id);;;;;;;") + row + "\n"
                slips += row + "\n"
            }
            clients.append((id, flags, slips))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-caseload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("klanten.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let table = runKompas(
            ["verrekening", "--caseload", file.path, "--scheidingsteken", ","], today: Self.today)
        #expect(table.code == 0, "\(table.err)")
        let text = runKompas(["verrekening", "--caseload", file.path], today: Self.today)
        let lines = table.out.split(separator: "\n").map(String.init)
        // The CSV is for spreadsheets (issue 22): euros with a decimal point under `,`, the header
        // in the user's language; the columns keep the order of CaseloadRow.columns.
        #expect(lines.first.map { !$0.isEmpty } == true)
        let header = CaseloadRow.columns
        func euros(_ cents: Int) -> String {
            let a = cents.magnitude
            return (cents < 0 ? "-" : "") + "\(a / 100)." + (a % 100 < 10 ? "0" : "") + "\(a % 100)"
        }
        var failures: [String] = []
        var rows = 0
        let pairs = [
            ("inkomen_centen", "inkomen"), ("vrijlating_centen", "vrijlating"),
            ("meegeteld_centen", "meegeteld_inkomen"), ("aanvulling_centen", "aanvulling"),
            ("vakantietoeslag_centen", "vakantietoeslag_gereserveerd"),
            ("uitbetaald_centen", "aanvulling_uitbetaald"),
        ]
        for client in clients {
            let own = dir.appendingPathComponent("\(client.id).csv")
            try client.slips.write(to: own, atomically: true, encoding: .utf8)
            for line in lines where line.hasPrefix(client.id + ",") {
                let cells = Dictionary(
                    uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
                let month = cells["maand"] ?? ""
                let one = runKompas(
                    [
                        "verrekening", "--zonder-profiel", "--maand", month, "--json",
                        "--loonstroken", own.path,
                    ]
                        + client.flags, today: Self.today)
                guard one.code == 0, let o = Self.json(one.out) else {
                    failures.append("caseload \(client.id) \(month): verrekening failed \(one.err)")
                    continue
                }
                let amounts = o["bedragen_centen"] as? [String: Any] ?? [:]
                var want: [String: Int] = [:]
                for (column, id) in pairs {
                    want[column] = amounts[id] as? Int
                    if cells[column] != (amounts[id] as? Int).map(euros) {
                        failures.append(
                            "caseload \(client.id) \(month): \(column) is \(cells[column] ?? "") cents, verrekening --json says \(amounts[id] ?? "nothing")"
                        )
                    }
                }
                let carried = (o["verrekend_uit_eerdere_maanden"] as? [[String: Any]] ?? [])
                    .compactMap { $0["bedrag_centen"] as? Int }.reduce(0, +)
                if cells["verrekend_uit_eerdere_maanden_centen"] != euros(carried) {
                    failures.append(
                        "caseload \(client.id) \(month): carried \(cells["verrekend_uit_eerdere_maanden_centen"] ?? "") cents, verrekening --json says \(carried)"
                    )
                }
                // The text table shows the same four amounts.
                let textRow = text.out.split(separator: "\n").first {
                    $0.hasPrefix(client.id + " ") && $0.contains(" " + month + " ")
                }
                let shown =
                    textRow.map {
                        $0.split(separator: " ").dropFirst(2).compactMap {
                            Money.parse(String($0))?.cents
                        }
                    } ?? []
                let expected = [
                    "inkomen_centen", "vrijlating_centen", "aanvulling_centen",
                    "uitbetaald_centen",
                ].compactMap { want[$0].map(Int64.init) }
                if shown != expected {
                    failures.append(
                        "caseload text \(client.id) \(month): shows \(shown.map { Money(cents: $0) }), verrekening --json says \(expected.map { Money(cents: $0) })"
                    )
                }
                rows += 1
            }
        }
        #expect(rows >= 16, "caseload rows found: \(rows)")
        #expect(failures.isEmpty, "\(Self.report(failures))")
    }
}
