import Foundation
import KompasCore
import KompasDocuments
import KompasLocalization
import KompasTestSupport
import Testing

@testable import KompasApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The end-to-end households of the summary (synthetic).
///
/// Each is a list of `watals` flags.
enum SummaryCases {
    static let cases: [(name: String, args: [String])] = [
        (
            "alleenstaande-16u",
            [
                "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
                "--huur", "650", "--gestart", "2026-01",
                "--contactpersoon", "Sanne de Vries", "--contact", "020-1234567", "--loondag", "25",
            ]
        ),
        (
            "ouder-4weken",
            [
                "--maand", "2026-03", "--huishouden", "alleenstaande-ouder", "--leeftijd", "31",
                "--kind", "4", "--kind", "11",
                "--uren", "20", "--uurloon", "15,00", "--frequentie", "4weken", "--loondatum",
                "2026-03-06", "--huur", "720",
                "--voorschot-inkomen", "18000", "--vaste-last", "energie:95,00:5",
            ]
        ),
        (
            "zonder-werk",
            [
                "--maand", "2026-03", "--huishouden", "samenwonend", "--leeftijd", "45",
                "--leeftijd-partner", "47",
            ]
        ),
    ]
    static func run(_ args: [String], language: String = "nl") -> AppRun {
        runKompas(["samenvatting"] + args + ["--zonder-profiel"], language: language)
    }
    /// The output with line breaks, indentation and non-breaking spaces as single spaces.
    static func flat(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: {
            $0 == " " || $0 == "\n"
        }).joined(separator: " ")
    }
}

@Suite struct SamenvattingTests {
    // MARK: Readability

    @Test(arguments: SummaryCases.cases.map(\.name))
    func dutchClientSummaryPassesTheReadabilityRule(_ name: String) {
        let args = SummaryCases.cases.first { $0.name == name }!.args
        let r = SummaryCases.run(args + ["--geen-grafiek"])
        #expect(r.code == 0, "\(r.err)")
        // Source lines are references, not prose for the client; the rule reads the text above them.
        let prose = r.out.components(separatedBy: "\nBronnen\n")[0]
        let report = PlainLanguage.check(prose, language: .nl)
        #expect(report.averageSentenceLength <= 15, "average \(report.averageSentenceLength)")
        #expect(
            report.longWordShare <= PlainLanguage.maximumLongWordShare,
            "long words: \(report.longWords)")
        #expect(report.unexplained.isEmpty, "unexplained: \(report.unexplained)")
        #expect(report.passes)
    }

    @Test func englishClientSummaryExplainsItsJargonToo() {
        let r = SummaryCases.run(SummaryCases.cases[0].args + ["--geen-grafiek"], language: "en")
        #expect(r.code == 0)
        let report = PlainLanguage.check(
            r.out.components(separatedBy: "\nSources\n")[0], language: .en)
        #expect(report.unexplained.isEmpty, "\(report.unexplained)")
        #expect(r.out.contains("Congratulations"))
    }

    // MARK: Every amount equals watals

    @Test(arguments: SummaryCases.cases.map(\.name))
    func everyMonthEqualsWatalsForTheSameInput(_ name: String) throws {
        let args = SummaryCases.cases.first { $0.name == name }!.args
        let md = SummaryCases.run(args + ["--formaat", "markdown"])
        #expect(md.code == 0, "\(md.err)")
        let f = Formatters(.nl)
        // watals flags only (the summary's own flags are not watals flags).
        var w: [String] = []
        var i = 0
        let own: Set<String> = [
            "--contactpersoon", "--contact", "--loondag", "--loondatum", "--vaste-last", "--maand",
            "--gestart",
        ]
        while i < args.count {
            if own.contains(args[i]) {
                i += 2
            } else {
                w.append(args[i])
                i += 1
            }
        }
        let works = args.contains("--uren")
        for k in 0..<6 {
            let month = CalendarMonth("2026-03").advanced(by: k)
            let started = args.firstIndex(of: "--gestart").map { args[$0 + 1] } ?? "2026-03"
            let run = runKompas(
                ["watals", "--json", "--zonder-profiel", "--maand", month.description]
                    + (works ? ["--gestart", started] : []) + w)
            let name = f.month(month).prefix(1).uppercased() + f.month(month).dropFirst()
            let row = md.out.split(separator: "\n").first { $0.hasPrefix("| " + name + " |") }
            #expect(row != nil, "no row for \(name)")
            if run.code != 0 {
                #expect(
                    row?.contains("nog niet bekend") == true,
                    "\(name): watals fails, summary must say nog niet bekend")
                continue
            }
            let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as! [String: Any]
            let totals = json["totaal_centen"] as! [String: Any]
            let keep = Money(cents: (totals["overhouden"] as! NSNumber).int64Value)
            let net = Money(
                cents: ((json["bedragen_centen"] as! [String: Any])["nettoloon"] as! NSNumber)
                    .int64Value)
            let paid = Money(
                cents: ((json["bedragen_centen"] as! [String: Any])["aanvulling_uitbetaald"]
                    as! NSNumber).int64Value)
            let cells = row!.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.last == f.money(keep), "\(name) keep: \(cells) vs \(f.money(keep))")
            #expect(cells[1] == f.money(net), "\(name) wage")
            #expect(cells[2] == f.money(paid), "\(name) top-up")
        }
    }

    @Test func monthsWithExpectedFiguresAreMarkedNotZero() {
        // The 2027 norms are not published: October 2026 + 6 months reaches into 2027, which is
        // computed with the figures carried forward and says so (issue 16).
        let r = SummaryCases.run([
            "--maand", "2026-10", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
        ])
        #expect(r.code == 0, "\(r.err)")
        let jan = r.out.split(separator: "\n").first { $0.hasPrefix("Januari 2027") }
        #expect(jan?.contains("€ 0,00") == false, "\(String(describing: jan))")
        #expect(
            SummaryCases.flat(r.out).contains(
                "De nieuwe bedragen zijn nog niet bekend. Kompas rekent voorlopig met de laatst bekende bedragen. Het echte bedrag is meestal iets hoger."
            ))
    }

    @Test func monthsWithoutParametersAreNotKnownNotZero() {
        // Before the first figure in the data (2025) a month is "nog niet bekend", never € 0.
        let r = SummaryCases.run([
            "--maand", "2024-10", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
        ])
        #expect(r.code != 0 || r.out.contains("nog niet bekend"), "\(r.err)")
    }

    // MARK: Printable HTML, parsed by a real XML parser

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = [], attributes: [[String: String]] = [], text = "",
            headings: [Int] = []
        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes a: [String: String]
        ) {
            elements.append(name)
            attributes.append(a)
            if name.count == 2, name.hasPrefix("h"), let n = Int(name.dropFirst()) {
                headings.append(n)
            }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) { text += s }
    }

    func parse(_ html: String) -> (Collector, Bool) {
        // The doctype is HTML5's; libxml2 reads the rest as XML.
        let p = XMLParser(data: Data(html.utf8))
        let c = Collector()
        p.delegate = c
        return (c, p.parse())
    }

    @Test func htmlIsWellFormedSelfContainedAndAccessible() throws {
        let r = SummaryCases.run(SummaryCases.cases[0].args + ["--formaat", "html"])
        #expect(r.code == 0)
        let (c, ok) = parse(r.out)
        #expect(ok, "not well-formed")
        #expect(c.attributes.first?["lang"] == "nl")
        #expect(c.elements.filter { $0 == "h1" }.count == 1)
        // Headings never skip a level.
        for (a, b) in zip(c.headings, c.headings.dropFirst()) { #expect(b <= a + 1) }
        #expect(c.elements.contains("caption"))
        let ths = zip(c.elements, c.attributes).filter { $0.0 == "th" }
        #expect(!ths.isEmpty && ths.allSatisfy { $0.1["scope"] == "col" || $0.1["scope"] == "row" })
        // The printed page holds no charts (issue 22: one A4 page; the calendar is a written list
        // on the second page): they stand alone as `--formaat svg`, tested below.
        #expect(c.elements.filter { $0 == "svg" }.count == 0)
        #expect(c.elements.filter { $0 == "title" }.count == 1)
        // No external requests: no src/href to a network, no scripts, no link elements.
        for a in c.attributes {
            for k in ["src", "href"] { #expect(!(a[k] ?? "").contains("//"), "\(a)") }
        }
        #expect(!c.elements.contains("script") && !c.elements.contains("link"))
        #expect(r.out.contains("@page { size: A4"))
        // Key amounts as watals computes them.
        let w = runKompas([
            "watals", "--json", "--zonder-profiel", "--maand", "2026-03", "--gestart", "2026-01",
            "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71", "--huur", "650",
        ])
        let json = try JSONSerialization.jsonObject(with: Data(w.out.utf8)) as! [String: Any]
        let keep = Money(
            cents: ((json["totaal_centen"] as! [String: Any])["overhouden"] as! NSNumber).int64Value
        )
        // Amounts are bound with a no-break space in the HTML (issue 22).
        #expect(SummaryCases.flat(c.text).contains(Formatters(.nl).money(keep)))
        #expect(c.text.contains("Sanne de Vries"))
    }

    @Test func htmlParsesInARealHTML5ParserWhenAvailable() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python,
            (try? TestSupport.run(URL(fileURLWithPath: python), ["-c", "import html5lib"]))?.status
                == 0
        else { return }
        let r = SummaryCases.run(SummaryCases.cases[1].args + ["--formaat", "html"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-sv-\(UUID().uuidString).html")
        try Data(r.out.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script =
            "import html5lib,sys; p=html5lib.HTMLParser(strict=True); d=p.parse(open(sys.argv[1],'rb').read()); print(len(p.errors))"
        let res = try TestSupport.run(URL(fileURLWithPath: python), ["-c", script, file.path])
        #expect(
            res.status == 0 && res.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
            "\(res.stdout) \(res.stderr)")
    }

    @Test func svgChartsStandAloneAndParse() {
        for chart in ["uren", "kalender"] {
            let r = SummaryCases.run(
                SummaryCases.cases[0].args + ["--formaat", "svg", "--grafiek", chart])
            #expect(r.code == 0)
            let (c, ok) = parse(r.out)
            #expect(
                ok && c.elements.first == "svg" && c.elements.contains("title")
                    && c.elements.contains("desc"))
        }
        // Black-and-white readable: no colour other than black, white and grey.
        let svg = SummaryCases.run(SummaryCases.cases[1].args + ["--formaat", "svg"]).out
        let colours = Set(svg.matches(of: /#[0-9a-fA-F]{6}/).map { String($0.output) })
        #expect(colours.isSubset(of: ["#000000", "#ffffff"]), "\(colours)")
        #expect(SummaryCases.run(SummaryCases.cases[2].args + ["--formaat", "svg"]).code == 64)
    }

    // MARK: Caseworker version, flags, files

    @Test func caseworkerVersionHasArticlesMethodsAndRisks() {
        let r = SummaryCases.run(SummaryCases.cases[1].args + ["--voor", "klantmanager"])
        #expect(r.code == 0)
        #expect(r.out.contains("Participatiewet art. 31"))
        #expect(r.out.contains("inkomen.vrijlating_standaard"))
        #expect(r.out.contains("Risico's"))
        #expect(
            SummaryCases.flat(r.out).contains("Armoedeval: tussen"),
            "the poverty trap of this household is a risk")
        #expect(r.out.contains("inkomen.vrijlating_standaard nog te verifiëren"))
    }

    /// Issue 15 item 5: the klantmanager register speaks about the client ("De klant …"), in
    /// Dutch and English, and says the poverty-trap range in its own words; the client register
    /// keeps speaking to the client.
    @Test func caseworkerVersionSpeaksAboutTheClientInTheThirdPerson() {
        for c in SummaryCases.cases {
            for language in ["nl", "en"] {
                let r = SummaryCases.run(
                    c.args + ["--voor", "klantmanager", "--geen-grafiek"], language: language)
                #expect(r.code == 0)
                // The sources (titles of web pages and laws) are quoted as they are.
                let body =
                    r.out.components(separatedBy: language == "nl" ? "\nBronnen" : "\nSources")
                    .first ?? r.out
                let second =
                    language == "nl"
                    ? /(?i)\b(je|jij|jou|jouw|jezelf)\b/ : /(?i)\b(you|your|yours|yourself)\b/
                let found = body.matches(of: second).map { String($0.output.0) }
                #expect(found.isEmpty, "\(language) \(c.args): second person in \(body)")
                let flat = SummaryCases.flat(body)
                #expect(flat.contains(language == "nl" ? "De klant" : "The client"))
                if flat.contains(language == "nl" ? "Armoedeval" : "Poverty trap") {
                    #expect(
                        flat.contains(
                            language == "nl"
                                ? "houdt de klant bij meer uren minder over"
                                : "the client keeps less with more hours"))
                }
            }
            let client = SummaryCases.run(c.args + ["--geen-grafiek"])
            #expect(!SummaryCases.flat(client.out).contains("De klant"))
        }
    }

    @Test func terminalChartsHaveATextEquivalent() {
        let with = SummaryCases.run(SummaryCases.cases[0].args)
        let without = SummaryCases.run(SummaryCases.cases[0].args + ["--geen-grafiek"])
        #expect(with.out.contains("█") && with.out.contains("ma    di"))
        #expect(!without.out.contains("█") && !without.out.contains("ma    di"))
        let flat = SummaryCases.flat(without.out)
        #expect(
            flat.contains(
                "16 uur per week: € 2.222,17 per maand (loon en vakantiegeld € 1.085,64, aanvulling € 587,27"
            ) && flat.contains("(zo werk je nu)"))
        #expect(flat.contains("25 maart: loon: +€ 1.005,22"))
    }

    @Test func fourWeeklyPayShowsTheMonthWithTwoPaydays() {
        let r = SummaryCases.run(SummaryCases.cases[1].args + ["--geen-grafiek"])
        // Paid 6 March 2026 and every 28 days after: two paydays in May (1 and 29 May).
        #expect(SummaryCases.flat(r.out).contains("In mei 2026 krijg je twee keer loon."))
        #expect(!SummaryCases.flat(r.out).contains("In juni 2026 krijg je twee keer loon."))
    }

    @Test func outputFileIsWrittenAndIOErrorsExit74() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-sv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("overzicht.html")
        try Data("oud".utf8).write(to: file)
        let r = SummaryCases.run(
            SummaryCases.cases[2].args + ["--formaat", "html", "-o", file.path])
        #expect(r.code == 0 && r.out.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["overzicht.html"],
            "no temporary file left")
        let bad = SummaryCases.run(
            SummaryCases.cases[2].args + [
                "-o", dir.appendingPathComponent("bestaat-niet/x.txt").path,
            ])
        #expect(bad.code == 74)
        #expect(bad.err.contains("Kan ") && bad.err.contains("niet schrijven"))
    }

    @Test func badValuesAreUsageErrorsInBothLanguages() {
        for (flag, value) in [
            ("--voor", "buurman"), ("--formaat", "pdf"), ("--vaste-last", "energie:veel:5"),
            ("--loondatum", "morgen"),
        ] {
            let nl = SummaryCases.run(SummaryCases.cases[2].args + [flag, value])
            let en = SummaryCases.run(SummaryCases.cases[2].args + [flag, value], language: "en")
            #expect(nl.code == 64 && en.code == 64, "\(flag)")
            #expect(nl.err.contains(value) && en.err.contains(value))
        }
    }
}

/// The summary reads the store once: saved 4-weekly payslips fix the pay pattern, so the month
/// with two paydays is named without `--loondatum`.
@Suite struct SamenvattingStoreTests {
    @Test func savedPayslipsShowTheMonthWithTwoPaydays() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-sv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let csv = TestSupport.path("Fixtures/loonstroken/vierwekelijks-2026.csv").path
        #expect(
            runKompas(["loonstrook", "importeer", csv], today: "2026-08-20", environment: env).code
                == 0)
        let r = runKompas(
            [
                "samenvatting", "--maand", "2026-09", "--leeftijd", "35", "--frequentie", "4weken",
                "--uren", "16", "--uurloon", "14,71",
            ],
            today: "2026-08-20", environment: env)
        #expect(r.code == 0, "\(r.err)")
        let flat = r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Pay dates every 28 days from 23 January 2026: 2 and 30 October.
        #expect(flat.contains("In oktober 2026 krijg je twee keer loon."), "\(r.out)")
        #expect(!flat.contains("Geef een loondatum op"))
    }
}

/// Where a browser is installed, the printable HTML is rendered headless to a PNG: it must load
/// (self-contained) and produce a page image.
///
/// Skipped when no Chromium is on the PATH.
@Suite struct SamenvattingRenderTests {
    static let browser: String? = [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: browser != nil)) func rendersHeadless() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("s.html")
        let png = dir.appendingPathComponent("s.png")
        let r = runKompas([
            "samenvatting", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon",
            "14,71",
            "--formaat", "html", "--zonder-profiel", "-o", html.path,
        ])
        #expect(r.code == 0, "\(r.err)")
        let shot = try TestSupport.run(
            URL(fileURLWithPath: Self.browser!),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(png.path)",
                "--window-size=900,1600", html.absoluteString,
            ],
            environment: ["HOME": dir.path])
        #expect(shot.status == 0, "\(shot.stderr)")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG image")
        #expect(data.count > 20_000, "a page with content, not a blank image")
    }
}
