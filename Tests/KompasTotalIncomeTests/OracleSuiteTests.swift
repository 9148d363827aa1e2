import Foundation
import KompasCore
import KompasIncome
import KompasRules
import KompasTestSupport
import KompasToeslagen
import KompasTotalIncome
import Testing

/// The external oracle suite (issue 17): situations with expected amounts from official tables
/// or from hand calculations on the law texts, kept as data in `Tests/Oracle/*.json`.
///
/// Each case carries its source and a mark: `verified` means the amount was read in an official
/// (or officially transcribed) table; otherwise it is a hand calculation from the law text. Every
/// case is its own test, so `swift test` reports per case.
struct OracleCase: Sendable, CustomTestStringConvertible {
    var id: String
    var kind: String
    var month: CalendarMonth
    var input: [String: JSONValue]
    var expect: [String: JSONValue]
    var source: String
    var verified: Bool
    var testDescription: String { "\(id) [\(verified ? "officieel" : "handberekening")]" }

    /// A JSON value from the case file (Foundation's types are not Sendable).
    enum JSONValue: Sendable, Hashable {
        case text(String)
        case number(Int)
        case bool(Bool)
        case list([JSONValue])
        case object([String: JSONValue])
        case null

        init(_ any: Any) {
            switch any {
            case let s as String: self = .text(s)
            case let b as Bool: self = .bool(b)
            case let n as NSNumber: self = .number(n.intValue)
            case let a as [Any]: self = .list(a.map(JSONValue.init))
            case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init))
            default: self = .null
            }
        }
        var text: String? { if case .text(let s) = self { return s } else { return nil } }
        var int: Int? { if case .number(let n) = self { return n } else { return nil } }
        var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
        var object: [String: JSONValue]? {
            if case .object(let o) = self { return o } else { return nil }
        }
        var money: Money? { text.flatMap(OracleCase.money) }
    }

    /// "1234.56" → € 1.234,56 (exact, no floating point).
    static func money(_ s: String) -> Money? {
        let negative = s.hasPrefix("-")
        let parts = s.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]), parts.count <= 2 else { return nil }
        var cents = whole * 100
        if parts.count == 2 {
            let frac = String(parts[1])
            guard frac.count == 2, let f = Int64(frac) else { return nil }
            cents += f
        }
        return Money(cents: negative ? -cents : cents)
    }

    static func load(_ file: String) -> [OracleCase] {
        guard let data = try? Data(contentsOf: TestSupport.path("Tests/Oracle/\(file)")),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { return [] }
        return cases.compactMap { (c: [String: Any]) -> OracleCase? in
            guard let id = c["id"] as? String, let kind = c["kind"] as? String,
                let month = c["month"] as? String, let input = c["input"] as? [String: Any],
                let expect = c["expect"] as? [String: Any], let source = c["source"] as? String,
                let y = Int(month.prefix(4)), let m = Int(month.suffix(2)),
                let calendarMonth = CalendarMonth(year: y, month: m)
            else { return nil }
            return OracleCase(
                id: id, kind: kind, month: calendarMonth, input: input.mapValues(JSONValue.init),
                expect: expect.mapValues(JSONValue.init), source: source,
                verified: (c["verified"] as? Bool) ?? false)
        }
    }
}

@Suite struct OracleSuiteTests {
    static let wageTax = OracleCase.load("loonheffing.json")
    static let inversion = OracleCase.load("bruto-uit-netto.json")
    static let projection = OracleCase.load("projectie.json")
    static let zorgtoeslag = OracleCase.load("zorgtoeslag.json")

    /// The files are there and every case parsed (a missing file must not pass as "no cases").
    @Test func everyFileLoads() {
        #expect(Self.wageTax.count >= 60)
        #expect(Self.wageTax.filter(\.verified).count >= 50)
        #expect(Self.inversion.count >= 5)
        #expect(Self.projection.count >= 8)
        #expect(Self.zorgtoeslag.count >= 8)
        for c in Self.wageTax + Self.inversion + Self.projection + Self.zorgtoeslag {
            #expect(!c.source.isEmpty, "\(c.id) has no source")
        }
    }

    @Test(arguments: OracleSuiteTests.wageTax) func loonheffing(_ c: OracleCase) throws {
        let i = c.input
        let gross = try #require(i["gross"]?.money)
        let f = try #require(i["frequency"]?.text.flatMap(PayFrequency.init(rawValue:)))
        let column = try #require(i["column"]?.text.flatMap(WageTaxColumn.init(rawValue:)))
        var p = ParameterReader(c.month)
        let r = try Loonheffing.table(
            .init(
                periodGross: gross, frequency: f, withCredit: i["withCredit"]?.bool ?? true,
                column: column), &p)
        #expect(r.periodTax == c.expect["tax"]?.money, "\(c.id): \(c.source)")
        if let ak = c.expect["labourCredit"]?.money {
            #expect(r.periodLabourCredit == ak, "\(c.id) arbeidskorting")
        }
        #expect(r.method == .rekenvoorschriften)
    }

    @Test(arguments: OracleSuiteTests.inversion) func brutoUitNetto(_ c: OracleCase) throws {
        let net = try #require(c.input["net"]?.money)
        var p = ParameterReader(c.month)
        let d = try BrutoUitNetto.compute(
            .init(net: net, frequency: .maand, withCredit: c.input["withCredit"]?.bool ?? true), &p)
        #expect(d.gross == c.expect["gross"]?.money, "\(c.id)")
        #expect(d.exact)
    }

    @Test(arguments: OracleSuiteTests.projection) func projectie(_ c: OracleCase) throws {
        let h = try #require(c.input["household"]?.object)
        let type = try #require(h["type"]?.text.flatMap(HouseholdType.init(rawValue:)))
        let kids: [Int] = {
            if case .list(let l) = h["children"] ?? .null { return l.compactMap(\.int) }
            return []
        }()
        let household = Household(
            type: type, age: try #require(h["age"]?.int), partnerAge: h["partnerAge"]?.int,
            childrenAges: kids, cannotRelyOnParents: h["cannotRelyOnParents"]?.bool)
        let w = try #require(c.input["work"]?.object)
        let work: WorkInput
        switch w["kind"]?.text {
        case "grossMonthly": work = .grossMonthly(try #require(w["amount"]?.money))
        case "netMonthly": work = .netMonthly(try #require(w["amount"]?.money))
        default: work = .none
        }
        let pr = try Projector.project(
            ProjectionInput(month: c.month, household: household, work: work))
        for (line, value) in c.expect {
            #expect(pr.amount(line) == value.money, "\(c.id): \(line)")
        }
    }

    @Test(arguments: OracleSuiteTests.zorgtoeslag) func zorgtoeslagCase(_ c: OracleCase) throws {
        let i = c.input
        let partner = i["partner"]?.object.map {
            PartnerFacts(age: $0["age"]?.int ?? 30, insured: $0["insured"]?.bool ?? true)
        }
        let household = ToeslagHousehold(
            applicantAge: try #require(i["applicantAge"]?.int), partner: partner,
            assets: i["assets"]?.money ?? .zero)
        let r = try Zorgtoeslag.calculate(
            on: c.month.firstDay, household: household,
            toetsingsinkomen: try #require(i["toetsingsinkomen"]?.money))
        if let yearly = c.expect["yearly"]?.money {
            #expect(r.isEntitled && r.yearly == yearly, "\(c.id): \(r.entitlement)")
        } else {
            #expect(!r.isEntitled, "\(c.id): \(r.entitlement)")
        }
    }
}
