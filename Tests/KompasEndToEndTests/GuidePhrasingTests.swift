import Foundation
import KompasTestSupport
import Testing

/// The guide, run as a person runs it (answers on standard input to the built binary), takes
/// the phrasings people use (issue 22): "ik ben 34", "€ 650,00", "3 en 7", "nov 2026",
/// "€ 14,71", "20 uur"; the profile holds the values they mean.
@Suite struct GuidePhrasingTests {
    static let passphrase = "proef-wachtwoord-12"

    @Test func theGuideUnderstandsHowPeopleSayThings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gids-zinnen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-12-02",
        ]
        // Language, passphrase twice, single, age, rent, no housemates, Amsterdam; then the
        // news "a job": started, hourly wage, hours, stop.
        let answers = [
            "1", Self.passphrase, Self.passphrase, "1", "ik ben 34", "€ 650,00", "0", "1",
            "7", "1", "nov 2026", "€ 14,71", "20 uur", "9",
        ]
        let r = try TestSupport.kompas(
            ["gids"], environment: env, stdin: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(out.contains("Gefeliciteerd met je nieuwe baan!"), "\(out.suffix(2000))")
        var withPassphrase = env
        withPassphrase["KOMPAS_WACHTWOORD"] = Self.passphrase
        let shown = try TestSupport.kompas(["profiel", "--json"], environment: withPassphrase)
        #expect(shown.status == 0, "\(shown.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8))
        let profile = try #require(
            (object as? [String: Any])?["profiel"] as? [String: [String]], "\(shown.stdout)")
        #expect(profile["--leeftijd"] == ["34"])
        #expect(profile["--huur"] == ["650.00"])
        #expect(profile["--gestart"] == ["2026-11"])
        #expect(profile["--uurloon"] == ["14.71"])
        #expect(profile["--uren"] == ["20"])
    }

    @Test func childrenAsTheySayThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-gids-kinderen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-12-02",
        ]
        // A single parent of 3 and 7, no childcare for either.
        let answers = [
            "1", Self.passphrase, Self.passphrase, "2", "34", "3 en 7", "650", "0", "1", "0", "0",
            "9",
        ]
        let r = try TestSupport.kompas(
            ["gids"], environment: env, stdin: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        var withPassphrase = env
        withPassphrase["KOMPAS_WACHTWOORD"] = Self.passphrase
        let shown = try TestSupport.kompas(["profiel", "--json"], environment: withPassphrase)
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8))
        let profile = try #require(
            (object as? [String: Any])?["profiel"] as? [String: [String]], "\(shown.stdout)")
        #expect(profile["--kind"] == ["3", "7"], "\(profile)")
        #expect(profile["--huishouden"] == ["alleenstaande-ouder"])
    }
}
