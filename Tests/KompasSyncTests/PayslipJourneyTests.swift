import Foundation
import KompasStore
import KompasSync
import KompasTestSupport
import Testing

/// The client's own journey, with no hand-made outbox entries: payslips imported from a CSV file
/// are queued as they are saved, `verrekening --opgave` queues the month's statement, `sync`
/// sends both, and `status` shows the receipt.
///
/// Checked on the server's side too.
@Suite struct PayslipJourneyTests {
    @Test func importedPayslipsAndTheStatementReachTheMunicipality() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let dir = TempDir()
        let tokenFile = dir.path("token.txt")
        try (clients[0].token + "\n").write(to: tokenFile, atomically: true, encoding: .utf8)
        var r = try kompas(
            ["sync", "instellen", "--eindpunt", g.baseURL, "--token-bestand", tokenFile.path], dir)
        #expect(r.status == 0, "\(r.stderr)")

        let csv = dir.path("maart.csv")
        try """
        betaaldatum;periode_van;periode_tot;netto;bruto;werkgever;frequentie
        2026-03-25;2026-03-01;2026-03-31;812,40;850,00;Bakkerij De Korenschoof;maand
        """.write(to: csv, atomically: true, encoding: .utf8)
        r = try kompas(["loonstrook", "importeer", csv.path], dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // Importing the same file again saves nothing new and queues nothing new.
        r = try kompas(["loonstrook", "importeer", csv.path], dir)
        #expect(r.status == 0)

        r = try kompas(["verrekening", "--maand", "2026-03", "--leeftijd", "35", "--opgave"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("staat klaar om te versturen"))

        r = try kompas(["status"], dir)
        #expect(r.stdout.contains("Nog niet verstuurd"), "\(r.stdout)")
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("maart 2026: Ontvangen door de gemeente op "), "\(r.stdout)")

        let km = g.client(kmToken)
        let slips = try km.all(type: .loonstrook)
        #expect(slips.count == 1, "one payslip, sent once")
        #expect(slips.first?.record.data["nettoCent"] == .integer(81_240))
        let statements = try km.all(type: .inkomstenopgave)
        #expect(statements.count == 1)
        #expect(statements.first?.record.data["inkomstenCent"] == .integer(81_240))
        #expect(
            statements.first?.record.data["loonstroken"] == .array([.string(slips.first!.uuid)]))

        // The klantmanager writes; after the next sync the summary names her as the contact person.
        let message = try km.create(
            NewObject(
                uuid: UUID().uuidString.lowercased(), type: "bericht", klant: clients[0].id,
                record: NewRecord(
                    data: .object([
                        "van": .string("klantmanager"), "afzender": .string("Fatma Yilmaz"),
                        "bereikbaar": .string("020 000 0000"),
                        "tekst": .string("Je opgave is binnen. Fijn!"),
                    ]),
                    startAt: "2026-04-01")))
        guard case .stored = message else {
            Issue.record("message not stored: \(message)")
            return
        }
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try kompas(
            [
                "samenvatting", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16",
                "--uurloon", "14,71",
            ], dir)
        #expect(r.status == 0, "\(r.stderr)")
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Fatma Yilmaz") && flat.contains("020 000 0000"), "\(r.stdout)")
    }
}
