import Foundation
import KompasTestSupport
import Testing

/// Complete journeys through the guide with the built binary, answers piped on standard input
/// (`kompas gids`), then the store read back with the ordinary commands.
@Suite struct GuideJourneyTests {
    static let passphrase = "proef-wachtwoord-12"

    /// A fresh store folder and the environment for it.
    struct Place {
        let dir: URL
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kompas-gids-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        func env(_ language: String = "nl", passphrase: Bool = false) -> [String: String] {
            var e = ["KOMPAS_OPSLAG": dir.path, "KOMPAS_SCRYPT_TEST": "1", "KOMPAS_TAAL": language]
            if passphrase { e["KOMPAS_WACHTWOORD"] = GuideJourneyTests.passphrase }
            return e
        }
        func guide(_ answers: [String], language: String = "nl") throws -> TestSupport.ProcessResult
        {
            try TestSupport.kompas(
                ["gids"], environment: env(language), stdin: answers.joined(separator: "\n") + "\n")
        }
        func json(_ args: [String]) throws -> [String: Any] {
            let r = try TestSupport.kompas(args + ["--json"], environment: env(passphrase: true))
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
                ?? [:]
        }
        func profile() throws -> [String: [String]] {
            (try json(["profiel"])["profiel"] as? [String: [String]]) ?? [:]
        }
    }

    /// The text with the guide's line wrapping undone, so a sentence is found wherever it wrapped.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: #"\n *"#, with: " ", options: .regularExpression)
    }

    static let firstRun = ["1", passphrase, passphrase, "1", "34", "650", "0", "1"]

    @Test func firstRunAsksGentlyAgainAndSavesTheHousehold() throws {
        let p = try Place()
        let r = try p.guide([
            "1", Self.passphrase, Self.passphrase,
            "7", "?", "1",  // a wrong choice, then help
            "vierendertig", "34",  // not a number
            // back twice to the household: living together after all
            "terug", "terug", "3", "40", "38",
            // rent, no housemates, Amsterdam, no childcare for the children of 4 and 11
            "4, 11", "650,00", "0", "1", "0", "0", "stop",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        #expect(out.contains("Welkom bij Kompas"))
        #expect(out.contains("Typ een nummer van 1 tot en met 3."))
        #expect(out.contains("Kies 1 als je alleen woont."))
        // The one situation reader's range: 18 (art. 20 Pw) to 120, as for flags and the caseload.
        #expect(out.contains("Typ een getal van 18 tot en met 120."))
        #expect(out.contains("Hoe oud is je partner?"))
        #expect(out.contains("Tot ziens."))
        // From a pipe: no prompt marker, no colour, and never the passphrase.
        #expect(!out.contains("> ") && !out.contains("\u{1B}["))
        #expect(!out.contains(Self.passphrase))
        let profile = try p.profile()
        #expect(profile["--huishouden"] == ["samenwonend"])
        #expect(profile["--leeftijd"] == ["40"])
        #expect(profile["--leeftijd-partner"] == ["38"])
        #expect(profile["--kind"] == ["4", "11"])
        #expect(profile["--huur"] == ["650.00"])
    }

    /// Issue 15 item 4: the guide asks what the computation needs (housemates, municipality,
    /// childcare per young child) and its settings change every part of the situation, each
    /// saved through the one situation reader (the profile read back is the reader's).
    @Test func theGuideAsksHousematesMunicipalityAndChildcareAndSettingsEditEachPart() throws {
        let p = try Place()
        let r = try p.guide([
            "1", Self.passphrase, Self.passphrase,
            "2", "34", "3 en 7", "720",  // a single parent of 3 and 7, rent
            "zeven", "1",  // one housemate of 27 or older (a word first: asked again)
            "3",  // Rotterdam
            "terug", "3",  // back from the first childcare question to the municipality
            "40", "1", "10,25",  // the child of 3: 40 hours of day nursery at 10,25
            "0",  // the child of 7: no childcare
            "8", "6", "1",  // settings → municipality → Amsterdam
            "8", "4", "750", "35",  // settings → rent and costs
            "8", "3", "1", "2026-03", "14,71", "20",  // settings → work → change the job
            "8", "5", "50", "1", "10,50", "20", "bso", "9",  // settings → childcare per child
            "stop",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        #expect(
            out.contains("Hoeveel andere volwassenen van 27 jaar of ouder wonen bij je in huis?"))
        #expect(out.contains("Typ een getal van 0 tot en met 20."))
        #expect(out.contains("In welke gemeente woon je?"))
        #expect(out.contains("Hoeveel uur per maand gaat je kind van 3 jaar naar de kinderopvang?"))
        #expect(out.contains("Hoeveel uur per maand gaat je kind van 7 jaar naar de kinderopvang?"))
        #expect(out.contains("Naar welke opvang gaat je kind van 7 jaar?"))
        let profile = try p.profile()
        #expect(profile["--huishouden"] == ["alleenstaande-ouder"])
        #expect(profile["--kind"] == ["3", "7"])
        #expect(profile["--kostendelers"] == ["1"])
        #expect(profile["--gemeente"] == ["amsterdam"])
        #expect(profile["--huur"] == ["750.00"])
        #expect(profile["--servicekosten"] == ["35.00"])
        #expect(profile["--gestart"] == ["2026-03"])
        #expect(profile["--uurloon"] == ["14.71"])
        #expect(profile["--uren"] == ["20"])
        #expect(profile["--opvang-uren"] == ["50", "20"])
        #expect(profile["--opvang-uurprijs"] == ["10.50", "9.00"])
        #expect(profile["--opvang-soort"] == ["dagopvang", "bso"])
        // The situation the engine gets is the reader's: `watals` computes the childcare benefit
        // for both children and the kostendelersnorm from the profile alone.
        let w = try TestSupport.kompas(
            ["watals", "--maand", "2026-09"], environment: p.env(passphrase: true))
        #expect(w.status == 0, "\(w.stderr)")
        let text = Self.flat(w.stdout)
        #expect(text.contains("1 kostendeler ·"), "\(w.stdout)")
        #expect(text.contains("Kinderopvangtoeslag"), "\(w.stdout)")
        #expect(text.contains("gemeente Amsterdam"), "\(w.stdout)")
    }

    /// The same questions in English, through the real binary.
    @Test func theNewQuestionsAreCompleteInEnglish() throws {
        let p = try Place()
        let r = try p.guide(
            [
                "2", Self.passphrase, Self.passphrase, "2", "29", "2", "none", "0", "1", "30",
                "3", "8,50", "stop",
            ], language: "nl")
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        #expect(out.contains("How many other adults aged 27 or older live in your home?"))
        #expect(out.contains("Which municipality do you live in?"))
        #expect(out.contains("How many hours a month does your child of 2 go to childcare?"))
        #expect(out.contains("Which childcare does your child of 2 go to?"))
        #expect(out.contains("What does childcare cost per hour for your child of 2?"))
        #expect(!out.contains("Hoeveel"))
        let profile = try p.profile()
        #expect(profile["--opvang-uren"] == ["30"])
        #expect(profile["--opvang-soort"] == ["gastouder"])
        #expect(profile["--opvang-uurprijs"] == ["8.50"])
    }

    /// "Another municipality" stores none and says plainly which choices Kompas then uses.
    @Test func anotherMunicipalityIsSaidPlainly() throws {
        let p = try Place()
        let r = try p.guide(
            ["1", Self.passphrase, Self.passphrase, "1", "34", "geen", "0", "4", "stop"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.flat(r.stdout).contains("Kompas kent je gemeente nog niet."))
        #expect(try p.profile()["--gemeente"] == nil)
    }

    @Test func endOfInputKeepsConfirmedAnswersAndTheNextStartOffersToContinue() throws {
        let p = try Place()
        // The input ends in the middle of the household questions.
        let first = try p.guide(["1", Self.passphrase, Self.passphrase, "2", "29"])
        #expect(first.status == 0)
        #expect(
            Self.flat(first.stdout).contains("Tot ziens. Alles wat je hebt bevestigd, is bewaard."))
        #expect(try p.profile().isEmpty)
        // Next time: the household is asked from where it stopped (a parent needs a child under 18).
        let second = try p.guide([Self.passphrase, "geen", "7", "", "0", "1", "0", "stop"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.flat(second.stdout).contains("Fijn dat je er weer bent"))
        #expect(!Self.flat(second.stdout).contains("Hoe woon je?"))
        #expect(Self.flat(second.stdout).contains("Je koos alleenstaande ouder."))
        let profile = try p.profile()
        #expect(profile["--huishouden"] == ["alleenstaande-ouder"])
        #expect(profile["--leeftijd"] == ["29"])
        #expect(profile["--kind"] == ["7"])
        #expect(profile["--huur"] == nil)
    }

    @Test func aPayslipIsSavedCongratulatedAndAnInterruptedOneResumed() throws {
        let p = try Place()
        // Ctrl-C (byte 0x03 in the input) at the pay date: the question is cancelled, back to the menu.
        let first = try p.guide(Self.firstRun + ["2", "1", "Bakkerij Proef", "\u{03}", "9"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            Self.flat(first.stdout).contains(
                "Deze vraag is gestopt. Wat je al had bevestigd, is bewaard."))
        #expect((try p.json(["loonstrook", "lijst"])["loonstroken"] as? [Any])?.isEmpty == true)
        // The employer was confirmed: the next start offers to go on with the payslip.
        let second = try p.guide([
            Self.passphrase, "ja", "31-13-2026", "25-03-2026", "1", "01-03-2026", "28-02-2026",
            "31-03-2026",
            "612,40", "", "9",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            Self.flat(second.stdout).contains(
                "De vorige keer was je bezig met een loonstrook doorgeven."))
        #expect(!Self.flat(second.stdout).contains("Bij welke werkgever werk je?"))
        #expect(Self.flat(second.stdout).contains("Typ een datum, bijvoorbeeld 25-03-2026."))
        #expect(Self.flat(second.stdout).contains("Het einde van de periode ligt voor het begin."))
        #expect(
            Self.flat(second.stdout).contains(
                "Gefeliciteerd: dit is geld dat je zelf hebt verdiend!"))
        let slips = try p.json(["loonstrook", "lijst"])["loonstroken"] as? [[String: Any]] ?? []
        #expect(slips.count == 1)
        #expect(slips.first?["netto_centen"] as? Int == 61_240)
        #expect(slips.first?["werkgever"] as? String == "Bakkerij Proef")
        #expect(slips.first?["periode_tot"] as? String == "2026-03-31")
        // The menu's overview now knows the payslip: nothing missing.
        #expect(Self.flat(second.stdout).contains("Er ontbreekt niets."))
    }

    @Test func aNewJobIsCongratulatedAndTheLowerTopUpExplainedBeforehand() throws {
        let p = try Place()
        let r = try p.guide(Self.firstRun + ["7", "1", "2026-03", "14,71", "16", "nee", "9"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        let congratulation = try #require(out.range(of: "Gefeliciteerd met je nieuwe baan!"))
        let wageQuestion = try #require(out.range(of: "Wat is je bruto uurloon?"))
        // Joy first, the numbers after.
        #expect(congratulation.lowerBound < wageQuestion.lowerBound)
        #expect(out.contains("Wat houd je over in maart 2026?"))
        // The engine's exemption event, the same sentence as watals and samenvatting (issue 15).
        #expect(out.contains("Vanaf september 2026 telt je hele loon mee."))
        // Once: under `watals`, not again under the reassuring line after it (seen in tmux).
        #expect(
            out.components(separatedBy: "Vanaf september 2026 telt je hele loon mee.").count == 2)
        let profile = try p.profile()
        #expect(profile["--gestart"] == ["2026-03"])
        #expect(profile["--uurloon"] == ["14.71"])
        #expect(profile["--uren"] == ["16"])
        // The same numbers as the command line with the stored profile.
        let watals = try p.json(["watals"])
        #expect(watals["maand"] as? String == "2026-03")
    }

    /// "Ik heb een baan!" with a job already stored adds the new one to the work history; the
    /// first job stays as it was (it used to be put in its place).
    @Test func aSecondNewJobIsAddedNotPutInThePlaceOfTheFirst() throws {
        let p = try Place()
        let r = try p.guide(
            Self.firstRun + ["7", "1", "2026-03", "14,71", "16", "nee"]
                + ["7", "1", "2026-10", "13,50", "8", "ja", "nee", "9"])
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try p.profile()
        #expect(profile["--gestart"] == ["2026-03"])
        #expect(profile["--uurloon"] == ["14.71"])
        #expect(profile["--uren"] == ["16"])
        #expect(profile["--baan"]?.count == 1, "\(profile)")
        #expect(profile["--baan"]?.first?.contains("2026-10") == true, "\(profile)")
        #expect(Self.flat(r.stdout).contains("Gefeliciteerd met je nieuwe baan!"))
    }

    @Test func inJanuary2027TheGuideAnswersWithProvisionalFigures() throws {
        // Issue 16: a new job in January 2027 gets an answer, marked provisional, not an error.
        let p = try Place()
        var env = p.env()
        env["KOMPAS_VANDAAG"] = "2027-01-15"
        let r = try TestSupport.kompas(
            ["gids"], environment: env,
            stdin: (Self.firstRun + ["7", "1", "2027-01", "14,99", "16", "nee", "9"]).joined(
                separator: "\n")
                + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        #expect(out.contains("Wat houd je over in januari 2027?"))
        #expect(out.contains("Voorlopig: de bedragen voor 2027 zijn nog niet bekend."))
        #expect(out.contains("Het echte bedrag is meestal iets hoger."))
        #expect(!out.contains("gold niet op"))
    }

    @Test func aRejectionIsMetWithEncouragementInEnglish() throws {
        let p = try Place()
        let r = try p.guide(
            [
                "2", Self.passphrase, Self.passphrase, "1", "34", "none", "0", "1", "none", "7",
                "3",
                "stop",
            ],
            language: "en")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.flat(r.stdout).contains("Welcome to Kompas"))
        #expect(Self.flat(r.stdout).contains("What a pity."))
        #expect(Self.flat(r.stdout).contains("A rejection says nothing about your worth"))
        #expect(!Self.flat(r.stdout).contains("Hoe woon je?"))
    }

    @Test func theLanguageChosenIsRemembered() throws {
        let p = try Place()
        _ = try p.guide(
            ["2", Self.passphrase, Self.passphrase, "1", "34", "none", "0", "1", "none", "stop"],
            language: "nl")
        let again = try p.guide([Self.passphrase, "stop"], language: "nl")
        #expect(Self.flat(again.stdout).contains("Your overview"))
        #expect(Self.flat(again.stdout).contains("Goodbye."))
    }

    @Test func threeWrongPassphrasesStopWithSeventySeven() throws {
        let p = try Place()
        _ = try p.guide(Self.firstRun + ["stop"])
        let r = try p.guide(["fout-wachtwoord-1", "fout-wachtwoord-2", "fout-wachtwoord-3"])
        #expect(r.status == 77)
        #expect(Self.flat(r.stdout).contains("Dat wachtwoord klopt niet. Probeer het nog eens."))
    }

    @Test func settlementAndCheckRunTheCommands() throws {
        let p = try Place()
        let cv = p.dir.appendingPathComponent("cv.txt")
        try "Jan Proef\nE-mail: jan@example.org\n\nWerkervaring\n2020-2024 Medewerker bakkerij\n"
            .write(to: cv, atomically: true, encoding: .utf8)
        let r = try p.guide(
            Self.firstRun + [
                "3", "", "4", "1", p.dir.appendingPathComponent("bestaat-niet.txt").path, cv.path,
                "stop",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.flat(r.stdout).contains("Het deel dat je zelf verdient, is van jou."))
        #expect(Self.flat(r.stdout).contains("maart 2026"))
        #expect(Self.flat(r.stdout).contains("Dat bestand vind ik niet."))
        #expect(
            Self.flat(r.stdout).contains("Kijk rustig naar de punten hierboven.")
                || Self.flat(r.stdout).contains("Goed gedaan! Er zijn alleen tips."))
    }

    @Test func hoursSummaryAndSettingsFromTheMenu() throws {
        let p = try Place()
        let html = p.dir.appendingPathComponent("overzicht.html")
        let r = try p.guide(
            Self.firstRun + [
                "2", "2", "vandaag", "30", "6,5",  // hours of today; 30 is too many for a day
                "5", "2", html.path,  // a printable summary
                "8", "1", "2",  // settings: English
                "stop",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let out = Self.flat(r.stdout)
        #expect(out.contains("Typ een aantal uren, bijvoorbeeld 16 of 12,5 (niet meer dan 24)."))
        #expect(
            Self.flat(r.stderr).contains("Samenvatting opgeslagen in \(html.path)."), "\(r.stderr)")
        #expect(out.contains("Open het bestand in je browser om het te printen."))
        #expect(out.contains("The language has been changed and saved."))
        #expect(out.contains("Goodbye."))
        let hours = try p.json(["uren", "lijst"])["uren"] as? [[String: Any]] ?? []
        #expect(hours.count == 1)
        #expect(hours.first?["datum"] as? String == "2026-03-15")
        #expect(hours.first?["uren_honderdsten"] as? Int == 650)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<html"))
        // The next start speaks English once the store is open.
        let again = try p.guide([Self.passphrase, "stop"])
        #expect(Self.flat(again.stdout).contains("Your overview"))
    }

    @Test func leavingBeforeTheStoreExistsSaysNothingWasSaved() throws {
        let p = try Place()
        let r = try p.guide(["1"])
        #expect(r.status == 0)
        #expect(Self.flat(r.stdout).contains("Er is nog niets bewaard."))
        #expect(
            !FileManager.default.fileExists(atPath: p.dir.appendingPathComponent("kompas.db").path))
    }

    @Test func aScriptCanGiveThePassphraseInTheEnvironment() throws {
        let p = try Place()
        let input =
            ["1", "1", "34", "geen", "0", "1", "1", "16", "14,71", "stop"].joined(separator: "\n")
            + "\n"
        let r = try TestSupport.kompas(["gids"], environment: p.env(passphrase: true), stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("Kies een wachtwoord"))
        #expect(Self.flat(r.stdout).contains("Wat houd je over in maart 2026?"))
        #expect(try p.profile()["--leeftijd"] == ["34"])
    }

    @Test func anAnswerTakenBackWithTerugIsNotResumed() throws {
        let p = try Place()
        // Age 40 is taken back with `terug`, then the input ends.
        _ = try p.guide(["1", Self.passphrase, Self.passphrase, "3", "40", "terug"])
        let r = try p.guide([Self.passphrase, "41", "39", "geen", "geen", "0", "1", "stop"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!Self.flat(r.stdout).contains("Hoe woon je?"))
        let profile = try p.profile()
        #expect(profile["--huishouden"] == ["samenwonend"])
        #expect(profile["--leeftijd"] == ["41"])
        #expect(profile["--leeftijd-partner"] == ["39"])
    }
}
