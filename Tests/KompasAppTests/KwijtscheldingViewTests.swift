import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasLocalization
import KompasMunicipality
import KompasProvisions
import KompasTestSupport
import Testing

@testable import KompasApp

/// Issue 15: Amsterdam's kwijtschelding is one fact in every view.
///
/// A single person lost the whole waiver at the first hour of work, because the exempted earnings
/// counted as income. Now the engine waives after the ability to pay, and `watals` (text and
/// JSON) and `samenvatting` (client and klantmanager) render its figures; none computes them.
@Suite struct KwijtscheldingViewTests {
    static let today = "2026-12-01"
    static let single = [
        "--zonder-profiel", "--maand", "2026-12", "--huishouden", "alleenstaande", "--leeftijd",
        "35", "--gestart", "2026-10",
    ]

    func run(_ args: [String]) -> AppRun { runKompas(args, language: "nl", today: Self.today) }

    /// The engine's waiver for the same flags (the one computation the views must show).
    static func waiver(_ extra: [String]) throws -> Kwijtschelding.Outcome {
        let parsed = try ArgumentParser(table: .standard).parse(["watals"] + single + extra)
        let situation = try SituationReader.read(SituationFlags.values(parsed))
        let r = try Engine.evaluate(
            situation, months: [CalendarMonth(index: 2026 * 12 + 11)],
            municipality: try #require(try MunicipalityLoader.builtIn("amsterdam")))
        let t = try #require(r.first?.total)
        return try #require(
            t.provisions.first { $0.provision.id == "amsterdam.kwijtschelding" }?.evaluation.waiver)
    }

    static func euro(_ m: Money) -> String { Formatters(.nl).money(m) }

    /// 8 hours at € 14,71 in December 2026: the whole € 344 in every view (was "nee").
    @Test func eightHoursKeepTheWholeWaiver() throws {
        let hours = ["--uren", "8", "--uurloon", "14,71"]
        let w = run(["watals"] + Self.single + hours)
        let row = w.out.split(separator: "\n").first {
            $0.hasPrefix("  Kwijtschelding gemeentelijke belastingen")
        }
        #expect(row?.hasSuffix(" € 28,67") == true, "\(row ?? "")")
        let s = run(["samenvatting"] + Self.single + hours)
        #expect(
            s.out.contains("Kwijtschelding gemeentelijke belastingen [")
                && s.out.contains("€ 344,00 per jaar"))
        #expect(try Self.waiver(hours).kind == .full)
    }

    /// A net wage just above the norm: a partial waiver, the same three amounts everywhere.
    @Test func partialWaiverIsTheSameInEveryView() throws {
        let wage = ["--netto-maandloon", "1580"]
        let e = try Self.waiver(wage)
        #expect(e.kind == .partial)
        let sentence =
            "\(Self.euro(e.waived)) van de \(Self.euro(e.tax)). Zelf betalen: \(Self.euro(e.toPay))"
        let flat = { (s: String) in s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let w = run(["watals"] + Self.single + wage)
        #expect(flat(w.out).contains("Je krijgt een deel kwijtgescholden: " + sentence), "\(w.out)")
        let client = run(["samenvatting"] + Self.single + wage)
        #expect(flat(client.out).contains("Je krijgt een deel kwijtgescholden: " + sentence))
        let km = run(["samenvatting", "--voor", "klantmanager"] + Self.single + wage)
        #expect(flat(km.out).contains("De klant krijgt een deel kwijtgescholden: " + sentence))
        // JSON: the same object in watals and samenvatting, in cents.
        for cmd in ["watals", "samenvatting"] {
            let j = run([cmd, "--json"] + Self.single + wage)
            let o = try #require(
                try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [String: Any])
            let list = try #require((o["voorzieningen"] ?? o["regelingen"]) as? [[String: Any]])
            let k = try #require(
                list.first { $0["id"] as? String == "amsterdam.kwijtschelding" }?["kwijtschelding"]
                    as? [String: Any], "\(cmd)")
            #expect(k["soort"] as? String == "deels", "\(cmd)")
            #expect(k["kwijt_centen"] as? Int64 == e.waived.cents, "\(cmd)")
            #expect(k["zelf_betalen_centen"] as? Int64 == e.toPay.cents, "\(cmd)")
            #expect(k["betalingscapaciteit_gebruikt_centen"] as? Int64 == e.capacityUsed.cents)
        }
        // --uitleg says where the amount comes from, and that unknown costs can only raise it.
        let u = flat(run(["watals", "--uitleg"] + Self.single + wage).out)
        #expect(u.contains("Daarvan rekent de gemeente 80 %: \(Self.euro(e.capacityUsed))."))
        #expect(u.contains("Dan kan je kwijtschelding hoger zijn, niet lager."))
        #expect(u.contains("Uitvoeringsregeling Invorderingswet 1990"))
    }
}
