import Foundation
import Testing

@testable import KompasCore

/// ``Whitespace/trimmed(_:)`` trims exactly what Foundation's `.whitespaces` trims (issue 23).
@Suite struct WhitespaceTests {
    @Test func sameAsFoundationOnEveryScalarOfTheBMP() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(Character(scalar))
            for text in ["\(s)12\(s)", "\(s)\(s)", "a\(s)b"] {
                if Whitespace.trimmed(text) != text.trimmingCharacters(in: .whitespaces) {
                    differing.append(value)
                    break
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func trimsBothEndsAndKeepsTheMiddle() {
        #expect(Whitespace.trimmed("  2026-03-15\t") == "2026-03-15")
        #expect(Whitespace.trimmed("\u{00A0}€ 12,50\u{2009}") == "€ 12,50")
        #expect(Whitespace.trimmed("14,71") == "14,71")
        #expect(Whitespace.trimmed(" \t ") == "")
        #expect(Whitespace.trimmed("") == "")
        #expect(Whitespace.trimmed("1 2") == "1 2")
        #expect(Whitespace.trimmed("\n12\n") == "\n12\n")
    }
}
