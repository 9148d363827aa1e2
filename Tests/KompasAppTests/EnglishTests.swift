import Foundation
import KompasCase
import KompasCore
import KompasLocalization
import KompasTestSupport
import Testing

@testable import KompasApp

/// English that is English (issue 22): the help in English shows English usage lines,
/// placeholders and values, every value has an English spelling that is accepted, and messages
/// name the option as the user typed it.
@Suite struct EnglishTests {
    static let catalog = fixture(
        from: { try LocaleCatalog.load(from: TestSupport.path("Locales")) }, "Locales")
    static var nl: Localizer { Localizer(language: .nl, catalog: catalog) }
    static var en: Localizer { Localizer(language: .en, catalog: catalog) }

    /// Every flag of every command, once.
    static var flags: [FlagSpec] {
        var seen = Set<String>()
        return CommandTable.standard.commands.flatMap(\.allFlags).filter {
            seen.insert($0.canonical).inserted
        }
    }

    /// The Dutch words that must not reach the English help: the Dutch placeholders and the
    /// Dutch spellings of values, taken from the registry and the catalog, not a hand-kept list.
    static var dutchWords: Set<String> {
        var words = Set<String>()
        for (key, text) in catalog.tables[.nl] ?? [:] where key.hasPrefix("placeholder.") {
            if catalog.tables[.en]?[key] != text { words.insert(text) }
        }
        for f in flags { for c in f.choices where c.dutch != c.english { words.insert(c.dutch) } }
        return words
    }

    /// The parts of a help text that are usage, not prose: the synopsis and each flag's label
    /// (names, placeholder), the column before the flag's help text.
    static func usageParts(_ help: String) -> [String] {
        help.split(separator: "\n").compactMap { line -> String? in
            let s = String(line)
            if s.hasPrefix("Usage:") || s.hasPrefix("Gebruik:") { return s }
            guard s.hasPrefix("  -") else { return nil }
            return s.components(separatedBy: "  ").filter { !$0.isEmpty }.first
        }
    }

    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { " [],|<>".contains($0) }).map(String.init)
    }

    @Test func theEnglishHelpOfEveryCommandHasNoDutchUsageWords() {
        let dutch = Self.dutchWords
        #expect(dutch.contains("BEDRAG") && dutch.contains("alleenstaande-ouder"))
        let usageWords = ["Gebruik:", "opties", "opdracht", "Opdrachten:", "Opties:"]
        // Command and subcommand names are names in both languages (`kompas uren`), like flags.
        let names = Set(
            CommandTable.standard.commands.flatMap { $0.names + $0.subcommands.flatMap(\.names) })
        for c in CommandTable.standard.commands {
            let r = runKompas([c.name, "--help"], language: "en")
            #expect(r.code == 0, "\(c.name)")
            for part in Self.usageParts(r.out) {
                // A flag's names are Dutch and English by design (`--uren, --hours`); the
                // placeholder after them must be English.
                for w in Self.words(part) where !w.hasPrefix("-") && !names.contains(w) {
                    #expect(!dutch.contains(w), "\(c.name): Dutch \"\(w)\" in \"\(part)\"")
                    #expect(!usageWords.contains(w), "\(c.name): Dutch \"\(w)\" in \"\(part)\"")
                }
            }
            // Sanity: the English help really is the English one.
            #expect(r.out.hasPrefix("Usage: kompas \(c.name)"), "\(c.name)")
        }
        let overview = runKompas(["--help"], language: "en").out
        for w in Self.usageParts(overview).flatMap(Self.words) where !w.hasPrefix("-") {
            #expect(!dutch.contains(w) && !usageWords.contains(w), "overview: \(w)")
        }
        #expect(
            runKompas(["help", "--help"], language: "en").out.contains("kompas help [COMMAND]"))
        #expect(
            runKompas(["help", "--help"], language: "nl").out.contains("kompas help [OPDRACHT]"))
    }

    /// Every upper-case placeholder word the table uses has a translation in both catalogs, so
    /// a new flag with a new placeholder cannot slip through in Dutch only.
    @Test func everyPlaceholderWordIsTranslated() {
        var tokens = Set<String>()
        let texts =
            Self.flags.filter { $0.choices.isEmpty }.compactMap(\.placeholder)
            + CommandTable.standard.commands.compactMap(\.operands)
        for t in texts {
            for w in t.split(whereSeparator: { !($0.isUppercase || $0 == "-") }) {
                let word = w.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
                if !word.isEmpty { tokens.insert(word) }
            }
        }
        for t in tokens {
            #expect(
                Self.nl.has("placeholder." + t.lowercased()),
                "nl lacks placeholder.\(t.lowercased())")
            #expect(
                Self.en.has("placeholder." + t.lowercased()),
                "en lacks placeholder.\(t.lowercased())")
        }
    }

    /// Every value accepted in Dutch has an English spelling, and both spellings are accepted.
    @Test func everyDutchValueHasAnEnglishSpellingThatIsAccepted() throws {
        let sameInBoth: Set<String> = [
            "nl", "en", "pl", "tr", "ar", "markdown", "html", "svg", ";", ",",
        ]
        var checked = 0
        for f in Self.flags {
            for c in f.choices {
                #expect(
                    ValueChoice.english[c.dutch] != nil, "\(f.canonical) \(c.dutch): no English")
                if !sameInBoth.contains(c.dutch) {
                    #expect(c.english != c.dutch, "\(f.canonical) \(c.dutch): English is Dutch")
                }
                #expect(f.choice(c.english) == c.dutch && f.choice(c.dutch) == c.dutch)
                #expect(f.choice(c.english.uppercased()) == c.dutch)
                checked += 1
            }
        }
        #expect(checked >= 20)
        // The situation's own reader takes each English spelling too (flags, guide, caseload).
        for c in HouseholdFlags.household.choices {
            #expect(SituationReader.household(c.english) == SituationReader.household(c.dutch))
            #expect(SituationReader.household(c.english) != nil)
        }
        for c in WatalsCommand.frequency.choices {
            #expect(SituationReader.frequency(c.english) == SituationReader.frequency(c.dutch))
            #expect(SituationReader.frequency(c.english) != nil)
        }
        for c in WatalsCommand.careKind.choices {
            #expect(
                SituationReader.childcareKind(c.english) == SituationReader.childcareKind(c.dutch))
            #expect(SituationReader.childcareKind(c.english) != nil)
        }
    }

    /// The issue's example, end to end: English option names and values run.
    @Test func englishOptionsAndValuesRun() {
        let r = runKompas(
            [
                "watals", "--household", "single-parent", "--child", "4", "--age", "34",
                "--hours", "16", "--hourly-wage", "14.71", "--frequency", "four-weekly",
                "--no-profile",
            ], language: "en")
        #expect(r.code == 0, "\(r.err)")
        let dutch = runKompas(
            [
                "watals", "--huishouden", "alleenstaande-ouder", "--kind", "4", "--leeftijd", "34",
                "--uren", "16", "--uurloon", "14,71", "--frequentie", "4weken", "--zonder-profiel",
            ], language: "en")
        #expect(dutch.out == r.out, "both spellings give the same answer")
    }

    /// A message names the option the user typed: `--household`, not `--huishouden`.
    @Test func errorsNameTheOptionAsTyped() {
        let en = runKompas(
            ["watals", "--household", "singel", "--age", "30", "--no-profile"], language: "en")
        #expect(en.code == 64)
        #expect(en.err.contains("--household") && !en.err.contains("--huishouden"), "\(en.err)")
        #expect(en.err.contains("single, single-parent or couple"), "\(en.err)")
        let nl = runKompas(
            ["watals", "--household", "singel", "--leeftijd", "30", "--zonder-profiel"],
            language: "nl")
        #expect(nl.err.contains("--household"), "typed in English, named in English: \(nl.err)")
        let hours = runKompas(
            ["watals", "--age", "30", "--hours", "veel", "--hourly-wage", "14.71", "--no-profile"],
            language: "en")
        #expect(hours.err.contains("--hours") && !hours.err.contains("--uren"), "\(hours.err)")
        // Not typed at all: named in the user's language.
        let missing = runKompas(
            ["watals", "--household", "single", "--no-profile"], language: "en")
        #expect(
            missing.err.contains("--age") && !missing.err.contains("--leeftijd"), "\(missing.err)")
    }

    /// "Na --uren hoort een waarde, bijvoorbeeld N" no more: a real example, per option, in
    /// both languages.
    @Test func aMissingValueGetsARealExample() {
        for f in Self.flags where f.placeholder != nil {
            for l in [Self.nl, Self.en] {
                #expect(l.has(f.example.key), "\(l.language) lacks \(f.example.key)")
            }
        }
        let nl = runKompas(["watals", "--uurloon"], language: "nl")
        #expect(nl.code == 64)
        #expect(nl.err.contains("bijvoorbeeld: --uurloon 14,71"), "\(nl.err)")
        let en = runKompas(["watals", "--hourly-wage"], language: "en")
        #expect(en.err.contains("for example: --hourly-wage 14.71"), "\(en.err)")
        let age = runKompas(["watals", "--age"], language: "en")
        #expect(age.err.contains("--age 34"), "\(age.err)")
        #expect(!age.err.contains(" N"), "\(age.err)")
    }

    /// The built-in rule files' descriptions (`omschrijving`) by parameter id, read from the files.
    static func ruleFileDescriptions() throws -> [String: String] {
        let dir = TestSupport.path("Sources/KompasRules/Regels")
        var result: [String: String] = [:]
        func walk(_ x: Any) {
            if let d = x as? [String: Any] {
                if let id = d["id"] as? String, let s = d["omschrijving"] as? String {
                    result[id] = s
                }
                d.values.forEach(walk)
            } else if let a = x as? [Any] {
                a.forEach(walk)
            }
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path)
        where file.hasSuffix(".json") {
            walk(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: dir.appendingPathComponent(file))))
        }
        return result
    }

    /// Every built-in legal figure is described in English too; the Dutch catalog text is the
    /// rule file's own, so the two cannot drift apart.
    @Test func everyLegalFigureHasAnEnglishDescription() throws {
        let descriptions = try Self.ruleFileDescriptions()
        #expect(descriptions.count > 100)
        for (id, dutch) in descriptions {
            let key = "regels.omschrijving." + id
            #expect(Self.catalog.tables[.nl]?[key] == dutch, "nl \(key) differs from the rule file")
            let english = Self.catalog.tables[.en]?[key]
            #expect(english != nil && english != dutch, "en \(key): \(english ?? "missing")")
        }
        let r = runKompas(["regels", "wml.uurloon"], language: "en")
        #expect(r.out.contains("Statutory minimum hourly wage for age 21 and older"), "\(r.out)")
        let nl = runKompas(["regels", "wml.uurloon"], language: "nl")
        #expect(nl.out.contains("Wettelijk minimumuurloon voor 21 jaar en ouder"), "\(nl.out)")
    }
}
