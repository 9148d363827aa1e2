import Foundation
import KompasCase
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasApp

/// The guide and the flags understand common phrasings through the one reader (issue 22):
/// "3 en 7", "november", "nov 2026", "volgende maand", "ik ben 34", "20 uur", "€ 14,71", "14.71".
@Suite struct PhrasingTests {
    static let today = CalendarMonth("2026-12")

    @Test(arguments: [
        ("3 en 7", [3, 7]), ("3, 7", [3, 7]), ("3 and 7", [3, 7]), ("3 7", [3, 7]),
        ("4, 7 en 11", [4, 7, 11]), ("5 jaar", [5]),
    ])
    func childrenAges(_ raw: String, _ ages: [Int]) {
        #expect(SituationReader.children(raw) == ages)
        let guide = GuideChecks.childrenAges(raw, [:])
        #expect(guide == .accepted(ages.map(String.init).joined(separator: ",")))
    }

    @Test(arguments: [
        ("november", "2026-11"), ("November", "2026-11"), ("nov 2026", "2026-11"),
        ("nov. 2027", "2027-11"), ("november 2027", "2027-11"), ("mrt 2027", "2027-03"),
        ("march 2027", "2027-03"), ("2027 mei", "2027-05"), ("volgende maand", "2027-01"),
        ("next month", "2027-01"), ("deze maand", "2026-12"), ("vorige maand", "2026-11"),
        ("last month", "2026-11"), ("2026-03", "2026-03"), ("03-2026", "2026-03"),
    ])
    func months(_ raw: String, _ month: String) {
        #expect(SituationReader.month(raw, today: Self.today)?.description == month)
        let guide = GuideChecks.month(default: Self.today)
        #expect(guide(raw, [:]) == .accepted(month))
        #expect(GuideChecks.monthRequired(raw, today: Self.today) == .accepted(month))
    }

    @Test func notMonths() {
        for raw in ["morgen", "novembre", "13-2026", "nov 26", "volgende week", ""] {
            #expect(SituationReader.month(raw, today: Self.today) == nil, "\(raw)")
        }
        // Without today only absolute months are read.
        #expect(SituationReader.month("volgende maand", today: nil) == nil)
        #expect(SituationReader.month("nov 2026", today: nil)?.description == "2026-11")
    }

    @Test(arguments: [
        ("34", 34), ("ik ben 34", 34), ("Ik ben 34 jaar", 34), ("ik ben 34 jaar oud", 34),
        ("34 jaar", 34), ("I am 34", 34), ("I'm 34 years old", 34), ("34 years", 34),
    ])
    func ages(_ raw: String, _ age: Int) throws {
        #expect(SituationReader.age(raw) == age)
        #expect(GuideChecks.age(raw, [:]) == .accepted(String(age)))
        let s = try SituationReader.read([.age: [raw]])
        #expect(s.household.age == age)
    }

    @Test func notAges() {
        for raw in ["ik ben oud", "34 of 35", "vierendertig", "ik ben -3"] {
            #expect(SituationReader.age(raw) == nil, "\(raw)")
        }
    }

    @Test(arguments: [
        ("20", 2000), ("20 uur", 2000), ("20uur", 2000), ("16,5 uur", 1650),
        ("20 uur per week", 2000),
        ("20 hours", 2000), ("20 hours a week", 2000), ("12.5 h", 1250), ("20u", 2000),
    ])
    func hours(_ raw: String, _ hundredths: Int) {
        #expect(SituationReader.parseHours(raw) == hundredths)
        let guide = GuideChecks.hours()(raw, [:])
        let shown =
            hundredths % 100 == 0
            ? "\(hundredths / 100)" : String(format: "%d.%02d", hundredths / 100, hundredths % 100)
        #expect(guide == .accepted(shown))
    }

    @Test(arguments: [
        ("14,71", 1471), ("14.71", 1471), ("€ 14,71", 1471), ("€14.71", 1471), ("14,71 euro", 1471),
        ("€ 1.234,56", 123_456), ("1,234.56", 123_456), ("14 euro", 1400),
    ])
    func amounts(_ raw: String, _ cents: Int64) {
        #expect(SituationReader.amount(raw) == Money(cents: cents))
        #expect(GuideChecks.amount()(raw, [:]) == .accepted(GuideChecks.plain(Money(cents: cents))))
    }

    /// The flags share the reader: the same phrasings work on the command line.
    @Test func flagsShareTheReader() {
        let plain = runKompas(
            [
                "watals", "--leeftijd", "34", "--uren", "20", "--uurloon", "14,71", "--gestart",
                "2026-11", "--zonder-profiel",
            ], today: "2026-12-02")
        #expect(plain.code == 0, "\(plain.err)")
        let spoken = runKompas(
            [
                "watals", "--leeftijd", "ik ben 34", "--uren", "20 uur", "--uurloon", "€ 14,71",
                "--gestart", "vorige maand", "--zonder-profiel",
            ], today: "2026-12-02")
        #expect(spoken.code == 0, "\(spoken.err)")
        #expect(spoken.out == plain.out)
        let named = runKompas(
            [
                "watals", "--leeftijd", "34", "--uren", "20", "--uurloon", "14.71", "--gestart",
                "nov 2026", "--maand", "volgende maand", "--zonder-profiel",
            ], today: "2026-12-02")
        let iso = runKompas(
            [
                "watals", "--leeftijd", "34", "--uren", "20", "--uurloon", "14.71", "--gestart",
                "2026-11", "--maand", "2027-01", "--zonder-profiel",
            ], today: "2026-12-02")
        #expect(named.code == 0 && named.out == iso.out, "\(named.err)")
    }

    /// A month said relative to today is stored in the profile as the month it meant that day, so
    /// "vorige maand" saved in December is November next year too.
    @Test func theProfileStoresTheMonthARelativePhraseMeant() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-phrasing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        let set = runKompas(
            [
                "profiel", "instellen", "--leeftijd", "ik ben 34", "--uren", "20 uur",
                "--uurloon", "€ 14,71", "--gestart", "vorige maand",
            ], today: "2026-12-02", environment: env)
        #expect(set.code == 0, "\(set.err)")
        let shown = runKompas(["profiel", "toon", "--json"], today: "2027-06-15", environment: env)
        #expect(shown.code == 0, "\(shown.err)")
        #expect(shown.out.contains("2026-11"), "\(shown.out)")
        #expect(!shown.out.contains("vorige maand"), "\(shown.out)")
    }
}
