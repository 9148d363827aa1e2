import Foundation
import KompasTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The application log (issue 21) end to end: the real binary, a real encrypted store, a real
/// sync to `kompas-gemeente` on loopback, the guide through a pipe and a pseudo-terminal.
@Suite(.serialized) struct ApplicationLogEndToEndTests {
    static let pass = "sollicitatie-wachtwoord"

    static func tempDir(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func env(_ dir: URL) -> [String: String] {
        [
            "KOMPAS_OPSLAG": dir.appendingPathComponent("klant").path, "KOMPAS_SCRYPT_TEST": "1",
            "KOMPAS_WACHTWOORD": pass, "KOMPAS_SYNC_POGINGEN": "3", "KOMPAS_SYNC_WACHTTIJD": "5",
        ]
    }

    /// A plain HTTP GET over loopback with a bearer token, as the contact person's software does.
    static func get(_ base: String, _ path: String, token: String) throws -> String {
        let port = UInt16(base.split(separator: ":").last.flatMap { Int($0) } ?? 0)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request =
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.timeLimit(.minutes(3)))
    func theLogIsKeptCheckedCountedAndOnlyWhatIsChosenReachesTheContactPerson() throws {
        let dir = try Self.tempDir("sollicitatie")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = Self.env(dir)
        let letter = TestSupport.path("Fixtures/documenten/nl-goed.brief.txt").path

        // The store exists (a profile), the letter is checked in it, so the application can
        // name that check.
        let profile = try TestSupport.kompas(
            ["profiel", "instellen", "--leeftijd", "35", "--huishouden", "alleenstaande"],
            environment: env)
        #expect(profile.status == 0, "\(profile.stderr)")
        let checked = try TestSupport.kompas(["controleer", "brief", letter], environment: env)
        #expect([0, 1].contains(checked.status), "\(checked.stderr)")

        var r = try TestSupport.kompas(
            [
                "sollicitatie", "toevoegen", "--werkgever", "De Korenaar", "--functie", "bakker",
                "--datum", "2026-03-03", "--kanaal", "brief", "--brief", letter,
                "--vacature", "https://voorbeeld.nl/vacature/bakker",
            ], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Bewaard als nummer 1: je sollicitatie bij De Korenaar"))
        #expect(r.stdout.contains("Je brief is op 15 maart 2026 nagekeken."))
        // The same one again is kept once.
        r = try TestSupport.kompas(
            [
                "sollicitatie", "toevoegen", "--werkgever", "De Korenaar", "--functie", "bakker",
                "--datum", "2026-03-03",
            ], environment: env)
        #expect(r.stdout.contains("Deze stond er al in."))
        r = try TestSupport.kompas(
            [
                "application", "add", "--type", "netwerkgesprek", "--werkgever", "Buurvrouw Ans",
                "--datum", "2026-03-10",
            ], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        r = try TestSupport.kompas(
            [
                "sollicitatie", "toevoegen", "--werkgever", "Bakkerij Zon", "--functie",
                "verkoper", "--datum", "2026-03-12",
            ], environment: env)
        #expect(r.status == 0)

        // Nothing known about the number yet: said kindly, no number invented.
        r = try TestSupport.kompas(["status"], environment: env)
        #expect(r.stdout.contains("Hoeveel je gemeente vraagt, weet Kompas niet zeker."))
        #expect(
            r.stdout.contains(
                "Je stuurde op 3 maart 2026 een brief naar De Korenaar. Bel je ze deze week?"))

        // The agreed number: 4 per three weeks from Monday 2 March, network talks count too.
        r = try TestSupport.kompas(
            [
                "sollicitatie", "afspraak", "--aantal", "4", "--per-weken", "3", "--vanaf",
                "2026-03-02", "--telt-mee", "netwerkgesprek",
            ], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        r = try TestSupport.kompas(["status"], environment: env)
        let flat = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(flat.contains("Deze periode: 3 van de 4. Nog 8 dagen (tot en met 22 maart 2026)."))
        #expect(flat.contains("Wat meetelt: sollicitaties en netwerkgesprekken."))
        r = try TestSupport.kompas(["status", "--json"], environment: env)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let sections = doc?["secties"] as? [[String: Any]] ?? []
        #expect(sections.contains { $0["id"] as? String == "sollicitaties" })

        // A rejection with a reason: the evaluation names what went well and the next step.
        r = try TestSupport.kompas(
            [
                "sollicitatie", "status", "3", "--status", "afgewezen", "--reden",
                "te weinig ervaring",
            ],
            environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Wat goed ging: je hebt het geprobeerd bij Bakkerij Zon."))
        #expect(r.stdout.contains("“te weinig ervaring”"))
        #expect(r.stdout.contains("laat je brief en cv nakijken"))
        r = try TestSupport.kompas(
            ["sollicitatie", "status", "9", "--status", "gesprek"], environment: env)
        #expect(r.status == 64)
        #expect(r.stderr.contains("Nummer 9 bestaat niet."))
        r = try TestSupport.kompas(
            ["sollicitatie", "status", "1", "--status", "koffie"], environment: env)
        #expect(r.status == 64)
        r = try TestSupport.kompas(
            ["sollicitatie", "notitie", "1", "--tekst", "Gebeld, ze bellen terug."],
            environment: env)
        #expect(r.status == 0)

        // The printable overview, in text and in HTML.
        r = try TestSupport.kompas(["sollicitatie", "overzicht"], environment: env)
        #expect(r.stdout.contains("Mijn sollicitaties"))
        #expect(r.stdout.contains("Bakkerij Zon, reden van afwijzing: te weinig ervaring"))
        r = try TestSupport.kompas(
            ["sollicitatie", "overzicht", "--formaat", "html"], environment: env)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(r.stdout.contains("<td>De Korenaar</td>") || r.stdout.contains(">De Korenaar<"))

        // Nothing leaves the device unless chosen; then only what was chosen.
        r = try TestSupport.kompas(["sollicitatie", "stuur"], environment: env)
        #expect(r.status == 64)
        let data = dir.appendingPathComponent("gemeente")
        let (process, base) = try GuideSyncTests.startServer(data: data)
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let km = try GuideSyncTests.admin(["klantmanager", "--naam", "km"], data: data)
        let client = try GuideSyncTests.admin(
            ["klant", "--naam", "klant", "--klantmanager", km], data: data)
        let token = try GuideSyncTests.admin(["token", "--voor", client], data: data)
        let kmToken = try GuideSyncTests.admin(["token", "--voor", km], data: data)
        var syncEnv = env
        syncEnv["KOMPAS_SYNC_TOKEN"] = token
        r = try TestSupport.kompas(
            ["sync", "instellen", "--eindpunt", base], environment: syncEnv)
        #expect(r.status == 0, "\(r.stderr)")
        r = try TestSupport.kompas(["sollicitatie", "stuur", "1"], environment: env)
        #expect(r.stdout.contains("1 klaargezet voor de gemeente."))
        r = try TestSupport.kompas(["sync"], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        var seen = try Self.get(base, "/api/v2/objects?type=sollicitatie", token: kmToken)
        #expect(seen.contains("De Korenaar"), "\(seen)")
        #expect(seen.contains("Gebeld, ze bellen terug."))
        #expect(!seen.contains("Bakkerij Zon") && !seen.contains("Buurvrouw Ans"))
        #expect(seen.contains("briefNagekekenOp"))
        // A later status goes as a correction of the same object when sent again.
        r = try TestSupport.kompas(
            ["sollicitatie", "status", "1", "--status", "gesprek", "--gepland", "2026-03-20"],
            environment: env)
        r = try TestSupport.kompas(["sollicitatie", "stuur", "--alles"], environment: env)
        #expect(r.stdout.contains("3 klaargezet"))
        r = try TestSupport.kompas(["sync"], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        seen = try Self.get(base, "/api/v2/objects?type=sollicitatie", token: kmToken)
        #expect(seen.contains("Bakkerij Zon") && seen.contains("Buurvrouw Ans"))
        #expect(seen.components(separatedBy: "De Korenaar").count == 2, "\(seen)")
        #expect(seen.contains("\"gesprek\""))
        // The vacancy text never goes; nor does the store's passphrase.
        #expect(!seen.contains(Self.pass))

        // The list in English, from the same store.
        r = try TestSupport.kompas(["application", "list", "--taal", "en"], environment: env)
        #expect(r.stdout.contains("network talk"))
        r = try TestSupport.kompas(["sollicitatie", "verwijder", "2"], environment: env)
        #expect(r.stdout.contains("Weggehaald: Buurvrouw Ans"))
        #expect(r.stdout.contains("Deze regel was al naar de gemeente gestuurd."))
    }

    @Test(.timeLimit(.minutes(5)))
    func aJobIsCelebratedSavedInTheSituationAndGivesAChecklist() throws {
        let dir = try Self.tempDir("baan")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = Self.env(dir)
        var r = try TestSupport.kompas(
            ["profiel", "instellen", "--leeftijd", "35", "--huishouden", "alleenstaande"],
            environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        r = try TestSupport.kompas(
            [
                "baan", "--gestart", "2026-04", "--uurloon", "14,71", "--uren", "16", "--loondag",
                "7",
            ],
            environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let out = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(out.hasPrefix("Gefeliciteerd!"))
        #expect(out.contains("Wat houd je over in april 2026?"))
        #expect(out.contains("Geef je baan door aan de gemeente, het liefst voor 1 april 2026"))
        #expect(out.contains("Vul het inkomstenformulier over april 2026 in voor 25 mei 2026."))
        #expect(
            out.contains(
                "Je eerste loon komt rond 7 mei 2026. Stuur die loonstrook uiterlijk 21 mei 2026"))
        #expect(out.contains("kinderopvangtoeslag"))
        #expect(out.contains("Dienst Toeslagen"))
        #expect(out.contains("nulurencontract"))
        #expect(out.contains("vrije dagen inleveren"))
        // Saved in the situation: the next projection knows the job.
        r = try TestSupport.kompas(["profiel", "--json"], environment: env)
        let p = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let flags = p?["profiel"] as? [String: [String]]
        #expect(flags?["--gestart"] == ["2026-04"])
        #expect(flags?["--uren"] == ["16"])
        r = try TestSupport.kompas(["baan", "--gestart", "april"], environment: env)
        #expect(r.status == 64)
        r = try TestSupport.kompas(["job", "--taal", "en"], environment: env)
        #expect(r.stdout.hasPrefix("Congratulations!"))
        #expect(r.stdout.contains("Questions before you sign"))
    }

    @Test(.timeLimit(.minutes(5)))
    func theGuideLogsAnApplicationAndGivesTheEvaluationAfterARejection() throws {
        let dir = try Self.tempDir("gids-sollicitatie")
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = Self.env(dir)
        env["KOMPAS_WACHTWOORD"] = nil
        let answers = [
            "1", Self.pass, Self.pass, "1", "34", "geen", "0", "1",  // first run: household
            "7", "4", "1", "De Korenaar", "bakker", "03-03-2026",  // I applied
            "ja", "4", "3",  // the number agreed with the contact person, asked once
            "7", "3", "1", "te weinig ervaring",  // rejected
            "stop",
        ]
        let r = try TestSupport.kompas(
            ["gids"], environment: env, stdin: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let out = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(
            out.contains("Bewaard als nummer 1: je sollicitatie bij De Korenaar op 3 maart 2026."))
        #expect(
            out.contains("Je solliciteerde op 3 maart 2026 bij De Korenaar. Bel je ze deze week?"))
        // Periods start this week's Monday when no start was given.
        #expect(out.contains("Bewaard: 4 per 3 weken, vanaf 9 maart 2026."))
        #expect(out.contains("Deze periode: 0 van de 4. Nog 15 dagen (tot en met 29 maart 2026)."))
        #expect(out.contains("De Korenaar: de stand is nu “afgewezen”."))
        #expect(out.contains("De reden die je kreeg: “te weinig ervaring”."))
        #expect(out.contains("Je brief of cv laten nakijken? Kies 4 in het menu."))
        #expect(!r.stdout.contains(Self.pass))
        // Saved in the store, as the command line sees it.
        var cli = Self.env(dir)
        cli["KOMPAS_WACHTWOORD"] = Self.pass
        let list = try TestSupport.kompas(["sollicitatie", "lijst", "--json"], environment: cli)
        #expect(list.stdout.contains("\"afgewezen\""))
    }

    @Test(.timeLimit(.minutes(5)))
    func theGuideSendsOnlyTheApplicationsTheClientChooses() throws {
        let dir = try Self.tempDir("gids-sollicitatie-sync")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("gemeente")
        let (process, base) = try GuideSyncTests.startServer(data: data)
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let km = try GuideSyncTests.admin(["klantmanager", "--naam", "km"], data: data)
        let client = try GuideSyncTests.admin(
            ["klant", "--naam", "klant", "--klantmanager", km], data: data)
        let token = try GuideSyncTests.admin(["token", "--voor", client], data: data)
        let kmToken = try GuideSyncTests.admin(["token", "--voor", km], data: data)
        var env = Self.env(dir)
        env["KOMPAS_WACHTWOORD"] = nil
        let answers = [
            "1", Self.pass, Self.pass, "1", "34", "geen", "0", "1",
            "7", "4", "1", "De Korenaar", "bakker", "03-03-2026", "nee",
            "7", "4", "2", "Buurvrouw Ans", "10-03-2026",
            "6", base, token, "8", "1",  // a wrong number first, then only the first entry
            "stop",
        ]
        let r = try TestSupport.kompas(
            ["gids"], environment: env, stdin: answers.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let out = r.stdout.replacingOccurrences(
            of: #"\n *"#, with: " ", options: .regularExpression)
        #expect(out.contains("Goed. Vraag het bij je volgende gesprek."))
        #expect(
            out.contains("Je contactpersoon ziet 2 van je sollicitaties en activiteiten nog niet."))
        #expect(out.contains("Typ alles, nee, of nummers van 1 tot en met 2."))
        #expect(out.contains("1 klaargezet voor de gemeente."))
        #expect(out.contains("Alles is verstuurd."))
        #expect(!r.stdout.contains(token) && !r.stdout.contains(Self.pass))
        let seen = try Self.get(base, "/api/v2/objects?type=sollicitatie", token: kmToken)
        #expect(seen.contains("De Korenaar"), "\(seen)")
        #expect(!seen.contains("Buurvrouw Ans"))
    }

    @Test(.timeLimit(.minutes(5)))
    func inATerminalTheJobNewsGivesTheChecklist() throws {
        let dir = try Self.tempDir("pty-baan")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = [
            "KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": "nl",
            "KOMPAS_VANDAAG": "2026-03-15",
        ]
        let t = try PseudoTerminal(["gids"], environment: env)
        for (wait, answer) in [
            ("In welke taal", "1"), ("Kies een wachtwoord:", Self.pass),
            ("Typ het wachtwoord nog een keer:", Self.pass), ("Hoe woon je?", "1"),
            ("Hoe oud ben je?", "34"), ("huur", "geen"), ("27 jaar", "1"),
            ("In welke gemeente woon je?", "1"), ("Wat wil je doen?", "7"),
            ("Wat is er gebeurd?", "1"),
        ] {
            t.expect(wait)
            t.expect("> ")
            t.send(answer + "\r")
        }
        t.expect("Gefeliciteerd met je nieuwe baan!")
        t.expect("> ")
        t.send("04-2026\r")
        t.expect("> ")
        t.send("14,71\r")
        t.expect("> ")
        t.send("16\r")
        // Since the work history (issue 15): the guide asks for a further job after this one.
        t.expect("Heb je nog een baan?")
        t.expect("> ")
        t.send("nee\r")
        t.expect("Wat regel je de eerste weken?")
        t.expect("Vragen voor je tekent")
        t.expect("Wat wil je doen?")
        t.expect("> ")
        t.send("\u{04}")
        t.expect("Tot ziens.")
        #expect(t.waitForExit() == 0)
        #expect(!t.screen.contains(Self.pass))
    }
}
