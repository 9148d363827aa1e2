import Foundation
import KompasCore
import KompasDocuments
import KompasTestSupport
import Testing

@testable import KompasApp

/// `kompas controleer`: the fixture set compared exactly, bad input, flags, history.
@Suite(.serialized) struct ControleerTests {
    static let dir = TestSupport.path("Fixtures/documenten")

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let document: String, kind: String, vacancy: String?
        var testDescription: String { document }
    }
    static let cases: [Case] =
        (try? JSONDecoder().decode(
            [Case].self, from: Data(contentsOf: dir.appendingPathComponent("cases.json")))) ?? []

    @Test func atLeastTenFixtures() { #expect(Self.cases.count >= 10) }

    @Test(arguments: cases)
    func fixtureMatchesExpectedFindingsExactly(_ c: Case) throws {
        // Absolute paths (the working directory is shared by parallel tests); the folder is cut off again.
        let prefix = Self.dir.path + "/"
        let r = runKompas(
            ["controleer", c.kind, prefix + c.document]
                + (c.vacancy.map { ["--vacature", prefix + $0] } ?? []), language: "nl")
        let got =
            r.out.split(separator: "\n").filter { $0.hasPrefix(prefix + c.document + ":") }
            .map { String($0.dropFirst(prefix.count)) + "\n" }.joined() + "exit \(r.code)\n"
        let expected = try String(
            contentsOf: Self.dir.appendingPathComponent(c.document + ".expected"), encoding: .utf8)
        #expect(got == expected, "\(r.err)")
    }

    func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-controleer-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func badInputGivesAClearMessageAndTheDocumentedCode() throws {
        let cases: [(String, [UInt8], Int32, String)] = [
            ("leeg.txt", [], 65, "is leeg"),
            ("spaties.txt", Array("  \n\n ".utf8), 65, "is leeg"),
            ("binair.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2], 65, "geen tekstbestand"),
            (
                "groot.txt", [UInt8](repeating: 0x61, count: 5 * 1024 * 1024 + 1), 65,
                "groter dan 5 MB"
            ),
            ("nep.docx", Array("dit is geen zip".utf8), 65, "geen echt Word-bestand"),
            ("foto.png", [1, 2, 3], 65, "kan"),
        ]
        for (name, bytes, code, text) in cases {
            let r = runKompas(["controleer", "cv", try temp(name, bytes)], language: "nl")
            #expect(r.code == code, "\(name): \(r.code) \(r.err)")
            #expect(r.err.contains(text), "\(name): \(r.err)")
        }
        let missing = runKompas(["controleer", "cv", "/bestaat/niet.txt"], language: "nl")
        #expect(missing.code == 66)
        let english = runKompas(["controleer", "cv", try temp("leeg.txt", [])], language: "en")
        #expect(english.err.contains("is empty"))
    }

    /// A zip whose document.xml inflates past the limit is refused, both when the header says so and
    /// when the header lies about the size (the inflater stops at the limit).
    @Test func zipBombIsRefused() throws {
        let script =
            "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\nz.writestr('word/document.xml', b' '*(60*1024*1024))\nz.close()\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-bom-\(UUID().uuidString).docx"
        ).path
        let py = try TestSupport.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
        try #require(py.status == 0, "python3 is needed to build the test archive")
        let honest = runKompas(["controleer", "cv", path], language: "nl")
        #expect(honest.code == 65 && honest.err.contains("groter dan 50 MB"), "\(honest.err)")
        // Patch the declared uncompressed size (local and central headers) to 100 bytes.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func patch(_ at: Int) {
            bytes[at] = 100
            bytes[at + 1] = 0
            bytes[at + 2] = 0
            bytes[at + 3] = 0
        }
        for i in 0..<(bytes.count - 4) {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4 {
                patch(i + 22)
            }
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2 {
                patch(i + 24)
            }
        }
        let lying = runKompas(["controleer", "cv", try temp("liegt.docx", bytes)], language: "nl")
        #expect(lying.code == 65 && lying.err.contains("groter dan 50 MB"), "\(lying.err)")
    }

    @Test func pdfWithoutPdftotextNamesThePackage() throws {
        let pdf = try temp("cv.pdf", Array("%PDF-1.4\n".utf8))
        let r = runKompas(
            ["controleer", "cv", pdf], language: "nl", environment: ["PATH": "/nonexistent"])
        #expect(r.code == 69)
        #expect(r.err.contains("pdftotext") && r.err.contains("poppler-utils"))
    }

    @Test func pdfThroughPdftotextWhenInstalled() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            path.split(separator: ":").contains(where: {
                FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
            })
        else { return }
        // Only a damaged PDF is at hand without a PDF writer: it must fail cleanly, not crash.
        let r = runKompas(
            ["controleer", "cv", try temp("kapot.pdf", Array("%PDF-1.4 kapot".utf8))],
            language: "nl")
        #expect([65, 0, 1].contains(r.code))
    }

    @Test func rulesCanBeSwitchedOffAndUnknownIdsAreRefused() throws {
        let file = Self.dir.appendingPathComponent("nl-standaard.brief.txt").path
        let r = runKompas(
            [
                "controleer", "brief", file, "--uit", "doc.uitkering", "--uit", "brief.cliches",
                "--uitleg",
            ], language: "nl")
        // The rule ids are named with --uitleg only (issue 22: the finding itself is in words).
        #expect(!r.out.contains("doc.uitkering") && !r.out.contains("brief.cliches"))
        #expect(r.out.contains("Regel: brief.opening"))
        #expect(
            !runKompas(["controleer", "brief", file], language: "nl").out.contains("brief.opening"))
        let bad = runKompas(
            ["controleer", "brief", file, "--uit", "brief.bestaatniet"], language: "nl")
        #expect(bad.code == 64 && bad.err.contains("brief.bestaatniet"))
    }

    @Test func onlySuggestionsExitZero() throws {
        let file = Self.dir.appendingPathComponent("nl-zwak.cv.txt").path
        let all = runKompas(["controleer", "cv", file], language: "nl")
        #expect(all.code == 1)
        let off = ["cv.contact.telefoon", "cv.email.onprofessioneel"].flatMap { ["--uit", $0] }
        let r = runKompas(["controleer", "cv", file] + off, language: "nl")
        #expect(r.code == 0, "\(r.out)")
    }

    @Test func jsonOutputAndDocumentLanguage() throws {
        let file = Self.dir.appendingPathComponent("en-weak.cv.txt").path
        let r = runKompas(
            ["controleer", "cv", file, "--json", "--documenttaal", "en"], language: "en")
        let o = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(o["documenttaal"] as? String == "en")
        #expect((o["documenthash"] as? String)?.count == 64)
        let findings = o["bevindingen"] as! [[String: Any]]
        #expect(
            findings.contains {
                $0["regel"] as? String == "cv.email.onprofessioneel"
                    && $0["niveau"] as? String == "waarschuwing"
            })
        #expect((o["belangrijkst"] as! [Any]).count == 3)
        #expect(r.code == 1)
        let bad = runKompas(["controleer", "cv", file, "--documenttaal", "fr"], language: "nl")
        #expect(bad.code == 64)
    }

    @Test func vacancyFromStandardInput() throws {
        let file = Self.dir.appendingPathComponent("nl-goed.brief.txt").path
        let vacancy = try String(
            contentsOf: Self.dir.appendingPathComponent("vacature-magazijn.txt"), encoding: .utf8)
        let r = try TestSupport.kompas(
            ["controleer", "brief", file, "--vacature", "-"], stdin: vacancy)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("contactpersoon"))
    }

    /// The history: a second, improved version says what improved; a copied letter is recognised.
    @Test func historySaysWhatImprovedAndSpotsACopiedLetter() throws {
        let history = InMemoryCheckHistory()
        let checker = DocumentChecker()
        let today = LocalDate("2026-03-15")
        let v1 = Document(text: "Sam\nsexy_sam@example.nl\nWerkervaring\n2020 – heden Bezorger")
        let v2 = Document(
            text: "Sam\nsam@example.nl\n06 12345678\nWerkervaring\n2020 – heden Bezorger")
        _ = try checker.check(
            document: v1, kind: .cv, language: nil, vacancy: nil, documentName: "cv.txt",
            documentHash: "h1", today: today, history: history)
        let second = try checker.check(
            document: v2, kind: .cv, language: nil, vacancy: nil, documentName: "cv.txt",
            documentHash: "h2", today: today, history: history)
        #expect(second.progress?.solved.contains("cv.email.onprofessioneel") == true)
        #expect(second.progress?.solved.contains("cv.contact.telefoon") == true)
        #expect(history.all.allSatisfy { $0.fingerprint == nil })

        let letter =
            "Geachte mevrouw Jansen,\nGraag werk ik als orderpicker in uw magazijn. Ik heb drie jaar ervaring met de scanner.\nIn een gesprek vertel ik graag meer."
        let first = try checker.check(
            document: Document(text: letter), kind: .brief, language: nil, vacancy: nil,
            documentName: "a.txt", documentHash: "l1", today: today, history: history)
        #expect(!first.findings.contains { $0.ruleID == "brief.kopie" })
        let again = try checker.check(
            document: Document(text: letter.replacingOccurrences(of: "Jansen", with: "Smit")),
            kind: .brief, language: nil, vacancy: nil, documentName: "b.txt", documentHash: "l2",
            today: today, history: history)
        #expect(again.findings.contains { $0.ruleID == "brief.kopie" })
        // The same file checked again is not a copy of itself.
        let same = try checker.check(
            document: Document(text: letter), kind: .brief, language: nil, vacancy: nil,
            documentName: "a.txt", documentHash: "l1", today: today, history: history)
        #expect(same.progress?.unchanged == true)
    }
}

/// The check history lives in the encrypted store across runs: a second run of an improved CV says
/// what improved, and the store holds the hash and findings but not the document's words.
@Suite struct ControleerStoreTests {
    @Test func historyIsRememberedInTheStoreAcrossRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-cs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("opslag").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": "een lang testwachtwoord",
        ]
        #expect(runKompas(["wachtwoord", "instellen"], environment: env).code == 0)
        let cv = dir.appendingPathComponent("cv.txt")
        let weak = try String(
            contentsOf: TestSupport.path("Fixtures/documenten/nl-zwak.cv.txt"), encoding: .utf8)
        try weak.write(to: cv, atomically: true, encoding: .utf8)
        let first = runKompas(["controleer", "cv", cv.path], environment: env)
        #expect(first.code == 0 || first.code == 1)
        // The same file, improved: the unprofessional e-mail address is gone.
        try weak.replacingOccurrences(of: "sexy_robin@example.nl", with: "robin.devries@example.nl")
            .write(to: cv, atomically: true, encoding: .utf8)
        // A separate process run: the memory is in the store, not in this process.
        let second = try TestSupport.kompas(
            ["controleer", "cv", cv.path, "--json"], environment: env)
        let o = try #require(
            try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let progress = try #require(
            o["verbeterd"] as? [String: Any], "a later check says what improved")
        #expect((progress["opgelost"] as? [String])?.contains("cv.email.onprofessioneel") == true)
        // Nothing of the document's text is in the store's files.
        for name in try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent("opslag").path)
        {
            let data = try Data(
                contentsOf: dir.appendingPathComponent("opslag").appendingPathComponent(name))
            #expect(
                data.range(of: Data("robin.devries".utf8)) == nil, "\(name) holds document text")
        }
    }
}
