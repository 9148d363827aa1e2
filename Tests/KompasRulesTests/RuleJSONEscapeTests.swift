import KompasCore
import Testing

@testable import KompasRules

/// `\uXXXX` in a rule file: exactly four hex digits (`JSONEscape.hex4`, shared with the catalogs).
@Suite struct RuleJSONEscapeTests {
    static func string(_ json: String) -> String? {
        guard case .string(let s, _)? = try? RuleJSONReader.parse(Array(json.utf8)) else {
            return nil
        }
        return s
    }

    @Test func fourHexDigitsAreRead() {
        #expect(Self.string(#""\u0041\u00eb\u00EB""#) == "Aëë")
    }

    @Test func anythingElseIsRefused() {
        // `UInt32(_:radix:)` took a sign, so "\u+041" used to read as "A".
        for bad in [#""\u+041""#, #""\u-041""#, #""\u04""#, #""\u004g""#, #""\u""#] {
            #expect(Self.string(bad) == nil, "\(bad)")
        }
        #expect(JSONEscape.hex4(Array("00e9".utf8), at: 0) == 0xE9)
        #expect(JSONEscape.hex4(Array("+0e9".utf8), at: 0) == nil)
        #expect(JSONEscape.hex4(Array("0e9".utf8), at: 0) == nil)
    }
}
