import Foundation
import KompasServer
import KompasStore
import KompasSync
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The interop suite (issue 19): `kompas` → kompas-gemeente → a real Open Object 4.0.
///
/// Every test counts both sides: what the client holds (outbox, receipts) and what Open Object
/// holds (objects and records, queried with the application token). Every test also validates
/// the gateway's recorded traffic against Open Object's own `openapi.yaml`.
@Suite(.serialized) struct OpenObjectInteropTests {
    static let payslips = 40
    static let months = 12

    @Test func importOpgaveSyncStatusAndTheKlantmanagersAnswersComeBack() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g = try OOGateway(oo)
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
        r = try kompas(["verrekening", "--maand", "2026-03", "--leeftijd", "35", "--opgave"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("maart 2026: Ontvangen door de gemeente op "), "\(r.stdout)")
        r = try kompas(["status"], dir)
        #expect(r.stdout.contains("Ontvangen door de gemeente"), "\(r.stdout)")
        // A second sync sends nothing again.
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")

        // Open Object's side: one payslip, one statement, each under a keyed uuid, scoped.
        let slips = try oo.objects(.loonstrook, klant: clients[0].id)
        let statements = try oo.objects(.inkomstenopgave, klant: clients[0].id)
        #expect(slips.count == 1)
        #expect(statements.count == 1)
        #expect(slips.first?["record"]?["data"]?["nettoCent"] == .integer(81_240))
        let clientUUID = slips.first?["record"]?["data"]?["kompasUuid"]?.stringValue
        #expect(clientUUID != nil && clientUUID != slips.first?["uuid"]?.stringValue)

        // The klantmanager publishes a verrekening and a bericht; the client pulls both.
        let km = g.client(kmToken)
        #expect(try km.all(type: .loonstrook).map(\.uuid) == [clientUUID ?? "-"])
        let v = try km.create(
            NewObject(
                uuid: UUID().uuidString.lowercased(), type: "verrekening", klant: clients[0].id,
                record: NewRecord(
                    data: .object([
                        "maand": .string("2026-03"), "bijstandCent": .integer(64_012),
                        "besluitdatum": .string("2026-04-10"),
                    ]), startAt: "2026-04-10")))
        guard case .stored = v else {
            Issue.record("verrekening not stored: \(v)")
            return
        }
        let b = try km.create(
            NewObject(
                uuid: UUID().uuidString.lowercased(), type: "bericht", klant: clients[0].id,
                record: NewRecord(
                    data: .object([
                        "van": .string("klantmanager"), "afzender": .string("Fatma Yilmaz"),
                        "bereikbaar": .string("020 000 0000"),
                        "tekst": .string("Je opgave is binnen. Fijn!"),
                    ]), startAt: "2026-04-01")))
        guard case .stored = b else {
            Issue.record("bericht not stored: \(b)")
            return
        }
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try kompas(
            [
                "samenvatting", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16",
                "--uurloon", "14,71",
            ], dir)
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Fatma Yilmaz") && flat.contains("020 000 0000"), "\(r.stdout)")
        let pulled = try openStore(dir)
        #expect(try pulled.count(in: .syncobject) >= 2, "verrekening and bericht are in the store")
        #expect(!g.log.contains(oo.token), "the Open Object token is never logged")
        try expectContract(g.recordings, #function)
    }

    /// The application log (issue 21) through the gateway into Open Object: only what the client
    /// chose to send arrives, once, under the citizen, and the klantmanager can read it.
    @Test func aChosenApplicationReachesOpenObjectOnce() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g = try OOGateway(oo)
        let (_, kmToken, clients) = try g.caseload(clients: 2)
        let dir = TempDir()
        let tokenFile = dir.path("token.txt")
        try (clients[0].token + "\n").write(to: tokenFile, atomically: true, encoding: .utf8)
        var r = try kompas(
            ["sync", "instellen", "--eindpunt", g.baseURL, "--token-bestand", tokenFile.path], dir)
        #expect(r.status == 0, "\(r.stderr)")
        for (employer, date) in [
            ("Bakkerij De Korenaar", "2026-03-03"), ("Kringloop Zuid", "2026-03-05"),
        ] {
            r = try kompas(
                [
                    "sollicitatie", "toevoegen", "--werkgever", employer, "--functie", "verkoper",
                    "--datum", date,
                ], dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        r = try kompas(["sollicitatie", "stuur", "1"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        r = try kompas(["sync"], dir)
        #expect(r.status == 0, "\(r.stderr)")
        let sent = try oo.objects(.sollicitatie, klant: clients[0].id)
        #expect(sent.count == 1, "only the chosen application, once: \(sent.count)")
        #expect(try oo.objects(.sollicitatie, klant: clients[1].id).isEmpty)
        #expect(try g.client(kmToken).all(type: .sollicitatie).count == 1)
        #expect(!g.log.contains(oo.token), "the Open Object token is never logged")
        try expectContract(g.recordings, #function)
    }

    @Test func twoCitizensNeverSeeEachOthersObjects() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g = try OOGateway(oo)
        let (_, _, clients) = try g.caseload(clients: 2)
        let a = g.client(clients[0].token)
        let b = g.client(clients[1].token)
        let shared = UUID().uuidString.lowercased()
        let slipA = NewObject(
            uuid: shared, type: "loonstrook",
            record: NewRecord(data: payslip(month: "2026-02", netto: 11_100), startAt: "2026-02-01")
        )
        let slipB = NewObject(
            uuid: shared, type: "loonstrook",
            record: NewRecord(data: payslip(month: "2026-02", netto: 22_200), startAt: "2026-02-01")
        )
        guard case .stored(let oa) = try a.create(slipA) else {
            Issue.record("A not stored")
            return
        }
        // B chose the same uuid: B gets its own object, exactly as with a uuid nobody has.
        guard case .stored(let ob) = try b.create(slipB) else {
            Issue.record("B with A's uuid was not stored as its own object")
            return
        }
        #expect(oa.uuid == ob.uuid && oa.klant != ob.klant)
        #expect(
            try a.all(type: .loonstrook).map { $0.record.data["nettoCent"] } == [.integer(11_100)])
        #expect(
            try b.all(type: .loonstrook).map { $0.record.data["nettoCent"] } == [.integer(22_200)])
        let own = UUID().uuidString.lowercased()
        _ = try a.create(
            NewObject(
                uuid: own, type: "inkomstenopgave",
                record: NewRecord(
                    data: statement(month: "2026-02", cents: 11_100), startAt: "2026-02-01")))
        #expect(try b.object(own) == nil, "B cannot read A's object")
        let put = try b.addRecord(
            own,
            NewRecord(
                data: statement(month: "2026-02", cents: 1), startAt: "2026-02-01", correctionFor: 1
            ))
        #expect(put == .rejected(status: 404, detail: "Niet gevonden."))
        let hist = try b.send("GET", "/api/v2/objects/\(own)/history")
        #expect(hist.status == 404)
        // A client may not write a verrekening (403, which the client raises as forbidden).
        #expect(throws: SyncError.forbidden) {
            _ = try a.create(
                NewObject(
                    uuid: UUID().uuidString.lowercased(), type: "verrekening",
                    record: NewRecord(
                        data: .object([
                            "maand": .string("2026-02"), "bijstandCent": .integer(1),
                            "besluitdatum": .string("2026-03-01"),
                        ]), startAt: "2026-03-01")))
        }
        // Open Object's side: two payslips, one per citizen, under two different uuids.
        let ooA = try oo.objects(.loonstrook, klant: clients[0].id)
        let ooB = try oo.objects(.loonstrook, klant: clients[1].id)
        #expect(ooA.count == 1 && ooB.count == 1)
        #expect(ooA.first?["uuid"] != ooB.first?["uuid"])
        try expectContract(g.recordings, #function)
    }

    @Test func retriesAreIdempotentAndStaleCorrectionsConflict() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g = try OOGateway(oo)
        let (_, _, clients) = try g.caseload()
        let c = g.client(clients[0].token)
        let uuid = UUID().uuidString.lowercased()
        let new = NewObject(
            uuid: uuid, type: "inkomstenopgave",
            record: NewRecord(
                data: statement(month: "2026-01", cents: 5_000), startAt: "2026-01-01"))
        var raw = try c.send("POST", "/api/v2/objects", body: WireJSON.encode(new))
        #expect(raw.status == 201)
        // The same create again (a retry): Open Object says 400 unique, the gateway 200.
        raw = try c.send("POST", "/api/v2/objects", body: WireJSON.encode(new))
        #expect(raw.status == 200, "\(String(decoding: raw.body, as: UTF8.self))")
        // The same uuid with other content: 409.
        var other = new
        other.record.data = statement(month: "2026-01", cents: 6_000)
        raw = try c.send("POST", "/api/v2/objects", body: WireJSON.encode(other))
        #expect(raw.status == 409)
        // A correction, then the same correction again (a retry: Open Object's 500), then a stale one.
        let fix = NewRecord(
            data: statement(month: "2026-01", cents: 5_500), startAt: "2026-01-01", correctionFor: 1
        )
        guard case .stored(let o2) = try c.addRecord(uuid, fix) else {
            Issue.record("correction not stored")
            return
        }
        #expect(o2.record.index == 2)
        raw = try c.send(
            "PUT", "/api/v2/objects/\(uuid)", body: WireJSON.encode(PutRecordBody(record: fix)))
        #expect(raw.status == 200, "a repeated correction is a retry")
        var stale = fix
        stale.data = statement(month: "2026-01", cents: 9_999)
        #expect(try c.addRecord(uuid, stale) == .conflict(currentIndex: 2))
        // Sent straight to Open Object, that stale correction is its 500; the gateway made it 409.
        let hist = try WireJSON.decode(
            [ObjectRecord].self, try c.send("GET", "/api/v2/objects/\(uuid)/history").body)
        #expect(hist.map(\.index) == [1, 2])
        #expect(hist.first?.correctedBy == 2)
        #expect(try c.all(type: .inkomstenopgave).map(\.record.index) == [2])
        // Concurrent corrections of one record through two instances: Open Object takes one
        // and answers the others 500 (IntegrityError) or 400; the gateways make those 409.
        let g2 = try OOGateway(oo, sharing: g)
        let results = ConcurrentResults()
        let group = DispatchGroup()
        for i in 0..<6 {
            group.enter()
            let via = (i % 2 == 0 ? g : g2).client(clients[0].token, attempts: 1)
            Thread {
                let r = NewRecord(
                    data: statement(month: "2026-01", cents: 7_000 + Int64(i)),
                    startAt: "2026-01-01",
                    correctionFor: 2)
                results.add(try? via.addRecord(uuid, r))
                group.leave()
            }.start()
        }
        group.wait()
        let stored = results.all.filter { if case .stored = $0 { true } else { false } }
        let conflicts = results.all.filter { if case .conflict = $0 { true } else { false } }
        #expect(stored.count == 1, "exactly one concurrent correction wins: \(results.all)")
        #expect(conflicts.count == 5, "the others are 409: \(results.all)")
        let ooSide = try oo.objects(.inkomstenopgave, klant: clients[0].id)
        #expect(ooSide.count == 1)
        #expect(ooSide.first?["record"]?["index"] == .integer(3))
        try expectContract(
            g.recordings + g2.recordings,
            require: [
                "POST /objects", "GET /objects", "GET /objects/{uuid}", "PUT /objects/{uuid}",
                "GET /objects/{uuid}/history",
            ], #function)
    }

    /// A client store with payslips and statements queued.
    func queuedStore(_ dir: TempDir, endpoint: String, token: String) throws {
        let store = try makeStore(dir)
        try SyncSettings(endpoint: try Endpoint.parse(endpoint), token: token).save(in: store)
        for i in 0..<Self.payslips {
            let month = String(format: "2025-%02d", i % Self.months + 1)
            try Outbox.enqueue(
                type: .loonstrook, data: payslip(month: month, netto: 30_000 + Int64(i), n: i),
                startAt: "\(month)-01", in: store)
        }
        for m in 1...Self.months {
            let month = String(format: "2025-%02d", m)
            try Outbox.enqueue(
                type: .inkomstenopgave, data: statement(month: month, cents: 50_000 + Int64(m)),
                startAt: "\(month)-01", in: store)
        }
    }

    /// Both sides agree: every queued item is in Open Object exactly once with one record, and
    /// the client has a receipt for each and an empty outbox.
    func expectComplete(_ oo: OpenObjectFixture, klant: String, _ dir: TempDir) throws {
        let slips = try oo.objects(.loonstrook, klant: klant)
        let statements = try oo.objects(.inkomstenopgave, klant: klant)
        #expect(slips.count == Self.payslips, "0 lost, 0 duplicated payslips in Open Object")
        #expect(statements.count == Self.months)
        #expect(
            Set(slips.compactMap { $0["record"]?["data"]?["nettoCent"]?.intValue }).count
                == Self.payslips)
        #expect((slips + statements).allSatisfy { $0["record"]?["index"] == .integer(1) })
        let store = try openStore(dir)
        #expect(try store.count(in: .outbox) == 0)
        let receipts = try store.all(Receipt.self, in: .ontvangstbewijs).map(\.value)
        #expect(receipts.count == Self.payslips + Self.months)
        #expect(
            Set(receipts.map(\.objectUUID))
                == Set(
                    (slips + statements).compactMap {
                        $0["record"]?["data"]?["kompasUuid"]?.stringValue
                    }))
    }

    func waitUntil(_ oo: OpenObjectFixture, klant: String, atLeast n: Int) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if (try? oo.objects(.loonstrook, klant: klant).count) ?? 0 >= n { return }
            usleep(100_000)
        }
        Issue.record("Open Object never reached \(n) payslips")
    }

    @Test func gatewayKilledMidPushAndOpenObjectRestarted() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g = try OOGateway(oo)
        let (_, _, clients) = try g.caseload()
        let dir = TempDir()
        try queuedStore(dir, endpoint: g.baseURL, token: clients[0].token)
        nonisolated(unsafe) var failure: Error?
        let done = DispatchSemaphore(value: 0)
        let client = g.client(clients[0].token, attempts: 2, timeout: 5)
        Thread {
            do { _ = try SyncEngine(client: client).run(store: try openStore(dir)) } catch {
                failure = error
            }
            done.signal()
        }.start()
        try waitUntil(oo, klant: clients[0].id, atLeast: 5)
        g.stop(SIGKILL)
        done.wait()
        #expect(failure != nil, "the push was cut off")
        let queued = try Outbox.pending(in: try openStore(dir)).count
        #expect(queued > 0)
        // Open Object's workers restart too (the database stays), then the gateway.
        try oo.restartWorkers()
        try g.restart()
        _ = try SyncEngine(client: g.client(clients[0].token)).run(store: try openStore(dir))
        try expectComplete(oo, klant: clients[0].id, dir)
        try expectContract(g.recordings, #function)
    }

    @Test func twoGatewayInstancesOneOpenObjectOneKilledInBetween() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let g1 = try OOGateway(oo, tokenCache: "0")
        let g2 = try OOGateway(oo, sharing: g1, tokenCache: "0")
        // Principals and tokens made through one instance are known to the other.
        let (_, kmToken, clients) = try g1.caseload()
        let dir = TempDir()
        try queuedStore(dir, endpoint: g1.baseURL, token: clients[0].token)
        // Alternately: part through g1 (killed mid-push), the rest through g2, then g1 again.
        nonisolated(unsafe) var failure: Error?
        let done = DispatchSemaphore(value: 0)
        let c1 = g1.client(clients[0].token, attempts: 2, timeout: 5)
        Thread {
            do { _ = try SyncEngine(client: c1).run(store: try openStore(dir)) } catch {
                failure = error
            }
            done.signal()
        }.start()
        try waitUntil(oo, klant: clients[0].id, atLeast: 5)
        g1.stop(SIGKILL)
        done.wait()
        #expect(failure != nil)
        _ = try SyncEngine(client: g2.client(clients[0].token)).run(store: try openStore(dir))
        try expectComplete(oo, klant: clients[0].id, dir)
        try g1.restart()
        // The klantmanager sees the same through either instance.
        let via1 = try g1.client(kmToken).all(type: .loonstrook).map(\.uuid).sorted()
        let via2 = try g2.client(kmToken).all(type: .loonstrook).map(\.uuid).sorted()
        #expect(via1.count == Self.payslips && via1 == via2)
        // Revoked through one instance, refused by both.
        let tokens = try g2.admin(["tokens", "--voor", clients[0].id])
        let id = String(tokens.split(separator: "\t").first ?? "")
        #expect(id.count == 16, "\(tokens)")
        try g2.admin(["intrekken", "--token", id])
        for g in [g1, g2] {
            #expect(throws: SyncError.unauthorized) {
                _ = try g.client(clients[0].token).all(type: .loonstrook)
            }
        }
        try expectContract(g1.recordings + g2.recordings, #function)
    }

    @Test func theOpenObjectTokenIsNeverExposed() throws {
        guard let oo = OpenObjectFixture.require(#function) else { return }
        let good = try OOGateway(oo)
        let (_, _, clients) = try good.caseload()
        // An instance whose Open Object token is wrong: clients get a plain 503, no token text.
        let wrongFile = good.dir.path("wrong-token")
        let wrong = String(repeating: "ab", count: 20)
        try (wrong + "\n").write(to: wrongFile, atomically: true, encoding: .utf8)
        let bad = try OOGateway(oo, sharing: good, tokenFile: wrongFile.path)
        let r = try bad.client(clients[0].token, attempts: 1).send(
            "GET", "/api/v2/objects?type=loonstrook")
        #expect(r.status == 503)
        let body = String(decoding: r.body, as: UTF8.self)
        for secret in [wrong, oo.token] {
            #expect(
                !body.contains(secret) && !bad.log.contains(secret) && !good.log.contains(secret))
            #expect(!r.headers.fields.contains { $0.value.contains(secret) })
        }
        let ok = try good.client(clients[0].token).send("GET", "/api/v2/objects?type=loonstrook")
        #expect(ok.status == 200)
        #expect(!String(decoding: ok.body, as: UTF8.self).contains(oo.token))
        for f in good.recordings + bad.recordings {
            let text = (try? String(contentsOfFile: f, encoding: .utf8)) ?? ""
            #expect(!text.contains(oo.token) && !text.contains(wrong), "recording \(f)")
        }
    }
}

final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [ObjectsClient.WriteOutcome?] = []
    func add(_ r: ObjectsClient.WriteOutcome?) {
        lock.lock()
        all.append(r)
        lock.unlock()
    }
}

/// The objecttypes file handed to Open Object (`OO_OBJECTTYPES_FILE`) is exactly what the
/// gateway expects: its uuids and schemas (the gateway's own schemas plus its bookkeeping fields).
@Suite struct OpenObjectTypesFileTests {
    @Test func theFixtureFileIsTheGatewaysObjecttypes() throws {
        let url = TestSupport.path("Fixtures/open-object/objecttypes.json")
        let file = JSONValue.parse(try Data(contentsOf: url))
        if ProcessInfo.processInfo.environment["KOMPAS_GOUDEN_BIJWERKEN"] == "1",
            file != OpenObjectTypes.fixture
        {
            try OpenObjectTypes.fixture.canonicalData.write(to: url)
        }
        #expect(file == OpenObjectTypes.fixture)
        // Every Kompas object type has an objecttype, and a schema that requires `klant`.
        for t in ObjectType.allCases {
            let s = OpenObjectTypes.schema(for: t)
            #expect(OpenObjectTypes.uuids[t.rawValue] != nil, "\(t)")
            #expect(s["required"].map { "\($0)" }?.contains("klant") == true)
        }
    }
}
