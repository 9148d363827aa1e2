import Foundation
import KompasSync
import Testing

/// Client A cannot read, list, guess or overwrite client B's objects; each attempt answers
/// exactly what an object that does not exist would, and never B's data.
@Suite struct IsolationTests {
    @Test func clientsSeeOnlyTheirOwnObjects() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload(clients: 2)
        let a = g.client(clients[0].token)
        let b = g.client(clients[1].token)
        let uuidB = UUID().uuidString.lowercased()
        let secretNet: Int64 = 98_765
        guard
            case .stored = try b.create(
                NewObject(
                    uuid: uuidB, type: "loonstrook",
                    record: NewRecord(
                        data: payslip(month: "2026-03", netto: secretNet), startAt: "2026-03-01")))
        else {
            Issue.record("B's create failed")
            return
        }
        let unknown = UUID().uuidString.lowercased()
        for uuid in [uuidB, unknown] {
            for path in ["/api/v2/objects/\(uuid)", "/api/v2/objects/\(uuid)/history"] {
                let r = try a.send("GET", path)
                #expect(r.status == 404, "\(path)")
                #expect(!String(decoding: r.body, as: UTF8.self).contains(String(secretNet)))
            }
            let put = try a.send(
                "PUT", "/api/v2/objects/\(uuid)",
                body: WireJSON.encode(
                    PutRecordBody(
                        record:
                            NewRecord(
                                data: payslip(month: "2026-03", netto: 1), startAt: "2026-03-01",
                                correctionFor: 1))))
            #expect(put.status == 404)
            // Guessing B's uuid in a create neither overwrites B's object nor reveals it: it
            // makes A's own object, exactly as an unknown uuid does (issue 18: it used to answer
            // 404 for B's uuid and 201 for an unknown one, telling which uuids exist).
            let post = try a.send(
                "POST", "/api/v2/objects",
                body: WireJSON.encode(
                    NewObject(
                        uuid: uuid, type: "loonstrook",
                        record: NewRecord(
                            data: payslip(month: "2026-03", netto: 1), startAt: "2026-03-01"))))
            #expect(post.status == 201, "\(uuid == uuidB ? "B's uuid" : "unknown uuid")")
        }
        // Listing and filtering, also by B's id, show nothing of B.
        for query in [
            "", "?type=loonstrook", "?klant=\(clients[1].id)",
            "?data_attrs=nettoCent__exact__\(secretNet)",
        ] {
            let r = try a.send("GET", "/api/v2/objects\(query)")
            #expect(r.status == 200)
            let page = try WireJSON.decode(ResultPage<ObjectResource>.self, r.body)
            #expect(page.results.allSatisfy { $0.klant == clients[0].id }, "\(query)")
            #expect(!page.results.contains { $0.record.data["nettoCent"] == .integer(secretNet) })
        }
        // B's object is untouched.
        let mine = try #require(try b.object(uuidB))
        #expect(mine.record.index == 1)
        #expect(mine.record.data["nettoCent"] == .integer(secretNet))
        // The klantmanager of both sees both; a klantmanager of another caseload sees neither.
        // (B's object, and the two A made with B's and with an unknown uuid.)
        #expect(try g.client(kmToken).all(type: .loonstrook).count == 3)
        let (_, otherKM, _) = try g.caseload(clients: 0)
        #expect(try g.client(otherKM).send("GET", "/api/v2/objects/\(uuidB)").status == 404)
        #expect(try g.client(otherKM).all(type: .loonstrook).isEmpty)
        let foreignDecision = try g.client(otherKM).send(
            "POST", "/api/v2/objects",
            body: WireJSON.encode(
                NewObject(
                    uuid: UUID().uuidString.lowercased(), type: "verrekening", klant: clients[1].id,
                    record: NewRecord(
                        data: .object([
                            "maand": .string("2026-03"), "bijstandCent": .integer(1),
                            "besluitdatum": .string("2026-04-01"),
                        ]),
                        startAt: "2026-03-01"))))
        #expect(foreignDecision.status == 403)
    }

    @Test func rolesWriteOnlyTheirTypes() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let client = g.client(clients[0].token)
        let km = g.client(kmToken)
        let decision = NewObject(
            uuid: UUID().uuidString.lowercased(), type: "verrekening",
            record: NewRecord(
                data: .object([
                    "maand": .string("2026-03"), "bijstandCent": .integer(1),
                    "besluitdatum": .string("2026-04-01"),
                ]),
                startAt: "2026-03-01"))
        #expect(
            try client.send("POST", "/api/v2/objects", body: WireJSON.encode(decision)).status
                == 403)
        var slip = NewObject(
            uuid: UUID().uuidString.lowercased(), type: "loonstrook", klant: clients[0].id,
            record: NewRecord(data: payslip(month: "2026-03", netto: 5), startAt: "2026-03-01"))
        #expect(try km.send("POST", "/api/v2/objects", body: WireJSON.encode(slip)).status == 403)
        // A client's message must say it is from the client.
        slip.type = "bericht"
        slip.record.data = .object(["van": .string("klantmanager"), "tekst": .string("nep")])
        #expect(
            try client.send("POST", "/api/v2/objects", body: WireJSON.encode(slip)).status == 400)
    }

    /// Two devices of one client: the second corrects a statement the first also corrects.
    ///
    /// The
    /// later one is a conflict shown to the person, never a silent overwrite; choosing "mijne"
    /// sends it on top of the other.
    @Test func aCorrectionOnAStaleRecordIsAConflict() throws {
        let g = try Gemeente()
        let (_, _, clients) = try g.caseload()
        let dir = TempDir()
        let store = try makeStore(dir)
        try SyncSettings(endpoint: try Endpoint.parse(g.baseURL), token: clients[0].token).save(
            in: store)
        let uuid = try Outbox.enqueue(
            type: .inkomstenopgave, data: statement(month: "2026-03", cents: 100),
            startAt: "2026-03-01", in: store)
        var r = try kompas(["sync"], dir)
        #expect(r.status == 0)
        // The other device corrects it first.
        let other = g.client(clients[0].token)
        guard
            case .stored(let o) = try other.addRecord(
                uuid,
                NewRecord(
                    data: statement(month: "2026-03", cents: 200),
                    startAt: "2026-03-01", correctionFor: 1))
        else {
            Issue.record("other device's correction failed")
            return
        }
        #expect(o.record.index == 2)
        try Outbox.enqueueCorrection(
            of: uuid, data: statement(month: "2026-03", cents: 300), in: store)
        r = try kompas(["sync"], dir)
        #expect(r.status == 1, "conflicts exit 1")
        #expect(r.stdout.contains("is bij de gemeente veranderd"), "\(r.stdout)")
        let conflict = try #require(try Outbox.conflicts(in: store).first)
        #expect(conflict.serverIndex == 2)
        #expect(conflict.serverData == statement(month: "2026-03", cents: 200))
        #expect(
            try other.object(uuid)?.record.data == statement(month: "2026-03", cents: 200),
            "not overwritten")
        r = try kompas(["status"], dir)
        #expect(r.stdout.contains("kompas sync oplossen \(conflict.id)"))

        r = try kompas(["sync", "oplossen", conflict.id, "--kies", "mijne"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stdout)")
        let final = try #require(try other.object(uuid))
        #expect(final.record.index == 3)
        #expect(final.record.correctionFor == 2)
        #expect(final.record.data == statement(month: "2026-03", cents: 300))
        let history = try WireJSON.decode(
            [ObjectRecord].self, try other.send("GET", "/api/v2/objects/\(uuid)/history").body)
        #expect(history.map(\.index) == [1, 2, 3])
        #expect(history[0].correctedBy == 2 && history[1].correctedBy == 3)
        r = try kompas(["sync", "oplossen", conflict.id, "--kies", "gemeente"], dir)
        #expect(r.status == 65)
    }
}
