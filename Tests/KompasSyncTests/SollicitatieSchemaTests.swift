import Foundation
import KompasServer
import KompasSync
import KompasTestSupport
import Testing

/// The `sollicitatie` object type (issue 21): the schema the endpoint enforces is the one kept for
/// the Open Object mapping, and it accepts a real log entry and refuses a wrong one.
@Suite struct SollicitatieSchemaTests {
    static var fixture: URL {
        TestSupport.repositoryRoot.appendingPathComponent(
            "Fixtures/open-object/sollicitatie.schema.json")
    }

    @Test func theServedSchemaIsTheFixture() throws {
        let file = try #require(JSONValue.parse(try Data(contentsOf: Self.fixture)))
        #expect(ObjectSchemas.parsed[.sollicitatie] == file)
        #expect(ObjectType.sollicitatie.clientWritable)
        #expect(!ObjectType.sollicitatie.klantmanagerWritable)
    }

    @Test func aLogEntryPassesAndAWrongOneIsRefused() throws {
        let schema = try #require(ObjectSchemas.parsed[.sollicitatie])
        let good = try #require(
            JSONValue.parse(
                Data(
                    #"{"soort": "sollicitatie", "datum": "2026-03-03", "werkgever": "De Korenaar", "functie": "bakker", "status": "afgewezen", "statussen": [{"status": "verstuurd", "datum": "2026-03-03"}, {"status": "afgewezen", "datum": "2026-03-12", "reden": "te weinig ervaring"}], "briefNagekekenOp": "2026-03-01"}"#
                        .utf8)))
        #expect(SchemaValidator.validate(good, against: schema).isEmpty)
        for bad in [
            #"{"soort": "koffie", "datum": "2026-03-03", "werkgever": "X", "status": "verstuurd", "statussen": []}"#,
            #"{"soort": "cursus", "datum": "2026-02-30", "werkgever": "X", "status": "verstuurd", "statussen": []}"#,
            #"{"soort": "cursus", "datum": "2026-03-03", "werkgever": "X", "status": "verstuurd", "statussen": [], "bsn": "123"}"#,
        ] {
            let v = try #require(JSONValue.parse(Data(bad.utf8)))
            #expect(!SchemaValidator.validate(v, against: schema).isEmpty, "\(bad)")
        }
    }
}
