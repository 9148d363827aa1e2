import Foundation
import KompasCore
import KompasSettlement
import KompasTestSupport
import Testing

@testable import KompasMunicipality

/// The municipality file loader: the settlement section (issue 5), its validation and the built-ins.
@Suite struct MunicipalityFileTests {
    static let base = """
        {"schema": 1, "id": "test", "naam": "Test",
         "inkomen": {
          "vrijlating_standaard": {"waarde": true, "bron": "b", "geverifieerd": "g"},
          "vakantiegeld_maandelijks": {"waarde": false, "bron": "b", "geverifieerd": "g"},
          "vakantietoeslag_maand": {"waarde": 5, "bron": "b", "geverifieerd": "g"}}
        """
    static func settlement(_ overrides: [String: String] = [:]) -> String {
        var v: [String: String] = [
            "methode_vierwekelijks": "\"betaaldatum\"", "methode_wekelijks": "\"betaaldatum\"",
            "methode_overig": "\"werkdagen\"",
            "eindejaarsuitkering": "\"betaalmaand\"", "stijl": "\"schatten\"",
            "terugbetalen_maanden": "6",
            "inkomstenformulier_dag": "20", "loonstrook_termijn_dagen": "10",
        ]
        for (k, x) in overrides { v[k] = x }
        let body = v.sorted { $0.key < $1.key }.map {
            "\"\($0.key)\": {\"waarde\": \($0.value), \"bron\": \"b\", \"geverifieerd\": \"geverifieerd\"}"
        }.joined(separator: ",\n")
        return base + ",\n\"verrekening\": {\n" + body + "}}"
    }

    /// Issue 15 item 6: the optional `hulp` section names the sociaal raadslieden, with a source;
    /// a file without it names none (Kompas does not guess), an empty name or source is refused.
    @Test func freeHelpIsOptionalAndSourced() throws {
        let none = try MunicipalityLoader.decode(Data((Self.base + "}").utf8), name: "t.json")
        #expect(none.freeHelp == nil)
        func help(_ name: String, _ address: String, _ source: String) -> String {
            Self.base
                + #",\#n"hulp": {"sociaal_raadslieden": {"waarde": {"naam": "\#(name)", "adres": "\#(address)"}, "bron": "\#(source)", "geverifieerd": "te verifiëren: test"}}}"#
        }
        let named = try MunicipalityLoader.decode(
            Data(help("Raadslieden Proef", "020 123 4567", "proef.example").utf8), name: "t.json")
        #expect(
            named.freeHelp?.socialAdvisers?.value
                == MunicipalityFile.HelpContact(name: "Raadslieden Proef", address: "020 123 4567"))
        for (file, field) in [
            (help(" ", "020 123 4567", "b"), "hulp.sociaal_raadslieden.waarde.naam"),
            (help("R", "", "b"), "hulp.sociaal_raadslieden.waarde.adres"),
            (help("R", "020 123 4567", ""), "hulp.sociaal_raadslieden.bron"),
        ] {
            #expect(throws: MunicipalityFileError.self) {
                try MunicipalityLoader.decode(Data(file.utf8), name: "t.json")
            }
            do {
                _ = try MunicipalityLoader.decode(Data(file.utf8), name: "t.json")
            } catch {
                #expect(error.field == field)
            }
        }
        // The built-in Amsterdam file names none: no official address was found (see Amsterdam.swift).
        #expect(try MunicipalityLoader.builtIn("amsterdam")?.freeHelp == nil)
    }

    @Test func settlementSectionIsReadIntoThePolicy() throws {
        let f = try MunicipalityLoader.decode(Data(Self.settlement().utf8), name: "t.json")
        let p = f.settlementPolicy
        #expect(p.fourWeekly == .betaaldatum && p.weekly == .betaaldatum && p.other == .werkdagen)
        #expect(p.yearEndBonus == .betaalmaand && p.style == .schatten && p.recoveryMonths == 6)
        #expect(p.incomeFormDay == 20 && p.payslipDays == 10)
        #expect(
            p.income.holidayPayCountedMonthly == false,
            "holiday pay comes from inkomen.vakantiegeld_maandelijks")
        #expect(p.incomeFormDeadline(for: CalendarMonth("2026-01")) == LocalDate("2026-02-20"))
    }

    @Test func theBufferBudgetChoiceIsReadAndChecked() throws {
        // Issue 16: art. 34b is the municipality's policy, optional in its file.
        let settles = try MunicipalityLoader.decode(
            Data(Self.settlement(["bufferbudget": "\"vereffenen\""]).utf8), name: "t.json")
        #expect(settles.settlementPolicy.bufferBudgetSettles)
        let unknown = try MunicipalityLoader.decode(Data(Self.settlement().utf8), name: "t.json")
        #expect(!unknown.settlementPolicy.bufferBudgetSettles)
        #expect(throws: MunicipalityFileError.self) {
            try MunicipalityLoader.decode(
                Data(Self.settlement(["bufferbudget": "\"soms\""]).utf8), name: "t.json")
        }
    }

    @Test func theHolidayAllowanceMonthIsAtTheLatestJune() throws {
        // Art. 45 lid 1 Pw: "jaarlijks betaald in de maand juni … of zo veel eerder".
        let july =
            Self.base.replacingOccurrences(of: "{\"waarde\": 5,", with: "{\"waarde\": 7,") + "}"
        do {
            _ = try MunicipalityLoader.decode(Data(july.utf8), name: "t.json")
            Issue.record("July is later than the law allows")
        } catch {
            #expect(error.field == "inkomen.vakantietoeslag_maand.waarde")
            #expect(error.reason.key == "municipality.error.payMonthLate")
        }
        let june =
            Self.base.replacingOccurrences(of: "{\"waarde\": 5,", with: "{\"waarde\": 6,") + "}"
        #expect(
            try MunicipalityLoader.decode(Data(june.utf8), name: "t.json").incomePolicy
                .holidayAllowancePayMonth == 6)
    }

    @Test func missingSectionFallsBackToTheUnverifiedDefault() throws {
        let f = try MunicipalityLoader.decode(Data((Self.base + "}").utf8), name: "t.json")
        #expect(f.settlementPolicy.fourWeekly == .dertienTwaalfde)
        #expect(f.unverifiedFields.contains("verrekening.methode_vierwekelijks"))
    }

    @Test(arguments: [
        (
            "methode_wekelijks", "\"dertien-twaalfde\"", "verrekening.methode_wekelijks.waarde",
            "municipality.error.choice"
        ),
        (
            "methode_vierwekelijks", "\"per-maand\"", "verrekening.methode_vierwekelijks.waarde",
            "municipality.error.choice"
        ),
        ("stijl", "\"vooraf\"", "verrekening.stijl.waarde", "municipality.error.choice"),
        (
            "terugbetalen_maanden", "0", "verrekening.terugbetalen_maanden.waarde",
            "municipality.error.range"
        ),
        (
            "inkomstenformulier_dag", "32", "verrekening.inkomstenformulier_dag.waarde",
            "municipality.error.range"
        ),
        (
            "loonstrook_termijn_dagen", "\"veertien\"",
            "verrekening.loonstrook_termijn_dagen.waarde", "municipality.error.type"
        ),
    ])
    func invalidValuesNameFileFieldAndReason(
        _ field: String, _ value: String, _ path: String, _ reason: String
    ) {
        #expect(throws: MunicipalityFileError.self) {
            try MunicipalityLoader.decode(
                Data(Self.settlement([field: value]).utf8), name: "t.json")
        }
        do {
            _ = try MunicipalityLoader.decode(
                Data(Self.settlement([field: value]).utf8), name: "t.json")
        } catch {
            #expect(error.file == "t.json")
            #expect(error.field == path)
            #expect(error.reason.key == reason)
            #expect(error.exitCode == .configuration)
        }
    }

    @Test func emptySourceIsRefused() {
        let text = Self.settlement().replacingOccurrences(
            of: "\"stijl\": {\"waarde\": \"schatten\", \"bron\": \"b\"",
            with: "\"stijl\": {\"waarde\": \"schatten\", \"bron\": \" \"")
        do {
            _ = try MunicipalityLoader.decode(Data(text.utf8), name: "t.json")
            Issue.record("accepted")
        } catch { #expect(error.field == "verrekening.stijl.bron") }
    }

    @Test func builtInsCarryTheResolvedFacts() throws {
        let a = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        #expect(a.settlementPolicy.fourWeekly == .dertienTwaalfde)
        #expect(
            a.settlement.fourWeekly.toVerify,
            "Amsterdam ×13/12 is the recommended default, not confirmed")
        let r = try #require(try MunicipalityLoader.builtIn("rotterdam"))
        #expect(
            r.settlementPolicy.style == .schatten && r.settlementPolicy.recoveryMonths == 6
                && r.settlementPolicy.payslipDays == 14)
        #expect(!r.settlement.style.toVerify && !r.settlement.recoveryMonths.toVerify)
    }
}
