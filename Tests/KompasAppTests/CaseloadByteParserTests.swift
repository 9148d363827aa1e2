import Foundation
import KompasCore
import KompasSettlement
import KompasTestSupport
import Testing

/// Issue 23: the caseload parser reads a client's later rows from the bytes of the line.
///
/// What it reads must be exactly what the string-per-field reader reads, for every file: the fixtures,
/// generated caseloads, and the odd cases (quotes, CRLF, spaces, values only the general
/// readers accept, errors).
@Suite struct CaseloadByteParserTests {
    /// One read item as a comparable value.
    ///
    /// A client with every field, or a rejection with its findings.
    enum Read: Hashable {
        case client(
            id: String, line: Int, started: CalendarMonth?, rows: [PayslipRow], text: String)
        case bad(id: String, findings: [Finding])
    }

    /// Everything a parser reads from `text`, fed line by line as `verrekening --caseload` does.
    static func read(_ text: String, byteLevel: Bool) -> (items: [Read], missing: [String]?) {
        var parser = CaseloadParser(byteLevel: byteLevel)
        var items: [Read] = []
        func add(_ item: CaseloadItem?) {
            switch item {
            case .client(let c)?:
                items.append(
                    .client(
                        id: c.id, line: c.line, started: c.started, rows: c.payslips,
                        text: "\(c.situation)|\(c.household)"))
            case .bad(let id, let findings)?: items.append(.bad(id: id, findings: findings))
            case nil: break
            }
        }
        for (n, line) in CaseloadParser.lines(text).enumerated() {
            add(parser.feed(line, line: n + 1))
        }
        add(parser.finish())
        return (items, parser.missingColumns)
    }

    static func expectSame(_ text: String, _ comment: Comment? = nil) {
        let bytes = read(text, byteLevel: true)
        let strings = read(text, byteLevel: false)
        #expect(bytes.items == strings.items, comment)
        #expect(bytes.missing == strings.missing, comment)
    }

    @Test func theFixturesReadTheSame() throws {
        for name in [
            "caseload/klanten.csv", "loonstroken/vierwekelijks-2026.csv",
            "loonstroken/fouten.csv", "loonstroken/maandloon-2027.csv",
        ] {
            let data = try Data(contentsOf: TestSupport.path("Fixtures/" + name))
            let text = PayslipReader.text(data)
            let read = Self.read(text, byteLevel: true)
            #expect(!read.items.isEmpty, "\(name)")
            Self.expectSame(text, "\(name)")
            Self.expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"), "\(name), CRLF")
        }
    }

    @Test func aGeneratedCaseloadReadsTheSame() {
        let text = ParallelCaseloadTests.caseload(clients: 300)
        let read = Self.read(text, byteLevel: true)
        // Most rows are later rows of a client: the byte path is really taken.
        #expect(read.items.count > 290)
        Self.expectSame(text)
        Self.expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"), "CRLF")
        Self.expectSame(text.replacingOccurrences(of: ";", with: ","), "comma separated")
    }

    @Test func oddRowsReadTheSame() {
        let header =
            "klant;huishouden;leeftijd;gestart;betaaldatum;periode_van;periode_tot;netto;bruto;uren;vakantiegeld;vakantiegeld_gereserveerd;eindejaarsuitkering;werkgever;frequentie;loonheffingskorting\n"
        let first =
            "K1;alleenstaande;35;2026-01;2026-01-25;2026-01-01;2026-01-31;800,00;;;;;;W;maand;\n"
        let later = [
            // Plain values in every column.
            "K1;;;;2026-02-25;2026-02-01;2026-02-28;800,5;950.25;16;10;5,00;1;Winkel B.V.;maand;ja",
            // Spaces and tabs around values, a quoted field, a quoted separator and quote.
            "K1;;;; 2026-03-25 ;\t2026-03-01;2026-03-31 ;  800 ;;16,5;;;;\"Winkel; \"\"De Hoek\"\"\";maand;NEE",
            "\"K1\";;;;2026-04-25;2026-04-01;2026-04-30;800;;;;;;W;;",
            // Values only the general readers take, and wrong ones.
            "K1;;;;25-05-2026;2026-05-01;2026-05-31;1.234,56;1,234.56;16.25;;;;W;4weken;y",
            "K1;;;;2026-06-25;2026-06-01;2026-06-30;-5;;;;;;W;;",
            "K1;;;;2026-02-30;2026-06-01;2026-06-30;5;;;;;;W;;",
            "K1;;;;2026-07-25;2026-07-01;2026-07-31;5;;12345;;;;W;;",
            "K1;;;;2026-07-25;2026-07-01;2026-07-31;5;;16,;;;;W;;",
            "K1;;;;2026-07-25;2026-07-01;2026-07-31;5;;,5;;;;W;;",
            "K1;;;;2026-07-25;2026-07-01;2026-07-31;5,123;;;;;;W;;",
            "K1;;;;2026-07-25;2026-07-01;2026-07-31;1234567890123;;;;;;W;;",
            "K1;;;;2026-08-25;2026-08-01;2026-08-31;5;;;;;;W;jaarlijks;",
            "K1;;;;2026-08-25;2026-08-01;2026-08-31;5;;;;;;W;;misschien",
            "K1;;;;;2026-08-01;2026-08-31;5;;;;;;W;;",
            "K1;;;;2026-08-25;2026-08-01;2026-08-31;;;;;;;W;;",
            "K1;;;;2026-08-25;2026-08-01;2026-08-31;5;;;;;;W;;;extra",
            "K1;;;;2026-08-25;2026-08-01",
            "K1;;;;2026-09-25;2026-09-01;2026-09-30;5;;;;;;Café Zoë;;",
            "",
            "# a comment",
            "   ",
            "K2;samenwonend;40;;2026-01-25;2026-01-01;2026-01-31;800,00;;;;;;W;;",
            "K2 ;;;;2026-02-25;2026-02-01;2026-02-28;800,00;;;;;;W;;",
            // The same id in another Unicode form, and a client coming back.
            "Zoe\u{0301};samenwonend;40;;2026-01-25;2026-01-01;2026-01-31;800,00;;;;;;W;;",
            "Zo\u{00E9};;;;2026-02-25;2026-02-01;2026-02-28;800,00;;;;;;W;;",
            "K1;;;;2026-10-25;2026-10-01;2026-10-31;5;;;;;;W;;",
        ]
        for row in later {
            Self.expectSame(header + first + row + "\n" + first, "\(row)")
        }
        let all = header + first + later.joined(separator: "\n") + "\n"
        Self.expectSame(all)
        Self.expectSame(all.replacingOccurrences(of: "\n", with: "\r\n"), "CRLF")
        // A payslip column twice: the last filled one counts, so the string path reads it.
        Self.expectSame(
            "klant;leeftijd;betaaldatum;periode_van;periode_tot;netto;netto\n"
                + "K1;35;2026-01-25;2026-01-01;2026-01-31;1;2\nK1;;2026-02-25;2026-02-01;2026-02-28;3;\n"
        )
        // English column names.
        Self.expectSame(
            "client,age,pay_date,period_from,period_to,net,hours,tax_credit\n"
                + "K1,35,2026-01-25,2026-01-01,2026-01-31,1,16,yes\nK1,,2026-02-25,2026-02-01,2026-02-28,3,8,no\n"
        )
    }
}
