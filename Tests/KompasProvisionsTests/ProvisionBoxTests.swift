import Foundation
import KompasCore
import Testing

@testable import KompasProvisions

/// A provision keeps its fields in a shared box (issue 23); as a value it must still behave like
/// the plain struct it was: a copy never sees another copy's change, equality and hashing look at
/// the fields, and the JSON it writes reads back as the same provision.
@Suite struct ProvisionBoxTests {
    static func amsterdam() throws -> [MunicipalProvision] {
        try #require(try BuiltInProvisions.provisions(for: "Amsterdam"))
    }

    @Test func aCopyDoesNotSeeAnotherCopysChange() throws {
        let original = try #require(try Self.amsterdam().first)
        var changed = original
        #expect(changed == original)
        changed.id = original.id + "-b"
        changed.name.nl = "Andere naam"
        changed.eligibility.minimumAge = 99
        #expect(original.id != changed.id && changed.id.hasSuffix("-b"))
        #expect(original.name.nl != "Andere naam" && changed.name.nl == "Andere naam")
        #expect(original.eligibility.minimumAge != 99 && changed.eligibility.minimumAge == 99)
        #expect(changed != original)
        // Changing an unshared value keeps working, and a second copy is independent again.
        var third = changed
        third.note = "nog een"
        #expect(changed.note != "nog een" && third.note == "nog een")
    }

    @Test func settingTheVerificationDecidesTheMark() throws {
        var p = try #require(try Self.amsterdam().first)
        let copy = p
        #expect(p.needsVerification)
        p.verified = "geverifieerd op 2026-11-23"
        #expect(!p.needsVerification && copy.needsVerification)
        p.verified = "te verifiëren: bedrag 2027"
        #expect(p.needsVerification)
    }

    @Test func equalFieldsInTwoBoxesAreEqualAndHashAlike() throws {
        let a = try Self.amsterdam()
        let b = try Self.amsterdam()  // decoded again: other boxes, the same fields
        #expect(a == b)
        #expect(a.map(\.hashValue) == b.map(\.hashValue))
        #expect(Set(a + b).count == a.count)
        var c = b
        c[0].note = (c[0].note ?? "") + "."
        #expect(a != c && a[0].hashValue != c[0].hashValue)
    }

    @Test func writtenJSONReadsBackTheSame() throws {
        for p in try Self.amsterdam() {
            let data = try JSONEncoder().encode(p)
            let back = try JSONDecoder().decode(MunicipalProvision.self, from: data)
            #expect(back == p, "\(p.id)")
            // Optional fields that are absent stay absent, as the synthesized encoder did.
            let object = try #require(
                try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((object["geldigTot"] == nil) == (p.validUntil == nil), "\(p.id)")
            #expect((object["waarde"] == nil) == (p.value == nil), "\(p.id)")
            #expect(object["needsVerification"] == nil)
        }
    }
}
