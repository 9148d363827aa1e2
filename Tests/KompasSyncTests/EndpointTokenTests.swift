import Foundation
import KompasSync
import KompasTestSupport
import Testing

/// Issue 18: tokens can be revoked and listed without their secrets, and a create with another
/// client's uuid cannot tell that the uuid exists.
@Suite struct EndpointTokenTests {
    static func create(_ c: ObjectsClient, uuid: String, netto: Int64) throws
        -> ObjectsClient.WriteOutcome
    {
        try c.create(
            NewObject(
                uuid: uuid, type: "loonstrook",
                record: NewRecord(
                    data: payslip(month: "2026-03", netto: netto), startAt: "2026-03-01")))
    }

    @Test func aTokenIsListedWithoutItsSecretAndCanBeRevoked() throws {
        let g = try Gemeente()
        let (_, _, clients) = try g.caseload(clients: 2)
        let token = clients[0].token
        let parts = token.split(separator: "_")
        let listing = try g.admin(["tokens"])
        #expect(listing.contains(String(parts[1])), "the token id is listed: \(listing)")
        #expect(listing.contains(clients[0].id))
        #expect(!listing.contains(String(parts[2])), "the secret is never shown")
        #expect(try g.client(token).all(type: .loonstrook).isEmpty)
        let revoked = try g.admin(["intrekken", "--token", String(parts[1])])
        #expect(!revoked.contains(String(parts[2])))
        let r = try rawExchange(
            port: g.port, MalformedRequestTests.request("GET", "/api/v2/objects", token: token))
        #expect(r.status == 401)
        // The other client's token still works, and the revoked one is gone from the list.
        #expect(try g.client(clients[1].token).all(type: .loonstrook).isEmpty)
        #expect(!(try g.admin(["tokens"])).contains(String(parts[1])))
        // Revoking an unknown token is an error with exit 65.
        let unknown = try TestSupport.run(
            Gemeente.binary,
            ["admin", "intrekken", "--token", "0000000000000000", "--data", g.data.path])
        #expect(unknown.status == 65)
    }

    @Test func anotherClientsUUIDLooksExactlyLikeAnUnknownOne() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload(clients: 2)
        let a = g.client(clients[0].token)
        let b = g.client(clients[1].token)
        let taken = UUID().uuidString.lowercased()
        guard case .stored(let mine) = try Self.create(a, uuid: taken, netto: 100) else {
            Issue.record("create failed")
            return
        }
        // B reads and writes A's uuid: the same answers as for a uuid nobody has.
        let fresh = UUID().uuidString.lowercased()
        #expect(try b.object(taken) == nil)
        #expect(try b.object(fresh) == nil)
        let onTaken = try Self.create(b, uuid: taken, netto: 200)
        let onFresh = try Self.create(b, uuid: fresh, netto: 200)
        guard case .stored(let bTaken) = onTaken, case .stored(let bFresh) = onFresh else {
            Issue.record("B's creates: \(onTaken) \(onFresh)")
            return
        }
        #expect(bTaken.uuid == taken && bFresh.uuid == fresh)
        #expect(bTaken.klant == clients[1].id)
        // A's object is untouched and still A's.
        let still = try #require(try a.object(taken))
        #expect(still.klant == clients[0].id && still.record.data == mine.record.data)
        #expect(try b.object(taken)?.record.data == bTaken.record.data)
        // The klantmanager sees three objects, each with its client.
        let all = try g.client(kmToken).all(type: .loonstrook)
        #expect(all.count == 3)
        #expect(Set(all.map(\.klant)) == Set([clients[0].id, clients[1].id]))
    }
}
