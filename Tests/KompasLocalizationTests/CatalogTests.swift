import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasApp
@testable import KompasLocalization

@Suite struct CatalogTests {
    static let catalog = fixture(
        from: { try LocaleCatalog.load(from: TestSupport.path("Locales")) }, "Locales")

    @Test func everyLanguageHasTheSameKeysAndPlaceholders() {
        let reference = Self.catalog.tables[.nl]!
        for lang in Language.allCases {
            let table = Self.catalog.tables[lang]!
            #expect(
                Set(table.keys) == Set(reference.keys),
                "\(lang): missing \(Set(reference.keys).subtracting(table.keys).sorted()), extra \(Set(table.keys).subtracting(reference.keys).sorted())"
            )
            for (key, template) in reference {
                guard let other = table[key] else { continue }
                #expect(
                    Localizer.placeholders(in: other) == Localizer.placeholders(in: template),
                    "\(lang): placeholders differ in \(key)")
                #expect(
                    !other.trimmingCharacters(in: .whitespaces).isEmpty, "\(lang): \(key) is empty")
            }
        }
    }

    @Test func localeFilesAreSortedForCleanMerges() throws {
        for lang in Language.allCases {
            let text = try String(
                contentsOf: TestSupport.path("Locales/\(lang.rawValue).json"), encoding: .utf8)
            // Top-level keys only (indent 2): the categories inside a plural entry are its own.
            let keys = text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  \"") else { return nil }
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") else {
                    return nil
                }
                return String(t[t.index(after: t.startIndex)..<end])
            }
            #expect(keys == keys.sorted(), "\(lang).json is not sorted by key")
        }
    }

    /// Every key the command table and exit-code table point at exists.
    @Test func tableKeysExist() {
        let nl = Self.catalog.tables[.nl]!
        var keys = Set<String>()
        for c in CommandTable.standard.commands {
            keys.insert(c.summaryKey)
            keys.formUnion(c.subcommands.map(\.summaryKey))
            keys.formUnion(c.allFlags.map(\.helpKey))
        }
        keys.formUnion(ExitCode.allCases.map(\.messageKey))
        #expect(keys.subtracting(nl.keys).isEmpty, "missing: \(keys.subtracting(nl.keys).sorted())")
    }

    /// Every message key written as a literal in the sources exists in the catalog.
    @Test func keysUsedInCodeExist() throws {
        let nl = Self.catalog.tables[.nl]!
        // Every namespace the catalog uses (the part before the first dot), so new parts are checked too.
        // `cv.` and `brief.` are also rule ids and file names; their keys are checked by the document rules' own test.
        let namespaces = Set(nl.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
            .subtracting(["cv", "brief"]).sorted()
        var missing: [String] = []
        let sources = TestSupport.path("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let pattern = try Regex(
            #""((?:"# + namespaces.joined(separator: "|") + #")\.[A-Za-z0-9_.\-]+)""#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in text.matches(of: pattern) {
                let key = String(text[m.range].dropFirst().dropLast())
                if key.hasSuffix(".") { continue }  // a prefix built on, e.g. "flag." + name
                if nl[key] == nil { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "keys used in code but not in Locales: \(missing)")
    }

    @Test func dutchAndEnglishFormatting() {
        let nl = Formatters(.nl)
        let en = Formatters(.en)
        #expect(nl.money(.cents(140150)) == "€ 1.401,50")
        #expect(en.money(.cents(140150)) == "€1,401.50")
        #expect(nl.money(.cents(-5)) == "-€ 0,05")
        #expect(nl.money(.cents(123_456_789)) == "€ 1.234.567,89")
        #expect(nl.date(LocalDate("2026-03-01")) == "1 maart 2026")
        #expect(en.date(LocalDate("2026-03-01")) == "1 March 2026")
        #expect(nl.month(CalendarMonth("2026-07")) == "juli 2026")
        #expect(nl.rate(Rate(percentHundredths: 1250)) == "12,5 %")
        #expect(en.rate(Rate(percentHundredths: 1250)) == "12.5%")
        #expect(nl.hours(hundredths: 1225) == "12,25")
        #expect(nl.hours(hundredths: 1250) == "12,5")
    }

    @Test func rendersTypedPlaceholders() {
        let l = Localizer(language: .nl, catalog: Self.catalog)
        let text = l.render(
            Message("error.notInForce", ["id": "x.y", "date": .date(LocalDate("2024-01-01"))]))
        #expect(text.contains("1 januari 2024"))
        #expect(l.render(Message("no.such.key")) == "[no.such.key]")
    }

    @Test func languageResolution() {
        #expect(Language.resolve(flag: nil, environment: [:]) == .nl)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(
            Language.resolve(flag: nil, environment: ["LC_ALL": "nl_NL.UTF-8", "LANG": "en_US"])
                == .nl)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == .nl)
        #expect(Language.resolve(flag: "en", environment: ["KOMPAS_TAAL": "nl"]) == .en)
        #expect(Language.resolve(flag: "klingon", environment: [:]) == nil)
    }
}
