import Foundation
import KompasSync
import Testing

/// Bad requests to the server each get the right 4xx as problem+json, and the server keeps
/// serving afterwards.
@Suite struct MalformedRequestTests {
    static func request(
        _ method: String, _ target: String, token: String?, body: String? = nil,
        headers: [String] = [], contentType: String? = "application/json"
    ) -> Data {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1"]
        if let t = token { lines.append("Authorization: Bearer \(t)") }
        if let b = body {
            if let ct = contentType { lines.append("Content-Type: \(ct)") }
            lines.append("Content-Length: \(b.utf8.count)")
        }
        lines += headers
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")).utf8)
    }

    @Test func eachBadRequestGetsItsStatusAndTheServerKeepsServing() throws {
        let g = try Gemeente(extra: ["--wachttijd", "1"])
        let (_, _, clients) = try g.caseload()
        let t = clients[0].token
        let good =
            #"{"uuid":"UUID","type":"inkomstenopgave","record":{"typeVersion":1,"startAt":"2026-03-01","data":{"maand":"2026-03","inkomstenCent":5}}}"#
        func withUUID(_ s: String) -> String {
            s.replacingOccurrences(of: "UUID", with: UUID().uuidString.lowercased())
        }
        let cases: [(String, Data, Int)] = [
            (
                "bad JSON", Self.request("POST", "/api/v2/objects", token: t, body: "{\"uuid\": "),
                400
            ),
            (
                "truncated JSON",
                Self.request(
                    "POST", "/api/v2/objects", token: t, body: String(withUUID(good).dropLast(3))),
                400
            ),
            (
                "wrong types",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(
                        of: "\"inkomstenCent\":5", with: "\"inkomstenCent\":\"5\"")), 400
            ),
            (
                "schema: unknown field",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(
                        of: "\"inkomstenCent\":5", with: "\"inkomstenCent\":5,\"x\":1")), 400
            ),
            (
                "schema: bad month",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(
                        of: "\"maand\":\"2026-03\"", with: "\"maand\":\"2026-13\"")), 400
            ),
            (
                "negative amount",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(
                        of: "\"inkomstenCent\":5", with: "\"inkomstenCent\":-5")), 400
            ),
            (
                "impossible date",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(of: "2026-03-01", with: "2026-02-30")),
                400
            ),
            (
                "unknown type",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: withUUID(good).replacingOccurrences(
                        of: "inkomstenopgave", with: "paspoort")), 400
            ),
            ("uuid not a uuid", Self.request("POST", "/api/v2/objects", token: t, body: good), 400),
            (
                "not JSON content type",
                Self.request(
                    "POST", "/api/v2/objects", token: t, body: withUUID(good),
                    contentType: "text/plain"), 400
            ),
            ("array body", Self.request("POST", "/api/v2/objects", token: t, body: "[]"), 400),
            (
                "huge body",
                Self.request(
                    "POST", "/api/v2/objects", token: t,
                    body: String(repeating: "x", count: 300_000)), 413
            ),
            (
                "huge announced body",
                Data(
                    "POST /api/v2/objects HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n"
                        .utf8), 413
            ),
            (
                "huge headers",
                Self.request(
                    "GET", "/api/v2/objects", token: t,
                    headers: ["X-Pad: " + String(repeating: "a", count: 20_000)]), 431
            ),
            (
                "long target",
                Self.request(
                    "GET", "/api/v2/objects?" + String(repeating: "a", count: 5000), token: t), 414
            ),
            ("bad path", Self.request("GET", "/api/v3/objects", token: t), 404),
            ("bad path 2", Self.request("GET", "/api/v2/objects/../../etc/passwd", token: t), 404),
            ("bad uuid in path", Self.request("GET", "/api/v2/objects/abc", token: t), 404),
            ("wrong method", Self.request("DELETE", "/api/v2/objects", token: t), 405),
            ("missing auth", Self.request("GET", "/api/v2/objects", token: nil), 401),
            (
                "bad auth scheme",
                Self.request(
                    "GET", "/api/v2/objects", token: nil, headers: ["Authorization: Basic YTpi"]),
                401
            ),
            ("unknown token", Self.request("GET", "/api/v2/objects", token: "kgm_abc"), 401),
            ("bad page", Self.request("GET", "/api/v2/objects?page=0", token: t), 400),
            ("bad pageSize", Self.request("GET", "/api/v2/objects?pageSize=100000", token: t), 400),
            (
                "bad filter",
                Self.request("GET", "/api/v2/objects?data_attrs=maand__like__x", token: t), 400
            ),
            (
                "filter injection",
                Self.request("GET", "/api/v2/objects?data_attrs=a')--__exact__1", token: t), 400
            ),
            ("unknown parameter", Self.request("GET", "/api/v2/objects?zzz=1", token: t), 400),
            (
                "chunked",
                Data(
                    "POST /api/v2/objects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                        .utf8), 501
            ),
            (
                "POST without length",
                Data("POST /api/v2/objects HTTP/1.1\r\nHost: x\r\n\r\n".utf8), 411
            ),
            ("garbage request line", Data("HELLO\r\n\r\n".utf8), 400),
            ("lower-case method", Data("get /api/v2/objects HTTP/1.1\r\n\r\n".utf8), 400),
            ("HTTP/2 preface", Data("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8), 400),
            (
                "folded header",
                Data("GET /api/v2/objects HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n".utf8), 400
            ),
            (
                "slow client",
                Data(
                    "POST /api/v2/objects HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{".utf8),
                408
            ),
            (
                "not UTF-8",
                Data([
                    0x47, 0x45, 0x54, 0x20, 0x2F, 0xFF, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2F, 0x31,
                    0x2E, 0x31, 0x0D, 0x0A, 0x0D, 0x0A,
                ]), 400
            ),
        ]
        for (name, bytes, status) in cases {
            let r = try rawExchange(port: g.port, bytes)
            #expect(r.status == status, "\(name): got \(r.status) \(r.body)")
            if r.status >= 400 {
                #expect(r.body.contains("\"status\":\(status)"), "\(name): problem+json body")
            }
            // Still serving after each.
            #expect(
                try rawExchange(
                    port: g.port, Self.request("GET", "/api/v2/openapi.json", token: nil)
                ).status == 200, "after \(name)")
        }
        // A well-formed create still works, and the errors left nothing behind.
        let ok = try rawExchange(
            port: g.port, Self.request("POST", "/api/v2/objects", token: t, body: withUUID(good)))
        #expect(ok.status == 201)
        let list = try g.client(t).all(type: .inkomstenopgave)
        #expect(list.count == 1)
        #expect(!g.log.contains(t))
    }

    @Test func idleConnectionsGiveWayAtTheConnectionLimit() throws {
        let g = try Gemeente(extra: ["--max-verbindingen", "2", "--wachttijd", "2"])
        // Two idle connections occupy both slots; a new request takes the place of the one
        // that has waited longest (issue 18: it used to get 503 for as long as they were held).
        let held = try (0..<2).map { _ in
            try SocketConnection.connect(host: "127.0.0.1", port: g.port, timeout: 2)
        }
        usleep(200_000)
        let r = try rawExchange(
            port: g.port, Self.request("GET", "/api/v2/openapi.json", token: nil))
        #expect(r.status == 200)
        for h in held { h.close() }
        usleep(300_000)
        #expect(
            try rawExchange(port: g.port, Self.request("GET", "/api/v2/openapi.json", token: nil))
                .status == 200)
    }

    @Test func sigtermFinishesAndKeepsAcknowledgedWrites() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let c = g.client(clients[0].token)
        var uuids: [String] = []
        for i in 0..<20 {
            let u = UUID().uuidString.lowercased()
            if case .stored = try c.create(
                NewObject(
                    uuid: u, type: "loonstrook",
                    record: NewRecord(
                        data: payslip(month: "2026-03", netto: Int64(i)), startAt: "2026-03-01")))
            {
                uuids.append(u)
            }
        }
        #expect(g.stop(SIGTERM) == 0)
        #expect(g.log.contains("gestopt"))
        try g.restart()
        let all = try g.client(kmToken).all(type: .loonstrook)
        #expect(Set(all.map(\.uuid)) == Set(uuids))
    }
}
