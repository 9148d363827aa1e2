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
    /// Read a client's later rows from the bytes of the line (issue 23); false: every row by the
    /// field strings, the reference the byte path is tested against.
    let byteLevel: Bool
    /// Where each payslip column is, resolved once from the header.
    var columns = ByteColumns()

    /// A parser.
    ///
    /// - Parameter byteLevel: False reads every row through field strings and a dictionary,
    ///   as before issue 23: the reference the tests compare the byte path with.
    public init(byteLevel: Bool = true) { self.byteLevel = byteLevel }

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
        var text = text
        // The offsets of the LF bytes in the contiguous UTF-8 (`withUTF8` makes it contiguous);
        // the generic index walk over `utf8` was 3 % of a caseload, on the one reading thread.
        let breaks: [Int] = text.withUTF8 { bytes in
            var found: [Int] = []
            found.reserveCapacity(bytes.count / 40)
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { found.append(offset) }
            return found
        }
        var out: [Substring] = []
        out.reserveCapacity(breaks.count + 1)
        let u = text.utf8
        var start = u.startIndex
        var startOffset = 0
        for offset in breaks {
            let nl = u.index(start, offsetBy: offset - startOffset)
            out.append(text[start..<nl])
            start = u.index(after: nl)
            startOffset = offset + 1
        }
        out.append(text[start...])
        return out
    }

    /// Feeds one line (without its line ending); returns a client when one is complete.
    public mutating func feed(_ raw: Substring, line n: Int) -> CaseloadItem? {
        feedDraft(raw, line: n)?.build()
    }

    /// Like ``feed(_:line:)``, but a complete client comes back as read, not yet checked.
    ///
    /// ``CaseloadDraft/build()`` checks its household and payslips, on whichever thread
    /// settles the client. The caseload's one reading thread bounded the run on two cores,
    /// and a quarter of its work was those checks (issue 23).
    public mutating func feedDraft(_ raw: Substring, line n: Int) -> CaseloadDraft? {
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
                columns = ByteColumns(header: header)
                return nil
            }
        }
        if format == .jsonl { return .ready(jsonLine(line, n)) }
        if byteLevel, columns.usable, let sepByte = sep.asciiValue,
            let added = line.utf8.withContiguousStorageIfAvailable({
                addLaterRow($0, separator: sepByte, line: n)
            }), added
        {
            return nil
        }
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
            return item ?? .ready(bad)
        }
        let id = klantColumn.map { f[$0] } ?? ""
        var values: [String: String] = [:]
        values.reserveCapacity(header.count)
        let newClient = current?.id != id
        // Household columns are read from a client's first row only; later rows need the payslip columns.
        for (i, k) in header.enumerated()
        where !f[i].isEmpty && (newClient || PayslipReader.known.contains(k)) { values[k] = f[i] }
        var done: CaseloadDraft? = nil
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

    /// Adds a row of the current client straight from the bytes of its line, without a string
    /// per field or a dictionary per row; the profile of a 41,000-client caseload spent 15 % there.
    ///
    /// Only for the common case: no quotes, the right number of fields, the same client as the
    /// row before, and every value in its plain form (`2026-03-31`, `1234,56`, `16`). Anything
    /// else returns false and the row is read by the field strings as before, so each message
    /// stays the one that path gives.
    mutating func addLaterRow(
        _ b: UnsafeBufferPointer<UInt8>, separator: UInt8, line n: Int
    ) -> Bool {
        guard let client = current, b.firstIndex(of: 0x22) == nil else { return false }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(header.count)
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == separator {
            var lo = start
            var hi = i
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            ranges.append(lo..<hi)
            start = i + 1
        }
        guard ranges.count == header.count else { return false }
        let idRange = klantColumn.map { ranges[$0] } ?? 0..<0
        guard client.id.utf8.elementsEqual(UnsafeBufferPointer(rebasing: b[idRange])) else {
            return false
        }
        let c = columns
        func field(_ column: Int?) -> UnsafeBufferPointer<UInt8>? {
            guard let column, !ranges[column].isEmpty else { return nil }
            return UnsafeBufferPointer(rebasing: b[ranges[column]])
        }
        func text(_ column: Int?) -> String? {
            field(column).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let pay = field(c.payDate).flatMap(ByteValues.date),
            let from = field(c.periodFrom).flatMap(ByteValues.date),
            let to = field(c.periodTo).flatMap(ByteValues.date),
            let net = field(c.net).flatMap(ByteValues.money)
        else { return false }
        // Each optional amount on its own (a list of four grew three times a row, issue 23).
        var unreadable = false
        func amount(_ column: Int?) -> Money? {
            guard let raw = field(column) else { return nil }
            guard let m = ByteValues.money(raw) else {
                unreadable = true
                return nil
            }
            return m
        }
        let gross = amount(c.gross)
        let holiday = amount(c.holiday)
        let reserved = amount(c.reserved)
        let bonus = amount(c.bonus)
        guard !unreadable else { return false }
        var hours: Int? = nil
        if let raw = field(c.hours) {
            guard let h = ByteValues.hours(raw) else { return false }
            hours = h
        }
        var frequency: PayslipFrequency? = nil
        if let raw = text(c.frequency) {
            guard let f = PayslipFrequency.parse(raw) else { return false }
            frequency = f
        }
        var credit: Bool? = nil
        if let raw = text(c.taxCredit) {
            switch raw.lowercased() {
            case "ja", "yes", "true", "j", "y", "1": credit = true
            case "nee", "no", "false", "n", "0": credit = false
            default: return false
            }
        }
        let payslip = Payslip(
            employer: text(c.employer) ?? "", payDate: pay, periodStart: from, periodEnd: to,
            frequency: frequency ?? Payslip.inferredFrequency(from: from, to: to),
            gross: gross, net: net, hours: hours,
            holidayPayPaid: holiday ?? .zero, holidayPayReserved: reserved,
            yearEndBonus: bonus ?? .zero, taxCreditApplied: credit)
        current?.rows.append(PayslipRow(line: n, payslip: payslip))
        return true
    }

    /// The last client, at the end of the input.
    public mutating func finish() -> CaseloadItem? { finishDraft()?.build() }

    /// Like ``finish()``, the client as read (see ``feedDraft(_:line:)``).
    public mutating func finishDraft() -> CaseloadDraft? {
        let r = flush()
        current = nil
        return r
    }

    mutating func flush() -> CaseloadDraft? {
        guard let c = current else { return nil }
        return .read(id: c.id, line: c.line, values: c.values, rows: c.rows, findings: c.findings)
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

/// A client as the parser read it, not yet checked (or an item already complete).
///
/// ``build()`` is pure: the same draft gives the same item on any thread.
public enum CaseloadDraft: Sendable {
    case ready(CaseloadItem)
    case read(
        id: String, line: Int, values: [String: String], rows: [PayslipRow], findings: [Finding])

    /// The client with its household read and payslips checked, or why it cannot be used.
    public func build() -> CaseloadItem {
        switch self {
        case .ready(let item): return item
        case .read(let id, let line, let values, let rows, let findings):
            return CaseloadParser.build(
                id: id, line: line, values: values, rows: rows, findings: findings)
        }
    }
}

/// The columns of the payslip fields in a caseload's header, for ``CaseloadParser``'s byte path.
struct ByteColumns: Sendable {
    var payDate: Int?
    var periodFrom: Int?
    var periodTo: Int?
    var net: Int?
    var gross: Int?
    var hours: Int?
    var holiday: Int?
    var reserved: Int?
    var bonus: Int?
    var employer: Int?
    var frequency: Int?
    var taxCredit: Int?
    /// False when a payslip column appears twice (the string path takes the last filled one).
    var usable = false

    init() {}

    init(header: [String]) {
        let known = header.filter { PayslipReader.known.contains($0) }
        usable = Set(known).count == known.count
        func at(_ name: String) -> Int? { header.firstIndex(of: name) }
        payDate = at("betaaldatum")
        periodFrom = at("periode_van")
        periodTo = at("periode_tot")
        net = at("netto")
        gross = at("bruto")
        hours = at("uren")
        holiday = at("vakantiegeld")
        reserved = at("vakantiegeld_gereserveerd")
        bonus = at("eindejaarsuitkering")
        employer = at("werkgever")
        frequency = at("frequentie")
        taxCredit = at("loonheffingskorting")
    }
}

/// Plain values read from bytes, exactly as ``PayslipReader``'s fast paths read them; nil for
/// anything else (the caller then reads the row by strings, with its messages).
enum ByteValues {
    /// `JJJJ-MM-DD` of a real date.
    static func date(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        var digits = (0, 0, 0)
        for (i, part) in [(0, 4), (5, 7), (8, 10)].enumerated() {
            var v = 0
            for j in part.0..<part.1 {
                let d = b[j] &- 0x30
                guard d <= 9 else { return nil }
                v = v * 10 + Int(d)
            }
            switch i {
            case 0: digits.0 = v
            case 1: digits.1 = v
            default: digits.2 = v
            }
        }
        return LocalDate(year: digits.0, month: digits.1, day: digits.2)
    }

    /// `800`, `800,5`, `800.50`: at most 12 whole digits, at most two decimals, not negative.
    static func money(_ b: UnsafeBufferPointer<UInt8>) -> Money? {
        var whole: Int64 = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var inFrac = false
        var count = 0
        for x in b {
            count += 1
            if x >= 0x30 && x <= 0x39 {
                if inFrac {
                    fracDigits += 1
                    if fracDigits > 2 { return nil }
                    frac = frac * 10 + Int64(x - 0x30)
                } else {
                    whole = whole * 10 + Int64(x - 0x30)
                    if count > 12 { return nil }
                }
            } else if (x == 0x2C || x == 0x2E) && !inFrac && count > 1 {
                inFrac = true
            } else {
                return nil
            }
        }
        if count == 0 || (inFrac && fracDigits == 0) { return nil }
        if fracDigits == 1 { frac *= 10 }
        return Money(cents: whole * 100 + frac)
    }

    /// Hours as ``HoursText`` reads them: 1–4 whole digits, a comma or point, 1–2 decimals.
    static func hours(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var whole = 0
        var wholeDigits = 0
        var frac = 0
        var fracDigits = 0
        var inFrac = false
        for x in b {
            if x >= 0x30 && x <= 0x39 {
                if inFrac {
                    fracDigits += 1
                    frac = frac * 10 + Int(x - 0x30)
                } else {
                    wholeDigits += 1
                    whole = whole * 10 + Int(x - 0x30)
                }
            } else if (x == 0x2C || x == 0x2E) && !inFrac {
                inFrac = true
            } else {
                return nil
            }
        }
        guard (1...4).contains(wholeDigits), !inFrac || (1...2).contains(fracDigits) else {
            return nil
        }
        return whole * 100 + (fracDigits == 1 ? frac * 10 : frac)
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
