import Foundation

/// One run of the built `kompas` in the list every command's test shares: arguments, optional
/// standard input, and whether its standard output is a machine format (a script, JSON, a page
/// for a browser) that is printed byte for byte.
public struct CommandSample: Sendable {
    public var args: [String]
    public var stdin: String?
    public var machine: Bool

    public init(args: [String], stdin: String? = nil, machine: Bool = false) {
        self.args = args
        self.stdin = stdin
        self.machine = machine
    }
}

/// The runs, in order, on one store, that build on each other as a person's would (issue 22).
///
/// One list, so the width test (every line fits 40 columns) and the leak scan (nothing internal in
/// client text) run the same commands: a command added here is checked by both.
public enum CommandSamples {
    public static let passphrase = "breedte-wachtwoord-12"

    static func fixture(_ p: String) -> String { TestSupport.path(p).path }

    /// The answers a person types into the guide, one flow each, on the store the runs before
    /// made (the passphrase comes from the environment).
    public static let guideFlows: [String] = [
        // First run: household, rent, work, then "what do I keep", a wrong choice and help.
        "1\n4\n?\n1\n34\n650\n0\n1\n1\n16\n14,71\n6\n7\nstop\n",
        // Help on the menu, then a payslip.
        "?\n2\n1\nBakkerij Proef\n25-03-2026\n1\n01-03-2026\n31-03-2026\n812,40\n\nstop\n",
        // This month's settlement, then the summary.
        "3\nstop\n", "5\nstop\n",
        // Settings: help, then the household again.
        "8\n?\n2\n1\n34\n650\n0\n1\nstop\n",
        // Job news: an application, the number agreed, a rejection, a new job.
        "7\n4\n1\nDe Korenaar\nbakker\n03-03-2026\nja\n4\n3\nstop\n",
        "7\n3\n1\nte weinig ervaring\nstop\n", "7\n1\n2026-04\n14,71\n16\nnee\n9\n",
        // Sending to the municipality (set up before, out of reach here).
        "6\nhttp://127.0.0.1:9\nproef-toegangscode\nstop\n",
    ]

    /// The runs; `scratch` is a folder for files a run writes (an export).
    public static func all(scratch: URL) -> [CommandSample] {
        let exportFile = scratch.appendingPathComponent("kopie.kompas").path
        typealias Sample = CommandSample
        return [
            Sample(args: ["help"]),
            Sample(args: ["help", "watals"]),
            Sample(args: ["wachtwoord", "instellen"]),
            Sample(
                args: [
                    "profiel", "instellen", "--leeftijd", "34", "--huur", "650", "--uren", "16",
                    "--uurloon", "14,71", "--gemeente", "amsterdam",
                ]),
            Sample(args: ["profiel", "toon"]),
            Sample(args: ["watals"]),
            Sample(args: ["watals", "--uitleg"]),
            Sample(args: ["watals", "--van", "0", "--tot", "32", "--stap", "4"]),
            Sample(args: ["watals", "--json"], machine: true),
            Sample(args: ["watals", "--frequentie", "4weken", "--loondatum", "2026-03-06"]),
            Sample(
                args: [
                    "loonstrook", "importeer",
                    fixture("Fixtures/loonstroken/vierwekelijks-2026.csv"),
                ]),
            Sample(
                args: [
                    "loonstrook", "toevoegen", "--netto", "812,40", "--bruto", "901,10",
                    "--gewerkte-uren", "60", "--werkgever", "Bakkerij De Korenschoof",
                    "--betaaldatum", "2026-03-25", "--periode-van", "2026-02-01",
                    "--periode-tot", "2026-02-28",
                ]),
            Sample(args: ["loonstrook", "lijst"]),
            Sample(args: ["loonstrook", "verwijder", "1"]),
            Sample(args: ["uren", "toevoegen", "--datum", "2026-03-10", "--gewerkte-uren", "6"]),
            Sample(args: ["uren", "lijst"]),
            Sample(args: ["uren"]),
            Sample(args: ["verrekening", "--maand", "2026-03"]),
            Sample(args: ["verrekening", "--maand", "2026-03", "--opgave"]),
            Sample(args: ["verrekening", "--maand", "2026-03", "--uitleg"]),
            Sample(args: ["verrekening", "--caseload", fixture("Fixtures/caseload/klanten.csv")]),
            Sample(args: ["controleer", "cv", fixture("Fixtures/documenten/nl-zwak.cv.txt")]),
            Sample(
                args: [
                    "controleer", "brief", fixture("Fixtures/documenten/nl-standaard.brief.txt"),
                ]),
            Sample(args: ["samenvatting"]),
            Sample(args: ["samenvatting", "--voor", "klantmanager"]),
            Sample(args: ["samenvatting", "--geen-grafiek"]),
            Sample(args: ["regels"]),
            Sample(args: ["regels", "pw.norm.alleenstaande"]),
            Sample(args: ["status"]),
            Sample(args: ["sync"]),
            Sample(args: ["sync", "instellen", "--eindpunt", "http://127.0.0.1:9"]),
            Sample(args: ["sync"]),
            Sample(args: ["sync", "oplossen"]),
            Sample(args: ["export", exportFile]),
            Sample(args: ["importeer", exportFile]),
            Sample(args: ["completions", "bash"], machine: true),
            Sample(args: ["completions", "zsh"], machine: true),
            Sample(args: ["completions", "fish"], machine: true),
        ] + guideFlows.map { Sample(args: ["gids"], stdin: $0) } + [
            // The application log (issue 21), with a store by now.
            Sample(
                args: [
                    "sollicitatie", "toevoegen", "--werkgever", "Bakkerij De Korenaar",
                    "--functie", "medewerker bakkerij en winkel", "--datum", "2026-03-03",
                    "--kanaal", "brief",
                ]),
            Sample(args: ["sollicitatie", "lijst"]),
            Sample(args: ["sollicitatie", "status", "1", "--status", "afgewezen"]),
            Sample(args: ["sollicitatie", "notitie", "1", "--tekst", "Gebeld, ze bellen terug."]),
            Sample(
                args: [
                    "sollicitatie", "afspraak", "--aantal", "4", "--per-weken", "3", "--vanaf",
                    "2026-03-02",
                ]),
            Sample(args: ["sollicitatie", "overzicht"]),
            Sample(args: ["sollicitatie", "overzicht", "--formaat", "html"], machine: true),
            Sample(args: ["sollicitatie", "stuur"]),
            Sample(args: ["sollicitatie", "verwijder", "1"]),
            Sample(args: ["baan", "--gestart", "2026-04"]),
            Sample(args: ["wachtwoord", "wijzigen"]),
            Sample(args: ["wis", "--ja"]),
        ]
    }

    /// The environment of the runs: a store in `dir`, the test's scrypt cost, the passphrase (and
    /// a new one for `wachtwoord wijzigen`), a fixed day, no colour.
    public static func environment(dir: URL, language: String, columns: Int) -> [String: String] {
        [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("opslag").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": passphrase, "KOMPAS_NIEUW_WACHTWOORD": passphrase + "-nieuw",
            "KOMPAS_TAAL": language, "KOMPAS_VANDAAG": "2026-03-15", "COLUMNS": "\(columns)",
            "NO_COLOR": "1", "XDG_CONFIG_HOME": dir.path, "XDG_DATA_HOME": dir.path,
        ]
    }

    /// All runs in order, then `extra`, on a fresh store in `dir` (removed afterwards).
    public static func runAll(
        columns: Int, language: String, dir: URL, extra: [CommandSample] = []
    ) throws -> [(
        CommandSample, TestSupport.ProcessResult
    )] {
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = environment(dir: dir, language: language, columns: columns)
        var results: [(CommandSample, TestSupport.ProcessResult)] = []
        for s in all(scratch: dir) + extra {
            var e = env
            if s.args.first == "wis" || s.args.first == "wachtwoord" && s.args.last == "wijzigen" {
                e["KOMPAS_WACHTWOORD"] = passphrase
            }
            let r = try TestSupport.kompas(s.args, environment: e, stdin: s.stdin ?? "")
            results.append((s, r))
        }
        return results
    }
}
