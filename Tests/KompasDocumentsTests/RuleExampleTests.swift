import Foundation
import KompasCore
import KompasTestSupport
import Testing

@testable import KompasDocuments

/// Every rule's own examples (house style §9.6) and the registry guard (§9.7).
@Suite struct RuleExampleTests {
    static let ids = DocumentRules.all.map { $0.description.id }

    @Test(arguments: ids)
    func examples(_ id: String) {
        let rule = DocumentRules.rule(id: id)!
        for failure in RuleVerifier.verify(rule) {
            Issue.record(Comment(rawValue: failure.description))
        }
    }

    @Test func everyRuleFileIsRegisteredAndIDsAreUnique() throws {
        let dir = TestSupport.path("Sources/KompasDocuments/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix("Rule.swift") }.map { String($0.dropLast(6)) }
        #expect(Set(files) == Set(DocumentRules.all.map { String(describing: $0) }))
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            #expect(id.hasPrefix("cv.") || id.hasPrefix("brief.") || id.hasPrefix("doc."), "\(id)")
        }
    }

    @Test func everyRuleKeyIsInBothLocales() throws {
        for lang in ["nl", "en"] {
            let table = try TestSupport.localeTable(lang)
            for rule in DocumentRules.all {
                let d = rule.description
                for key in d.messageKeys + [d.reasonKey] + (d.praiseKey.map { [$0] } ?? []) {
                    #expect(table[key] != nil, "\(lang): missing \(key)")
                }
            }
        }
    }

    /// A "let op" or "belangrijk" finding never reads as a tip, and a tip never as a warning
    /// (issue 20: "let op" findings whose text started with "Tip:").
    @Test func messageTextsMatchTheirLevel() throws {
        let prefixes = ["nl": ("Tip:", "Let op:"), "en": ("Tip:", "Warning:")]
        for (lang, (tip, warning)) in prefixes {
            let table = try TestSupport.localeTable(lang)
            for rule in DocumentRules.all {
                let d = rule.description
                for key in d.messageKeys {
                    let text = table[key] ?? ""
                    switch d.level {
                    case .suggestie: #expect(!text.hasPrefix(warning), "\(lang) \(key): \(text)")
                    case .waarschuwing, .fout:
                        #expect(!text.hasPrefix(tip), "\(lang) \(key): \(text)")
                    }
                }
            }
        }
    }

    /// The verifier itself must fail on a wrong marker, or the example tests prove nothing.
    @Test func verifierCatchesAMisplacedMarker() {
        struct Wrong: DocumentRule {
            static let description = RuleDescription(
                id: "doc.test", level: .suggestie, kinds: [.cv],
                nonTriggering: [RuleExample("Ik werk graag graag.")],
                triggering: [RuleExample("↓Ik werk.")])
            func check(_ input: CheckInput) -> [Finding] {
                RepeatedWordRule().check(input).map {
                    Finding(
                        ruleID: "doc.test", level: .suggestie, line: $0.line, column: $0.column,
                        message: Message("doc.test"))
                }
            }
        }
        let failures = RuleVerifier.verify(Wrong.self)
        #expect(failures.count == 2)
    }

    /// A praise is a claim: the verifier fails a rule whose praise has no example, and a rule that
    /// praises where it must not.
    @Test func verifierCatchesUnprovenAndWrongPraise() {
        struct NoExample: DocumentRule {
            static let description = RuleDescription(
                id: "doc.test", level: .suggestie, kinds: [.cv], praise: "doc.test.praise",
                nonTriggering: [RuleExample("Ik werk.")],
                triggering: [RuleExample("↓Ik werk graag graag.")])
            func check(_ input: CheckInput) -> [Finding] {
                RepeatedWordRule().check(input).map {
                    Finding(
                        ruleID: "doc.test", level: .suggestie, line: 1, column: $0.column,
                        message: Message("doc.test"))
                }
            }
        }
        struct AlwaysPraises: DocumentRule {
            static let description = RuleDescription(
                id: "doc.test", level: .suggestie, kinds: [.cv], praise: "doc.test.praise",
                nonTriggering: [RuleExample("Ik werk.")],
                triggering: [RuleExample("↓Ik werk graag graag.")],
                praised: [RuleExample("Ik werk.")], notPraised: [RuleExample("Ik.")])
            func check(_ input: CheckInput) -> [Finding] { NoExample().check(input) }
            func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
                Message("doc.test.praise")
            }
        }
        #expect(RuleVerifier.verify(NoExample.self).contains { $0.message.contains("praised") })
        // Praised on the not-praised example and on the triggering one.
        #expect(
            RuleVerifier.verify(AlwaysPraises.self).filter {
                $0.message.contains("expected no praise")
            }.count == 2)
    }

    @Test func markersAreStripped() {
        let (text, marks) = RuleVerifier.strip("ab↓c\n↓de")
        #expect(text == "abc\nde")
        #expect(marks == [.init(line: 1, column: 3), .init(line: 2, column: 1)])
    }
}
