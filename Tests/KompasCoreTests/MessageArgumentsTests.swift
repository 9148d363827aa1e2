import Foundation
import Testing

@testable import KompasCore

/// `Message.Arguments` replaced `[String: Message.Argument]` (issue 23); it must behave like the
/// dictionary where messages are compared, hashed, changed and stored.
@Suite struct MessageArgumentsTests {
    @Test func equalAndSameHashInAnyOrder() {
        let a: Message.Arguments = ["a": .number(1), "b": .text("x"), "c": .money(.cents(5))]
        let b: Message.Arguments = ["c": .money(.cents(5)), "a": .number(1), "b": .text("x")]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([Message("k", a), Message("k", b)]).count == 1)
        #expect(a != ["a": .number(1), "b": .text("x")])
        #expect(a != ["a": .number(1), "b": .text("y"), "c": .money(.cents(5))])
        #expect(a != ["a": .number(1), "b": .text("x"), "d": .money(.cents(5))])
    }

    @Test func readsChangesAndMergesLikeADictionary() {
        var a: Message.Arguments = ["a": .number(1)]
        var d: [String: Message.Argument] = ["a": .number(1)]
        a["b"] = .text("x")
        d["b"] = .text("x")
        a["a"] = .number(2)
        d["a"] = .number(2)
        a["zz"] = nil
        d["zz"] = nil
        #expect(a.dictionary == d)
        a["b"] = nil
        d["b"] = nil
        #expect(a.dictionary == d)
        #expect(a["a"] == .number(2) && a["b"] == nil && a.count == 1 && !a.isEmpty)
        let other: Message.Arguments = ["a": .number(9), "c": .number(3)]
        let merged = a.merging(other) { first, _ in first }
        #expect(
            merged.dictionary
                == d.merging(other.dictionary) { first, _ in first })
        #expect(Message.Arguments(d) == a)
        #expect(Set(merged.keys) == ["a", "c"])
    }

    @Test func storedAsTheDictionaryWas() throws {
        let args: Message.Arguments = [
            "bedrag": .money(.cents(140_150)),
            "maand": .month(try #require(CalendarMonth.parse("2026-03"))),
            "tekst": .text("é \"x\""), "inner": .message(Message("binnen", ["n": .number(2)])),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let ours = try encoder.encode(Message("k", args))
        struct Old: Codable {
            var key: String
            var arguments: [String: Message.Argument]
        }
        let old = try encoder.encode(Old(key: "k", arguments: args.dictionary))
        #expect(ours == old)
        let back = try JSONDecoder().decode(Message.self, from: old)
        #expect(back == Message("k", args))
    }
}
