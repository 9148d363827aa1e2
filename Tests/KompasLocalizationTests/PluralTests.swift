import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasLocalization

/// Plural forms by CLDR plural categories (issue 22): "1 regel", "2 regels", never "regel(s)".
@Suite struct PluralTests {
    static let catalog = fixture(
        from: { try LocaleCatalog.load(from: TestSupport.path("Locales")) }, "Locales")

    /// Every plural entry gives exactly the categories its language's rule can pick, and an entry
    /// that is plural in Dutch is plural in every language.
    @Test func everyPluralEntryHasTheCategoriesItsLanguageNeeds() {
        let dutch = Set((Self.catalog.plurals[.nl] ?? [:]).keys)
        #expect(!dutch.isEmpty, "the catalogs have plural entries")
        for lang in Language.allCases {
            let rule = PluralRule.forLanguage(lang)
            let entries = Self.catalog.plurals[lang] ?? [:]
            #expect(Set(entries.keys) == dutch, "\(lang): plural entries differ from nl")
            for (key, forms) in entries {
                #expect(
                    Set(forms.keys) == rule.categories,
                    "\(lang) \(key): has \(forms.keys.sorted()), needs \(rule.categories.sorted())")
                let reference = Localizer.placeholders(in: forms[.other] ?? "")
                for (category, text) in forms {
                    #expect(
                        Localizer.placeholders(in: text).subtracting(["count"])
                            == reference.subtracting(["count"]),
                        "\(lang) \(key).\(category): other placeholders than its other form")
                }
            }
        }
    }

    /// No text counts with a bracketed ending ("bedrag(en)", "keuze(s)", "adult(s)"): a plural
    /// entry says it.
    @Test func noBracketedPluralEndingsRemain() throws {
        let pattern = try Regex(#"[A-Za-z]\((en|n|s|es|e)\)"#)
        for lang in Language.allCases {
            let texts = (Self.catalog.tables[lang] ?? [:]).merging(
                (Self.catalog.plurals[lang] ?? [:]).flatMap { key, forms in
                    forms.map { ("\(key).\($0.key)", $0.value) }
                }, uniquingKeysWith: { a, _ in a })
            for (key, text) in texts {
                #expect(text.firstMatch(of: pattern) == nil, "\(lang) \(key): \(text)")
            }
        }
    }

    @Test func dutchAndEnglishPickOneOrOther() {
        for lang in [Language.nl, .en] {
            let rule = PluralRule.forLanguage(lang)
            #expect(rule.categories == [.one, .other])
            #expect(rule.category(1) == .one)
            for n in [0, 2, 5, 11, 21, 101] { #expect(rule.category(n) == .other, "\(lang) \(n)") }
        }
    }

    /// The rules of the languages that come next, with CLDR's own examples (plurals.xml).
    @Test func rulesForPolishArabicAndTurkish() {
        let pl = PluralRule.forCode("pl")
        #expect(pl.categories == [.one, .few, .many, .other])
        #expect(pl.category(1) == .one)
        for n in [2, 3, 4, 22, 23, 24, 102] { #expect(pl.category(n) == .few, "pl \(n)") }
        for n in [0, 5, 11, 12, 13, 14, 19, 100, 112] {
            #expect(pl.category(n) == .many, "pl \(n)")
        }
        let ar = PluralRule.forCode("ar")
        #expect(ar.categories == Set(PluralCategory.allCases))
        #expect(ar.category(0) == .zero && ar.category(1) == .one && ar.category(2) == .two)
        for n in [3, 10, 103, 110] { #expect(ar.category(n) == .few, "ar \(n)") }
        for n in [11, 26, 99, 111] { #expect(ar.category(n) == .many, "ar \(n)") }
        for n in [100, 101, 102, 200] { #expect(ar.category(n) == .other, "ar \(n)") }
        let tr = PluralRule.forCode("tr")
        #expect(
            tr.categories == [.one, .other] && tr.category(1) == .one && tr.category(2) == .other)
    }

    @Test func theLookupPicksTheFormByCount() {
        let nl = Localizer(language: .nl, catalog: Self.catalog)
        let en = Localizer(language: .en, catalog: Self.catalog)
        #expect(nl.render(Message("watals.monthsLeft", ["count": .number(1)])) == "(nog 1 maand)")
        #expect(nl.render(Message("watals.monthsLeft", ["count": .number(2)])) == "(nog 2 maanden)")
        #expect(en.render(Message("watals.monthsLeft", ["count": .number(1)])) == "(1 month left)")
        #expect(en.render(Message("doc.count.suggestie", ["count": .number(3)])) == "3 tips")
        #expect(
            nl.render(Message("watals.note.toVerify", ["count": .number(11)])).hasPrefix(
                "11 bedragen of keuzes zijn"))
        #expect(
            nl.render(Message("watals.note.toVerify", ["count": .number(1)])).hasPrefix(
                "1 bedrag of keuze is"))
    }

    /// A catalog for a language with more categories loads and picks them: the format is ready
    /// for Polish (one/few/many/other) before its file exists.
    @Test func aCatalogWithMoreCategoriesLoads() throws {
        let entry = try #require(
            LocaleCatalog.pluralEntry([
                "one": "{count} plik", "few": "{count} pliki", "many": "{count} plików",
                "other": "{count} pliku",
            ]))
        let rule = PluralRule.forCode("pl")
        #expect(entry[rule.category(1)] == "{count} plik")
        #expect(entry[rule.category(3)] == "{count} pliki")
        #expect(entry[rule.category(5)] == "{count} plików")
        #expect(LocaleCatalog.pluralEntry(["one": "x", "several": "y"]) == nil)
    }
}
