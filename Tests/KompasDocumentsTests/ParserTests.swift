import KompasCore
import Testing

@testable import KompasDocuments

@Suite struct BSNTests {
    @Test func elevenTest() {
        #expect(BSN.isValid("111222333"))
        #expect(BSN.isValid("123456782"))
        #expect(!BSN.isValid("123456789"))  // near miss: nine digits, fails the test
        #expect(!BSN.isValid("111222334"))  // one digit off
        #expect(!BSN.isValid("000000000"))  // sum 0
        #expect(!BSN.isValid("11122233"))  // eight digits
        #expect(!BSN.isValid("1112223330"))
    }

    @Test func findsOnlyPassingNumbersInUsualShapes() {
        #expect(BSN.find(in: "BSN 111222333").map(\.column) == [5])
        #expect(
            BSN.find(in: "1234.56.782 en 111 222 333").map(\.digits) == ["123456782", "111222333"])
        #expect(BSN.find(in: "klantnummer 123456789").isEmpty)
        #expect(BSN.find(in: "tel 0111222333").isEmpty)  // ten digits
        #expect(BSN.find(in: "1112223331").isEmpty)
        #expect(BSN.find(in: "11 12 22 333").isEmpty)  // not a BSN grouping
        #expect(BSN.find(in: "06 12345678").isEmpty)
    }
}

@Suite struct IBANTests {
    @Test func mod97() {
        #expect(IBAN.isValid("NL91ABNA0417164300"))
        #expect(IBAN.isValid("GB82 WEST 1234 5698 7654 32"))
        #expect(IBAN.isValid("DE89370400440532013000"))
        #expect(!IBAN.isValid("NL92ABNA0417164300"))  // wrong check digits
        #expect(!IBAN.isValid("NL91ABNA0417164301"))  // one digit off
        #expect(!IBAN.isValid("NL91"))
    }

    @Test func findsWrittenTogetherOrGrouped() {
        #expect(IBAN.find(in: "IBAN: NL91ABNA0417164300").map(\.column) == [7])
        #expect(IBAN.find(in: "x NL91 ABNA 0417 1643 00 y").map(\.iban) == ["NL91ABNA0417164300"])
        #expect(IBAN.find(in: "NL92ABNA0417164300").isEmpty)
    }
}

@Suite struct PeriodParserTests {
    static let today = CalendarMonth("2026-03")

    func one(_ s: String) -> Period? {
        let p = PeriodParser.periods(in: s, today: Self.today)
        return p.count == 1 ? p[0] : nil
    }

    @Test func dutchAndEnglishForms() throws {
        let a = try #require(one("2019 – heden  Orderpicker"))
        #expect(
            a.start == CalendarMonth("2019-01").index && a.end == Self.today.index && a.isOngoing)
        let b = try #require(one("mrt 2021 - jun 2022"))
        #expect(
            b.start == CalendarMonth("2021-03").index && b.end == CalendarMonth("2022-06").index)
        let c = try #require(one("03/2021 – 06/2022"))
        #expect(
            c.start == CalendarMonth("2021-03").index && c.end == CalendarMonth("2022-06").index)
        let d = try #require(one("maart 2021 t/m december 2021"))
        #expect(d.months == 10)
        let e = try #require(one("Jan 2019 to Dec 2020"))
        #expect(e.months == 24)
        let f = try #require(one("sept. 2018 tot nu"))
        #expect(f.start == CalendarMonth("2018-09").index && f.isOngoing)
        let g = try #require(one("2021-03 – present"))
        #expect(g.start == CalendarMonth("2021-03").index)
        let h = try #require(one("sinds mei 2024 vrijwilliger"))
        #expect(h.start == CalendarMonth("2024-05").index && h.isOngoing)
        let i = try #require(one("2015 - 2016"))
        #expect(
            i.start == CalendarMonth("2015-01").index && i.end == CalendarMonth("2016-12").index)
        #expect(
            i.latestStart == CalendarMonth("2015-12").index
                && i.earliestEnd == CalendarMonth("2016-01").index)
    }

    @Test func nearMissesAreNotPeriods() {
        #expect(PeriodParser.periods(in: "Postcode 1234 AB", today: Self.today).isEmpty)
        #expect(PeriodParser.periods(in: "2019 was een goed jaar", today: Self.today).isEmpty)
        // no month 13
        #expect(PeriodParser.periods(in: "13/2021 – 14/2022", today: Self.today).isEmpty)
        #expect(PeriodParser.periods(in: "2022 – 2019", today: Self.today).isEmpty)  // backwards
        #expect(PeriodParser.periods(in: "06 12345678", today: Self.today).isEmpty)
    }
}

@Suite struct AnalysisTests {
    @Test func languageDetection() {
        #expect(
            LanguageDetector.detect(Document(text: "Ik werk graag met mensen en ik ben op tijd."))
                == .nl)
        #expect(
            LanguageDetector.detect(Document(text: "I like to work with people and I am on time."))
                == .en)
    }

    @Test func sentences() {
        let s = Readability.sentences(
            in: Document(text: "Ik werk. Ik verdien € 1.250 per maand! Klaar?\nKop\nNog een zin."))
        #expect(s.map(\.words.count) == [2, 6, 1, 1, 3])  // "1.250" counts as two number tokens
    }

    @Test func fingerprintSimilarity() {
        let a = LetterFingerprint(
            document: Document(text: "Graag werk ik als orderpicker in uw magazijn in Tilburg."),
            documentHash: "a")
        let b = LetterFingerprint(
            document: Document(text: "Graag werk ik als orderpicker in uw magazijn in Tilburg."),
            documentHash: "b")
        let c = LetterFingerprint(
            document: Document(text: "Koken is mijn vak en ik wil kok worden in Leiden."),
            documentHash: "c")
        #expect(a.similarity(to: b) == 1)
        #expect(a.similarity(to: c) == 0)
        // published FNV-1a 64 test value
        #expect(LetterFingerprint.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func vacancyLabels() {
        let v = Vacancy(
            document: Document(
                text:
                    "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek\nContactpersoon: mevrouw A. Jansen\nWij zoeken een orderpicker met VCA."
            ))
        #expect(v.role == "Orderpicker")
        #expect(v.company == "Van Dijk Logistiek")
        #expect(v.contactSurname == "Jansen")
        #expect(v.keyTerms.contains("orderpicker") && v.keyTerms.contains("vca"))
    }

    @Test func contactDetection() {
        #expect(Contact.hasPhone("Tel: 06-12345678"))
        #expect(Contact.hasPhone("+31 (0)6 1234 5678"))
        #expect(!Contact.hasPhone("2019 – 2021"))
        #expect(
            Contact.emails(in: "Mail: sam.devries@example.nl.").map(\.address) == [
                "sam.devries@example.nl"
            ])
        #expect(Contact.hasPostcode("1234 AB Utrecht"))
        #expect(!Contact.hasPostcode("0123 AB"))
    }
}
