import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasRules

/// The rule-file format of issue 16: the loader refuses a gap, an overlap, a value without a
/// source, a value that does not fit its unit, and says the file and line; the built-in files
/// pass the lint; a user's file replaces figures for the days it covers.
@Suite struct RuleFileTests {
    /// A one-parameter file with the given values (JSON text of the `waarden` list).
    static func file(
        _ values: String, id: String = "pw.norm.alleenstaande", unit: String = "euro/maand"
    )
        -> [UInt8]
    {
        Array(
            """
            {
              "regeling": "Testwet",
              "parameters": [
                {
                  "id": "\(id)",
                  "omschrijving": "Test",
                  "eenheid": "\(unit)",
                  "artikel": "art. 1",
                  "herziening": "halfjaarlijks",
                  "waarden": [
            \(values)
                  ]
                }
              ]
            }
            """.utf8)
    }
    static func value(
        _ from: String, _ amount: String, until: String? = nil, state: String = "vastgesteld",
        source: String = "Stcrt. 2026, 1", extra: String = ""
    ) -> String {
        "{\"vanaf\": \"\(from)\"" + (until.map { ", \"tot\": \"\($0)\"" } ?? "")
            + ", \"waarde\": \(amount), \"staat\": \"\(state)\", \"bron\": \"\(source)\", "
            + "\"url\": \"https://wetten.overheid.nl/BWBR0015703/\(from)\", \"verificatie\": \"test\"\(extra)}"
    }

    func refusal(_ bytes: [UInt8]) -> RuleFileError? {
        do {
            _ = try RuleFile.parse(bytes, name: "test.json", origin: .user(path: "test.json"))
            return nil
        } catch { return error }
    }

    @Test func aGapIsRefusedWithLineAndDate() {
        let e = refusal(
            Self.file(
                Self.value("2026-01-01", "\"1401.50\"", until: "2026-06-01") + ",\n"
                    + Self.value("2026-07-01", "\"1419.46\"")))
        #expect(e?.reason == .gap(until: LocalDate("2026-06-01")))
        #expect(e?.line == 11)
        #expect(e?.parameter == "pw.norm.alleenstaande")
        #expect(e?.exitCode == .configuration)
    }

    @Test func anOverlapIsRefused() {
        let backwards = refusal(
            Self.file(
                Self.value("2026-07-01", "\"1419.46\"") + ",\n"
                    + Self.value("2026-01-01", "\"1401.50\"")))
        #expect(backwards?.reason == .overlap(previous: LocalDate("2026-07-01")))
        #expect(backwards?.line == 12)
        let covering = refusal(
            Self.file(
                Self.value("2026-01-01", "\"1401.50\"", until: "2026-08-01") + ",\n"
                    + Self.value("2026-07-01", "\"1419.46\"")))
        #expect(covering?.reason == .overlap(previous: LocalDate("2026-01-01")))
        #expect(covering?.date == LocalDate("2026-07-01"))
    }

    @Test func aMissingSourceIsRefused() {
        let e = refusal(Self.file(Self.value("2026-01-01", "\"1401.50\"", source: " ")))
        #expect(e?.reason == .missingSource)
        #expect(e?.line == 11)
        let noURL = refusal(
            Self.file(
                "{\"vanaf\": \"2026-01-01\", \"waarde\": \"1401.50\", \"staat\": \"vastgesteld\", \"bron\": \"x\"}"
            ))
        #expect(noURL?.reason == .missingSource)
    }

    @Test func valuesMustFitTheirUnit() {
        #expect(
            refusal(Self.file(Self.value("2026-01-01", "\"1401,50\"")))?.reason
                == .invalidValue(unit: "euro/maand"))
        #expect(
            refusal(Self.file(Self.value("2026-01-01", "1401.50")))?.reason
                == .invalidValue(unit: "euro/maand"))
        #expect(
            refusal(Self.file(Self.value("2026-01-01", "\"12\""), unit: "maanden"))?.reason
                == .invalidValue(unit: "maanden"))
        #expect(
            refusal(Self.file(Self.value("2026-01-01", "\"15.00001\""), unit: "percentage"))?
                .reason == .invalidValue(unit: "percentage"))
        #expect(refusal(Self.file(Self.value("2026-01-01", "\"15.5\""), unit: "percentage")) == nil)
    }

    @Test func anExpectedFigureNeedsItsRule() {
        #expect(
            refusal(Self.file(Self.value("2027-01-01", "\"1419.46\"", state: "verwacht")))?
                .reason == .missingRule)
        #expect(
            refusal(
                Self.file(
                    Self.value(
                        "2027-01-01", "\"1419.46\"", state: "verwacht",
                        extra: ", \"regel\": \"doorgetrokken\""))) == nil)
        #expect(
            refusal(Self.file(Self.value("2027-01-01", "\"1\"", state: "geschat")))?.reason
                == .unknownState("geschat"))
    }

    @Test func brokenJSONAndTyposNameTheLine() {
        let broken = refusal(
            Array("{\n  \"regeling\": \"x\",\n  \"parameters\": [\n    {,\n  ]\n}".utf8))
        #expect(broken?.line == 4)
        if case .syntax = broken?.reason {} else { Issue.record("expected a syntax error") }
        let typo = refusal(
            Self.file(Self.value("2026-01-01", "\"1.00\"", extra: ", \"vanf\": \"x\"")))
        #expect(typo?.reason == .unknownField("vanf"))
        #expect(typo?.line == 11)
    }

    // MARK: The built-in files

    @Test func everyBuiltInFileParsesAndIsListed() throws {
        #expect(BuiltInRules.files.errors.map { "\($0)" } == [])
        let folder = TestSupport.path("Sources/KompasRules/Regels")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(BuiltInRules.embedded.map(\.name).sorted() == onDisk)
    }

    /// A figure is read from its own file alone (issue 23): the byte scan must name exactly the
    /// ids the parser reads, each in one file only, and each parameter must be the same read
    /// from its file as from the whole book (the merge that also refuses an id in two files).
    @Test func eachFigureReadsTheSameFromItsOwnFile() throws {
        let parsed = BuiltInRules.files.files
        #expect(parsed.count == BuiltInRules.embedded.count)
        var owner: [String: String] = [:]
        for (f, e) in zip(parsed, BuiltInRules.embedded) {
            #expect(BuiltInRules.scannedIDs(e.bytes) == f.parameters.map(\.id), "\(f.name)")
            for p in f.parameters {
                #expect(owner[p.id] == nil, "\(p.id) in \(owner[p.id] ?? "") and \(f.name)")
                owner[p.id] = f.name
                #expect(
                    BuiltInRules.fileIndex[p.id].map { BuiltInRules.embedded[$0].name } == f.name)
            }
        }
        #expect(BuiltInRules.fileIndex.count == owner.count)
        let whole = try RuleBook(builtIn: parsed, user: [])
        for f in parsed {
            let alone = try RuleBook(builtIn: [f], user: [])
            for p in f.parameters {
                let a = try #require(alone.parameters[p.id])
                let w = try #require(whole.parameters[p.id])
                #expect(a.values == w.values && a.file == w.file && a.unit == w.unit, "\(p.id)")
                #expect(a.reference == w.reference && a.summary == w.summary, "\(p.id)")
            }
        }
        // Through the handles: the same history as the whole book's.
        for id in owner.keys.sorted() {
            let a = Regels.parameter(id, decode: RawValue.init)
            let w = whole.parameter(id, decode: RawValue.init)
            #expect(a.history.map(\.from) == w.history.map(\.from), "\(id)")
            #expect(a.history.map(\.value) == w.history.map(\.value), "\(id)")
            #expect(a.history.map(\.source) == w.history.map(\.source), "\(id)")
        }
    }

    @Test func theBuiltInDataPassesTheLint() {
        #expect(RuleLint.problems(BuiltInRules.files.files, horizon: LocalDate("2027-01-01")) == [])
    }

    @Test func theLintCatchesAYearlyFigureWithoutTheComingYear() throws {
        let f = try RuleFile.parse(
            Self.file(Self.value("2026-07-01", "\"1419.46\"")), name: "t.json",
            origin: .builtIn(file: "t.json"))
        #expect(
            RuleLint.problems([f], horizon: LocalDate("2027-01-01"))
                == [
                    "t.json:11: pw.norm.alleenstaande: revised halfjaarlijks but no value from 2027-01-01"
                ])
        let carried = try RuleFile.parse(
            Self.file(
                Self.value("2026-07-01", "\"1419.46\"") + ",\n"
                    + Self.value(
                        "2027-01-01", "\"1400.00\"", state: "verwacht",
                        extra: ", \"regel\": \"doorgetrokken\"")), name: "t.json",
            origin: .builtIn(file: "t.json"))
        #expect(
            RuleLint.problems([carried], horizon: LocalDate("2027-01-01"))
                == [
                    "t.json:12: pw.norm.alleenstaande: carried forward, but differs from the previous value"
                ])
    }

    // MARK: A user's file over the built-in ones

    @Test func aUsersFileReplacesTheDaysItCovers() throws {
        let user = try RuleFile.parse(
            Self.file(Self.value("2027-01-01", "\"1450.00\"", until: "2027-07-01")),
            name: "/tmp/normen-2027.json", origin: .user(path: "/tmp/normen-2027.json"))
        let book = try RuleBook(builtIn: BuiltInRules.files.files, user: [user])
        let norm = book.parameter("pw.norm.alleenstaande", decode: RuleValues.money)
        #expect(try norm.value(on: LocalDate("2026-12-31")) == .cents(1_419_46))
        #expect(try norm.value(on: LocalDate("2027-03-01")) == .cents(1_450_00))
        // After the user's value ends, the built-in (expected) figure holds again.
        #expect(try norm.value(on: LocalDate("2027-07-01")) == .cents(1_419_46))
        let used = norm.sources[try #require(norm.index(on: LocalDate("2027-03-01")))]
        #expect(used.origin == .user(path: "/tmp/normen-2027.json"))
        #expect(used.needsMark)
        let builtIn = norm.sources[try #require(norm.index(on: LocalDate("2026-03-01")))]
        #expect(!builtIn.needsMark)
    }

    @Test func twoUserFilesForTheSameDayAreNotMixed() throws {
        let a = try RuleFile.parse(
            Self.file(Self.value("2027-01-01", "\"1450.00\"")), name: "a.json",
            origin: .user(path: "a.json"))
        let b = try RuleFile.parse(
            Self.file(Self.value("2027-03-01", "\"1460.00\"")), name: "b.json",
            origin: .user(path: "b.json"))
        #expect(throws: RuleFileError.self) {
            try RuleBook(builtIn: BuiltInRules.files.files, user: [a, b])
        }
        do {
            _ = try RuleBook(builtIn: BuiltInRules.files.files, user: [a, b])
        } catch {
            #expect(error.reason == .conflict(otherFile: "a.json"))
            #expect(error.file == "b.json")
        }
    }

    @Test func aUsersFileMustNameAKnownParameterWithItsUnit() throws {
        let unknown = try RuleFile.parse(
            Self.file(Self.value("2027-01-01", "\"1.00\""), id: "pw.norm.onbekend"), name: "u.json",
            origin: .user(path: "u.json"))
        #expect(
            throws: RuleFileError(
                file: "u.json", line: 4, parameter: "pw.norm.onbekend", reason: .unknownParameter)
        ) {
            try RuleBook(builtIn: BuiltInRules.files.files, user: [unknown])
        }
        let unit = try RuleFile.parse(
            Self.file(Self.value("2027-01-01", "\"1.00\""), unit: "euro/jaar"), name: "u.json",
            origin: .user(path: "u.json"))
        #expect(
            throws: RuleFileError(
                file: "u.json", line: 4, parameter: "pw.norm.alleenstaande",
                reason: .unitMismatch(expected: "euro/maand"))
        ) {
            try RuleBook(builtIn: BuiltInRules.files.files, user: [unit])
        }
    }
}

/// A parameter's value as it is in the file, to compare two readings of it.
private struct RawValue: ParameterValue {
    var json: RuleJSON
    init?(_ json: RuleJSON) { self.json = json }
    var listing: String { "" }
}
