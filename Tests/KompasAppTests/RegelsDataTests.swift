import Foundation
import KompasRules
import KompasTestSupport
import Testing

@testable import KompasApp

/// The law data as the App composes it (issue 16): every figure in the rule files is read by a
/// rule (declared as a typed handle), and every handle names a figure in the files.
@Suite struct RegelsDataTests {
    @Test func everyParameterIsReadBySomeRuleAndEveryRuleFindsItsParameter() {
        let declared = Set(AppRegistry.standard.all.map(\.id))
        let inFiles = Set(Regels.book.ids)
        #expect(inFiles.subtracting(declared).sorted() == [], "in a rule file but read by no rule")
        #expect(declared.subtracting(inFiles).sorted() == [], "read by a rule but in no rule file")
        for p in AppRegistry.standard.all {
            #expect(!p.rows.isEmpty, "\(p.id) has no values")
        }
    }

    @Test func everyParameterIdAppearsInARuleModule() throws {
        var sources = ""
        for module in [
            "Sources/KompasIncome", "Sources/KompasToeslagen", "Sources/KompasSettlement",
        ] {
            let root = TestSupport.path(module)
            for f in FileManager.default.enumerator(atPath: root.path)?.compactMap({ $0 as? String }
            )
                ?? [] where f.hasSuffix(".swift")
            {
                sources += try String(contentsOf: root.appendingPathComponent(f), encoding: .utf8)
            }
        }
        let missing = Regels.book.ids.filter {
            !sources.contains("\"\($0)\"") && !$0.hasPrefix("wml.jeugd.")
        }
        #expect(missing == [])
    }
}
