import Foundation
import KompasMunicipality
import KompasStore
import KompasSync
import KompasTestSupport
import Testing

/// The whole journey over real loopback HTTP with the real binaries: the client pushes payslips
/// and a monthly statement, the klantmanager publishes a settlement and a message, the client
/// pulls them, and `kompas status` shows the receipt.
@Suite struct RoundTripTests {
    @Test func clientPushesKlantmanagerPublishesClientPulls() throws {
        let g = try Gemeente()
        let (km, kmToken, clients) = try g.caseload()
        let me = clients[0]
        let dir = TempDir()
        let tokenFile = dir.path("token.txt")
        try (me.token + "\n").write(to: tokenFile, atomically: true, encoding: .utf8)

        // instellen creates the store and keeps endpoint and token sealed in it.
        var r = try kompas(
            ["sync", "instellen", "--eindpunt", g.baseURL, "--token-bestand", tokenFile.path], dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("De gemeente is ingesteld"))
        let raw = try Data(contentsOf: dir.path("klant/kompas.db"))
        #expect(
            raw.range(of: Data(me.token.utf8)) == nil,
            "the token must not be in plaintext in the store")

        var slips: [String] = []
        do {
            let store = try openStore(dir)
            for i in 1...3 {
                slips.append(
                    try Outbox.enqueue(
                        type: .loonstrook,
                        data: payslip(month: "2026-03", netto: 40_000 + Int64(i), n: i),
                        startAt: "2026-03-01", in: store))
            }
            try Outbox.enqueue(
                type: .inkomstenopgave,
                data: .object([
                    "maand": .string("2026-03"), "inkomstenCent": .integer(120_006),
                    "loonstroken": .array(slips.map { .string($0) }),
                ]),
                startAt: "2026-03-01", in: store)
        }
        r = try kompas(["status"], dir)
        #expect(r.stdout.contains("Nog niet verstuurd"), "\(r.stdout)")
        #expect(r.stdout.contains("maart 2026: loonstroken: 3."), "\(r.stdout)")

        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("maart 2026: Ontvangen door de gemeente op "), "\(r.stdout)")
        #expect(r.stdout.contains("Loonstroken ontvangen door de gemeente: 3."))

        // The klantmanager sees the caseload's statement, then publishes a decision and a message.
        let kmClient = g.client(kmToken)
        let statements = try kmClient.all(type: .inkomstenopgave)
        #expect(statements.count == 1)
        #expect(statements.first?.record.data["inkomstenCent"] == .integer(120_006))
        #expect(statements.first?.klant == me.id)
        #expect(try kmClient.all(type: .loonstrook).count == 3)
        let decision = try kmClient.create(
            NewObject(
                uuid: UUID().uuidString.lowercased(), type: "verrekening", klant: me.id,
                record: NewRecord(
                    data: .object([
                        "maand": .string("2026-03"), "bijstandCent": .integer(61_234),
                        "verrekendInkomenCent": .integer(120_006),
                        "besluitdatum": .string("2026-04-02"),
                    ]),
                    startAt: "2026-03-01")))
        guard case .stored = decision else {
            Issue.record("decision not stored: \(decision)")
            return
        }
        let message = try kmClient.create(
            NewObject(
                uuid: UUID().uuidString.lowercased(), type: "bericht", klant: me.id,
                record: NewRecord(
                    data: .object([
                        "van": .string("klantmanager"),
                        "tekst": .string("Dank je, alles is binnen."),
                    ]),
                    startAt: "2026-04-02")))
        guard case .stored = message else {
            Issue.record("message not stored")
            return
        }
        _ = km
        // With a profile, the decision is set beside Kompas's own preview of March (issue 15).
        // The municipality file is Amsterdam's own with a `hulp` section naming sociaal
        // raadslieden (synthetic name and address): the free help beside the objection text.
        let builtIn = try #require(MunicipalityLoader.builtIn["amsterdam"])
        var municipality = try #require(
            try JSONSerialization.jsonObject(with: Data(builtIn.utf8)) as? [String: Any])
        municipality["hulp"] = [
            "sociaal_raadslieden": [
                "waarde": ["naam": "de Proef-raadslieden", "adres": "https://raadslieden.example"],
                "bron": "synthetisch (test)", "geverifieerd": "te verifiëren: test",
            ]
        ]
        let municipalityFile = dir.path("amsterdam-hulp.json")
        try JSONSerialization.data(withJSONObject: municipality).write(to: municipalityFile)
        r = try kompas(
            ["profiel", "instellen", "--leeftijd", "35", "--gemeente", municipalityFile.path], dir)
        #expect(r.status == 0, "\(r.stderr)")

        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains("Besluit over maart 2026: je krijgt € 612,34 bijstand"), "\(r.stdout)"
        )
        let told = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            told.contains("Het besluit van de gemeente over maart 2026 is anders"), "\(r.stdout)")
        #expect(told.contains("de gemeente betaalt € 612,34"))
        // Awb 6:7: six weeks from the decision of 2 April 2026.
        #expect(told.contains("ongeveer tot 14 mei 2026"))
        #expect(told.contains("Juridisch Loket"))
        #expect(
            told.contains(
                "Je kunt ook gratis hulp vragen aan de Proef-raadslieden: https://raadslieden.example."
            ), "\(r.stdout)")
        #expect(r.stdout.contains("Dank je, alles is binnen."))
        #expect(r.stdout.contains("Er was niets om te versturen."))

        r = try kompas(["status"], dir)
        #expect(r.stdout.contains("maart 2026: Ontvangen door de gemeente op "), "\(r.stdout)")
        #expect(r.stdout.contains("(kenmerk \(statements[0].uuid))"), "\(r.stdout)")
        #expect(r.stdout.contains("Alles is verstuurd."))
        #expect(r.stdout.contains("Van de gemeente:"))

        r = try kompas(["status", "--taal", "en"], dir)
        #expect(r.stdout.contains("March 2026: Received by the municipality on "), "\(r.stdout)")
        #expect(r.stdout.contains("(reference \(statements[0].uuid))"))
        #expect(r.stdout.contains("Decision for March 2026"))

        r = try kompas(["status", "--json", "--taal", "en"], dir)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let months = (json?["ontvangst"] as? [String: Any])?["months"] as? [[String: Any]]
        #expect(months?.first?["statementKenmerk"] as? String == statements[0].uuid)

        // A third sync pulls nothing new and sends nothing: no duplicates on either side.
        r = try kompas(["sync"], dir)
        #expect(r.stdout.contains("Er is niets nieuws van de gemeente."))
        #expect(try kmClient.all(type: .loonstrook).count == 3)
        let store = try openStore(dir)
        #expect(try store.count(in: .ontvangstbewijs) == 4)
        #expect(try store.count(in: .outbox) == 0)

        // The log names path templates, never tokens or ids.
        #expect(g.log.contains("POST /api/v2/objects 201"))
        #expect(
            !g.log.contains(me.token) && !g.log.contains(me.id)
                && !g.log.contains(statements[0].uuid))
    }

    @Test func httpIsRefusedExceptOnLoopback() throws {
        #expect(throws: SyncError.httpsRequired("http://gemeente.example/")) {
            try Endpoint.parse("http://gemeente.example/")
        }
        #expect(throws: SyncError.httpsRequired("http://10.0.0.1:8080")) {
            try Endpoint.parse("http://10.0.0.1:8080")
        }
        #expect(try Endpoint.parse("http://localhost:8080").isLoopback)
        #expect(try Endpoint.parse("http://127.0.0.1:1/basis/").basePath == "/basis")
        #expect(try Endpoint.parse("http://[::1]:8080").host == "::1")
        #expect(try Endpoint.parse("https://gemeente.example").port == 443)
        #expect(throws: SyncError.invalidURL("ftp://x")) { try Endpoint.parse("ftp://x") }
        let dir = TempDir()
        let r = try kompas(
            ["sync", "instellen", "--eindpunt", "http://gemeente.example"], dir,
            env: ["KOMPAS_SYNC_TOKEN": "kgm_x"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("https://"))
    }

    @Test func syncWithoutSetupSaysHow() throws {
        let dir = TempDir()
        _ = try makeStore(dir)
        let r = try kompas(["sync"], dir)
        #expect(r.status == 78)
        #expect(r.stderr.contains("kompas sync instellen"))
    }
}
