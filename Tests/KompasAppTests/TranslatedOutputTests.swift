import Foundation
import KompasLocalization
import KompasTestSupport
import Testing

@testable import KompasApp

/// Issue 24 through the real commands: the language is chosen by flag, environment and locale;
/// a glossary word is explained once per output; translated summaries say the Dutch text is
/// leading; Arabic is printed right to left; municipal data falls back to Dutch.
@Suite struct TranslatedOutputTests {
    static let watals = [
        "watals", "--maand", "2026-03", "--leeftijd", "35", "--uren", "16", "--uurloon", "14,71",
        "--zonder-profiel",
    ]
    static let summary = ["samenvatting"] + SummaryCases.cases[0].args + ["--zonder-profiel"]

    static func glossary(_ code: String) throws -> [String: String] {
        let data = try Data(contentsOf: TestSupport.path("Locales/glossary/\(code).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: String] ?? [:]
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test(arguments: [
        (["--taal", "polski"], [String: String](), "pl"),
        (["--taal", "Türkçe"], [:], "tr"),
        ([], ["LANG": "ar_MA.UTF-8"], "ar"),
        ([], ["LC_ALL": "tr_TR.UTF-8", "LANG": "pl_PL.UTF-8"], "tr"),
        ([], ["KOMPAS_TAAL": "pl"], "pl"),
    ])
    func theLanguageIsChosenByFlagEnvironmentAndLocale(
        _ flags: [String], _ env: [String: String], _ code: String
    ) throws {
        let r = runKompas(flags + ["--help"], environment: env)
        #expect(r.code == 0)
        #expect(r.err.isEmpty, "\(r.err)")
        let table = try TestSupport.localeTable(code)
        let heading = try #require(table["help.commands"] ?? table["help.overview.commands"])
        #expect(r.out.contains(heading), "\(flags) \(env): not \(code)")
    }

    /// Each glossary word the what-if uses is explained exactly once in the run; Dutch has none.
    @Test(arguments: ["pl", "tr", "ar"])
    func aDutchWordIsExplainedOncePerRun(_ code: String) throws {
        let r = runKompas(Self.watals, language: code)
        #expect(r.code == 0, "\(r.err)")
        let text = r.out + r.err
        var explained = 0
        for (term, explanation) in try Self.glossary(code)
        where !Glossary.uses(of: term, in: text).isEmpty {
            let n = Self.count(explanation, in: text)
            #expect(n <= 1, "\(code) \(term): explained \(n) times")
            explained += n
        }
        #expect(explained >= 4, "\(code): \(explained) explanations")
        #expect(text.contains(try #require(Self.glossary(code)["aanvulling"])))
        let dutch = runKompas(Self.watals, language: "nl")
        #expect(!dutch.out.contains(try #require(Self.glossary(code)["aanvulling"])))
    }

    /// The summary explains a word once in the summary, also when the terminal run would, and
    /// says in its own language that the Dutch text is leading; the Dutch summary does not.
    @Test(arguments: TestSupport.languages)
    func aTranslatedSummarySaysTheDutchTextIsLeading(_ code: String) throws {
        let leading = try #require(try TestSupport.localeTable(code)["samenvatting.dutchLeading"])
        for format in ["tekst", "markdown", "html"] {
            let r = runKompas(Self.summary + ["--formaat", format], language: code)
            #expect(r.code == 0, "\(r.err)")
            let flat = SummaryCases.flat(r.out)
            #expect(flat.contains(leading) == (code != "nl"), "\(code) \(format)")
            guard code != "nl", code != "en" else { continue }
            let g = try Self.glossary(code)
            let aanvulling = try #require(g["aanvulling"])
            #expect(
                Self.count(Markup.escape(aanvulling), in: flat) == 1
                    || Self.count(aanvulling, in: flat) == 1,
                "\(code) \(format): aanvulling explained not once")
        }
    }

    @Test func arabicPrintsRightToLeftAndPointsToThePrintedSummary() throws {
        let html = runKompas(Self.summary + ["--formaat", "html"], language: "ar")
        #expect(
            html.out.contains(
                "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">"
            ))
        #expect(html.out.contains("<span class=\"bedrag\" dir=\"ltr\">€\u{00A0}"))
        #expect(html.out.contains("<span dir=\"ltr\">Amsterdam</span>"))
        let dutch = runKompas(Self.summary + ["--formaat", "html"], language: "nl")
        #expect(!dutch.out.contains("dir=\""))
        let text = runKompas(Self.summary, language: "ar")
        #expect(text.err.contains("kompas samenvatting --formaat html"), "\(text.err)")
        #expect(!runKompas(Self.summary, language: "pl").err.contains("--formaat html"))
    }

    /// The shells complete `--taal` with the five codes (from the one flag table).
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsOfferTheFiveLanguages(_ shell: String) {
        let out = runKompas(["completions", shell]).out
        #expect(
            out.contains("nl en pl tr ar") || out.contains("nl\ten\tpl\ttr\tar")
                || ["nl", "en", "pl", "tr", "ar"].allSatisfy { out.contains($0) }, "\(shell)")
        #expect(out.contains("pl") && out.contains("tr") && out.contains(" ar"), "\(shell)")
    }

    /// A provision's name exists in Dutch and English only: Polish, Turkish and Arabic show the
    /// Dutch (the name on the municipality's form), English the English.
    @Test func municipalDataFallsBackToDutch() {
        let args = ["watals", "--maand", "2026-03", "--leeftijd", "35", "--zonder-profiel"]
        #expect(runKompas(args, language: "en").out.contains("City pass (Stadspas)"))
        for code in ["nl", "pl", "tr", "ar"] {
            let out = runKompas(args, language: code).out
            #expect(out.contains("Stadspas") && !out.contains("City pass"), "\(code)")
        }
    }
}
