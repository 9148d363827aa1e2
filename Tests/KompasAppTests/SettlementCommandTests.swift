import Foundation
import KompasCore
import KompasLocalization
import KompasSettlement
import KompasTerminal
import KompasTestSupport
import Testing

@testable import KompasApp

/// The payslip, settlement, hours and status commands, in-process, with a real encrypted store.
@Suite struct SettlementCommandTests {
    func tempDir() -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-settle-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }
    func env(_ dir: URL) -> [String: String] {
        [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een goed wachtwoord",
        ]
    }
    func fixture(_ p: String) -> String { TestSupport.path("Fixtures/" + p).path }

    @Test func importIsAllOrNothingUnlessSkipping() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = runKompas(
            ["loonstrook", "importeer", fixture("loonstroken/fouten.csv")], environment: env(dir))
        #expect(bad.code == 65)
        for line in [3, 4, 5, 6, 7] {
            #expect(bad.err.contains("fouten.csv:\(line):"), "line \(line) reported")
        }
        let empty = runKompas(["loonstrook", "lijst", "--json"], environment: env(dir))
        #expect(
            empty.out.contains("\"loonstroken\" : [\n\n  ]")
                || empty.out.contains("\"loonstroken\" : []"), "nothing half-imported")
        let skip = runKompas(
            ["loonstrook", "importeer", fixture("loonstroken/fouten.csv"), "--overslaan-fouten"],
            environment: env(dir))
        #expect(skip.code == 1)
        let list = runKompas(["loonstrook", "lijst", "--json"], environment: env(dir))
        #expect(list.out.components(separatedBy: "\"betaaldatum\"").count - 1 == 2)
        // Importing the good file twice keeps each payslip once.
        #expect(
            runKompas(
                ["loonstrook", "importeer", fixture("loonstroken/vierwekelijks-2026.csv")],
                environment: env(dir)
            ).code == 0)
        let again = runKompas(
            ["loonstrook", "importeer", fixture("loonstroken/vierwekelijks-2026.csv")],
            environment: env(dir))
        #expect(again.code == 0 && again.out.contains("0 loonstroken bewaard"))
        let all = runKompas(["loonstrook", "lijst", "--json"], environment: env(dir))
        #expect(all.out.components(separatedBy: "\"betaaldatum\"").count - 1 == 15)
        #expect(runKompas(["loonstrook", "verwijder", "1"], environment: env(dir)).code == 0)
        #expect(runKompas(["loonstrook", "verwijder", "99"], environment: env(dir)).code == 65)
    }

    @Test func addWithFlagsAndWithoutATerminalNeedsTheFlags() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = runKompas(
            ["loonstrook", "toevoegen", "--netto", "800"], environment: env(dir))
        #expect(missing.code == 64 && missing.err.contains("--betaaldatum"))
        let ok = runKompas(
            [
                "loonstrook", "toevoegen", "--betaaldatum", "2026-03-25", "--periode-van",
                "2026-03-01", "--periode-tot", "2026-03-31",
                "--netto", "800,00", "--bruto", "950", "--werkgever", "Winkel",
            ], environment: env(dir))
        #expect(ok.code == 0)
        let wrong = runKompas(
            [
                "loonstrook", "toevoegen", "--betaaldatum", "2026-04-25", "--periode-van",
                "2026-04-01", "--periode-tot", "2026-04-30",
                "--netto", "900", "--bruto", "800",
            ], environment: env(dir))
        #expect(wrong.code == 65 && wrong.err.contains("hoger dan het brutoloon"))
    }

    @Test func settlementPreviewFromAFileWritesNothing() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = runKompas(
            [
                "verrekening", "--maand", "2026-10", "--leeftijd", "35", "--gestart", "2026-01",
                "--json",
                "--loonstroken", fixture("loonstroken/vierwekelijks-2026.csv"),
            ], environment: env(dir))
        #expect(r.code == 0)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Int])
        #expect(amounts["loon"] == 86_667)
        #expect((o["niet_meegeteld"] as? [Any])?.count == 1, "the 13th period is left free")
        #expect(amounts["aanvulling_uitbetaald"]! - amounts["al_betaald"]! == amounts["verschil"]!)
        #expect(
            !FileManager.default.fileExists(atPath: dir.appendingPathComponent("kompas.db").path))
        let text = runKompas(
            [
                "verrekening", "--maand", "2026-10", "--leeftijd", "35", "--gestart", "2026-01",
                "--uitleg",
                "--loonstroken", fixture("loonstroken/vierwekelijks-2026.csv"),
            ], environment: env(dir))
        #expect(text.out.contains("× 13 / 12") && text.out.contains("Bron: Divosa"))
    }

    @Test func forecastSentenceUnderThePayDateMethod() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gem = dir.appendingPathComponent("gem.json")
        let v = { (x: String) in "{\"waarde\": \(x), \"bron\": \"b\", \"geverifieerd\": \"g\"}" }
        let text = """
            {"schema": 1, "id": "t", "naam": "T", "inkomen": {"vrijlating_standaard": \(v("true")), "vakantiegeld_maandelijks": \(v("true")), "vakantietoeslag_maand": \(v("5"))},
             "verrekening": {"methode_vierwekelijks": \(v("\"betaaldatum\"")), "methode_wekelijks": \(v("\"betaaldatum\"")), "methode_overig": \(v("\"betaaldatum\"")),
              "eindejaarsuitkering": \(v("\"opbouwmaanden\"")), "stijl": \(v("\"achteraf\"")), "terugbetalen_maanden": \(v("1")), "inkomstenformulier_dag": \(v("20")), "loonstrook_termijn_dagen": \(v("14"))}}
            """
        try text.write(to: gem, atomically: true, encoding: .utf8)
        // The first two payslips of the year; the pattern predicts the rest.
        let year = try String(
            contentsOf: URL(fileURLWithPath: fixture("loonstroken/vierwekelijks-2026.csv")),
            encoding: .utf8)
        let two = dir.appendingPathComponent("twee.csv")
        try (year.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n").write(
            to: two, atomically: true, encoding: .utf8)
        let r = runKompas(
            [
                "verrekening", "--maand", "2026-02", "--leeftijd", "35", "--gemeente", gem.path,
                "--loonstroken", two.path,
            ], today: "2026-02-25", environment: env(dir))
        #expect(r.code == 0)
        let flat = r.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            flat.contains(
                "In oktober 2026 krijg je twee keer loon. Je aanvulling is dan ongeveer € "))
        #expect(r.out.contains("opzij"))
    }

    @Test func caseloadReportsBadClientsAndSettlesTheRest() throws {
        let csv = runKompas(["verrekening", "--caseload", fixture("caseload/klanten.csv"), "--csv"])
        #expect(csv.code == 1)
        #expect(csv.err.contains("klant K004"), "the client with a period ending before it starts")
        #expect(csv.err.contains("klanten.csv:6:"))
        let lines = csv.out.split(separator: "\n")
        // Dutch: `;` and the decimal comma, for Dutch spreadsheet programs (issue 22).
        #expect(
            lines.first
                == "klant;maand;inkomen;vrijlating;meegeteld;aanvulling;vakantietoeslag;uitbetaald;verrekend_uit_eerdere_maanden"
        )
        #expect(
            lines.contains { $0.hasPrefix("K001;2026-03;") }
                && lines.contains { $0.hasPrefix("K001;2026-04;") })
        #expect(lines.contains { $0.hasPrefix("K003;2026-03;") })
        #expect(!lines.contains { $0.hasPrefix("K004") })
        // Only data rows: the totals are on stderr.
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("K") }, "\(lines.last ?? "")")
        #expect(csv.err.contains("Totaal:"))
        let json = runKompas([
            "verrekening", "--caseload", fixture("caseload/klanten.jsonl"), "--json",
        ])
        #expect(json.code == 1 && json.err.contains("K103"))
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect((o["rijen"] as? [Any])?.count == 2)
        #expect((o["totalen"] as? [String: Any])?["klanten"] as? Int == 2)
        #expect(runKompas(["verrekening", "--caseload", "/bestaat/niet.csv"]).code == 66)
    }

    @Test func hoursAndStatusWithAStore() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            runKompas(
                ["uren", "toevoegen", "--datum", "2026-03-02", "--gewerkte-uren", "6"],
                environment: env(dir)
            ).code == 0)
        #expect(
            runKompas(
                ["uren", "toevoegen", "--datum", "2026-03-04", "--gewerkte-uren", "6"],
                environment: env(dir)
            ).code == 0)
        #expect(
            runKompas(
                ["uren", "toevoegen", "--datum", "2026-03-10", "--gewerkte-uren", "8"],
                environment: env(dir)
            ).code == 0)
        let h = runKompas(
            ["uren", "--uurloon", "15", "--leeftijd", "35", "--json"], today: "2026-03-13",
            environment: env(dir))
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(h.out.utf8)) as? [String: Any])
        #expect(
            o["gewerkt_honderdsten"] as? Int == 2_000
                && o["verwacht_nog_honderdsten"] as? Int == 2_400
                && o["bruto_centen"] as? Int == 66_000)
        #expect(o["inkomstenformulier_uiterlijk"] as? String == "2026-04-25")
        #expect(
            runKompas(
                ["loonstrook", "importeer", fixture("loonstroken/vierwekelijks-2026.csv")],
                environment: env(dir)
            ).code == 0)
        let s = runKompas(["status"], today: "2027-02-10", environment: env(dir))
        #expect(s.code == 0)
        // Laid out to 80 columns (issue 22): the sentence may wrap.
        #expect(
            s.out.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
                .contains(
                    "Je inkomstenformulier over januari 2027 moet uiterlijk 25 februari 2027 binnen zijn"
                ))
        #expect(
            s.out.contains(
                "De loonstrook van Supermarkt De Hoek van rond 22 januari 2027 ontbreekt nog"))
        let none = runKompas(["status", "--json"], today: "2026-03-13", environment: env(dir))
        #expect(none.out.contains("\"id\" : \"ontbreekt\""))
    }

    @Test func promptsForEachFieldOnATerminal() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        final class Lines: @unchecked Sendable {
            var items: [String]
            init(_ i: [String]) { items = i }
            func next() -> String? { items.isEmpty ? nil : items.removeFirst() }
        }
        let answers = Lines([
            "2026-03-25", "2026-03-01", "2026-03-31", "8OO", "800,00", "", "", "", "", "Winkel", "",
            "",
        ])
        let out = TextSink.buffer()
        let err = TextSink.buffer()
        let e = env(dir)
        let code = Kompas.run(
            ["loonstrook", "toevoegen"],
            context: { lang in
                let catalog = try LocaleCatalog.load(
                    from: LocaleCatalog.repositoryRoot.appendingPathComponent("Locales"))
                return Context(
                    environment: e, clock: .fixed(LocalDate("2026-03-15")),
                    localizer: Localizer(language: lang, catalog: catalog),
                    out: out, err: err,
                    terminal: TerminalInfo(
                        stdoutIsTTY: true, stdinIsTTY: true, width: 80, colour: false),
                    readLine: { answers.next() })
            }, environment: e)
        #expect(code == 0)
        #expect(err.text.contains("Hoeveel kwam er op je rekening?"))
        #expect(err.text.contains("8OO klopt niet"), "a typo is asked again")
        #expect(out.text.contains("netto € 800,00"))
    }

    @Test func a2027OverpaymentNamesTheBufferBudgetAndCarriesTheMarks() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = [
            "verrekening", "--maand", "2027-02", "--leeftijd", "35", "--gestart", "2027-01",
            "--loonstroken", fixture("loonstroken/maandloon-2027.csv"), "--al-betaald", "900",
            "--zonder-profiel",
        ]
        var e = env(dir)
        e["KOMPAS_VANDAAG"] = "2026-12-01"
        let text = runKompas(args, environment: e)
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("bufferbudget: tot € 1.000,00 per kalenderjaar"))
        #expect(text.out.contains("Voorlopig: de bedragen voor 2027 zijn nog niet bekend."))
        #expect(text.out.contains("Verschil, verrekend volgende maand *"))
        let json = runKompas(args + ["--json"], environment: e)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let marks = o["voorlopig"] as? [String: Any]
        #expect((marks?["bedragen"] as? [String])?.contains("verschil") == true)
        let buffer = o["bufferbudget"] as? [String: Any]
        #expect(buffer?["maximum_per_jaar_centen"] as? Int == 100_000)
        #expect(buffer?["door_gemeente_ingezet"] as? Bool == false)
    }
}

/// The caseload CSV for spreadsheets (issue 22): `;` and a decimal comma in Dutch or with
/// `--scheidingsteken ';'`, `,` and a decimal point in English or with `--scheidingsteken ','`;
/// the totals never in the data.
@Suite struct CaseloadCSVTests {
    static let file = TestSupport.path("Fixtures/caseload/klanten.csv").path

    static func amounts(_ line: Substring, separator: Character) -> [String] {
        line.split(separator: separator, omittingEmptySubsequences: false).dropFirst(2).map(
            String.init)
    }

    @Test func dutchUsesSemicolonsAndDecimalCommas() throws {
        let r = runKompas(["verrekening", "--caseload", Self.file, "--csv"], language: "nl")
        let rows = r.out.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            let cells = Self.amounts(row, separator: ";")
            #expect(cells.count == 7, "\(row)")
            for c in cells {
                #expect(c.wholeMatch(of: /-?\d+,\d\d/) != nil, "\(c) in \(row)")
            }
        }
    }

    @Test func englishUsesCommasAndDecimalPoints() throws {
        let r = runKompas(["verrekening", "--caseload", Self.file, "--csv"], language: "en")
        let lines = r.out.split(separator: "\n")
        #expect(
            lines.first?.hasPrefix("client,month,income,exemption,") == true, "\(lines.first ?? "")"
        )
        for row in lines.dropFirst() {
            for c in Self.amounts(row, separator: ",") {
                #expect(c.wholeMatch(of: /-?\d+\.\d\d/) != nil, "\(c) in \(row)")
            }
        }
        #expect(r.err.contains("Total"))
    }

    @Test func theSeparatorFlagDecidesOverTheLanguage() throws {
        let nl = runKompas(["verrekening", "--caseload", Self.file, "--csv"], language: "nl")
        let semi = runKompas(
            ["verrekening", "--caseload", Self.file, "--separator", ";"], language: "en")
        let comma = runKompas(
            ["verrekening", "--caseload", Self.file, "--scheidingsteken", ","], language: "nl")
        // The same numbers, written two ways; the rows in the same order (deterministic).
        let a = nl.out.split(separator: "\n").dropFirst().map {
            $0.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: ";", with: ",")
        }
        let b = comma.out.split(separator: "\n").dropFirst().map(String.init)
        #expect(a == b)
        let semiRows: [String] = semi.out.split(separator: "\n").dropFirst().map(String.init)
        let nlRows: [String] = nl.out.split(separator: "\n").dropFirst().map(String.init)
        #expect(semiRows == nlRows)
        #expect(semi.out.hasPrefix("client;month;"))
        let bad = runKompas(
            ["verrekening", "--caseload", Self.file, "--scheidingsteken", "tab"], language: "nl")
        #expect(bad.code == 64 && bad.err.contains("--scheidingsteken"), "\(bad.err)")
        // Two runs, the same bytes.
        #expect(
            runKompas(["verrekening", "--caseload", Self.file, "--csv"], language: "nl").out
                == nl.out)
    }

    /// Each amount in the CSV is the JSON's cents, so nothing is lost in the euro notation.
    @Test func theCSVAmountsAreTheJSONAmounts() throws {
        let csv = runKompas(
            ["verrekening", "--caseload", Self.file, "--scheidingsteken", ","], language: "nl")
        let json = runKompas(["verrekening", "--caseload", Self.file, "--json"], language: "nl")
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let rows = try #require(o["rijen"] as? [[String: Any]])
        let lines = csv.out.split(separator: "\n").dropFirst()
        #expect(lines.count == rows.count)
        for (line, row) in zip(lines, rows) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(
                String.init)
            #expect(cells[0] == row["klant"] as? String)
            let cents = cells.dropFirst(2).map { Money.parse($0)?.cents }
            let expected = CaseloadRow.columns.dropFirst(2).map {
                (row[$0] as? Int).map(Int64.init)
            }
            #expect(cents == expected, "\(line)")
        }
    }
}
