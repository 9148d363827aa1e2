import Foundation
import KompasTestSupport
import Testing

/// Fixtures are synthetic.
///
/// Any 9-digit number that passes the BSN eleven-test is a possible real
/// citizen service number and fails this test, except in files named as test vectors
/// (the file name contains `testvector`).
@Suite struct FixturePrivacyTests {
    static func candidates(in text: String) -> [String] {
        var result: [String] = []
        var run = ""
        for ch in text + " " {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
                continue
            }
            if run.count == 9 { result.append(run) }
            run = ""
        }
        return result
    }

    @Test func noElevenTestNumbersOutsideTestVectors() throws {
        let root = TestSupport.path("Fixtures")
        let files = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey])!
            .compactMap { $0 as? URL }
        var hits: [String] = []
        for file in files where !file.lastPathComponent.lowercased().contains("testvector") {
            guard let data = try? Data(contentsOf: file), !file.hasDirectoryPath else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for n in Self.candidates(in: text) where ElevenTest.passes(n) {
                hits.append(
                    "\(file.path.replacingOccurrences(of: root.path + "/", with: "")): \(n)")
            }
        }
        #expect(hits.isEmpty, "possible real BSNs in fixtures: \(hits)")
    }

    @Test func elevenTestItself() {
        #expect(ElevenTest.passes("111222333"))  // the common public test number
        #expect(ElevenTest.passes("123456782"))
        #expect(!ElevenTest.passes("123456789"))
        #expect(!ElevenTest.passes("000000000"))
        #expect(!ElevenTest.passes("12345678"))
        #expect(
            Self.candidates(in: "a 111222333 b 1234567890 c 123456782") == [
                "111222333", "123456782",
            ])
    }
}
