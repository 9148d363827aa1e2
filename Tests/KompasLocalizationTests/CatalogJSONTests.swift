import Foundation
import KompasTestSupport
import Testing

@testable import KompasLocalization

/// The catalogs' own reader (issue 23) against `JSONSerialization`, which read them before.
@Suite struct CatalogJSONTests {
    static var files: [URL] {
        let locales = TestSupport.path("Locales")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: locales.path)) ?? []
        let glossaries =
            (try? FileManager.default.contentsOfDirectory(
                atPath: locales.appendingPathComponent("glossary").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map {
            locales.appendingPathComponent($0)
        }
            + glossaries.filter { $0.hasSuffix(".json") }.sorted().map {
                locales.appendingPathComponent("glossary").appendingPathComponent($0)
            }
    }

    @Test func everyCatalogAndGlossaryReadsAsJSONSerializationReadsIt() throws {
        #expect(Self.files.count >= 8)
        for url in Self.files {
            let data = try Data(contentsOf: url)
            let members = try CatalogJSON.parse([UInt8](data))
            let theirs = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(members.count == theirs.count, "\(url.lastPathComponent)")
            for (key, value) in members {
                switch value {
                case .text(let text):
                    #expect(theirs[key] as? String == text, "\(url.lastPathComponent) \(key)")
                case .forms(let forms):
                    let object = try #require(theirs[key] as? [String: String])
                    #expect(
                        Dictionary(uniqueKeysWithValues: forms.map { ($0.key, $0.text) }) == object)
                case .other:
                    Issue.record("\(url.lastPathComponent) \(key): not a string")
                }
            }
        }
    }

    static let same: [String] = [
        #"{}"#,
        #" { "a" : "b" , "c":{"one":"x","other":"y"} } "#,
        #"{"esc":"\"\\\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00"}"#,
        #"{"n": 1, "m": -0.5e+3, "l": [1, "x", {"a": null}], "t": true, "f": false, "z": null}"#,
        #"{"deep":{"one":{"x":"y"}}}"#,
        "\u{FEFF}{\"bom\":\"ja\"}",
        #"{"komma":"erna",}"#, #"{"a":[1,],"b":{"one":"x",},}"#,
    ]

    @Test(arguments: same)
    func readsValidJSONLikeJSONSerialization(_ text: String) throws {
        let data = Data(text.utf8)
        let members = try CatalogJSON.parse([UInt8](data))
        let theirs = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(members.map(\.key)) == Set(theirs.keys))
        for (key, value) in members {
            if case .text(let t) = value { #expect(theirs[key] as? String == t) }
            if case .other = value { #expect(!(theirs[key] is String)) }
        }
    }

    static let refused: [String] = [
        "", "[]", "\"tekst\"", #"{"a":"b",,}"#, #"{,}"#, #"{"a":"b"} x"#, #"{"a" "b"}"#,
        #"{a:"b"}"#,
        #"{"a":"b"#, "{\"a\":\"regel\nnieuw\"}", #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
        #"{"a":"\ud800"}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-}"#, #"{"a":tru}"#, #"{"a":[1,,]}"#,
    ]

    @Test(arguments: refused)
    func refusesWhatJSONSerializationRefuses(_ text: String) {
        let data = Data(text.utf8)
        #expect((try? CatalogJSON.parse([UInt8](data))) == nil, "\(text)")
        let theirs = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(theirs == nil, "JSONSerialization read \(text)")
    }

    /// The run-by-run check is the standard library's check of the whole.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array(" ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8),
            Array("ع".utf8), [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF],
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            // Long ASCII runs, for the eight-bytes-at-a-time path.
            Array("abcdefgh".utf8), Array("0123456789 \"{}:,".utf8),
        ]
        var invalid = 0
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalid += 1 }
            #expect(CatalogJSON.isUTF8(bytes[...]) == expected, "\(bytes)")
        }
        #expect(invalid > 500)
    }

    @Test func refusesBytesThatAreNotUTF8AndNamesTheLine() {
        #expect(
            (try? CatalogJSON.parse(Array("{\"a\":\"".utf8) + [0xFF] + Array("\"}".utf8))) == nil)
        #expect(throws: CatalogJSON.SyntaxError(line: 3, reason: "',' or '}' expected")) {
            try CatalogJSON.parse(Array("{\n\"a\": \"b\"\n\"c\": \"d\"}".utf8))
        }
    }

    @Test func aBrokenCatalogFileNamesFileLineAndReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\n\"a\": \"b\"\n\"c\": \"d\"}".utf8).write(
            to: dir.appendingPathComponent("nl.json"))
        #expect {
            _ = try LocaleCatalog.readLanguage(.nl, from: dir)
        } throws: { error in
            guard case .unreadable(let file, let reason) = error as? LocaleCatalog.LoadError else {
                return false
            }
            return file.hasSuffix("nl.json") && reason == "line 3: ',' or '}' expected"
        }
        try Data(#"{"a": 3}"#.utf8).write(to: dir.appendingPathComponent("en.json"))
        #expect {
            _ = try LocaleCatalog.readLanguage(.en, from: dir)
        } throws: { error in
            guard case .unreadable(_, let reason) = error as? LocaleCatalog.LoadError else {
                return false
            }
            return reason.hasPrefix("a: not a string")
        }
    }
}
