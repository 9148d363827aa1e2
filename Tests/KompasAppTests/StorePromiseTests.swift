import Foundation
import KompasCore
import KompasSettlement
import KompasStore
import KompasTestSupport
import Testing

@testable import KompasApp

/// Issue 18: the store keeps what the README promises, through the real commands.
///
/// Every test saves with the real `kompas` commands (in-process, a real SQLite file in a
/// temporary folder) and reads the files back byte by byte.
@Suite struct StorePromiseTests {
    static let pass = "correct paard batterij"

    /// A temporary store folder and the environment that points `kompas` at it.
    final class Folder: @unchecked Sendable {
        let url: URL
        init() {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kompas-issue18-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        var store: URL { url.appendingPathComponent("opslag/kompas.db") }
        func env(_ pass: String = StorePromiseTests.pass) -> [String: String] {
            [
                "KOMPAS_OPSLAG": url.appendingPathComponent("opslag").path,
                "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_WACHTWOORD": pass,
            ]
        }
        func file(_ name: String, _ text: String) throws -> String {
            let f = url.appendingPathComponent(name)
            try Data(text.utf8).write(to: f)
            return f.path
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let employers = [
        "Café Müller", "Zoë BV", "Gemeentelijke Schoonmaakdienst Amsterdam-Noord",
        "Bakkerij Zonnebloem",
    ]

    /// A payslip CSV: one monthly slip per employer and month, net 700 + n euros.
    static func csv(_ employers: [String], months: ClosedRange<Int>) -> String {
        var lines = ["betaaldatum;periode_van;periode_tot;netto;werkgever"]
        for m in months {
            let mm = m < 10 ? "0\(m)" : "\(m)"
            let last = "2026-\(mm)-\(LocalDate.daysIn(year: 2026, month: m))"
            for (n, e) in employers.enumerated() {
                lines.append("\(last);2026-\(mm)-01;\(last);\(700 + n),00;\(e)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    // MARK: Scanning

    /// Lower-case ASCII letters and digits plus every non-ASCII byte; the rest (spaces,
    /// punctuation, control bytes) is dropped, so `Café-Müller` and `cafe muller` meet.
    static func normalized<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        bytes.compactMap { b -> UInt8? in
            switch b {
            case 0x41...0x5A: b + 32
            case 0x61...0x7A, 0x30...0x39, 0x80...: b
            default: nil
            }
        }
    }

    /// The forms a name or date could take on disk: UTF-8 as typed (NFC and NFD), lower-cased,
    /// and folded to ASCII, each normalized.
    static func needles(_ text: String) -> Set<[UInt8]> {
        let forms = [
            text, text.lowercased(), text.uppercased(), text.precomposedStringWithCanonicalMapping,
            text.decomposedStringWithCanonicalMapping,
            text.lowercased().decomposedStringWithCanonicalMapping,
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil),
            String(text.lowercased().unicodeScalars.filter(\.isASCII)),
        ]
        return Set(forms.map { normalized(Array($0.utf8)) }.filter { $0.count >= 6 })
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == first && Array(hay[i..<i + needle.count]) == needle { return true }
            i += 1
        }
        return false
    }

    /// Every file under `dir` (store, WAL, shm, lock, backups) that holds one of `secrets`.
    static func scan(_ dir: URL, for secrets: [String]) -> [String] {
        var hits: [String] = []
        let files =
            (FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []).filter { !$0.hasDirectoryPath }
        for f in files {
            let hay = normalized((try? Data(contentsOf: f)) ?? Data())
            for s in secrets where needles(s).contains(where: { contains(hay, $0) }) {
                hits.append("\(f.lastPathComponent): \(s)")
            }
        }
        return hits
    }

    /// The names and dates written by ``csv(_:months:)`` and the hour records below.
    static let secrets =
        employers + [
            "2026-01-31", "2026-02-28", "2026-03-31", "2026-01-01", "2026-02-01", "2026-03-01",
            "2026-02-03",
        ]

    @Test func theScannerFindsANameAndADateWrittenPlainly() throws {
        let folder = Folder()
        _ = try folder.file(
            "lek.bin",
            "\u{1}CAFÉ-MÜLLER\u{0}x 2026/01/31 gemeentelijke schoonmaakdienst, amsterdam noord")
        let hits = Self.scan(folder.url, for: Self.secrets)
        #expect(hits.contains("lek.bin: Café Müller"))
        #expect(hits.contains("lek.bin: 2026-01-31"))
        #expect(hits.contains("lek.bin: Gemeentelijke Schoonmaakdienst Amsterdam-Noord"))
        #expect(!hits.contains("lek.bin: Zoë BV"))
    }

    // MARK: 1. Non-ASCII and long employers

    @Test func nonASCIIAndLongEmployersAreSavedByEveryCommand() throws {
        let folder = Folder()
        let env = folder.env()
        for (n, e) in Self.employers.enumerated() {
            let r = runKompas(
                [
                    "loonstrook", "toevoegen", "--betaaldatum", "2026-01-31", "--periode-van",
                    "2026-01-01", "--periode-tot", "2026-01-31", "--netto", "\(600 + n),00",
                    "--werkgever", e,
                ], environment: env)
            #expect(r.code == 0, "\(e): \(r.err)")
        }
        let file = try folder.file("stroken.csv", Self.csv(Self.employers, months: 2...3))
        let imported = runKompas(["loonstrook", "importeer", file], environment: env)
        #expect(imported.code == 0, "\(imported.err)")
        let hours = runKompas(
            [
                "uren", "toevoegen", "--datum", "2026-02-03", "--gewerkte-uren", "4", "--werkgever",
                "Zoë BV",
            ],
            environment: env)
        #expect(hours.code == 0, "\(hours.err)")
        let list = runKompas(["loonstrook", "lijst", "--json"], environment: env)
        #expect(list.code == 0)
        for e in Self.employers { #expect(list.out.contains(e), "\(e) missing from the list") }
        #expect((Self.json(list.out)["loonstroken"] as? [Any])?.count == 12)
        // The same file again: every slip is recognised as already saved.
        let again = runKompas(["loonstrook", "importeer", file, "--json"], environment: env)
        #expect(again.code == 0)
        #expect(Self.json(again.out)["opgeslagen"] as? Int == 0, "\(again.out)")
        let uren = runKompas(["uren", "lijst", "--json"], environment: env)
        #expect(uren.out.contains("Zoë BV"))
    }

    // MARK: 2. Nothing personal on disk

    @Test func noEmployerOrDateInAnyFileAfterSavingExportingAndRestoring() throws {
        let folder = Folder()
        let env = folder.env()
        let file = try folder.file("stroken.csv", Self.csv(Self.employers, months: 1...3))
        #expect(runKompas(["loonstrook", "importeer", file], environment: env).code == 0)
        #expect(
            runKompas(
                [
                    "uren", "toevoegen", "--datum", "2026-02-03", "--gewerkte-uren", "4",
                    "--werkgever", "Café Müller",
                ],
                environment: env
            ).code == 0)
        let backup = folder.url.appendingPathComponent("opslag/reserve.kompasbackup").path
        let exported = runKompas(["export", backup], environment: env)
        #expect(exported.code == 0, "\(exported.err)")
        // Restore into a second store next to it: its files are scanned too.
        var other = env
        other["KOMPAS_OPSLAG"] = folder.url.appendingPathComponent("hersteld").path
        #expect(runKompas(["importeer", backup], environment: other).code == 0)
        let listed = runKompas(["loonstrook", "lijst", "--json"], environment: other)
        #expect(listed.out.contains("Café Müller"))
        let hits = Self.scan(folder.url, for: Self.secrets).filter { !$0.hasPrefix("stroken.csv") }
        #expect(hits.isEmpty, "plaintext on disk: \(hits)")
    }

    // MARK: Migration of a first-schema store

    /// The payslips `store-v1-loonstroken.kompas` was made from (with `loonstrook importeer`),
    /// plus `uren toevoegen --datum 2026-02-03 --gewerkte-uren 4 --werkgever "Bakkerij
    /// Zonnebloem"`.
    static let fixtureCSV = """
        betaaldatum;periode_van;periode_tot;netto;werkgever
        2026-01-31;2026-01-01;2026-01-31;812,50;Bakkerij Zonnebloem
        2026-02-28;2026-02-01;2026-02-28;790,00;Bakkerij Zonnebloem
        2026-03-31;2026-03-01;2026-03-31;805,25;Bakkerij Zonnebloem

        """

    /// `store-v1.kompas` (issue 6) holds a record under a random id and a profile; its sibling
    /// `store-v1-loonstroken.kompas` was written by the schema-1 `kompas` (before issue 18)
    /// through `loonstrook importeer` and `uren toevoegen`, so its ids are the old ones made of
    /// employer and dates (`2026-01-31_2026-01-01_2026-01-31_bakkerijzonnebloem`).
    @Test func aFirstSchemaStoreIsMigratedAndKeepsRecognisingItsPayslips() throws {
        for name in ["store-v1.kompas", "store-v1-loonstroken.kompas"] {
            let folder = Folder()
            try FileManager.default.createDirectory(
                at: folder.store.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: TestSupport.path("Fixtures/store/\(name)"), to: folder.store)
            let env = folder.env("fixture-wachtwoord")
            let before = Self.scan(folder.url, for: ["Bakkerij Zonnebloem", "2026-01-31"])
            let list = runKompas(["loonstrook", "lijst", "--json"], environment: env)
            #expect(list.code == 0, "\(name): \(list.err)")
            if name == "store-v1-loonstroken.kompas" {
                #expect(!before.isEmpty, "the old fixture should hold the old ids")
                #expect(list.out.components(separatedBy: "Bakkerij Zonnebloem").count - 1 == 3)
                // The CSV the fixture was made from: every slip is recognised as saved.
                let file = try folder.file("stroken.csv", Self.fixtureCSV)
                let again = runKompas(
                    ["loonstrook", "importeer", file, "--json"], environment: env)
                #expect(again.code == 0)
                #expect(Self.json(again.out)["opgeslagen"] as? Int == 0, "\(again.out)")
                let uren = runKompas(["uren", "lijst", "--json"], environment: env)
                #expect(uren.out.contains("Bakkerij Zonnebloem"))
            }
            let hits = Self.scan(
                folder.url, for: ["Bakkerij Zonnebloem", "2026-01-31", "2026-02-03"]
            )
            .filter { !$0.hasPrefix("stroken.csv") }
            #expect(hits.isEmpty, "\(name): plaintext after migration: \(hits)")
        }
    }
}
