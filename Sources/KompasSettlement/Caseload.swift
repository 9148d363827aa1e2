import Foundation
import KompasCase
import KompasCore
import KompasIncome

/// One client of a klantmanager's caseload: household facts and payslips.
public struct CaseloadClient: Sendable {
    public var id: String
    /// The line the client starts on in the input file.
    public var line: Int
    public var household: Household
    public var started: CalendarMonth?
    public var payslips: [PayslipRow]
    /// The client's situation as the one reader read it: the engine settles each month from it,
    /// as `verrekening` does for one client.
    public var situation: Situation
}

/// A client read from the caseload file, or the reason it could not be used (with client id and line).
public enum CaseloadItem: Sendable {
    case client(CaseloadClient)
    case bad(id: String, findings: [Finding])
}

/// One row of the caseload output: one client, one month.
public struct CaseloadRow: Sendable, Hashable {
    public var client: String
    public var month: CalendarMonth
    public var income: Money
    public var exemption: Money
    public var counted: Money
    public var topUp: Money
    public var reserved: Money
    public var topUpPaid: Money
    /// The differences of earlier months settled on this month's payment (negative: taken off),
    /// as `verrekening` for the client tells them (issue 15).
    public var carried: Money

    /// Creates a row.
    public init(
        client: String, month: CalendarMonth, income: Money, exemption: Money, counted: Money,
        topUp: Money, reserved: Money, topUpPaid: Money, carried: Money
    ) {
        self.client = client
        self.month = month
        self.income = income
        self.exemption = exemption
        self.counted = counted
        self.topUp = topUp
        self.reserved = reserved
        self.topUpPaid = topUpPaid
        self.carried = carried
    }

    public static let columns = [
        "klant", "maand", "inkomen_centen", "vrijlating_centen", "meegeteld_centen",
        "aanvulling_centen",
        "vakantietoeslag_centen", "uitbetaald_centen", "verrekend_uit_eerdere_maanden_centen",
    ]
    public var cells: [String] {
        [client, month.description]
            + [income, exemption, counted, topUp, reserved, topUpPaid, carried].map {
                String($0.cents)
            }
    }
}

/// Reads a caseload file one line at a time, so memory does not grow with the number of clients.
///
/// CSV (`;` or `,`): a header row with `klant` and the household columns `huishouden`
/// (alleenstaande|alleenstaande-ouder|samenwonend), `leeftijd`, optional `leeftijd_partner`,
/// `kinderen` (ages separated by spaces or `|`), `kostendelers`, `gestart` (JJJJ-MM), then the
/// payslip columns of ``PayslipReader``. One row per payslip; a client's rows are consecutive;
/// the household columns are read from the client's first row.
///
/// JSON Lines: one client per line,
/// `{"klant":"K1","huishouden":"alleenstaande","leeftijd":35,"kinderen":[4],"gestart":"2026-01","loonstroken":[{…}]}`.
public struct CaseloadParser: Sendable {
    enum Format { case csv, jsonl }
    var format: Format?
    var header: [String] = []
    var sep: Character = ","
    var klantColumn: Int?
    var current:
        (id: String, line: Int, values: [String: String], rows: [PayslipRow], findings: [Finding])?
    var seen = Set<String>()

    public init() {}

    /// The columns a CSV caseload must have: without them no row can be a client (issue 18:
    /// such a file used to be read as zero clients and exit 0).
    public static let requiredColumns = ["klant", "leeftijd"] + PayslipReader.required

    /// After the header row of a CSV: the required columns it lacks (empty when none).
    ///
    /// Nil before the header and for JSON Lines, where each line is checked on its own.
    public var missingColumns: [String]? {
        format == .csv ? Self.requiredColumns.filter { !header.contains($0) } : nil
    }

    /// True once the input turned out to be JSON Lines.
    public var isJSONLines: Bool { format == .jsonl }

    /// The lines of a caseload text, split at each LF byte (a CR before it stays, ``feed(_:line:)``
    /// drops it).
    ///
    /// On the bytes (issue 23): splitting by `Character` walked the 71 MB of a city's caseload
    /// grapheme by grapheme, and never split a CRLF line, because `"\r\n"` is one `Character`.
    public static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let u = text.utf8
        var start = u.startIndex
        var i = u.startIndex
        while let nl = u[i...].firstIndex(of: 0x0A) {
            out.append(text[start..<nl])
            i = u.index(after: nl)
            start = i
        }
        out.append(text[start...])
        return out
    }

    /// Feeds one line (without its line ending); returns a client when one is complete.
    public mutating func feed(_ raw: Substring, line n: Int) -> CaseloadItem? {
        let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.utf8.first == 0x23 {
            return nil
        }
        if format == nil {
            if line.first == "{" {
                format = .jsonl
            } else {
                format = .csv
                sep = PayslipReader.separator(of: line)
                header = PayslipReader.fields(line, separator: sep).map { c in
                    let k = PayslipReader.normalize(c)
                    return [
                        "client": "klant", "household": "huishouden", "age": "leeftijd",
                        "partner_age": "leeftijd_partner",
                        "children": "kinderen", "cost_sharers": "kostendelers",
                        "started": "gestart",
                    ][k] ?? k
                }
                klantColumn = header.firstIndex(of: "klant")
                return nil
            }
        }
        if format == .jsonl { return jsonLine(line, n) }
        let f = PayslipReader.fields(line, separator: sep)
        guard f.count == header.count else {
            let item = flush()
            let id = f.first ?? "?"
            current = nil
            let bad = CaseloadItem.bad(
                id: id,
                findings: [
                    Finding(
                        ruleID: "klantenbestand.velden", level: .fout, line: n, column: 1,
                        message: Message(
                            "payslip.error.fieldCount",
                            ["found": .number(f.count), "expected": .number(header.count)]))
                ])
            return item ?? bad
        }
        let id = klantColumn.map { f[$0] } ?? ""
        var values: [String: String] = [:]
        values.reserveCapacity(header.count)
        let newClient = current?.id != id
        // Household columns are read from a client's first row only; later rows need the payslip columns.
        for (i, k) in header.enumerated()
        where !f[i].isEmpty && (newClient || PayslipReader.known.contains(k)) { values[k] = f[i] }
        var done: CaseloadItem? = nil
        if newClient {
            done = flush()
            current = (id, n, values, [], [])
            if !seen.insert(id).inserted {
                current?.findings.append(
                    Finding(
                        ruleID: "klantenbestand.niet-aaneengesloten", level: .fout, line: n,
                        column: 1,
                        message: Message("caseload.error.notContiguous", ["client": .text(id)])))
            }
        }
        switch PayslipReader.payslip(values, line: n) {
        case .success(let p): current?.rows.append(PayslipRow(line: n, payslip: p))
        case .failure(let e): current?.findings += e.findings
        }
        return done
    }

    /// The last client, at the end of the input.
    public mutating func finish() -> CaseloadItem? {
        let r = flush()
        current = nil
        return r
    }

    mutating func flush() -> CaseloadItem? {
        guard let c = current else { return nil }
        return Self.build(
            id: c.id, line: c.line, values: c.values, rows: c.rows, findings: c.findings)
    }

    func jsonLine(_ line: Substring, _ n: Int) -> CaseloadItem {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            return .bad(
                id: "?",
                findings: [
                    Finding(
                        ruleID: "klantenbestand.json", level: .fout, line: n, column: 1,
                        message: Message("payslip.error.json"))
                ])
        }
        var values: [String: String] = [:]
        for (k, v) in o where k != "loonstroken" && k != "payslips" {
            switch v {
            case let s as String: values[k] = s
            case let a as [Any]: values[k] = a.map { "\($0)" }.joined(separator: " ")
            case let num as NSNumber: values[k] = num.stringValue
            default: break
            }
        }
        let id = values["klant"] ?? values["client"] ?? "?"
        values["klant"] = id
        var slipsText = "[]"
        if let s = o["loonstroken"] ?? o["payslips"],
            let d = try? JSONSerialization.data(withJSONObject: s)
        {
            slipsText = String(decoding: d, as: UTF8.self)
        }
        let r = PayslipReader.readJSON(slipsText)
        let rows = r.rows.map { PayslipRow(line: n, payslip: $0.payslip) }
        let findings = r.findings.map {
            var f = $0
            f.line = n
            return f
        }
        return Self.build(id: id, line: n, values: values, rows: rows, findings: findings)
    }

    static func build(
        id: String, line: Int, values: [String: String], rows: [PayslipRow], findings: [Finding]
    ) -> CaseloadItem {
        var problems = findings
        if id.isEmpty {
            problems.append(
                Finding(
                    ruleID: "klantenbestand.klant", level: .fout, line: line, column: 1,
                    message: Message("payslip.error.missing", ["field": .text("klant")])))
        }
        // The household columns are the situation's fields: the one reader checks them, with the
        // same ranges and messages as flags, the profile and the guide.
        var fields: SituationValues = [:]
        for f in [
            SituationField.household, .age, .partnerAge, .children, .costSharers, .started,
            .extendedMonths,
        ] {
            if let v = values[f.rawValue] { fields[f] = [v] }
        }
        var situation: Situation?
        do {
            situation = try SituationReader.read(fields)
        } catch {
            problems.append(
                Finding(
                    ruleID: "klantenbestand.huishouden", level: .fout, line: line, column: 1,
                    message: error.message))
        }
        let check = PayslipValidator.validate(rows)
        problems += check.findings.filter { $0.level == .fout }
        guard !problems.contains(where: { $0.level == .fout }), let situation else {
            return .bad(id: id.isEmpty ? "?" : id, findings: problems)
        }
        return .client(
            CaseloadClient(
                id: id, line: line, household: situation.household, started: situation.workStarted,
                payslips: check.accepted, situation: situation))
    }
}

/// Running totals of a caseload run.
public struct CaseloadTotals: Sendable, Hashable {
    public var clients = 0
    public var rejected = 0
    public var rows = 0
    public var income = Money.zero
    public var topUp = Money.zero
    public var topUpPaid = Money.zero
    public var carried = Money.zero
    public init() {}
    public mutating func add(_ r: CaseloadRow) {
        rows += 1
        income += r.income
        topUp += r.topUp
        topUpPaid += r.topUpPaid
        carried += r.carried
    }
}
