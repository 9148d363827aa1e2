import Foundation
import KompasCore
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasToeslagen

@Suite struct ToeslagEngineTests {
    static let march = LocalDate("2026-03-01")

    @Test func parametersLintCleanAndCarryVerification() {
        let registry = ParameterRegistry(ToeslagParameters.descriptors)
        #expect(registry.lint().isEmpty, "\(registry.lint())")
        for p in registry.all {
            #expect(
                ["awir.", "wzt.", "wht.", "wkb.", "kot.", "akw."].contains { p.id.hasPrefix($0) },
                "\(p.id)")
            for row in p.rows {
                #expect(!row.verified.isEmpty, "\(p.id) from \(row.from): no verification note")
            }
        }
    }

    @Test func basishuur2026IsComposedFromTheLaw() throws {
        let r = try Huurtoeslag.calculate(
            on: Self.march, household: ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650)),
            toetsingsinkomen: .euros(20_000))
        let step = try #require(r.trace.first { $0.message.key == "toeslag.huur.basishuur" })
        #expect(step.amount == .cents(202_52))
        #expect(
            Set(step.parameters.map(\.id)) == [
                "wht.normhuur", "wht.normhuurverlaging.een",
                "wht.opslagArt16", "wht.verlagingEigenBijdrage",
            ])
        let couple = try Huurtoeslag.calculate(
            on: Self.march,
            household: ToeslagHousehold(
                applicantAge: 30, partner: PartnerFacts(age: 30), kaleHuur: .euros(650)),
            toetsingsinkomen: .euros(20_000))
        #expect(
            couple.trace.first { $0.message.key == "toeslag.huur.basishuur" }?.amount
                == .cents(200_71))
    }

    @Test func stopIncomeIsExactToTheCent() throws {
        let single = ToeslagHousehold(applicantAge: 30)
        // 1.550,45 − round(13,73 % × x) drops below 23,50 at x = 11.121,31 → 29.736 + 11.121,31.
        #expect(
            try StopIncome.find(.zorgtoeslag, on: Self.march, household: single)
                == .stopsAt(.cents(40_857_31)))
        let households = [
            ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650)),
            ToeslagHousehold(
                applicantAge: 40, partner: PartnerFacts(age: 40),
                children: [ChildFacts(age: 3), ChildFacts(age: 13), ChildFacts(age: 16)],
                kaleHuur: .euros(800)),
            ToeslagHousehold(
                applicantAge: 30,
                children: [
                    ChildFacts(
                        age: 2,
                        childcare: Childcare(kind: .dagopvang, hours: 100, hourlyPrice: .euros(10)))
                ]),
        ]
        for h in households {
            for t in [Toeslag.zorgtoeslag, .huurtoeslag, .kindgebondenBudget, .kinderopvangtoeslag]
            {
                switch try StopIncome.find(t, on: Self.march, household: h) {
                case .stopsAt(let s):
                    #expect(
                        try Toeslagen.calculate(
                            t, on: Self.march, household: h, toetsingsinkomen: s - .cents(1)
                        ).isEntitled, "\(t)")
                    #expect(
                        try !Toeslagen.calculate(
                            t, on: Self.march, household: h, toetsingsinkomen: s
                        ).isEntitled, "\(t)")
                case .neverEntitled:
                    #expect(
                        try !Toeslagen.calculate(
                            t, on: Self.march, household: h, toetsingsinkomen: .zero
                        ).isEntitled)
                case .entitledBeyond(let m):
                    #expect(
                        t == .kinderopvangtoeslag && m == .euros(500_000),
                        "\(t) unexpectedly unbounded")
                }
            }
        }
        #expect(
            try StopIncome.find(.kindgebondenBudget, on: Self.march, household: single)
                == .neverEntitled)
    }

    @Test func repaymentWhenIncomeRisesAfterTheVoorschot() throws {
        let h = ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650))
        let estimates = try Terugbetaling.estimate(
            on: Self.march, household: h, voorschotIncome: .euros(20_000),
            actualIncome: .euros(26_000))
        let huur = try #require(estimates.first { $0.toeslag == .huurtoeslag })
        // 4.732 on the voorschot, 4.037 on the real income: 695 to pay back.
        #expect(
            huur.voorschotYearly == .euros(4_732) && huur.actualYearly == .euros(4_037)
                && huur.difference == .euros(-695))
        #expect(
            huur.message
                == Message(
                    "toeslag.terugbetalen",
                    [
                        "toeslag": .message(Message("toeslag.huurtoeslag.naam")),
                        "bedrag": .money(.euros(695)),
                    ]))
        let zorg = try #require(estimates.first { $0.toeslag == .zorgtoeslag })
        // 26.000 is below the drempelinkomen: no change.
        #expect(zorg.difference == .zero && zorg.message.key == "toeslag.geenVerschil")
        #expect(!estimates.contains { $0.toeslag == .kinderbijslag })
        let back = try Terugbetaling.estimate(
            on: Self.march, household: h, voorschotIncome: .euros(26_000),
            actualIncome: .euros(20_000))
        #expect(back.first { $0.toeslag == .huurtoeslag }?.message.key == "toeslag.nabetaling")
    }

    @Test func childcareNetCostIsAWorkCost() throws {
        let h = ToeslagHousehold(
            applicantAge: 30,
            children: [
                ChildFacts(
                    age: 2,
                    childcare: Childcare(kind: .dagopvang, hours: 100, hourlyPrice: .cents(12_50)))
            ])
        let r = try Kinderopvangtoeslag.calculate(
            on: Self.march, household: h, toetsingsinkomen: .euros(25_000))
        #expect(r.grossCostPerMonth == .euros(1_250))
        #expect(r.netCostPerMonth == .cents(171_92))  // 1.250 − 1.078,08
        #expect(
            r.lines.count == 1 && r.lines[0].countedHourlyPrice == .cents(11_23)
                && r.lines[0].isFirstChild)
        let idle = ToeslagHousehold(applicantAge: 30, children: h.children, parentsWork: false)
        #expect(
            try Kinderopvangtoeslag.calculate(
                on: Self.march, household: idle, toetsingsinkomen: .euros(25_000)
            ).netCostPerMonth == .euros(1_250))
    }

    @Test func allReportsNotInForcePerToeslag() {
        let h = ToeslagHousehold(
            applicantAge: 30, children: [ChildFacts(age: 5)], kaleHuur: .euros(650))
        let outcomes = Toeslagen.all(
            on: LocalDate("2025-06-01"), household: h, toetsingsinkomen: .euros(20_000))
        #expect(outcomes.count == Toeslag.allCases.count)
        for o in outcomes {
            switch (o.toeslag, o.result) {
            case (.zorgtoeslag, .success(let r)), (.kindgebondenBudget, .success(let r)):
                #expect(r.isEntitled)
            case (.huurtoeslag, .failure(let e)): #expect(e.parameterID.hasPrefix("wht."))
            case (.kinderopvangtoeslag, .failure), (.kinderbijslag, .failure): break
            default: Issue.record("unexpected \(o.toeslag): \(o.result)")
            }
        }
    }

    @Test func phaseOutStartIsExposedForTheSweep() throws {
        let h = ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650))
        #expect(
            try Zorgtoeslag.calculate(on: Self.march, household: h, toetsingsinkomen: .zero)
                .phaseOutStartsAt == .euros(29_736))
        #expect(
            try Huurtoeslag.calculate(on: Self.march, household: h, toetsingsinkomen: .zero)
                .phaseOutStartsAt == .euros(23_425))
    }
}

/// Every message a toeslag calculation can produce exists in both locales with the same placeholders as its arguments.
@Suite struct ToeslagLocaleTests {
    static func table(_ lang: String) throws -> [String: String] {
        try TestSupport.localeTable(lang)
    }
    static func placeholders(_ s: String) -> Set<String> {
        Set(s.matches(of: /\{([A-Za-z0-9_]+)\}/).map { String($0.1) })
    }
    static func messages(_ m: Message) -> [Message] {
        [m]
            + m.arguments.values.flatMap { arg -> [Message] in
                if case .message(let inner) = arg { return messages(inner) } else { return [] }
            }
    }

    @Test func everyTraceAndReasonMessageIsLocalized() throws {
        let nl = try Self.table("nl")
        let en = try Self.table("en")
        var all: [Message] = [Terugbetaling.reportChangeAdvice]
        for e in Toeslagen.examples {
            guard
                let r = try? Toeslagen.calculate(
                    e.toeslag, on: e.date, household: e.household,
                    toetsingsinkomen: e.toetsingsinkomen)
            else { continue }
            all += r.trace.map(\.message)
            if case .notEntitled(let reason) = r.entitlement { all.append(reason.message) }
            all.append(r.toeslag.name)
        }
        let h = ToeslagHousehold(applicantAge: 30, kaleHuur: .euros(650))
        for pair in [(20_000, 26_000), (26_000, 20_000), (20_000, 20_000)] {
            all += try Terugbetaling.estimate(
                on: LocalDate("2026-03-01"), household: h, voorschotIncome: .euros(Int64(pair.0)),
                actualIncome: .euros(Int64(pair.1))
            ).map(\.message)
        }
        let flat = all.flatMap(Self.messages)
        #expect(Set(flat.map(\.key)).count > 40)
        for m in flat {
            for (lang, table) in [("nl", nl), ("en", en)] {
                guard let template = table[m.key] else {
                    Issue.record("\(lang): missing \(m.key)")
                    continue
                }
                #expect(
                    Self.placeholders(template) == Set(m.arguments.keys),
                    "\(lang): \(m.key) placeholders \(Self.placeholders(template)) vs arguments \(m.arguments.keys.sorted())"
                )
            }
        }
    }
}
