import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasLocalization

/// The index over a catalog file (issue 23) gives the texts the full reader gives.
@Suite struct CatalogIndexTests {
    static func full(_ bytes: [UInt8]) throws -> (
        table: [String: String], plurals: [String: [PluralCategory: String]]
    ) {
        var table: [String: String] = [:]
        var plurals: [String: [PluralCategory: String]] = [:]
        for (key, value) in try CatalogJSON.parse(bytes) {
            switch value {
            case .text(let t): table[key] = t
            case .forms(let forms):
                let parsed = try #require(LocaleCatalog.pluralEntry(forms))
                table[key] = parsed[.other]
                plurals[key] = parsed
            case .other: Issue.record("\(key) is not a text")
            }
        }
        return (table, plurals)
    }

    @Test(arguments: Language.allCases)
    func everyShippedCatalogIsIndexedAndReadsTheSame(_ language: Language) throws {
        let url = TestSupport.path("Locales/\(language.rawValue).json")
        let bytes = try [UInt8](Data(contentsOf: url))
        guard let index = CatalogIndex.build(bytes) else {
            Issue.record("\(language) is not indexed")
            return
        }
        let expected = try Self.full(bytes)
        let whole = index.tables()
        #expect(whole.table == expected.table)
        #expect(whole.plurals == expected.plurals)
        #expect(expected.plurals.count > 0)
        for (key, text) in expected.table {
            #expect(index.text(key) == text, "\(key)")
            #expect(index.forms(key) == expected.plurals[key], "\(key)")
        }
        for missing in ["", "a", "zzz", "watals", "watals.", "\u{10FFFF}"] {
            #expect(index.text(missing) == nil)
        }
    }

    static let notIndexed: [String] = [
        #"{"b":"1","a":"2"}"#,  // not in order
        #"{"a":"1","a":"2"}"#,  // a key twice
        #"{"a\"b":"x"}"#,  // an escape in a key
        #"{"a":"x\qy"}"#,  // a broken escape
        #"{"a":"1",}"#,  // a comma before the brace
        #"{"a":{"one":"x"}}"#,  // no other
        #"{"a":{"other":"x","veel":"y"}}"#,  // not a category
        #"{"a":{"other":"x","other":"y"}}"#,  // a category twice
        #"{"a":3}"#, #"{"a":"1"} x"#, #"{"a" "1"}"#, "[]", "",
    ]

    @Test(arguments: notIndexed)
    func anythingUnusualIsLeftToTheFullReader(_ text: String) {
        #expect(CatalogIndex.build(Array(text.utf8)) == nil)
    }

    @Test func aFileReadTheFullWayGivesTheSameTextsThroughTheCatalog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(
            #"{"z":"laatste","a":"eerste \"aanhalingstekens\"","n":{"one":"1 ding","other":"{count} dingen"}}"#
                .utf8
        )
        .write(to: dir.appendingPathComponent("nl.json"))
        try Data(#"{"a":"first","n":{"one":"1 thing","other":"{count} things"},"z":"last"}"#.utf8)
            .write(to: dir.appendingPathComponent("en.json"))
        let catalog = try LocaleCatalog.lazy(
            environment: ["KOMPAS_LOCALES_DIR": dir.path], executable: nil,
            failure: { _ in fatalError("unreadable") })
        #expect(catalog.text("a", in: .nl) == "eerste \"aanhalingstekens\"")
        #expect(catalog.text("z", in: .nl) == "laatste")
        #expect(catalog.forms("n", in: .nl) == [.one: "1 ding", .other: "{count} dingen"])
        #expect(catalog.text("a", in: .en) == "first")
        #expect(catalog.forms("n", in: .en) == [.one: "1 thing", .other: "{count} things"])
        #expect(catalog.forms("a", in: .en) == nil)
        #expect(catalog.text("n", in: .en) == "{count} things")
        let localizer = Localizer(language: .en, catalog: catalog)
        #expect(localizer.render(Message("n", ["count": .number(1)])) == "1 thing")
        #expect(localizer.render(Message("n", ["count": .number(3)])) == "3 things")
        #expect(localizer.has("z") && !localizer.has("y"))
        #expect(catalog.table(.en) == ["a": "first", "n": "{count} things", "z": "last"])
        #expect(catalog.text("z", in: .en) == "last", "still read after the table was made whole")
    }
}
