import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasLocalization
import KompasMunicipality
import Testing

@testable import KompasApp

/// Every amount a view shows is a result line of the months it shows.
///
/// Over generated situations (household kinds, ages 18–70, children, housemates, start months,
/// pay frequencies, months across 2025–2027) the test runs `watals` (text and sweep) and
/// `samenvatting` (client and klantmanager, text and HTML), parses every "€" amount and fails on
/// any amount that is not a line of ``Engine/evaluate`` for that situation and those months (or
/// an amount the engine put in one of its own sentences). A table row that names a month must
/// show lines of that month itself, not of another month shown; `watals` and `samenvatting` are
/// checked in English too, and the guide's first-run transcripts (nl and en) against the
/// situation the guide was given. A view that computes a number of its own, or shows a number
/// of another month, fails here.
@Suite struct CrossViewTests {
    /// A small deterministic generator (a linear congruential one), so a failure can be rerun.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    struct Case: CustomStringConvertible {
        var args: [String]
        var month: CalendarMonth
        var description: String { "--maand \(month) " + args.joined(separator: " ") }
    }

    static func cases(count: Int, seed: UInt64) -> [Case] {
        var g = Generator(state: seed)
        var out: [Case] = []
        let kinds = ["alleenstaande", "alleenstaande-ouder", "samenwonend"]
        let frequencies = ["maand", "4weken", "week"]
        while out.count < count {
            let kind = kinds[g.next(3)]
            let month = CalendarMonth(index: 2025 * 12 + g.next(30))
            let start = month.advanced(by: -g.next(14))
            var a = [
                "--zonder-profiel", "--huishouden", kind, "--leeftijd", String(18 + g.next(53)),
                "--uren", String(4 + g.next(33)), "--uurloon",
                "1\(4 + g.next(6)),\(10 + g.next(90))",
                "--frequentie", frequencies[g.next(3)], "--gestart", start.description,
            ]
            if kind == "samenwonend" { a += ["--leeftijd-partner", String(18 + g.next(53))] }
            let children =
                kind == "alleenstaande-ouder"
                ? 1 + g.next(3) : (kind == "samenwonend" ? g.next(3) : 0)
            for i in 0..<children { a += ["--kind", String(i == 0 ? g.next(18) : g.next(22))] }
            if g.next(3) == 0 { a += ["--kostendelers", String(1 + g.next(2))] }
            if g.next(2) == 0 { a += ["--huur", "\(450 + g.next(400)),00"] }
            if g.next(4) == 0 { a += ["--reiskosten", "\(g.next(80)),50"] }
            out.append(Case(args: a, month: month))
        }
        return out + twoJobCases(out, seed: seed) + payDateCases(out, seed: seed)
    }

    /// Amsterdam's municipality file with the pay-date method (`betaaldatum`) for four-weekly
    /// and weekly pay, written once to a temporary file for the views' `--gemeente`.
    static let payDateMunicipalityText: String =
        (MunicipalityLoader.builtIn["amsterdam"] ?? "").replacingOccurrences(
            of: "\"waarde\": \"dertien-twaalfde\"", with: "\"waarde\": \"betaaldatum\"")
    static let payDateMunicipalityPath: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kompas-cross-betaaldatum-\(ProcessInfo.processInfo.processIdentifier).json")
        try? payDateMunicipalityText.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }()

    /// The municipality a generated case names (`--gemeente`), else Amsterdam.
    static func municipality(_ c: Case) throws -> MunicipalityFile {
        if c.args.contains(payDateMunicipalityPath) {
            return try MunicipalityLoader.decode(
                Data(payDateMunicipalityText.utf8), name: "betaaldatum")
        }
        return try #require(try MunicipalityLoader.builtIn("amsterdam"))
    }

    /// Issue 15 (extra paydays): every fourth case again, paid every four weeks.
    ///
    /// With a known pay date (`--loondatum`), in Amsterdam (× 13 / 12: the average) or in a
    /// municipality that counts pay when it is paid (the month with two paydays counts both); one
    /// in three of the latter without a pay date (the average, marked). Half the pay dates fall
    /// in the first three days of the month shown, so months with two paydays occur.
    static func payDateCases(_ base: [Case], seed: UInt64) -> [Case] {
        var g = Generator(state: seed &+ 2)
        var out: [Case] = []
        for (i, c) in base.enumerated() where i % 4 == 1 {
            var a = c.args
            if let k = a.firstIndex(of: "--frequentie"), k + 1 < a.count { a[k + 1] = "4weken" }
            let day = g.next(2) == 0 ? 1 + g.next(3) : 1 + g.next(28)
            let payDate = c.month.day(day).adding(days: 28 * (g.next(5) - 2))
            let payDateMunicipality = g.next(3) != 0
            if !payDateMunicipality || g.next(3) != 0 { a += ["--loondatum", payDate.description] }
            if payDateMunicipality { a += ["--gemeente", payDateMunicipalityPath] }
            out.append(Case(args: a, month: c.month))
        }
        return out
    }

    /// Issue 15 (work history): every fifth case again with a second job (`--baan`), from a
    /// generator of its own so the one-job cases above stay the same; the second job starts
    /// between the first job's start and the month shown, at its own pay frequency, with or
    /// without the tax credit (both employers applying it is a warning, not a different number).
    static func twoJobCases(_ base: [Case], seed: UInt64) -> [Case] {
        var g = Generator(state: seed &+ 1)
        let frequencies = ["maand", "4weken", "week"]
        var out: [Case] = []
        for (i, c) in base.enumerated() where i % 5 == 0 {
            guard let k = c.args.firstIndex(of: "--gestart"), k + 1 < c.args.count,
                let start = CalendarMonth.parse(c.args[k + 1])
            else { continue }
            let second = start.advanced(by: g.next(start.distance(to: c.month) + 1))
            var job = [
                "uren=\(2 + g.next(12))", "uurloon=1\(3 + g.next(5)),\(10 + g.next(90))",
                "frequentie=\(frequencies[g.next(3)])", "gestart=\(second)",
            ]
            if g.next(3) != 0 { job.append("zonder-loonheffingskorting") }
            if g.next(3) == 0 { job.append("gestopt=\(c.month.advanced(by: g.next(4)))") }
            out.append(Case(args: c.args + ["--baan", job.joined(separator: " ")], month: c.month))
        }
        return out
    }

    /// "€ 1.234,56" and "-€ 27,04" in Dutch text: the cents, unsigned.
    static func amounts(_ text: String) -> [Int64] {
        let t = text.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(
            of: "&#160;", with: " "
        ).replacingOccurrences(of: "\u{00A0}", with: " ")
        var out: [Int64] = []
        var rest = Substring(t)
        while let r = rest.range(of: "€") {
            var s = rest[r.upperBound...].drop { $0 == " " }
            var digits = ""
            while let c = s.first, c.isNumber || c == "." || c == "," {
                digits.append(c)
                s = s.dropFirst()
            }
            rest = s
            let d =
                digits.hasSuffix(",") || digits.hasSuffix(".") ? String(digits.dropLast()) : digits
            if let m = Money.parse(d) { out.append(abs(m.cents)) }
        }
        return out
    }

    static func allowed(_ r: CaseResult) -> Set<Int64> {
        var s = Set<Int64>()
        for m in r.months {
            for l in m.lines {
                s.insert(abs(l.amount.cents))
                // Money paid per quarter or year is shown as it is paid too (issue 22).
                if let p = l.perPeriod { s.insert(abs(p.cents)) }
            }
        }
        for e in r.events {
            for (_, m) in Engine.moneyArguments(e.message) { s.insert(abs(m.cents)) }
        }
        for l in r.sweepLines { s.insert(abs(l.amount.cents)) }
        return s
    }

    @Test(.timeLimit(.minutes(5))) func everyAmountShownIsAResultLineOfItsMonths() throws {
        var checked = 0
        var rowsChecked = 0
        var failures: [String] = []
        for c in Self.cases(count: 40, seed: 15) {
            let municipality = try Self.municipality(c)
            let parsed = try ArgumentParser(table: .standard).parse(["watals"] + c.args)
            let situation = try SituationReader.read(SituationFlags.values(parsed))
            let month = ["--maand", c.month.description]
            let watals = runKompas(["watals"] + month + c.args, today: "2026-12-01")
            guard watals.code == 0 else {
                // A month whose figures are not known is refused honestly, never shown as zero.
                #expect(watals.code == 65 && watals.out.isEmpty, "\(c): \(watals.err)")
                continue
            }
            let one = try Engine.evaluate(situation, months: [c.month], municipality: municipality)
            // The summary's evaluation: six months and its hours chart (0 to 40 hours by 4, or more).
            var options = EvaluationOptions()
            if case .hourly(let h, _)? = situation.job?.pay {
                options.sweep = (0, max(4_000, ((h + 399) / 400) * 400), 400)
            }
            let six = try Engine.evaluate(
                situation, months: (0..<6).map { c.month.advanced(by: $0) },
                municipality: municipality, options: options)
            var sweepOptions = EvaluationOptions()
            sweepOptions.sweep = (0, 4_000, 400)
            let swept = try Engine.evaluate(
                situation, months: [c.month], municipality: municipality, options: sweepOptions)
            let views: [(String, String, Set<Int64>)] = [
                ("watals", watals.out, Self.allowed(one)),
                (
                    "sweep",
                    runKompas(
                        ["watals"] + month + c.args + ["--van", "0", "--tot", "40", "--stap", "4"],
                        today: "2026-12-01"
                    ).out, Self.allowed(swept)
                ),
                (
                    "samenvatting",
                    runKompas(["samenvatting"] + month + c.args, today: "2026-12-01").out,
                    Self.allowed(six)
                ),
                (
                    "samenvatting klantmanager",
                    runKompas(
                        ["samenvatting", "--voor", "klantmanager"] + month + c.args,
                        today: "2026-12-01"
                    ).out,
                    Self.allowed(six)
                ),
                (
                    "samenvatting html",
                    runKompas(
                        ["samenvatting", "--formaat", "html"] + month + c.args, today: "2026-12-01"
                    ).out,
                    Self.allowed(six)
                ),
            ]
            // The same views in English: the same numbers, in another number format.
            let english: [(String, String, Set<Int64>)] = [
                (
                    "watals en", runKompas(["watals"] + month + c.args, language: "en").out,
                    Self.allowed(one)
                ),
                (
                    "samenvatting en",
                    runKompas(["samenvatting"] + month + c.args, language: "en").out,
                    Self.allowed(six)
                ),
            ]
            for (name, text, allowed) in views + english {
                #expect(!text.isEmpty, "\(name) printed nothing for \(c)")
                for a in Self.amounts(text) where !allowed.contains(a) {
                    failures.append("\(name): € \(Money(cents: a)) is not a result line — \(c)")
                }
            }
            // A row that names a month shows that month's lines, not another month's.
            for (name, text) in [
                ("samenvatting", views[2].1), ("samenvatting klantmanager", views[3].1),
                ("samenvatting en", english[1].1),
            ] {
                let (rows, wrong) = Self.rowFailures(text, six)
                rowsChecked += rows
                failures += wrong.map { "\(name): \($0) — \(c)" }
            }
            checked += 1
        }
        #expect(checked >= 10, "too few computable situations: \(checked)")
        #expect(rowsChecked >= checked * 6, "month rows not found: \(rowsChecked)")
        #expect(failures.isEmpty, "\(failures.prefix(12).joined(separator: "\n"))")
    }

    /// Month names as the tables write them (Dutch and English), lowercased.
    static let monthNames: [String: Int] = {
        var m: [String: Int] = [:]
        let nl = [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december",
        ]
        let en = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ]
        for (i, n) in nl.enumerated() { m[n] = i + 1 }
        for (i, n) in en.enumerated() { m[n] = i + 1 }
        return m
    }()

    /// The month a table row starts with ("December 2026  € 1.247,95 …"), if any.
    static func rowMonth(_ line: Substring) -> CalendarMonth? {
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let m = monthNames[words[0].lowercased()],
            let y = Int(words[1]), (2000...2100).contains(y)
        else { return nil }
        return CalendarMonth(index: y * 12 + m - 1)
    }

    /// Rows that start with a month and show an amount: how many, and each amount that is not a
    /// line of that very month (another month's number on the row fails too).
    static func rowFailures(_ text: String, _ r: CaseResult) -> (Int, [String]) {
        var rows = 0
        var wrong: [String] = []
        for line in text.split(separator: "\n") {
            guard let m = rowMonth(line) else { continue }
            let shown = amounts(String(line))
            guard !shown.isEmpty else { continue }
            rows += 1
            guard let month = r.month(m) else {
                wrong.append("row \(m) is not a month of the result")
                continue
            }
            let own = Set(month.lines.map { abs($0.amount.cents) })
            for a in shown where !own.contains(a) {
                wrong.append("row \(m): € \(Money(cents: a)) is not a line of \(m)")
            }
        }
        return (rows, wrong)
    }

    /// The guide's own screens (the first-run transcripts kept in `Fixtures/gids`, nl and en)
    /// show only result lines of the situation the guide was given.
    @Test func theGuideTranscriptShowsOnlyResultLines() throws {
        let municipality = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        // The transcript's answers: single, 34, rent 650, 16 hours at € 14,71, March 2026.
        let parsed = try ArgumentParser(table: .standard).parse([
            "watals", "--huishouden", "alleenstaande", "--leeftijd", "34", "--huur", "650",
            "--uren", "16", "--uurloon", "14,71", "--gestart", "2026-03",
        ])
        let situation = try SituationReader.read(SituationFlags.values(parsed))
        let month = CalendarMonth(index: 2026 * 12 + 2)
        let allowed = Self.allowed(
            try Engine.evaluate(situation, months: [month], municipality: municipality))
        for language in ["nl", "en"] {
            let text = try String(
                contentsOf: LocaleCatalog.repositoryRoot.appendingPathComponent(
                    "Fixtures/gids/eerste-keer.\(language).txt"), encoding: .utf8)
            let shown = Self.amounts(text)
            #expect(shown.count >= 20, "\(language): \(shown.count) amounts")
            let wrong = shown.filter { !allowed.contains($0) }.map { Money(cents: $0) }
            #expect(wrong.isEmpty, "\(language): not result lines: \(wrong)")
        }
    }

    @Test func aRowWithAnotherMonthsNumberFails() throws {
        let municipality = try #require(try MunicipalityLoader.builtIn("amsterdam"))
        let parsed = try ArgumentParser(table: .standard).parse([
            "watals", "--huishouden", "alleenstaande", "--leeftijd", "34", "--uren", "16",
            "--uurloon", "14,71", "--gestart", "2026-03",
        ])
        let situation = try SituationReader.read(SituationFlags.values(parsed))
        let from = CalendarMonth(index: 2026 * 12 + 7)
        let r = try Engine.evaluate(
            situation, months: [from, from.advanced(by: 1)], municipality: municipality)
        let aug = try #require(r.month(from)?.amount(.keep))
        let sep = try #require(r.month(from.advanced(by: 1))?.amount(.keep))
        #expect(aug != sep, "the exemption ends in September: the months differ")
        let nl = OneTruthTests.nl().format
        let good = "Augustus 2026  \(nl.money(aug))\nSeptember 2026  \(nl.money(sep))"
        #expect(Self.rowFailures(good, r) == (2, []))
        let swapped = "Augustus 2026  \(nl.money(sep))\nSeptember 2026  \(nl.money(aug))"
        // The old check (any month shown) let the swapped rows pass; the row check does not.
        #expect(Self.amounts(swapped).allSatisfy { Self.allowed(r).contains($0) })
        let wrong = Self.rowFailures(swapped, r).1
        #expect(wrong.contains { $0.hasPrefix("row 2026-09") }, "\(wrong)")
    }

    @Test func theAmountParserReadsDutchAmounts() {
        #expect(
            Self.amounts("Totaal € 3.149,52 en -€ 27,04; (€ 12,01).") == [314_952, 2_704, 1_201])
        #expect(Self.amounts("<td>€&nbsp;720,00</td>") == [72_000])
        #expect(Self.amounts("Gross €1,274.87, tax -€26.92.") == [127_487, 2_692])
    }
}
