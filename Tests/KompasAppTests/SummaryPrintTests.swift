import Foundation
import KompasCore
import KompasLocalization
import KompasTestSupport
import Testing

@testable import KompasApp

/// The printed client summary fits one A4 page (issue 22), checked the way a person prints it:
/// headless Chromium prints the HTML to PDF, `pdfinfo` counts the pages, `pdftotext` reads page 1
/// and `pdftotext -bbox` measures every word.
///
/// `.ci/run` installs Chromium, poppler-utils and the fonts the CSS names (`fonts-dejavu-core`),
/// so the page counts do not depend on the machine. Under `CI=true` a missing tool fails the test;
/// elsewhere the test prints SKIPPED with the reason.
@Suite(.serialized) struct SummaryPrintTests {
    /// Synthetic households: a single person, a single parent with children, a couple with
    /// housemates, and a 2027 month computed with provisional figures.
    static let households: [(name: String, args: [String])] = [
        (
            "alleenstaande",
            [
                "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
                "--huur", "650", "--gestart", "2026-01",
                "--contactpersoon", "Sanne de Vries", "--contact", "020-1234567",
                "--loondag", "25",
            ]
        ),
        (
            "ouder",
            [
                "--maand", "2026-03", "--huishouden", "alleenstaande-ouder", "--leeftijd", "31",
                "--kind", "4", "--kind", "11", "--kind", "14",
                "--uren", "20", "--uurloon", "15,00", "--frequentie", "4weken", "--loondatum",
                "2026-03-06", "--huur", "720", "--voorschot-inkomen", "18000",
                "--vaste-last", "energie:95,00:5", "--vaste-last", "telefoon:25,00:12",
                "--contactpersoon", "Sanne de Vries", "--contact", "020-1234567",
            ]
        ),
        (
            // Issue 15's household in December: the exemption changes in January (its dated
            // events stay on the page), kinderbijslag per quarter and three yearly provisions.
            "ouder-december-wisselende-vrijlating",
            [
                "--maand", "2026-12", "--huishouden", "alleenstaande-ouder", "--leeftijd", "32",
                "--kind", "3", "--kind", "7", "--uren", "20", "--uurloon", "14,71",
                "--gestart", "2026-03", "--huur", "720",
                "--contactpersoon", "Fatma Yilmaz", "--contact", "020-7654321",
            ]
        ),
        (
            "stel-met-huisgenoten",
            [
                "--maand", "2026-09", "--huishouden", "samenwonend", "--leeftijd", "45",
                "--leeftijd-partner", "47", "--kostendelers", "2", "--uren", "12", "--uurloon",
                "16,20", "--huur", "900",
                "--contactpersoon", "Ahmed el Amrani", "--contact", "a.elamrani@example.org",
            ]
        ),
        (
            "voorlopig-2027",
            [
                "--maand", "2027-02", "--leeftijd", "29", "--uren", "24", "--uurloon", "15,10",
                "--huur", "700", "--gestart", "2026-11",
                "--contactpersoon", "Sanne de Vries", "--contact", "020-1234567",
            ]
        ),
    ]

    /// The smallest font size allowed anywhere on the printed pages, in points.
    static let minimumPoints = 11.0

    struct Tools {
        var chromium: String
        var pdfinfo: String
        var pdftotext: String
        var pdffonts: String
    }

    /// The tools, or nil after failing (CI) or printing SKIPPED (elsewhere).
    static func tools() -> Tools? {
        func find(_ names: [String]) -> String? {
            for n in names {
                for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
                    let p = dir + "/" + n
                    if FileManager.default.isExecutableFile(atPath: p) { return p }
                }
            }
            return nil
        }
        let chromium = find(["chromium", "chromium-browser", "google-chrome"])
        let pdfinfo = find(["pdfinfo"])
        let pdftotext = find(["pdftotext"])
        let pdffonts = find(["pdffonts"])
        guard let chromium, let pdfinfo, let pdftotext, let pdffonts else {
            let missing = [
                chromium == nil ? "chromium" : nil, pdfinfo == nil ? "pdfinfo" : nil,
                pdftotext == nil ? "pdftotext" : nil, pdffonts == nil ? "pdffonts" : nil,
            ].compactMap { $0 }.joined(separator: ", ")
            let reason =
                "the printed summary's page count needs \(missing) (apt-get install chromium poppler-utils fonts-dejavu-core; .ci/run does this)"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("CI=true but \(reason)")
            } else {
                print("SKIPPED SummaryPrintTests: \(reason)")
            }
            return nil
        }
        return Tools(chromium: chromium, pdfinfo: pdfinfo, pdftotext: pdftotext, pdffonts: pdffonts)
    }

    struct Printed {
        var pages: Int
        var pageOne: String
        var all: String
        var fonts: String
        /// The smallest font size of any word on any page (from its box height).
        var smallestPoints: Double
        var widest: Double
        /// Where the leftmost word starts: a right-to-left page overflows to the left (issue 24).
        var leftmost: Double
        var pageWidth: Double
    }

    /// Writes the summary with `args`, prints it with Chromium and reads the PDF back.
    static func printed(_ args: [String], _ tools: Tools, language: String = "nl") throws -> Printed
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("overzicht.html")
        let pdf = dir.appendingPathComponent("overzicht.pdf")
        let r = runKompas(
            ["samenvatting", "--formaat", "html", "--zonder-profiel", "-o", html.path] + args,
            language: language, today: "2026-12-01")
        #expect(r.code == 0, "\(r.err)")
        let shot = try TestSupport.run(
            URL(fileURLWithPath: tools.chromium),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ], environment: ["HOME": dir.path])
        #expect(shot.status == 0, "\(shot.stderr)")
        let info = try TestSupport.run(URL(fileURLWithPath: tools.pdfinfo), [pdf.path])
        let pagesLine = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let pages = Int(pagesLine?.split(separator: " ").last ?? "") ?? -1
        let sizeLine = info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") }
        let pageWidth = sizeLine.flatMap { Double($0.split(separator: " ")[2]) } ?? 0
        let one = try TestSupport.run(
            URL(fileURLWithPath: tools.pdftotext), ["-f", "1", "-l", "1", pdf.path, "-"])
        let all = try TestSupport.run(URL(fileURLWithPath: tools.pdftotext), [pdf.path, "-"])
        let fonts = try TestSupport.run(URL(fileURLWithPath: tools.pdffonts), [pdf.path])
        let bbox = try TestSupport.run(
            URL(fileURLWithPath: tools.pdftotext), ["-bbox", pdf.path, "-"])
        var smallest = Double.infinity
        var widest = 0.0
        var leftmost = Double.infinity
        for line in bbox.stdout.split(separator: "\n") where line.contains("<word ") {
            func attr(_ name: String) -> Double? {
                guard let r = line.range(of: name + "=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            guard let y0 = attr("yMin"), let y1 = attr("yMax"), let x1 = attr("xMax") else {
                continue
            }
            // A DejaVu word box is ascent + descent high: 1,164 em (11 pt → 12,80 pt).
            smallest = min(smallest, (y1 - y0) / 1.164)
            widest = max(widest, x1)
            if let x0 = attr("xMin") { leftmost = min(leftmost, x0) }
        }
        return Printed(
            pages: pages, pageOne: SummaryCases.flat(one.stdout),
            all: SummaryCases.flat(all.stdout), fonts: fonts.stdout, smallestPoints: smallest,
            widest: widest, leftmost: leftmost, pageWidth: pageWidth)
    }

    /// The month's amounts as `watals` computes them for the same household.
    static func amounts(_ args: [String]) throws -> [Money] {
        var w: [String] = []
        var i = 0
        let own: Set<String> = [
            "--contactpersoon", "--contact", "--loondag", "--loondatum", "--vaste-last",
        ]
        while i < args.count {
            if own.contains(args[i]) {
                i += 2
            } else {
                w.append(args[i])
                i += 1
            }
        }
        let run = runKompas(["watals", "--json", "--zonder-profiel"] + w, today: "2026-12-01")
        #expect(run.code == 0, "\(run.err)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let lines = json["bedragen_centen"] as? [String: Any] ?? [:]
        let totals = json["totaal_centen"] as? [String: Any] ?? [:]
        return [
            lines["nettoloon"], lines["aanvulling_uitbetaald"], totals["overhouden"],
        ].compactMap { ($0 as? NSNumber).map { Money(cents: $0.int64Value) } }
    }

    @Test(arguments: households.map(\.name))
    func theClientSummaryIsOneA4PageWithTheAmountsTheStepsAndTheContact(_ name: String) throws {
        guard let tools = Self.tools() else { return }
        let args = try #require(Self.households.first { $0.name == name }).args
        let p = try Self.printed(args, tools)
        #expect(p.pages == 1, "\(name): \(p.pages) pages")
        let f = Formatters(.nl)
        let amounts = try Self.amounts(args)
        #expect(amounts.count == 3)
        for a in amounts {
            #expect(p.pageOne.contains(f.money(a)), "\(name): page 1 lacks \(f.money(a))")
        }
        #expect(p.pageOne.contains("Wat moet je doen?"))
        #expect(p.pageOne.contains("Geef elke maand je loon door aan de gemeente."))
        let contact = args[(args.firstIndex(of: "--contactpersoon") ?? 0) + 1]
        #expect(p.pageOne.contains("Je contactpersoon is \(contact)."), "\(name)")
        #expect(p.smallestPoints >= Self.minimumPoints - 0.05, "\(name): \(p.smallestPoints) pt")
        // The fonts the CSS names are the ones embedded: the page count is DejaVu's.
        #expect(p.fonts.contains("DejaVuSans"), "\(p.fonts)")
        if name == "voorlopig-2027" {
            #expect(p.pageOne.contains("Kompas rekent voorlopig met de laatst bekende bedragen."))
        }
        if name == "ouder" {
            // Kinderbijslag is paid per quarter and shown so.
            #expect(p.pageOne.contains("per kwartaal"), "\(p.pageOne)")
            #expect(p.pageOne.contains("Kinderbijslag krijg je per kwartaal."), "\(p.pageOne)")
        }
    }

    @Test(arguments: households.map(\.name))
    func withTheAppendixTheSourcesAndTheCalendarTakeOneMorePage(_ name: String) throws {
        guard let tools = Self.tools() else { return }
        let args = try #require(Self.households.first { $0.name == name }).args
        let p = try Self.printed(args + ["--met-bijlage"], tools)
        #expect(p.pages == 2, "\(name): \(p.pages) pages")
        #expect(p.all.contains("Bronnen") && p.all.contains("Wanneer komt je geld?"))
        #expect(p.all.contains("Participatiewet art."))
        #expect(p.smallestPoints >= Self.minimumPoints - 0.05, "\(name): \(p.smallestPoints) pt")
    }

    @Test func theEnglishSummaryIsOnePageToo() throws {
        guard let tools = Self.tools() else { return }
        let p = try Self.printed(Self.households[1].args, tools, language: "en")
        #expect(p.pages == 1)
        #expect(p.pageOne.contains("a quarter"), "\(p.pageOne)")
    }

    /// Issue 24: every household's printed summary in Polish, Turkish and Arabic is one A4 page
    /// too, with its amounts in the language's format, the contact, the line that the Dutch text
    /// is leading, and DejaVu Sans (which has the Arabic letters) embedded; Arabic is set right to
    /// left with every amount in its own left-to-right span.
    static var translatedPages: [String] {
        ["pl", "tr", "ar"].flatMap { l in households.map { "\(l):\($0.name)" } }
    }

    @Test(arguments: translatedPages)
    func theTranslatedSummaryIsOneA4PageToo(_ which: String) throws {
        guard let tools = Self.tools() else { return }
        let parts = which.split(separator: ":").map(String.init)
        let (language, name) = (parts[0], parts[1])
        let args = try #require(Self.households.first { $0.name == name }).args
        let p = try Self.printed(args, tools, language: language)
        #expect(p.pages == 1, "\(which): \(p.pages) pages")
        let f = Formatters(try #require(Language(rawValue: language)))
        // pdftotext marks right-to-left runs with bidi embedding controls (U+202A–U+202E).
        let flat = String(
            String.UnicodeScalarView(
                p.pageOne.replacingOccurrences(of: "\u{00A0}", with: " ").unicodeScalars.filter {
                    !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value)
                }))
        for a in try Self.amounts(args) {
            let shown = f.money(a).replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(flat.contains(shown), "\(which): page 1 lacks \(shown)")
        }
        let table = try TestSupport.localeTable(language)
        let leading = try #require(table["samenvatting.dutchLeading"])
        // pdftotext may break the line anywhere; compare the words.
        func words(_ t: String) -> [String] {
            t.split(whereSeparator: \.isWhitespace).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,:;!?،؛؟()"))
            }.filter { !$0.isEmpty }
        }
        let onPage = Set(words(flat))
        let missing = words(leading).filter { !onPage.contains($0) }
        #expect(missing.isEmpty, "\(which): the Dutch-leading line lacks \(missing)")
        let contact = args[(args.firstIndex(of: "--contactpersoon") ?? 0) + 1]
        #expect(flat.contains(contact.split(separator: " ").last.map(String.init) ?? contact))
        #expect(p.smallestPoints >= Self.minimumPoints - 0.05, "\(which): \(p.smallestPoints) pt")
        #expect(p.fonts.contains("DejaVuSans"), "\(p.fonts)")
        if language == "ar" {
            let html = runKompas(
                ["samenvatting", "--formaat", "html", "--zonder-profiel"] + args,
                language: "ar", today: "2026-12-01"
            ).out
            #expect(html.contains("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""))
            // Every euro sign is inside an isolated left-to-right amount.
            let euros = html.components(separatedBy: "€").count - 1
            let isolated = html.matches(of: /<span class="bedrag" dir="ltr">[^<]*€[^<]*<\/span>/)
                .count
            #expect(euros > 3 && euros == isolated, "\(which): \(euros) € but \(isolated) isolated")
        }
    }

    /// In Dutch and in Arabic, whose right-to-left table overflows to the left if a cell will
    /// not wrap (issue 24: a Dutch name kept on one line did that).
    @Test(arguments: ["nl", "ar"])
    func theCaseworkerVersionFitsTheWidthOfA4(_ language: String) throws {
        guard let tools = Self.tools() else { return }
        for h in Self.households {
            let p = try Self.printed(
                h.args + ["--voor", "klantmanager"], tools, language: language)
            #expect(p.pages >= 1)
            #expect(p.pageWidth > 590 && p.pageWidth < 600, "A4 is 595 pt wide: \(p.pageWidth)")
            #expect(p.widest <= p.pageWidth - 28, "\(h.name): a word ends at \(p.widest) pt")
            #expect(p.leftmost >= 28, "\(language) \(h.name): a word starts at \(p.leftmost) pt")
            guard language != "nl" else { continue }
            // What overflows the page is cut off, not printed: the sources (the same Dutch
            // titles in every language) are all there, as in the Dutch print.
            let dutch = try Self.printed(h.args + ["--voor", "klantmanager"], tools)
            let law = "Participatiewet"
            #expect(
                p.all.components(separatedBy: law).count
                    == dutch.all.components(separatedBy: law).count,
                "\(language) \(h.name): a source is cut off at the page's edge")
        }
    }

    /// Every font size in the print style is at least 11 pt, and no size is given in another unit.
    @Test func theStyleSheetUsesNoFontBelowElevenPoints() {
        let sizes = SummaryHTMLWriter.css.matches(of: /font-size:\s*([0-9.]+)([a-z%]+)/)
        #expect(!sizes.isEmpty)
        for m in sizes {
            #expect(m.output.2 == "pt", "font-size in \(m.output.2)")
            #expect((Double(m.output.1) ?? 0) >= Self.minimumPoints, "font-size \(m.output.1)pt")
        }
        #expect(SummaryHTMLWriter.css.contains("\"DejaVu Sans\""))
    }

    /// "€" never stands alone at the end of a line: every amount is one unbreakable span.
    @Test func amountsAreKeptTogether() {
        let r = runKompas(
            ["samenvatting", "--formaat", "html", "--zonder-profiel", "--met-bijlage"]
                + Self.households[1].args, today: "2026-12-01")
        #expect(r.code == 0)
        #expect(!r.out.contains("€ "), "an amount with a breakable space")
        #expect(r.out.contains("<span class=\"bedrag\">€\u{00A0}"))
        #expect(r.out.contains("<span class=\"bedrag\">-€\u{00A0}95,00</span>"))
        let en = runKompas(
            ["samenvatting", "--formaat", "html", "--zonder-profiel", "--met-bijlage"]
                + Self.households[1].args, language: "en", today: "2026-12-01")
        #expect(en.out.contains("<span class=\"bedrag\">-€95.00</span>"), "\(en.out)")
    }

    /// A phone number with a hyphen is one unbreakable run too (seen: "020-" at a line's end in
    /// the contact box); a plain word with a hyphen is not.
    @Test func aPhoneNumberIsKeptTogether() {
        #expect(
            SummaryHTMLWriter.bound("Bel 020-1234567 of mail")
                == "Bel <span class=\"bedrag\">020-1234567</span> of mail")
        #expect(SummaryHTMLWriter.bound("alleenstaande-ouder") == "alleenstaande-ouder")
        #expect(SummaryHTMLWriter.bound("in 2026 werk") == "in 2026 werk")
    }
}

/// Files with personal data that Kompas writes outside its encrypted store are the owner's
/// alone (mode 0600, created so by `open(2)`), and the command says they are not encrypted.
@Suite struct PersonalFileTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test(arguments: ["html", "markdown", "tekst"])
    func theSummaryFileIsWrittenOwnerOnlyWithANote(_ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-0600-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("overzicht")
        // An existing file readable by everyone is replaced by one that is not.
        try Data("oud".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        for language in ["nl", "en"] {
            let r = runKompas(
                ["samenvatting", "--formaat", format, "--zonder-profiel", "-o", file.path]
                    + SummaryCases.cases[0].args, language: language)
            #expect(r.code == 0, "\(r.err)")
            let mode = try Self.mode(file.path)
            #expect(mode == 0o600, "mode \(String(mode, radix: 8))")
            let note =
                language == "nl"
                ? "Let op: dit bestand bevat persoonlijke gegevens en is niet versleuteld."
                : "Note: this file holds personal data and is not encrypted."
            #expect(r.err.split(separator: "\n").contains { $0 == note }, "\(r.err)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["overzicht"])
    }

    @Test func theModeDoesNotDependOnTheUmask() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-0600-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = umask(0)
        defer { umask(old) }
        let target = dir.appendingPathComponent("x.html")
        try PrivateFile.write(Data("<p/>".utf8), to: target)
        #expect(try Self.mode(target.path) == 0o600)
        #expect(try String(contentsOf: target, encoding: .utf8) == "<p/>")
    }
}
