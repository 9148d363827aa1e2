import Foundation
import KompasSync
import KompasTestSupport
import Testing

@testable import KompasServer

/// The OpenAPI document is valid and true: every path and method it lists is exercised against
/// the running server and answers one of the statuses the document promises for it; every path
/// template the server logged is in the document.
@Suite struct OpenAPITests {
    static func document() throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
                as? [String: Any])
    }

    @Test func everyListedPathAndMethodAnswersAsDocumented() throws {
        let g = try Gemeente()
        let (_, kmToken, clients) = try g.caseload()
        let c = g.client(clients[0].token)
        let uuid = UUID().uuidString.lowercased()
        guard
            case .stored = try c.create(
                NewObject(
                    uuid: uuid, type: "inkomstenopgave",
                    record: NewRecord(
                        data: statement(month: "2026-03", cents: 1), startAt: "2026-03-01")))
        else {
            Issue.record("setup create failed")
            return
        }
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        var exercised = 0
        for (template, item) in paths {
            let path = template.replacingOccurrences(of: "{uuid}", with: uuid)
            for (method, op) in item
            where ["get", "post", "put", "delete", "patch"].contains(method) {
                let responses = try #require((op as? [String: Any])?["responses"] as? [String: Any])
                var body: Data?
                switch (method, template) {
                case ("post", _):
                    body = WireJSON.encode(
                        NewObject(
                            uuid: UUID().uuidString.lowercased(), type: "loonstrook",
                            record: NewRecord(
                                data: payslip(month: "2026-03", netto: 1), startAt: "2026-03-01")))
                case ("put", _):
                    body = WireJSON.encode(
                        PutRecordBody(
                            record: NewRecord(
                                data: statement(month: "2026-03", cents: 2),
                                startAt: "2026-03-01", correctionFor: 1)))
                default: break
                }
                let query =
                    template == "/api/v2/objects" && method == "get"
                    ? "?type=inkomstenopgave&data_attrs=maand__exact__2026-03&page=1&pageSize=10"
                    : ""
                let r = try c.send(method.uppercased(), path + query, body: body)
                #expect(
                    responses[String(r.status)] != nil,
                    "\(method) \(template) answered \(r.status), not documented")
                #expect(r.status < 300, "\(method) \(template) answered \(r.status)")
                exercised += 1
                // The documented error answers without a token, where security applies.
                if (op as? [String: Any])?["security"] == nil {
                    let anon = ObjectsClient(
                        endpoint: c.endpoint, token: "", policy: RetryPolicy(attempts: 1))
                    #expect(try anon.send(method.uppercased(), path, body: body).status == 401)
                    #expect(responses["401"] != nil)
                }
            }
        }
        #expect(exercised == 7)
        _ = kmToken
        // Every template the server logged is a documented path.
        let logged = Set(
            g.log.split(separator: "\n").compactMap { line -> String? in
                let parts = line.split(separator: " ")
                return parts.count >= 3 && parts[2].hasPrefix("/") ? String(parts[2]) : nil
            })
        #expect(logged.isSubset(of: Set(paths.keys)), "\(logged.subtracting(paths.keys))")
        // The served document is the one in the repository.
        let served = try c.send("GET", "/api/v2/openapi.json")
        #expect(served.body == Data(OpenAPIDocument.json.utf8))
    }

    /// openapi-spec-validator from PyPI (the CI installs it; skipped where it is not installed).
    @Test func documentPassesOpenAPISpecValidator() throws {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let probe = try TestSupport.run(
            python, ["python3", "-c", "import openapi_spec_validator"],
            environment: ProcessInfo.processInfo.environment)
        guard probe.status == 0 else { return }
        let r = try TestSupport.run(
            TestSupport.path("Scripts/validate-openapi.sh"), [],
            environment: ProcessInfo.processInfo.environment)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("OK"))
    }

    @Test func schemasParseAndTheirExamplesHold() throws {
        for t in ObjectType.allCases { #expect(ObjectSchemas.parsed[t] != .null, "\(t)") }
        let s = try #require(ObjectSchemas.parsed[.inkomstenopgave])
        #expect(SchemaValidator.validate(statement(month: "2026-03", cents: 0), against: s).isEmpty)
        #expect(!SchemaValidator.validate(statement(month: "2026-3", cents: 0), against: s).isEmpty)
        #expect(
            !SchemaValidator.validate(statement(month: "2026-03", cents: -1), against: s).isEmpty)
        #expect(
            !SchemaValidator.validate(.object(["maand": .string("2026-03")]), against: s).isEmpty,
            "required")
        #expect(
            !SchemaValidator.validate(
                .object(["maand": .string("2026-03"), "inkomstenCent": .number(1.5)]), against: s
            ).isEmpty, "integer")
        #expect(!SchemaValidator.validate(.array([]), against: s).isEmpty, "object")
        let p = try #require(ObjectSchemas.parsed[.loonstrook])
        #expect(SchemaValidator.validate(payslip(month: "2026-03", netto: 1), against: p).isEmpty)
        var extra = payslip(month: "2026-03", netto: 1).objectValue!
        extra["vakantiegeldCent"] = .integer(100)
        #expect(
            SchemaValidator.validate(.object(extra), against: p).isEmpty,
            "payslips allow extra lines")
        extra["periodeTot"] = .string("2026-02-29")
        #expect(
            !SchemaValidator.validate(.object(extra), against: p).isEmpty, "2026 is not a leap year"
        )
        let b = try #require(ObjectSchemas.parsed[.bericht])
        #expect(
            !SchemaValidator.validate(
                .object(["van": .string("buurman"), "tekst": .string("hoi")]), against: b
            ).isEmpty, "enum")
        #expect(
            !SchemaValidator.validate(
                .object(["van": .string("klant"), "tekst": .string("")]), against: b
            ).isEmpty, "minLength")
        #expect(
            SchemaValidator.isDate("2024-02-29") && !SchemaValidator.isDate("2100-02-29")
                && !SchemaValidator.isDate("2026-1-01"))
    }
}
