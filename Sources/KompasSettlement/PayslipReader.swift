import Foundation
import KompasCore

/// A payslip read from a file, with the line it came from (for messages).
public struct PayslipRow: Sendable, Hashable {
    public var line: Int
    public var payslip: Payslip
    public init(line: Int, payslip: Payslip) {
        self.line = line
        self.payslip = payslip
    }
}

/// What reading a file gave: the rows that could be read and a finding for every row that could
/// not (with its line).
///
/// A bad row never stops the good rows from being read.
public struct PayslipReadResult: Sendable {
    public var rows: [PayslipRow]
    public var findings: [Finding]
    public var hasErrors: Bool { findings.contains { $0.level == .fout } }
}

/// Reads payslips from CSV or JSON bytes.
///
/// Pure: bytes in, rows and findings out.
///
/// CSV: a header row, then one payslip per line. Required columns `betaaldatum`, `periode_van`,
/// `periode_tot`, `netto`; optional `bruto`, `uren`, `vakantiegeld`, `vakantiegeld_gereserveerd`,
/// `eindejaarsuitkering`, `werkgever`, `frequentie`, `loonheffingskorting` (English names
/// `pay_date`, `period_from`, `period_to`, `net`, `gross`, `hours`, `holiday_pay`,
/// `holiday_pay_reserved`, `year_end_bonus`, `employer`, `frequency`, `tax_credit` also work).
/// Separator `;` or `,` (taken from the header row); fields may be quoted (RFC 4180). Amounts in
/// Dutch (`1.234,56`) or English (`1,234.56`) notation; dates `JJJJ-MM-DD` or `DD-MM-JJJJ`.
/// `vakantiegeld` and `eindejaarsuitkering` are the parts of `netto` that are holiday pay or bonus.
///
/// JSON: an array of objects with the same keys, or `{"loonstroken": [ … ]}`; amounts as strings
/// or numbers. Line numbers point at the `{` of each object.
public enum PayslipReader {
    static let aliases: [String: String] = [
        "pay_date": "betaaldatum", "paydate": "betaaldatum", "datum": "betaaldatum",
        "period_from": "periode_van", "period_start": "periode_van", "van": "periode_van",
        "period_to": "periode_tot", "period_end": "periode_tot", "tot": "periode_tot",
        "net": "netto", "gross": "bruto", "hours": "uren",
        "holiday_pay": "vakantiegeld", "holiday_pay_reserved": "vakantiegeld_gereserveerd",
        "year_end_bonus": "eindejaarsuitkering", "bonus": "eindejaarsuitkering",
        "employer": "werkgever", "frequency": "frequentie", "tax_credit": "loonheffingskorting",
    ]
    public static let required = ["betaaldatum", "periode_van", "periode_tot", "netto"]
    public static let known: Set<String> = Set(
        required + [
            "bruto", "uren", "vakantiegeld", "vakantiegeld_gereserveerd", "eindejaarsuitkering",
            "werkgever", "frequentie", "loonheffingskorting",
        ])

    public static func normalize(_ column: String) -> String {
        let c = column.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(
            of: " ", with: "_"
        ).replacingOccurrences(of: "-", with: "_")
        return aliases[c] ?? c
    }

    /// Decodes text: UTF-8 (a BOM is skipped), else Windows-1252 as spreadsheets on Windows save it.
    public static func text(_ data: Data) -> String {
        var d = data
        if d.starts(with: [0xEF, 0xBB, 0xBF]) { d = d.dropFirst(3) }
        if let s = String(data: d, encoding: .utf8) { return s }
        return String(data: d, encoding: .windowsCP1252) ?? String(decoding: d, as: UTF8.self)
    }

    /// Chooses CSV or JSON by the first non-blank character.
    public static func read(_ data: Data) -> PayslipReadResult {
        let s = text(data)
        if let c = s.first(where: { !$0.isWhitespace }), c == "[" || c == "{" { return readJSON(s) }
        return readCSV(s)
    }

    // MARK: CSV

    /// Splits one CSV line into fields (quotes as in RFC 4180; a doubled quote is a quote), each
    /// trimmed of spaces and tabs.
    ///
    /// A line without quotes takes a byte-level fast path (caseloads).
    public static func fields(_ line: Substring, separator: Character) -> [String] {
        if !line.utf8.contains(0x22), let sep = separator.asciiValue {
            var out: [String] = []
            out.reserveCapacity(16)
            for part in line.utf8.split(separator: sep, omittingEmptySubsequences: false) {
                out.append(trimmed(Substring(part)))
            }
            return out
        }
        var out: [String] = []
        var cur = ""
        var quoted = false
        var it = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" {
                            cur.append("\"")
                        } else {
                            quoted = false
                            pending = n
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    cur.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                out.append(cur)
                cur = ""
            } else {
                cur.append(c)
            }
        }
        out.append(cur)
        return out.map { trimmed(Substring($0)) }
    }

    /// Trims spaces and tabs without Foundation (hot path of large files).
    static func trimmed(_ s: Substring) -> String {
        let u = s.utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) ?? first
        return String(s[first...last])
    }

    /// `JJJJ-MM-DD` read from bytes, else the general parser (`DD-MM-JJJJ` too).
    static func parseDate(_ raw: String) -> LocalDate? {
        var u = raw.utf8.makeIterator()
        var digits: [Int] = []
        var n = 0
        digits.reserveCapacity(8)
        while let b = u.next() {
            n += 1
            if n == 5 || n == 8 {
                if b != 0x2D { return LocalDate.parse(raw) }
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return LocalDate.parse(raw) }
            digits.append(Int(b - 0x30))
        }
        guard n == 10 else { return LocalDate.parse(raw) }
        return LocalDate(
            year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
            month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// Plain amounts (`800`, `800,5`, `800.50`) read from bytes; anything else by ``Money/parse(_:)``.
    static func parseMoney(_ raw: String) -> Money? {
        var whole: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var inFrac = false
        var count = 0
        for b in raw.utf8 {
            count += 1
            if b >= 0x30 && b <= 0x39 {
                if inFrac {
                    fracDigits += 1
                    if fracDigits > 2 { return Money.parse(raw) }
                    frac = frac * 10 + Int64(b - 0x30)
                } else {
                    whole = whole * 10 + Int64(b - 0x30)
                    if count > 12 { return Money.parse(raw) }
                }
            } else if (b == 0x2C || b == 0x2E) && !inFrac && count > 1 {
                inFrac = true
            } else {
                return Money.parse(raw)
            }
        }
        if count == 0 || (inFrac && fracDigits == 0) { return Money.parse(raw) }
        if fracDigits == 1 { frac *= 10 }
        return Money(cents: whole * 100 + frac)
    }

    /// The separator of a header line: `;` when it has one, else `,`.
    public static func separator(of header: Substring) -> Character {
        header.contains(";") ? ";" : ","
    }

    public static func readCSV(_ s: String) -> PayslipReadResult {
        var rows: [PayslipRow] = []
        var findings: [Finding] = []
        var header: [String]? = nil
        var sep: Character = ","
        var lineNo = 0
        for raw in s.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let h = header else {
                sep = separator(of: line)
                let cols = fields(line, separator: sep).map(normalize)
                let missing = required.filter { !cols.contains($0) }
                if !missing.isEmpty {
                    findings.append(
                        Finding(
                            ruleID: "loonstrook.kolommen", level: .fout, line: lineNo, column: 1,
                            message: Message(
                                "payslip.error.columns",
                                ["missing": .text(missing.joined(separator: ", "))])))
                    return PayslipReadResult(rows: [], findings: findings)
                }
                for c in cols where !known.contains(c) && !c.isEmpty {
                    findings.append(
                        Finding(
                            ruleID: "loonstrook.onbekende-kolom", level: .waarschuwing,
                            line: lineNo, column: 1,
                            message: Message("payslip.warning.unknownColumn", ["column": .text(c)]))
                    )
                }
                header = cols
                continue
            }
            let f = fields(line, separator: sep)
            if f.count != h.count {
                let key =
                    f.count > h.count && sep == ","
                    ? "payslip.error.fieldCountComma" : "payslip.error.fieldCount"
                findings.append(
                    Finding(
                        ruleID: "loonstrook.velden", level: .fout, line: lineNo, column: 1,
                        message: Message(
                            key, ["found": .number(f.count), "expected": .number(h.count)])))
                continue
            }
            var values: [String: String] = [:]
            for (k, v) in zip(h, f) where !v.isEmpty { values[k] = v }
            switch payslip(values, line: lineNo) {
            case .success(let p): rows.append(PayslipRow(line: lineNo, payslip: p))
            case .failure(let list): findings += list.findings
            }
        }
        if header == nil {
            findings.append(
                Finding(
                    ruleID: "loonstrook.leeg", level: .fout, line: 1, column: 1,
                    message: Message("payslip.error.empty")))
        }
        return PayslipReadResult(rows: rows, findings: findings)
    }

    // MARK: JSON

    public static func readJSON(_ s: String) -> PayslipReadResult {
        let data = Data(s.utf8)
        guard let top = try? JSONSerialization.jsonObject(with: data) else {
            return PayslipReadResult(
                rows: [],
                findings: [
                    Finding(
                        ruleID: "loonstrook.json", level: .fout, line: 1, column: 1,
                        message: Message("payslip.error.json"))
                ])
        }
        let starts = objectLines(s)
        let list: [Any]
        let lines: [Int]
        if let a = top as? [Any] {
            list = a
            lines = starts.depth1
        } else if let o = top as? [String: Any],
            let a = (o["loonstroken"] ?? o["payslips"]) as? [Any]
        {
            list = a
            lines = starts.depth2
        } else {
            return PayslipReadResult(
                rows: [],
                findings: [
                    Finding(
                        ruleID: "loonstrook.json", level: .fout, line: 1, column: 1,
                        message: Message("payslip.error.jsonShape"))
                ])
        }
        var rows: [PayslipRow] = []
        var findings: [Finding] = []
        for (n, item) in list.enumerated() {
            let line = n < lines.count ? lines[n] : 1
            guard let o = item as? [String: Any] else {
                findings.append(
                    Finding(
                        ruleID: "loonstrook.json", level: .fout, line: line, column: 1,
                        message: Message("payslip.error.jsonShape")))
                continue
            }
            var values: [String: String] = [:]
            for (k, v) in o {
                let key = normalize(k)
                switch v {
                case let str as String: if !str.isEmpty { values[key] = str }
                case let b as Bool where key == "loonheffingskorting":
                    values[key] = b ? "ja" : "nee"
                case let num as NSNumber:
                    values[key] =
                        key == "loonheffingskorting"
                        ? (num.boolValue ? "ja" : "nee") : num.stringValue
                case is NSNull: break
                default: values[key] = "\(v)"
                }
            }
            switch payslip(values, line: line) {
            case .success(let p): rows.append(PayslipRow(line: line, payslip: p))
            case .failure(let list): findings += list.findings
            }
        }
        return PayslipReadResult(rows: rows, findings: findings)
    }

    /// Lines of the `{` that open objects at depth 1 (inside a top-level array) and depth 2.
    static func objectLines(_ s: String) -> (depth1: [Int], depth2: [Int]) {
        var d1: [Int] = []
        var d2: [Int] = []
        var depth = 0
        var line = 1
        var inString = false
        var escaped = false
        for b in s.utf8 {
            if b == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if b == 0x5C {
                    escaped = true
                } else if b == 0x22 {
                    inString = false
                }
                continue
            }
            switch b {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                if b == 0x7B && depth == 1 { d1.append(line) }
                if b == 0x7B && depth == 2 { d2.append(line) }
                depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        return (d1, d2)
    }

    // MARK: One row

    public struct Problems: Error, Sendable { public var findings: [Finding] }

    /// Builds a payslip from named values, or the findings that say what is wrong (all at once).
    public static func payslip(_ v: [String: String], line: Int) -> Result<Payslip, Problems> {
        var problems: [Finding] = []
        func bad(_ field: String, _ value: String, _ expect: String) {
            problems.append(
                Finding(
                    ruleID: "loonstrook.waarde", level: .fout, line: line, column: 1,
                    message: Message(
                        "payslip.error.value",
                        [
                            "field": .text(field), "value": .text(value),
                            "expected": .message(Message(expect)),
                        ])))
        }
        func date(_ k: String) -> LocalDate? {
            guard let raw = v[k] else {
                problems.append(
                    Finding(
                        ruleID: "loonstrook.ontbreekt", level: .fout, line: line, column: 1,
                        message: Message("payslip.error.missing", ["field": .text(k)])))
                return nil
            }
            guard let d = parseDate(raw) else {
                bad(k, raw, "expect.date")
                return nil
            }
            return d
        }
        func money(_ k: String) -> Money? {
            guard let raw = v[k] else { return nil }
            guard let m = parseMoney(raw), m >= .zero else {
                bad(k, raw, "expect.amount")
                return nil
            }
            return m
        }
        let pay = date("betaaldatum")
        let from = date("periode_van")
        let to = date("periode_tot")
        let net = money("netto")
        if v["netto"] == nil {
            problems.append(
                Finding(
                    ruleID: "loonstrook.ontbreekt", level: .fout, line: line, column: 1,
                    message: Message("payslip.error.missing", ["field": .text("netto")])))
        }
        let gross = money("bruto")
        let holiday = money("vakantiegeld")
        let reserved = money("vakantiegeld_gereserveerd")
        let bonus = money("eindejaarsuitkering")
        var hours: Int? = nil
        if let raw = v["uren"] {
            if let h = parseHours(raw) { hours = h } else { bad("uren", raw, "expect.hours") }
        }
        var freq: PayslipFrequency? = nil
        if let raw = v["frequentie"] {
            if let f = PayslipFrequency.parse(raw) {
                freq = f
            } else {
                bad("frequentie", raw, "expect.frequency")
            }
        }
        var credit: Bool? = nil
        if let raw = v["loonheffingskorting"] {
            switch raw.lowercased() {
            case "ja", "yes", "true", "j", "y", "1": credit = true
            case "nee", "no", "false", "n", "0": credit = false
            default: bad("loonheffingskorting", raw, "expect.yesNo")
            }
        }
        guard problems.isEmpty, let pay, let from, let to, let net else {
            return .failure(Problems(findings: problems))
        }
        return .success(
            Payslip(
                employer: v["werkgever"] ?? "", payDate: pay, periodStart: from, periodEnd: to,
                frequency: freq ?? Payslip.inferredFrequency(from: from, to: to), gross: gross,
                net: net, hours: hours,
                holidayPayPaid: holiday ?? .zero, holidayPayReserved: reserved,
                yearEndBonus: bonus ?? .zero, taxCreditApplied: credit))
    }

    /// Hours as hundredths: `16`, `16,5`, `16.25`.
    public static func parseHours(_ raw: String) -> Int? {
        HoursText.hundredths(raw)
    }
}
