import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasProvisions

private let norm2026Single = Money.cents(1_401_50)

private func input(
    _ month: String, age: Int = 35, partner: Bool = false, children: [Int] = [], income: Money,
    norm: Money = norm2026Single, assets: Money = .zero, earnings: Money = .zero
) -> ProvisionInput {
    ProvisionInput(
        month: fixture(CalendarMonth.parse(month), month),
        household: ProvisionHousehold(
            applicantAge: age, hasPartner: partner, childrenAges: children),
        monthlyIncome: income, applicableNorm: norm, assets: assets, monthlyEarnings: earnings)
}

@Suite struct BuiltInProvisionTests {
    @Test func builtInFilesAreValid() throws {
        for entry in BuiltInProvisions.all {
            let list = try ProvisionLoader.load(Data(entry.json.utf8), fileName: entry.fileName)
            #expect(!list.isEmpty, "\(entry.municipality)")
            for p in list {
                #expect(
                    !p.name.nl.isEmpty && !p.name.en.isEmpty && !p.description.nl.isEmpty
                        && !p.description.en.isEmpty, "\(p.id)")
                #expect(
                    p.id.hasPrefix(entry.municipality.prefix(4)), "\(p.id) in \(entry.municipality)"
                )
                #expect(p.needsVerification || p.verified.hasPrefix("geverifieerd op "))
            }
        }
    }

    @Test func amsterdamHasTheRequiredProvisionsAndMarksThemToVerify() throws {
        let list = try #require(try BuiltInProvisions.provisions(for: "Amsterdam"))
        let kinds = Set(list.map(\.kind))
        #expect(
            kinds.isSuperset(of: [
                .stadspas, .inkomenstoeslag, .zorgverzekering, .scholierenvergoeding,
                .kwijtschelding, .werkpremie,
            ]))
        #expect(list.allSatisfy { $0.needsVerification })
        #expect(try BuiltInProvisions.provisions(for: "nergenshuizen") == nil)
    }

    @Test func secondMunicipalityMakesOtherChoicesInDatedEntries() throws {
        let list = try #require(try BuiltInProvisions.provisions(for: "alphen-aan-den-rijn"))
        #expect(list.count == 2 && Set(list.map(\.id)).count == 1)
        #expect(
            list.allSatisfy { $0.eligibility.incomeLimitPercent == 110 && !$0.needsVerification })
    }
}

@Suite struct ProvisionEvaluationTests {
    static let alphen = fixture(
        from: { try BuiltInProvisions.provisions(for: "alphen-aan-den-rijn") }, "alphen")
    static let amsterdam = fixture(
        from: { try BuiltInProvisions.provisions(for: "amsterdam") }, "amsterdam")
    static func ams(_ id: String) -> MunicipalProvision {
        fixture(amsterdam.first { $0.id == "amsterdam.\(id)" }, id)
    }

    static func alphenValue(_ i: ProvisionInput) -> ProvisionOutcome {
        let evaluations = alphen.map { $0.evaluate(i) }
        return evaluations.first { if case .eligible = $0.outcome { true } else { false } }?.outcome
            ?? fixture(evaluations.last, "an evaluation").outcome
    }

    @Test func alphenIncomeLimitIs110PercentOfTheNorm() {
        // 110 % × 1.401,50 = 1.541,65. 601 a year = 50,08 a month.
        let p = Self.alphen[1]
        let ok = p.evaluate(input("2026-03", income: .cents(1_541_65)))
        #expect(
            ok.outcome
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(601), period: .jaar, monthlyEquivalent: .cents(50_08))))
        #expect(ok.incomeLimit == .cents(1_541_65))
        #expect(
            !ok.needsVerification && ok.verificationMark == nil && ok.otherConditions.count == 3)
        let over = p.evaluate(input("2026-03", income: .cents(1_541_66)))
        #expect(
            over.outcome
                == .notEligible(
                    .incomeAboveLimit(
                        income: .cents(1_541_66), limit: .cents(1_541_65), percent: 110)))
        #expect(over.monthlyValue == .zero)
    }

    @Test func alphenAmountsByHousehold() {
        let norm = Money.cents(2_002_13)
        #expect(
            Self.alphenValue(input("2026-03", children: [5, 13], income: .euros(1_000)))
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(801), period: .jaar, monthlyEquivalent: .cents(66_75))))
        #expect(
            Self.alphenValue(input("2026-03", children: [5], income: .euros(1_000)))
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(701), period: .jaar, monthlyEquivalent: .cents(58_42))))
        #expect(
            Self.alphenValue(
                input("2026-03", partner: true, children: [5], income: .euros(1_000), norm: norm))
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(801), period: .jaar, monthlyEquivalent: .cents(66_75))))
        #expect(
            Self.alphenValue(
                input("2026-03", partner: true, children: [13], income: .euros(1_000), norm: norm))
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(901), period: .jaar, monthlyEquivalent: .cents(75_08))))
        #expect(
            Self.alphenValue(input("2024-06", income: .euros(1_000)))
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(550), period: .jaar, monthlyEquivalent: .cents(45_83))))
        #expect(
            Self.alphenValue(input("2025-06", income: .euros(1_000)))
                == .notEligible(.notInForce(month: CalendarMonth("2025-06"))))
        #expect(
            Self.alphenValue(input("2026-03", age: 20, income: .euros(1_000)))
                == .notEligible(.tooYoung(age: 20, minimum: 21)))
    }

    @Test func amsterdamProvisions() {
        // Work premium ended 31-12-2023.
        #expect(
            Self.ams("bijverdienpremie").evaluate(
                input("2026-03", income: .euros(1_200), earnings: .euros(500))
            ).outcome
                == .notEligible(.notInForce(month: CalendarMonth("2026-03"))))
        // 2023: 30 % of 1.000 = 300, capped at 219; 30 % of 500 = 150; no work, no premium.
        #expect(
            Self.ams("bijverdienpremie").evaluate(
                input("2023-05", income: .euros(1_200), earnings: .euros(1_000))
            ).monthlyValue == .euros(219))
        #expect(
            Self.ams("bijverdienpremie").evaluate(
                input("2023-05", income: .euros(1_200), earnings: .euros(500))
            ).monthlyValue == .euros(150))
        #expect(
            Self.ams("bijverdienpremie").evaluate(input("2023-05", income: .euros(1_200))).outcome
                == .notEligible(.noWork))
        // Per child: 375 (age 6) + 499 (age 13) = 874 a year = 72,83 a month.
        let school = Self.ams("scholierenvergoeding").evaluate(
            input("2026-09", children: [2, 6, 13], income: .euros(1_500)))
        #expect(
            school.outcome
                == .eligible(
                    ProvisionBenefit(
                        amount: .euros(874), period: .jaar, monthlyEquivalent: .cents(72_83))))
        #expect(
            school.needsVerification && school.verificationMark == ProvisionEvaluation.toVerifyMark)
        #expect(
            Self.ams("scholierenvergoeding").evaluate(
                input("2026-09", children: [2], income: .euros(1_500))
            ).outcome
                == .notEligible(.noQualifyingChildren(AgeRange(from: 4, through: 17))))
        // Kwijtschelding: kosten van bestaan 100 % of the norm; asset buffer € 3.275 for a single person.
        let kw = Self.ams("kwijtschelding")
        // 344 / 12
        #expect(kw.evaluate(input("2026-03", income: norm2026Single)).monthlyValue == .cents(28_67))
        // One cent above: 12 cents a year, 80 % = 9,6 → 10 cents used; 343,90 waived (28,66 a month).
        #expect(
            kw.evaluate(input("2026-03", income: norm2026Single + .cents(1))).outcome
                == .eligible(
                    ProvisionBenefit(
                        amount: .cents(343_90), period: .jaar, monthlyEquivalent: .cents(28_66))))
        #expect(
            kw.evaluate(input("2026-03", income: .euros(1_000), assets: .euros(3_276))).outcome
                == .notEligible(.assetsAboveLimit(assets: .euros(3_276), limit: .euros(3_275))))
        #expect(
            kw.evaluate(
                input("2026-03", partner: true, income: .euros(1_000), assets: .euros(3_276))
            ).monthlyValue == .cents(38_25))  // 459 / 12
        // In kind: eligible without a euro value.
        #expect(
            Self.ams("stadspas").evaluate(input("2026-03", income: .euros(1_800))).outcome
                == .eligible(ProvisionBenefit(amount: nil, period: nil, monthlyEquivalent: nil)))
        #expect(
            Self.ams("stadspas-kindtegoed").evaluate(
                input("2026-03", children: [2, 5], income: .euros(1_500))
            ).monthlyValue == .cents(10_42))
    }
}

@Suite struct ProvisionFileErrorTests {
    static let valid = """
        [{"id": "test.regeling", "soort": "stadspas", "naam": {"nl": "a", "en": "a"}, "omschrijving": {"nl": "b", "en": "b"},
          "voorwaarden": {"inkomensgrensProcent": 130}, "uitbetaling": {"nl": "c", "en": "c"},
          "bron": {"titel": "t", "url": "https://lokaleregelgeving.overheid.nl/CVDR1", "cvdr": "CVDR1"},
          "geldigVan": "2026-01-01", "geverifieerd": "te verifiëren"}]
        """

    static func load(_ text: String) throws(ProvisionFileError) -> [MunicipalProvision] {
        try ProvisionLoader.load(
            Data(text.utf8), fileName: "gemeente.json", pathPrefix: "voorzieningen")
    }
    static func error(_ text: String) -> ProvisionFileError? {
        do {
            _ = try load(text)
            return nil
        } catch { return error }
    }

    @Test func validFileLoads() throws {
        #expect(try Self.load(Self.valid).count == 1)
    }

    @Test func missingField() {
        let e = Self.error(
            Self.valid.replacingOccurrences(of: #""naam": {"nl": "a", "en": "a"}, "#, with: ""))
        #expect(
            e
                == ProvisionFileError(
                    file: "gemeente.json", field: "voorzieningen[0].naam", reason: .missingField))
        #expect(e?.exitCode == .configuration)
        let nested = Self.error(
            Self.valid.replacingOccurrences(of: #""en": "b""#, with: #""engels": "b""#))
        #expect(
            nested?.field == "voorzieningen[0].omschrijving.en" && nested?.reason == .missingField)
    }

    @Test func wrongType() {
        let e = Self.error(
            Self.valid.replacingOccurrences(
                of: #""inkomensgrensProcent": 130"#, with: #""inkomensgrensProcent": "130""#))
        #expect(
            e
                == ProvisionFileError(
                    file: "gemeente.json",
                    field: "voorzieningen[0].voorwaarden.inkomensgrensProcent",
                    reason: .wrongType(expected: "getal")))
        #expect(Self.error("{}")?.reason == .wrongType(expected: "lijst"))
    }

    @Test func unknownKind() {
        let e = Self.error(
            Self.valid.replacingOccurrences(
                of: #""soort": "stadspas""#, with: #""soort": "stadpas""#))
        #expect(
            e
                == ProvisionFileError(
                    file: "gemeente.json", field: "voorzieningen[0].soort",
                    reason: .unknownKind("stadpas")))
        #expect(
            e?.message.arguments["toegestaan"]
                == .text(ProvisionKind.allCases.map(\.rawValue).joined(separator: ", ")))
    }

    @Test func overlappingDatesForTheSameID() {
        let second = Self.valid.dropFirst().dropLast().replacingOccurrences(
            of: "2026-01-01", with: "2026-07-01")
        let twice = "[" + Self.valid.dropFirst().dropLast() + "," + second + "]"
        let e = Self.error(twice)
        #expect(
            e
                == ProvisionFileError(
                    file: "gemeente.json", field: "voorzieningen[1].geldigVan",
                    reason: .overlappingDates(
                        id: "test.regeling", from: LocalDate("2026-07-01"),
                        previousFrom: LocalDate("2026-01-01"))))
        // With an end date before the second entry starts, the same two entries are fine.
        let ended = twice.replacingOccurrences(
            of: #""geldigVan": "2026-01-01","#,
            with: #""geldigVan": "2026-01-01", "geldigTot": "2026-06-30","#)
        #expect(Self.error(ended) == nil)
    }

    @Test func invalidValuesAndMalformedJSON() {
        #expect(
            Self.error(Self.valid.replacingOccurrences(of: "2026-01-01", with: "1-13-2026"))?.reason
                == .invalidValue(expected: "datum"))
        #expect(
            Self.error(
                Self.valid.replacingOccurrences(of: #""te verifiëren""#, with: #""gecheckt""#))
                == ProvisionFileError(
                    file: "gemeente.json", field: "voorzieningen[0].geverifieerd",
                    reason: .invalidValue(expected: "geverifieerd")))
        #expect(
            Self.error(
                Self.valid.replacingOccurrences(
                    of: #""inkomensgrensProcent": 130"#,
                    with:
                        #""inkomensgrensProcent": 130, "vermogensgrens": {"alleenstaand": "veel", "partners": "1"}"#
                ))?.field
                == "voorzieningen[0].voorwaarden.vermogensgrens.alleenstaand")
        #expect(
            Self.error(Self.valid.replacingOccurrences(of: "https://", with: "ftp://"))?.reason
                == .invalidValue(expected: "url"))
        #expect(Self.error("[{")?.reason == .malformedJSON)
    }

    /// Every message the loader and the evaluation can produce exists in nl and en with matching placeholders.
    @Test func messagesAreLocalized() throws {
        func table(_ lang: String) throws -> [String: String] {
            try TestSupport.localeTable(lang)
        }
        func flat(_ m: Message) -> [Message] {
            [m]
                + m.arguments.values.flatMap { a -> [Message] in
                    if case .message(let i) = a { return flat(i) } else { return [] }
                }
        }
        let d = LocalDate("2026-01-01")
        var messages: [Message] = [ProvisionEvaluation.toVerifyMark]
        let reasons: [ProvisionFileError.Reason] =
            [
                .malformedJSON, .missingField, .unknownKind("x"),
                .overlappingDates(id: "x", from: d, previousFrom: d),
            ]
            + ["tekst", "getal", "waarOnwaar", "object", "lijst"].map { .wrongType(expected: $0) }
            + [
                "bedrag", "datum", "procent", "leeftijd", "leeftijdsbereik", "bedragen", "url",
                "cvdr", "id", "einddatum", "geverifieerd", "keuze",
            ].map { .invalidValue(expected: $0) }
        messages += reasons.map { ProvisionFileError(file: "f", field: "v", reason: $0).message }
        let pr: [ProvisionReason] = [
            .notInForce(month: CalendarMonth("2026-01")),
            .incomeAboveLimit(income: .zero, limit: .zero, percent: 1),
            .assetsAboveLimit(assets: .zero, limit: .zero), .tooYoung(age: 1, minimum: 2),
            .tooOld(age: 2, maximum: 1),
            .noQualifyingChildren(AgeRange(from: 0, through: 3)), .noWork, .noMatchingAmount,
        ]
        messages += pr.map(\.message)
        for p in ProvisionEvaluationTests.amsterdam {
            messages +=
                p.evaluate(
                    input("2023-05", children: [6], income: .euros(1_000), earnings: .euros(100))
                ).checks
        }
        let nl = try table("nl")
        let en = try table("en")
        for m in messages.flatMap(flat) {
            for (lang, t) in [("nl", nl), ("en", en)] {
                guard let template = t[m.key] else {
                    Issue.record("\(lang): missing \(m.key)")
                    continue
                }
                let ph = Set(template.matches(of: /\{([A-Za-z0-9_]+)\}/).map { String($0.1) })
                #expect(ph == Set(m.arguments.keys), "\(lang) \(m.key)")
            }
        }
    }
}
