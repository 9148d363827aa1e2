import Foundation
import KompasTestSupport
import Testing

/// Issue 15, the work history through the guide.
///
/// After the first job "Heb je nog een baan?", a second job saved in the profile as the command
/// line's own `--baan` value, and the work settings that change and remove it. Answers piped on
/// standard input to the built binary; the profile and the month read back with the ordinary
/// commands.
@Suite struct GuideWorkHistoryTests {
    typealias Place = GuideJourneyTests.Place

    static let secondJob = [
        "ja",  // Heb je nog een baan?
        "2026-05", "13,50", "8",  // start, hourly wage, hours per week
        "nee",  // this employer does not apply the loonheffingskorting
        "",  // still working there
        "nee",  // no third job
    ]

    @Test(.timeLimit(.minutes(5))) func aSecondJobIsAskedSavedAndCountedTogether() throws {
        let p = try Place()
        let r = try p.guide(
            GuideJourneyTests.firstRun + ["7", "1", "2026-03", "14,71", "16"] + Self.secondJob
                + ["9"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = GuideJourneyTests.flat(r.stdout)
        let question = try #require(out.range(of: "Heb je nog een baan?"))
        let saved = try #require(out.range(of: "Je baan 2 is bewaard."))
        #expect(question.lowerBound < saved.lowerBound)
        #expect(out.contains("Past deze werkgever de loonheffingskorting toe?"))
        let profile = try p.profile()
        #expect(
            profile["--baan"] == [
                "gestart=2026-05 uurloon=13.50 uren=8 zonder-loonheffingskorting"
            ])
        // The engine counts both jobs: the month's JSON has each job and the totals.
        let watals = try p.json(["watals", "--maand", "2026-06"])
        let month = try #require(watals["maand_resultaat"] as? [String: Any])
        let jobs = try #require(month["banen"] as? [[String: Any]])
        #expect(jobs.map { $0["baan"] as? Int } == [1, 2])
        let gross = jobs.compactMap { ($0["bedragen_centen"] as? [String: Int])?["brutoloon"] }
        let totals = try #require(month["bedragen_centen"] as? [String: Int])
        #expect(gross.reduce(0, +) == totals["brutoloon"])

        // Settings → work: change job 2 (it ends in October), then remove it.
        let passphrase = GuideJourneyTests.passphrase
        let change = try p.guide([
            passphrase, "8", "3", "1", "2",  // settings, work, change, which job: 2
            "2026-05", "13,50", "10", "nee", "2026-10", "stop",
        ])
        #expect(change.status == 0, "\(change.stderr)")
        #expect(
            try p.profile()["--baan"] == [
                "gestart=2026-05 uurloon=13.50 uren=10 zonder-loonheffingskorting gestopt=2026-10"
            ])
        let remove = try p.guide([passphrase, "8", "3", "3", "2", "stop"])
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(GuideJourneyTests.flat(remove.stdout).contains("Baan 2 is weggehaald."))
        #expect(try p.profile()["--baan"] == nil)
        // The first job stays.
        #expect(try p.profile()["--uren"] == ["16"])
    }

    @Test(.timeLimit(.minutes(5))) func theWorkQuestionsAreCompleteInEnglish() throws {
        let p = try Place()
        let r = try p.guide(
            ["2", GuideJourneyTests.passphrase, GuideJourneyTests.passphrase]
                + GuideJourneyTests.firstRun.dropFirst(3)
                + [
                    "7", "1", "2026-03", "14.71", "16", "yes", "2026-05", "13.50", "8", "no", "",
                    "no", "9",
                ], language: "en")
        #expect(r.status == 0, "\(r.stderr)")
        let out = GuideJourneyTests.flat(r.stdout)
        #expect(out.contains("Do you have another job?"))
        #expect(out.contains("Your job 2 is saved."))
        #expect(!out.contains("gids."))
    }
}
