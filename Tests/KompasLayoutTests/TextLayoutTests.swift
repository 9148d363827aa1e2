import Foundation
import Testing

@testable import KompasLayout

/// The layout's rules, each with an example that triggers it and one that does not.
@Suite struct DisplayWidthTests {
    @Test func countsColumnsNotCharacters() {
        #expect(DisplayWidth.of("Kompas") == 6)
        #expect(DisplayWidth.of("€ 1.234,56") == 10)
        // Styling takes no column.
        #expect(DisplayWidth.of("\u{1B}[1mKompas\u{1B}[0m") == 6)
        // A combining accent takes none; a precomposed one takes one.
        #expect(DisplayWidth.of("e\u{0301}en") == 3)
        #expect(DisplayWidth.of("één") == 3)
        // Wide characters take two.
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("█▓▒░") == 4)
        #expect(DisplayWidth.of("مرحبا") == 5)
    }
}

@Suite struct TextLayoutTests {
    func lines(_ s: String) -> [Substring] {
        s.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func breaksOnlyBetweenWords() {
        let text =
            "Kompas bewaart je gegevens op deze computer, versleuteld met een wachtwoord. Alleen jij kunt ze lezen, bijvoorbeeld als je wilt."
        let out = TextLayout(width: 40).wrap(text)
        #expect(lines(out).allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(out.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(out.contains("bijvoorbeeld"))
    }

    @Test func aLineThatFitsIsLeftAlone() {
        // Alignment spaces stay when the line fits (not triggering).
        let row = "  Brutoloon per maand         € 1.019,89"
        #expect(TextLayout(width: 40).fit(row) == row)
        // Too wide (triggering): wrapped, indent kept, no amount split.
        let wide = TextLayout(width: 30).fit(row)
        #expect(wide == "  Brutoloon per maand\n  € 1.019,89")
    }

    @Test func amountsStayWithTheirSign() {
        let text =
            "Je houdt dan ongeveer € 1.234,56 over, en je betaalt € -12,00 of -€ 14,67 terug."
        for width in 20...60 {
            let out = TextLayout(width: width).wrap(text)
            for line in lines(out) {
                #expect(!line.hasSuffix("€"), "width \(width): \(out)")
                #expect(DisplayWidth.of(line) <= width)
            }
            #expect(out.replacingOccurrences(of: "\n", with: " ") == text)
        }
        #expect(TextLayout.units("€ 1.234,56 nu") == ["€ 1.234,56", "nu"])
        #expect(TextLayout.units("-€ 14,67") == ["-€ 14,67"])
        // Seen at 40 columns in Polish: "(biała tabela)" then "*" alone on the next line.
        #expect(
            TextLayout.units("Loonheffing (witte tabel) *") == [
                "Loonheffing", "(witte", "tabel) *",
            ])
        #expect(TextLayout.units("a *b") == ["a", "*b"])
        #expect(TextLayout.units("€ -12,00") == ["€ -12,00"])
        #expect(TextLayout.units("deel (€ 568,55).") == ["deel", "(€ 568,55)."])
    }

    @Test func numbersKeepTheirUnitAndDatesStayWhole() {
        #expect(TextLayout.units("werk 16 uur per week") == ["werk", "16 uur", "per", "week"])
        #expect(TextLayout.units("vanaf 1 januari 2027.") == ["vanaf", "1 januari 2027."])
        #expect(TextLayout.units("in maart 2026 en") == ["in", "maart 2026", "en"])
        // Not triggering: a number before an ordinary word, a month name without a year.
        #expect(TextLayout.units("16 mensen") == ["16", "mensen"])
        #expect(TextLayout.units("art. 7 lid 1 onder a") == ["art. 7", "lid 1", "onder", "a"])
        #expect(TextLayout.units("lid van") == ["lid", "van"])
        #expect(TextLayout.units("mei is mooi") == ["mei", "is", "mooi"])
        let out = TextLayout(width: 20).wrap("Het nieuwe bedrag geldt vanaf 1 januari 2027.")
        #expect(out == "Het nieuwe bedrag\ngeldt vanaf\n1 januari 2027.")
    }

    @Test func aCommandToTypeStaysOnOneLine() {
        let text =
            "Je hebt de gemeente nog niet ingesteld. Doe dat met: kompas sync instellen --eindpunt URL"
        #expect(
            TextLayout(width: 40).wrap(text)
                == "Je hebt de gemeente nog niet ingesteld.\nDoe dat met:\nkompas sync instellen --eindpunt URL"
        )
        // Not triggering: "Kompas" in a sentence, and the sentence after a command.
        #expect(TextLayout.units("Kompas rekent het uit") == ["Kompas", "rekent", "het", "uit"])
        #expect(
            TextLayout.units("met kompas sync --json. Dan zie je")
                == ["met", "kompas sync --json.", "Dan", "zie", "je"])
        #expect(
            TextLayout.units("Start kompas opnieuw om verder te gaan.").count == 7)
    }

    @Test func recordsHangWhenTheyAreWrapped() {
        let l = TextLayout(width: 30)
        #expect(l.fit("bijstand.norm  € 1.401,50", indent: "  ") == "bijstand.norm  € 1.401,50")
        #expect(
            l.fit("bijstand.norm.alleenstaande  € 1.401,50  Participatiewet art. 21", indent: "  ")
                == "bijstand.norm.alleenstaande\n  € 1.401,50 Participatiewet\n  art. 21")
    }

    @Test func hyphenatedWordsMayBreakAfterTheHyphen() {
        let out = TextLayout(width: 24).wrap("Vraag ook de kinderopvang-toeslag aan.")
        #expect(out == "Vraag ook de\nkinderopvang-toeslag\naan.")
        let tight = TextLayout(width: 20).wrap("Aanvragen: kinderopvang-toeslag nu.")
        #expect(tight == "Aanvragen:\nkinderopvang-toeslag\nnu.")
        let split = TextLayout(width: 20).wrap("Ik vraag kinderopvang-toeslag aan.")
        #expect(split == "Ik vraag\nkinderopvang-toeslag\naan.")
        let after = TextLayout(width: 22).wrap("Ja, de langdurigheids-toeslag")
        #expect(after == "Ja, de langdurigheids-\ntoeslag")
        // Not triggering: a date and a negative amount are not hyphenated words.
        #expect(TextLayout.hyphenBreaks(Array("2026-01-01")) == [])
        #expect(TextLayout.hyphenBreaks(Array("-€")) == [])
        #expect(TextLayout.hyphenBreaks(Array("https://a-b.nl/x-y-z-w")) == [])
        #expect(TextLayout.hyphenBreaks(Array("top-up")) == [])
        #expect(TextLayout.hyphenBreaks(Array("doc.herhaald-woord")) == [])
        #expect(TextLayout.hyphenBreaks(Array("1caee01c-b46e-4318-a8f5-faa1e32e4a08)")) == [])
        #expect(
            TextLayout(width: 20).wrap("The municipality's top-up") == "The municipality's\ntop-up")
    }

    @Test func aURLLongerThanTheLineGetsItsOwnLineThenIsCutAndMarked() {
        let url = "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Hoofdstuk3"
        let out = TextLayout(width: 30).wrap("Bron: " + url + " (Participatiewet)")
        let ls = lines(out)
        #expect(ls[0] == "Bron:")
        #expect(ls.allSatisfy { DisplayWidth.of($0) <= 30 })
        let pieces = ls.dropFirst().prefix { $0.last == TextLayout.continuationMark }
        #expect(!pieces.isEmpty)
        let rejoined =
            pieces.map { String($0.dropLast()) }.joined()
            + ls[1 + pieces.count].split(separator: " ")[0]
        #expect(rejoined == url)
        // A URL that fits is never cut.
        let short = TextLayout(width: 40).wrap("Zie https://www.amsterdam.nl/bijstand")
        #expect(!short.contains(TextLayout.continuationMark))
    }

    @Test func listItemsHangUnderTheirText() {
        let item = TextLayout(width: 40).wrap(
            "- Je inkomstenformulier over februari 2026 moet uiterlijk 25 maart binnen zijn.")
        #expect(lines(item).dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        let choice = TextLayout(width: 40).wrap("  2. Ik woon alleen met mijn kind of kinderen")
        #expect(choice == "  2. Ik woon alleen met mijn kind of\n     kinderen")
        let label = TextLayout(width: 30).wrap(
            "Bijstandsnorm per maand voor een alleenstaande", first: "Norm: ", rest: "      ")
        #expect(label == ["Norm: Bijstandsnorm per maand", "      voor een alleenstaande"])
    }

    @Test func labelAndValue() {
        let l = TextLayout(width: 30)
        #expect(
            l.row("Netto", "€ 1.005,22") == "Netto" + String(repeating: " ", count: 15)
                + "€ 1.005,22")
        #expect(
            l.row("Aanvulling van de gemeente per maand", "€ 587,27")
                == "Aanvulling van de gemeente per\nmaand\n" + String(repeating: " ", count: 22)
                + "€ 587,27")
    }
}

@Suite struct TextTableTests {
    let table = TextTable(
        headers: ["Uren", "Bruto", "Netto", "Aanvulling gemeente", "Houd je over"],
        rows: [
            ["0", "0,00", "0,00", "1.401,50", "1.401,50"],
            ["16", "1.019,89", "1.005,22", "587,27", "1.672,91"],
        ])

    @Test func columnsWhenTheyFit() {
        let out = table.render(width: 80)
        #expect(out.count == 3)
        #expect(out[0] == "Uren     Bruto     Netto  Aanvulling gemeente  Houd je over")
        #expect(out[2].hasSuffix("1.672,91"))
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func manyColumnsGoInTwoPanelsBeforeTheyStack() {
        let wide = TextTable(
            headers: [
                "Uren", "Bruto", "Netto", "Vrijlating", "Aanvulling", "Toeslagen", "Regelingen",
                "Overhouden", "Kwijt",
            ],
            rows: [
                [
                    "16", "1.019,89", "1.005,22", "271,41", "587,27", "506,42", "14,17", "2.193,50",
                    "71 %",
                ]
            ])
        #expect(wide.columnFormWidth == 90)
        let at80 = wide.render(width: 80)
        #expect(at80.count == 5)
        #expect(at80[0].hasPrefix("Uren") && at80[3].hasPrefix("Uren"))
        #expect(at80[2] == "")
        #expect(at80.allSatisfy { DisplayWidth.of($0) <= 80 })
        // Not triggering: one panel at 100; blocks at 40 (panels would keep too few columns).
        #expect(wide.render(width: 100).count == 2)
        #expect(wide.render(width: 40)[0] == "Uren: 16")
    }

    @Test func headersWrapByWordsBeforeTheTableStacks() {
        let out = table.render(width: 48)
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 48 })
        #expect(out[0].contains("Aanvulling"))
        #expect(out[1].contains("gemeente"))
        #expect(out.count == 4)
    }

    @Test func stackedRowsWhenColumnsDoNotFit() {
        let out = table.render(width: 32)
        #expect(out.allSatisfy { DisplayWidth.of($0) <= 32 })
        #expect(out[0] == "Uren: 0")
        #expect(out.contains("  Aanvulling gemeente  1.401,50"))
        #expect(out.contains(""))
        #expect(out.contains("Uren: 16"))
        // Not stacked at 80.
        #expect(!table.render(width: 80).contains("Uren: 16"))
        // Narrower still: the label that leaves no room for its value stands above it.
        let narrow = table.render(width: 30)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(narrow[3...4] == ["  Aanvulling gemeente", "    1.401,50"])
        #expect(narrow[5] == "  Houd je over        1.401,50")
    }

    @Test func textValuesWrapUnderTheirColumnAndColumnsAlignByContent() {
        let rows = [
            ["Stadspas", "ja", "Verordening Stadspas Amsterdam en de regeling voor minima"],
            ["Kindtegoed", "€ 10,42", "Onderwijsconsument"],
        ]
        let headers = ["Regeling", "Bedrag", "Bron"]
        let t = TextTable(
            headers: headers, alignments: TextTable.alignments(headers: headers, rows: rows),
            rows: rows)
        #expect(t.alignments == [.left, .right, .left])
        #expect(
            TextTable.alignments(headers: ["a", "b"], rows: [["x", "€ 1,00"], ["y", "-€ 2,00"]])
                == [.left, .right])
        #expect(
            TextTable.alignments(
                headers: ["a", "b", "c"],
                rows: [
                    ["x", "€1,005.22", "Participatiewet art. 21"], ["y", "not known yet", "Wet"],
                ])
                == [.left, .right, .left])
        let out = t.render(width: 40)
        #expect(
            out == [
                "Stadspas", "  Bedrag  ja", "  Bron    Verordening Stadspas Amsterdam",
                "          en de regeling voor minima", "", "Kindtegoed", "  Bedrag  € 10,42",
                "  Bron    Onderwijsconsument",
            ])
    }

    @Test func labelAboveValueWhenEvenThatDoesNotFit() {
        let t = TextTable(
            headers: ["Klant", "Aanvulling die de gemeente uitbetaalt"],
            rows: [["klant-0001", "€ 1.234,56"]])
        let out = t.render(width: 24)
        #expect(
            out == ["klant-0001", "  Aanvulling die de", "  gemeente uitbetaalt", "    € 1.234,56"])
    }
}

/// Issue 24: Polish and Turkish amounts are amounts too (right-aligned in a table).
@Suite struct TranslatedAmountTests {
    @Test func polishAndTurkishAmountsAlignRight() {
        for s in [
            "1005,22\u{00A0}€", "12\u{00A0}345,00\u{00A0}€", "-12,00\u{00A0}€", "€1.005,22",
            "%12,5", "12,5%",
        ] {
            #expect(TextTable.isAmount(s), "\(s)")
        }
        for s in ["170,00\u{00A0}€ na rok", "tak", "€ ja"] {
            #expect(!TextTable.isAmount(s), "\(s)")
        }
        let a = TextTable.alignments(
            headers: ["Co", "Kwota"],
            rows: [["Pensja", "1005,22\u{00A0}€"], ["Razem", "12\u{00A0}345,00\u{00A0}€"]])
        #expect(a == [.left, .right])
    }
}

/// Issue 24: Arabic takes one column a letter; its vowel marks (harakat) take none, so a line of
/// vocalised Arabic is as wide as its letters; Polish and Turkish letters take one.
@Suite struct ArabicWidthTests {
    @Test func harakatTakeNoColumn() {
        #expect(DisplayWidth.of("مرحبا") == 5)
        #expect(DisplayWidth.of("مَرْحَبًا") == 5)
        #expect(DisplayWidth.of("العربية") == 7)
        #expect(DisplayWidth.of("zażółć gęślą") == 12 && DisplayWidth.of("Türkçe şğı") == 10)
        // 18 columns fit the narrowest layout (20), though the text has 28 scalars; twice does not.
        let text = "مَرْحَبًا بِكَ فِي كُومْبَاس"
        #expect(TextLayout(width: 20).wrap(text, first: "", rest: "") == [text])
        let lines = TextLayout(width: 20).wrap(text + " " + text, first: "", rest: "")
        #expect(lines == [text, text], "\(lines)")
    }
}

/// The quick path of ``DisplayWidth/of(_:)`` (issue 23) must measure what the general one does.
@Suite struct DisplayWidthQuickPathTests {
    static let simple: [Unicode.Scalar] = (0...0x2FFF).compactMap(Unicode.Scalar.init).filter(
        DisplayWidth.isSimpleNarrow)

    @Test func everySimpleScalarIsOneColumnAndItsOwnCharacter() {
        #expect(Self.simple.count > 700)
        for s in Self.simple {
            #expect(DisplayWidth.measured(String(s)) == 1, "U+\(String(s.value, radix: 16))")
            #expect("a\(s)b".count == 3 && "\(s)\(s)".count == 2, "U+\(String(s.value, radix: 16))")
        }
    }

    @Test func quickAndGeneralAgreeOnMixedText() {
        var generator = SystemRandomNumberGenerator()
        let extra: [Unicode.Scalar] = [
            "\u{301}", "\u{AD}", "\u{1B}", "[", "m", "\u{FE0F}", "\u{200D}", "世", "😀", "\u{600}",
        ]
        for round in 0..<2000 {
            let pool = round % 2 == 0 ? Self.simple : Self.simple + extra
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                        pool.randomElement(using: &generator)!
                    }))
            #expect(
                DisplayWidth.of(text) == DisplayWidth.measured(text),
                "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(DisplayWidth.of("€ 1.234,56 – “ok” ↩") == 19)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{AD}b") == 2)
    }
}
