import Foundation
import KompasCore
import KompasMunicipality
import KompasTestSupport
import Testing

@testable import KompasApp

/// `kompas watals` on the command line: text and JSON agree, bad input gets the documented exit
/// code in both languages, and the stored profile supplies what is not typed.
@Suite struct WatalsCommandTests {
    static let base = [
        "watals", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
        "--zonder-profiel",
    ]

    @Test func textAndJSONAgree() throws {
        let text = runKompas(Self.base)
        #expect(text.code == 0)
        #expect(text.out.contains("Aanvulling van de gemeente"))
        #expect(text.out.contains("€ 587,27"))
        let json = runKompas(Self.base + ["--json"])
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let amounts = try #require(o["bedragen_centen"] as? [String: Int])
        #expect(amounts["aanvulling"] == 58_727)
        #expect(amounts["brutoloon"] == 101_989)
        let totals = try #require(o["totaal_centen"] as? [String: Int])
        // Every amount the text shows for the whole income is the JSON's, formatted.
        #expect(text.out.contains(formatNL(totals["overhouden"]!)))
        #expect(text.out.contains(formatNL(totals["meer_dan_zonder_werk"]!)))
    }

    func formatNL(_ cents: Int) -> String {
        let e = cents / 100
        let c = cents % 100
        var s = String(e)
        var grouped = ""
        while s.count > 3 {
            grouped = "." + s.suffix(3) + grouped
            s.removeLast(3)
        }
        return "€ " + s + grouped + "," + (c < 10 ? "0" : "") + String(c)
    }

    @Test func explainNamesSourcesAndDates() {
        let r = runKompas(Self.base + ["--uitleg"])
        #expect(r.code == 0)
        #expect(r.out.contains("Participatiewet art. 21"))
        #expect(r.out.contains("pw.vrijlating.n.maximum = € 285,00, geldt vanaf 1 januari 2026"))
        #expect(r.out.contains("te verifiëren"))
    }

    @Test func englishIsComplete() {
        let r = runKompas(Self.base, language: "en")
        #expect(r.code == 0)
        #expect(r.out.contains("What do you keep in March 2026?"))
        #expect(r.out.contains("€587.27"))
        #expect(!r.out.contains("["), "no missing keys shown as [key]")
    }

    @Test(arguments: [
        (["--uren", "200"], Int32(65)), (["--uren", "-3"], Int32(64)),
        (["--uurloon", "14,7x"], Int32(64)),
        (["--maand", "2024-06"], Int32(65)), (["--maand", "2026-13"], Int32(64)),
        (["--leeftijd", "16"], Int32(65)),
        (["--gemeente", "nergenshuizen"], Int32(66)), (["--huishouden", "stel"], Int32(64)),
        (["--van", "10", "--tot", "5"], Int32(64)), (["--opvang-uren", "80"], Int32(64)),
    ])
    func badInput(extra: [String], code: Int32) {
        for lang in TestSupport.languages {
            let r = runKompas(Self.base + extra, language: lang)
            #expect(r.code == code, "\(extra) in \(lang): \(r.err)")
            #expect(r.out.isEmpty)
            #expect(r.err.hasPrefix("kompas: "))
            #expect(
                !r.err.contains("[income") && !r.err.contains("[watals"), "a missing key: \(r.err)")
        }
    }

    @Test func sweepMarksExitAndTrap() {
        let r = runKompas([
            "watals", "--maand", "2026-03", "--leeftijd", "35", "--uurloon", "14,71", "--uren",
            "16", "--van", "0", "--tot", "40", "--stap", "2", "--huur", "650", "--zonder-profiel",
        ])
        #expect(r.code == 0)
        #expect(r.out.contains("Vanaf 25,17 uur per week heb je geen aanvulling meer nodig."))
        #expect(r.out.contains("Met 9,17 uur per week extra"))
        #expect(r.out.contains("█"))
    }

    @Test func municipalityFileErrorsNameFileFieldAndReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("test.json")
        try Data(
            #"{"schema": 1, "id": "test", "naam": "Test", "inkomen": {"vrijlating_standaard": {"waarde": "ja", "bron": "x", "geverifieerd": "y"}}}"#
                .utf8
        ).write(to: bad)
        let r = runKompas(Self.base + ["--gemeente", bad.path])
        #expect(r.code == 78)
        #expect(r.err.contains(bad.path) && r.err.contains("inkomen.vrijlating_standaard.waarde"))
        try Data(#"{"schema": 1, "id": "test", "naam": "Test", "inkomen": {}}"#.utf8).write(to: bad)
        let missing = runKompas(Self.base + ["--gemeente", bad.path])
        #expect(missing.code == 78 && missing.err.contains("inkomen.vrijlating_standaard"))
        let goodText = try #require(MunicipalityLoader.builtIn["amsterdam"]).replacingOccurrences(
            of: "\"stadspas\"", with: "\"ruimtereis\"")
        try Data(goodText.utf8).write(to: bad)
        let kind = runKompas(Self.base + ["--gemeente", bad.path])
        #expect(kind.code == 78 && kind.err.contains("voorzieningen[0]"), "\(kind.err)")
    }

    @Test func profileSuppliesDefaults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-profiel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let set = runKompas(
            [
                "profiel", "instellen", "--huishouden", "alleenstaande", "--leeftijd", "35",
                "--uren", "16", "--uurloon", "14,71",
            ], environment: env)
        #expect(set.code == 0, "\(set.err)")
        let shown = runKompas(["profiel", "--json"], environment: env)
        #expect(shown.out.contains("\"--leeftijd\""))
        let w = runKompas(["watals", "--maand", "2026-03", "--json"], environment: env)
        #expect(w.code == 0, "\(w.err)")
        #expect(w.out.contains("\"aanvulling\" : 58727"))
        // Typed flags win: a gross monthly wage replaces the stored hours and hourly wage.
        let typed = runKompas(
            ["watals", "--maand", "2026-03", "--netto-maandloon", "2500", "--json"],
            environment: env)
        #expect(typed.code == 0 && typed.out.contains("\"aanvulling\" : 0"))
        // Without a passphrase and without a terminal: runs on flags, says so.
        var noPass = env
        noPass["KOMPAS_WACHTWOORD"] = nil
        let plain = runKompas(
            ["watals", "--maand", "2026-03", "--leeftijd", "40"], environment: noPass)
        #expect(plain.code == 0 && plain.err.contains("profiel"))
        // A bad value is refused before anything is stored.
        let bad = runKompas(["profiel", "instellen", "--leeftijd", "zestien"], environment: env)
        #expect(bad.code == 64)
    }

    @Test func assetsAboveTheLimitAreNamedKindly() throws {
        // Art. 34 lid 3 Pw (text of 1-7-2026): € 8.000 for a single person; from the rule file.
        let r = runKompas(
            [
                "watals", "--maand", "2026-09", "--huishouden", "alleenstaande", "--leeftijd", "35",
                "--vermogen", "9000",
            ], language: "nl")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("vermogensgrens van de bijstand"))
        let within = runKompas(
            [
                "watals", "--maand", "2026-09", "--huishouden", "alleenstaande", "--leeftijd", "35",
                "--vermogen", "7000", "--json",
            ], language: "nl")
        let o = try JSONSerialization.jsonObject(with: Data(within.out.utf8)) as? [String: Any]
        let limit = o?["vermogensgrens"] as? [String: Any]
        #expect(limit?["grens_centen"] as? Int == 800_000)
        #expect(limit?["boven_grens"] as? Bool == false)
    }

    @Test func a2027SweepNamesItsProvisionalFigures() throws {
        let args = [
            "watals", "--maand", "2027-02", "--huishouden", "alleenstaande", "--leeftijd", "35",
            "--uurloon", "15", "--van", "0", "--tot", "16", "--stap", "8",
        ]
        let text = runKompas(args, language: "nl")
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("Voorlopig: de bedragen voor 2027 zijn nog niet bekend."))
        let json = runKompas(args + ["--json"], language: "nl")
        let o = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let figures = (o?["voorlopig"] as? [String: Any])?["cijfers"] as? [[String: Any]] ?? []
        #expect(figures.contains { $0["id"] as? String == "pw.norm.alleenstaande" })
        let december = runKompas(
            [
                "watals", "--maand", "2026-12", "--huishouden", "alleenstaande", "--leeftijd", "35",
                "--uurloon", "15", "--van", "0", "--tot", "16", "--stap", "8",
            ], language: "nl")
        // December 2026: only the minimum wage of the input check is not final.
        #expect(!december.out.contains("Voorlopig: de bedragen"))
        #expect(
            december.out.contains(
                "Kompas controleert je uurloon met een bedrag dat nog niet zeker is."))
    }
}
