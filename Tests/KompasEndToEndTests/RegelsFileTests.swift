import Foundation
import KompasTestSupport
import Testing

/// Issue 16, as a user would do it: drop a rule file into the config folder and a 2027 answer
/// changes without recompiling; `kompas regels` names the file; a broken file is refused with its
/// name, line and reason (exit 78) and nothing of it is used.
@Suite struct RegelsFileTests {
    static let norm2027 = """
        {
          "regeling": "Participatiewet (normen 1-1-2027, Staatscourant)",
          "parameters": [
            {
              "id": "pw.norm.alleenstaande",
              "waarden": [
                {
                  "vanaf": "2027-01-01",
                  "waarde": "1450.00",
                  "staat": "vastgesteld",
                  "bron": "Test: normen per 1-1-2027",
                  "url": "https://wetten.overheid.nl/BWBR0015703/2027-01-01#Artikel21",
                  "verificatie": "synthetisch bedrag voor de test"
                }
              ]
            }
          ]
        }
        """

    func home() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-regels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("config/kompas/regels"),
            withIntermediateDirectories: true)
        return dir
    }

    static let watals = [
        "watals", "--maand", "2027-02", "--huishouden", "alleenstaande", "--leeftijd", "35",
        "--json",
    ]

    func norm(_ json: String) throws -> Int? {
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (o?["bedragen_centen"] as? [String: Any])?["norm"] as? Int
    }

    @Test func aFileInTheConfigFolderChangesA2027AnswerWithoutRecompiling() throws {
        let dir = try home()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
            "KOMPAS_VANDAAG": "2026-12-01",
        ]
        let before = try TestSupport.kompas(Self.watals, environment: env)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(try norm(before.stdout) == 1_419_46)
        // The built-in 2027 norm is expected (carried forward) and says so in JSON.
        let o = try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any]
        let marks = o?["voorlopig"] as? [String: Any]
        #expect((marks?["bedragen"] as? [String])?.contains("norm") == true)
        let figures = marks?["cijfers"] as? [[String: Any]] ?? []
        #expect(
            figures.contains {
                $0["id"] as? String == "pw.norm.alleenstaande"
                    && $0["staat"] as? String == "verwacht"
            })

        let file = dir.appendingPathComponent("config/kompas/regels/normen-2027.json")
        try Data(Self.norm2027.utf8).write(to: file)
        let after = try TestSupport.kompas(Self.watals, environment: env)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try norm(after.stdout) == 1_450_00)
        let ao = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any]
        let afigures = (ao?["voorlopig"] as? [String: Any])?["cijfers"] as? [[String: Any]] ?? []
        let user = afigures.first { $0["id"] as? String == "pw.norm.alleenstaande" }
        #expect((user?["herkomst"] as? [String: Any])?["bestand"] as? String == file.path)

        let regels = try TestSupport.kompas(
            ["regels", "pw.norm.alleenstaande"], environment: env)
        #expect(regels.status == 0)
        #expect(regels.stdout.contains(file.path))
        let list = try TestSupport.kompas(
            ["regels", "--json", "--datum", "2027-02-01"], environment: env)
        let lo = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let params = lo?["parameters"] as? [[String: Any]] ?? []
        #expect(params.count > 90)
        for p in params where p["van_kracht"] as? Bool == true {
            #expect(p["staat"] is String, "\(p["id"] ?? "?") has no state")
            #expect(p["herkomst"] is [String: Any], "\(p["id"] ?? "?") has no origin")
        }
        let normParam = params.first { $0["id"] as? String == "pw.norm.alleenstaande" }
        #expect(((normParam?["herkomst"] as? [String: Any])?["soort"] as? String) == "gebruiker")

        // The same file given with --regels, outside the folder, works the same way.
        try FileManager.default.removeItem(at: file)
        let elsewhere = dir.appendingPathComponent("normen.json")
        try Data(Self.norm2027.utf8).write(to: elsewhere)
        let flag = try TestSupport.kompas(
            Self.watals + ["--regels", elsewhere.path], environment: env)
        #expect(try norm(flag.stdout) == 1_450_00)
    }

    @Test func aBrokenFileIsRefusedWithFileLineAndReason() throws {
        let dir = try home()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
            "KOMPAS_VANDAAG": "2026-12-01",
        ]
        let file = dir.appendingPathComponent("config/kompas/regels/fout.json")
        try Data(Self.norm2027.replacingOccurrences(of: "\"1450.00\"", with: "\"1450,00\"").utf8)
            .write(to: file)
        let r = try TestSupport.kompas(Self.watals, environment: env)
        #expect(r.status == 78)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(file.path))
        #expect(r.stderr.contains("regel 9"))
        #expect(r.stderr.contains("1234.56"))
    }

    @Test func a2027QuestionGetsAMarkedAnswerNotAnError() throws {
        let r = try TestSupport.kompas(
            [
                "watals", "--maand", "2027-03", "--huishouden", "alleenstaande", "--leeftijd", "35",
                "--uren", "16", "--uurloon", "15",
            ],
            environment: ["KOMPAS_VANDAAG": "2026-12-01", "HOME": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Voorlopig: de bedragen voor 2027 zijn nog niet bekend."))
        #expect(r.stdout.contains("Het echte bedrag is meestal iets hoger."))
        #expect(!r.stdout.contains("pw.norm"))
    }
}
