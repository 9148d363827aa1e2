import KompasCore

/// A rule file that Kompas refuses: which file, which line, which parameter and date, and why.
///
/// Exit code 78 (configuration), like every invalid data file: a malformed file is refused as a
/// whole, nothing of it is mixed in (issue 16).
public struct RuleFileError: KompasError, Hashable {
    /// Why the file is refused.
    ///
    /// Each case has its own message (`regels.fout.*` in `Locales/`).
    public enum Reason: Sendable, Hashable {
        /// Not JSON; `detail` is the reader's English reason (shown only in `--json`).
        case syntax(detail: String)
        case missingField(String)
        /// The field has another JSON type than `expected` (tekst, getal, lijst, object).
        case wrongType(field: String, expected: String)
        case unknownField(String)
        case invalidDate(String)
        case unknownUnit(String)
        case unknownState(String)
        /// The value does not fit the parameter's unit (e.g. "12,50" for euro: write "12.50").
        case invalidValue(unit: String)
        /// A `verwacht` value without the rule that produced it.
        case missingRule
        /// A value without a source ("bron") or without the consolidated-text URL.
        case missingSource
        case duplicateID
        /// The dates of two values are not in order, or two values cover the same day.
        case overlap(previous: LocalDate)
        /// A value ends ("tot") before the next one starts: days without a figure.
        case gap(until: LocalDate)
        /// The file replaces a parameter Kompas does not know.
        case unknownParameter
        /// The file gives another unit than the built-in parameter has.
        case unitMismatch(expected: String)
        /// Two of the user's files give a figure for the same parameter on the same day.
        case conflict(otherFile: String)
        /// The figures were already in use when the files were installed (a bug, not the user's).
        case alreadyLoaded
    }
    public var file: String
    /// The line of the problem; 0 when it is not on one line, such as a conflict between files.
    public var line: Int
    public var parameter: String?
    public var date: LocalDate?
    public var reason: Reason

    public init(
        file: String, line: Int, parameter: String? = nil, date: LocalDate? = nil, reason: Reason
    ) {
        self.file = file
        self.line = line
        self.parameter = parameter
        self.date = date
        self.reason = reason
    }

    public var exitCode: ExitCode { reason == .alreadyLoaded ? .software : .configuration }

    /// The reason as a message key and arguments; the App puts file and line around it.
    public var message: Message {
        var args: Message.Arguments = [
            "bestand": .text(file), "regel": .number(line),
            "parameter": .text(parameter ?? "-"),
        ]
        if let d = date { args["datum"] = .date(d) }
        let key: String
        switch reason {
        case .syntax: key = "regels.fout.json"
        case .missingField(let f):
            key = "regels.fout.ontbreekt"
            args["veld"] = .text(f)
        case .wrongType(let f, let expected):
            key = "regels.fout.type"
            args["veld"] = .text(f)
            args["verwacht"] = .text(expected)
        case .unknownField(let f):
            key = "regels.fout.onbekendVeld"
            args["veld"] = .text(f)
        case .invalidDate(let raw):
            key = "regels.fout.datum"
            args["waarde"] = .text(raw)
        case .unknownUnit(let raw):
            key = "regels.fout.eenheid"
            args["waarde"] = .text(raw)
            args["toegestaan"] = .text(ParameterUnit.allNames)
        case .unknownState(let raw):
            key = "regels.fout.staat"
            args["waarde"] = .text(raw)
        case .invalidValue(let unit):
            key = "regels.fout.waarde"
            args["eenheid"] = .text(unit)
        case .missingRule: key = "regels.fout.geenRegel"
        case .missingSource: key = "regels.fout.geenBron"
        case .duplicateID: key = "regels.fout.dubbel"
        case .overlap(let previous):
            key = "regels.fout.overlap"
            args["vorige"] = .date(previous)
        case .gap(let until):
            key = "regels.fout.gat"
            args["tot"] = .date(until)
        case .unknownParameter: key = "regels.fout.onbekend"
        case .unitMismatch(let expected):
            key = "regels.fout.andereEenheid"
            args["verwacht"] = .text(expected)
        case .conflict(let other):
            key = "regels.fout.conflict"
            args["ander"] = .text(other)
        case .alreadyLoaded: key = "regels.fout.alGeladen"
        }
        return Message(key, args)
    }
}

extension ParameterUnit: CaseIterable {
    public static let allCases: [ParameterUnit] = [
        .eurosPerMonth, .eurosPerYear, .eurosPerHour, .eurosPerQuarter, .euros, .rate, .months,
        .years, .hours, .count, .table,
    ]
    /// The units as written in a rule file, for the error that lists them.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
    /// The unit is an amount of money (written as "1234.56").
    public var isMoney: Bool {
        switch self {
        case .eurosPerMonth, .eurosPerYear, .eurosPerHour, .eurosPerQuarter, .euros: return true
        default: return false
        }
    }
}

/// How often the law revises a figure, so the lint can tell a figure that must have a value for
/// the coming year from one that holds until the law changes.
public enum ParameterRevision: String, Sendable, Hashable {
    case halfYearly = "halfjaarlijks"
    case yearly = "jaarlijks"
    case byLaw = "bij wetswijziging"
}

/// One dated value as written in a rule file.
public struct RuleValueSpec: Sendable, Hashable {
    public var from: LocalDate
    /// The first day the value no longer holds ("tot", exclusive); nil: until the next value.
    public var until: LocalDate?
    /// nil: the parameter is not in force from `from` (JSON `null`).
    public var value: RuleJSON?
    public var state: ParameterState
    public var source: String
    public var url: String?
    public var verified: String
    public var rule: String?
    public var line: Int
}

/// One parameter as written in a rule file.
public struct RuleParameterSpec: Sendable, Hashable {
    public var id: String
    public var summary: String?
    public var unit: ParameterUnit?
    public var article: String?
    public var anchor: String?
    public var publication: String?
    public var revision: ParameterRevision?
    public var values: [RuleValueSpec]
    public var line: Int
}

/// A rule file: one law or regulation, its parameters with dated values (issue 16).
///
/// The format is described in `../notes/16/FORMAT.md` and the man page (FILES).
public struct RuleFile: Sendable, Hashable {
    public var name: String
    public var origin: ParameterOrigin
    public var title: String?
    public var bwb: String?
    public var parameters: [RuleParameterSpec]

    static let fileKeys: Set<String> = ["regeling", "bwb", "toelichting", "parameters"]
    static let parameterKeys: Set<String> = [
        "id", "omschrijving", "eenheid", "artikel", "anker", "publicatie", "herziening", "vorm",
        "waarden",
    ]
    static let valueKeys: Set<String> = [
        "vanaf", "tot", "waarde", "staat", "bron", "url", "verificatie", "regel",
    ]

    /// Reads and checks a rule file.
    ///
    /// A built-in file must give every field; a user's file may leave out what the built-in
    /// parameter already says (omschrijving, eenheid, artikel). Values are checked against the
    /// unit here, so a refused file never reaches a calculation.
    /// - Parameters:
    ///   - bytes: The file's content (UTF-8 JSON).
    ///   - name: The name shown in errors and `kompas regels` (file name or path).
    ///   - origin: Built in, or the user's.
    /// - Returns: The checked file.
    /// - Throws: ``RuleFileError`` with the line and the reason.
    public static func parse(_ bytes: [UInt8], name: String, origin: ParameterOrigin)
        throws(RuleFileError) -> RuleFile
    {
        let root: RuleJSON
        do {
            root = try RuleJSONReader.parse(bytes)
        } catch {
            throw RuleFileError(file: name, line: error.line, reason: .syntax(detail: error.reason))
        }
        var d = Decoder(file: name, builtIn: origin.isBuiltIn)
        return try d.file(root, origin: origin)
    }

    /// Checks the order of a parameter's values: ascending, no overlap, no gap.
    static func checkOrder(_ values: [RuleValueSpec], id: String, file: String)
        throws(RuleFileError)
    {
        for (a, b) in zip(values, values.dropFirst()) {
            if b.from <= a.from || (a.until.map { b.from < $0 } ?? false) {
                throw RuleFileError(
                    file: file, line: b.line, parameter: id, date: b.from,
                    reason: .overlap(previous: a.from))
            }
            if let u = a.until, b.from > u {
                throw RuleFileError(
                    file: file, line: a.line, parameter: id, date: u, reason: .gap(until: u))
            }
        }
        for v in values {
            if let u = v.until, u <= v.from {
                throw RuleFileError(
                    file: file, line: v.line, parameter: id, date: v.from,
                    reason: .overlap(previous: v.from))
            }
        }
    }
}

/// Decodes one file's JSON into the model, with the file name for every error.
private struct Decoder {
    let file: String
    let builtIn: Bool

    func fail(
        _ line: Int, _ reason: RuleFileError.Reason, _ id: String? = nil, _ d: LocalDate? = nil
    )
        -> RuleFileError
    {
        RuleFileError(file: file, line: line, parameter: id, date: d, reason: reason)
    }

    func members(_ v: RuleJSON, allowed: Set<String>, id: String?) throws(RuleFileError)
        -> [(key: String, value: RuleJSON, line: Int)]
    {
        guard case .object(let m, _) = v else {
            throw fail(v.line, .wrongType(field: id ?? "-", expected: "object"), id)
        }
        for entry in m where !allowed.contains(entry.key) {
            throw fail(entry.line, .unknownField(entry.key), id)
        }
        return m
    }

    func string(_ v: RuleJSON?, _ field: String, line: Int, id: String?, required: Bool)
        throws(RuleFileError) -> String?
    {
        guard let v else {
            if required { throw fail(line, .missingField(field), id) }
            return nil
        }
        guard case .string(let s, _) = v else {
            throw fail(v.line, .wrongType(field: field, expected: "tekst"), id)
        }
        if required && RuleValues.isBlank(s) {
            throw fail(v.line, .missingField(field), id)
        }
        return s
    }

    func date(_ v: RuleJSON?, _ field: String, line: Int, id: String, required: Bool)
        throws(RuleFileError) -> LocalDate?
    {
        guard let raw = try string(v, field, line: line, id: id, required: required) else {
            return nil
        }
        guard let d = RuleValues.date(raw) else {
            throw fail(v?.line ?? line, .invalidDate(raw), id)
        }
        return d
    }

    mutating func file(_ root: RuleJSON, origin: ParameterOrigin) throws(RuleFileError) -> RuleFile
    {
        let m = try members(root, allowed: RuleFile.fileKeys, id: nil)
        let get = { (k: String) in m.first { $0.key == k }?.value }
        let title = try string(
            get("regeling"), "regeling", line: root.line, id: nil, required: builtIn)
        let bwb = try string(get("bwb"), "bwb", line: root.line, id: nil, required: false)
        guard let list = get("parameters") else {
            throw fail(root.line, .missingField("parameters"))
        }
        guard case .array(let items, _) = list else {
            throw fail(list.line, .wrongType(field: "parameters", expected: "lijst"))
        }
        var params: [RuleParameterSpec] = []
        var seen = Set<String>()
        for item in items {
            let p = try parameter(item)
            if !seen.insert(p.id).inserted { throw fail(p.line, .duplicateID, p.id) }
            params.append(p)
        }
        return RuleFile(name: file, origin: origin, title: title, bwb: bwb, parameters: params)
    }

    func parameter(_ v: RuleJSON) throws(RuleFileError) -> RuleParameterSpec {
        let m = try members(v, allowed: RuleFile.parameterKeys, id: nil)
        let get = { (k: String) in m.first { $0.key == k }?.value }
        guard let id = try string(get("id"), "id", line: v.line, id: nil, required: true) else {
            throw fail(v.line, .missingField("id"))
        }
        let summary = try string(
            get("omschrijving"), "omschrijving", line: v.line, id: id, required: builtIn)
        var unit: ParameterUnit?
        if let raw = try string(get("eenheid"), "eenheid", line: v.line, id: id, required: builtIn)
        {
            guard let u = ParameterUnit(rawValue: raw) else {
                throw fail(get("eenheid")?.line ?? v.line, .unknownUnit(raw), id)
            }
            unit = u
        }
        let article = try string(get("artikel"), "artikel", line: v.line, id: id, required: builtIn)
        let anchor = try string(get("anker"), "anker", line: v.line, id: id, required: false)
        let publication = try string(
            get("publicatie"), "publicatie", line: v.line, id: id, required: false)
        _ = try string(get("vorm"), "vorm", line: v.line, id: id, required: false)
        var revision: ParameterRevision?
        if let raw = try string(
            get("herziening"), "herziening", line: v.line, id: id, required: builtIn)
        {
            guard let r = ParameterRevision(rawValue: raw) else {
                throw fail(
                    get("herziening")?.line ?? v.line,
                    .wrongType(
                        field: "herziening",
                        expected: "halfjaarlijks, jaarlijks of bij wetswijziging"), id)
            }
            revision = r
        }
        guard let list = get("waarden") else { throw fail(v.line, .missingField("waarden"), id) }
        guard case .array(let items, _) = list, !items.isEmpty else {
            throw fail(list.line, .wrongType(field: "waarden", expected: "lijst"), id)
        }
        var values: [RuleValueSpec] = []
        for item in items { values.append(try value(item, id: id, unit: unit)) }
        try RuleFile.checkOrder(values, id: id, file: file)
        return RuleParameterSpec(
            id: id, summary: summary, unit: unit, article: article, anchor: anchor,
            publication: publication, revision: revision, values: values, line: v.line)
    }

    func value(_ v: RuleJSON, id: String, unit: ParameterUnit?) throws(RuleFileError)
        -> RuleValueSpec
    {
        let m = try members(v, allowed: RuleFile.valueKeys, id: id)
        let get = { (k: String) in m.first { $0.key == k }?.value }
        guard let from = try date(get("vanaf"), "vanaf", line: v.line, id: id, required: true)
        else {
            throw fail(v.line, .missingField("vanaf"), id)
        }
        let until = try date(get("tot"), "tot", line: v.line, id: id, required: false)
        guard let raw = get("waarde") else { throw fail(v.line, .missingField("waarde"), id, from) }
        let value: RuleJSON? = { if case .null = raw { return nil } else { return raw } }()
        let source = try string(get("bron"), "bron", line: v.line, id: id, required: false) ?? ""
        if RuleValues.isBlank(source) {
            throw fail(v.line, .missingSource, id, from)
        }
        let url = try string(get("url"), "url", line: v.line, id: id, required: false)
        let verified =
            try string(get("verificatie"), "verificatie", line: v.line, id: id, required: false)
            ?? ""
        let rule = try string(get("regel"), "regel", line: v.line, id: id, required: false)
        var state = ParameterState.vastgesteld
        if let value {
            guard
                let rawState = try string(
                    get("staat"), "staat", line: v.line, id: id, required: true)
            else { throw fail(v.line, .missingField("staat"), id, from) }
            guard let s = ParameterState(rawValue: rawState) else {
                throw fail(get("staat")?.line ?? v.line, .unknownState(rawState), id, from)
            }
            state = s
            guard let u = url, u.hasPrefix("https://") else {
                throw fail(v.line, .missingSource, id, from)
            }
            if s == .verwacht && RuleValues.isBlank(rule ?? "") {
                throw fail(v.line, .missingRule, id, from)
            }
            if let unit, !RuleValues.fits(value, unit) {
                throw fail(value.line, .invalidValue(unit: unit.rawValue), id, from)
            }
        }
        return RuleValueSpec(
            from: from, until: until, value: value, state: state, source: source, url: url,
            verified: verified, rule: rule, line: v.line)
    }
}

/// Reads a rule file's value text for a unit, never through floating point.
///
/// Euro as "1234.56", percentages as "35.75" (percent, at most four decimals), counts as whole
/// numbers.
public enum RuleValues {
    /// Only spaces and tabs (or nothing): a missing source or rule.
    static func isBlank(_ s: String) -> Bool { s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// "2027-01-01" exactly (ten characters), read from the bytes: the files hold hundreds of dates.
    static func date(_ s: String) -> LocalDate? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else {
            return nil
        }
        return LocalDate(year: y, month: m, day: d)
    }

    /// The value has the shape its unit needs (a table is checked by the rule that reads it).
    public static func fits(_ v: RuleJSON, _ unit: ParameterUnit) -> Bool {
        switch unit {
        case .table:
            if case .array = v { return true }
            return false
        case .rate: return rate(v) != nil
        case .months, .years, .hours, .count: return integer(v) != nil
        default: return money(v) != nil
        }
    }

    /// Reads "1401.50" as € 1.401,50.
    ///
    /// Exactly two decimals, so "1401.5" and "1.401,50" are refused.
    public static func money(_ v: RuleJSON) -> Money? {
        guard case .string(let s, _) = v else { return nil }
        return cents(s).map { Money(cents: $0) }
    }

    /// The digits of "1401.50" (optionally "-"), read byte by byte.
    ///
    /// The files and the tax tables hold thousands of amounts; reading them through `Character`
    /// and its Unicode number property cost 13,500 instructions an amount (issue 23). Only ASCII
    /// digits count, as before (`RuleValuesByteReadingTests` compares both readings).
    static func cents(_ s: String) -> Int64? {
        var s = s
        return s.withUTF8 { b -> Int64? in
            var i = 0
            let negative = b.first == UInt8(ascii: "-")
            if negative { i = 1 }
            guard let whole = digits(b, &i, limit: 1_000_000_000_000), i < b.count,
                b[i] == UInt8(ascii: "."), b.count - i == 3
            else { return nil }
            i += 1
            guard let frac = digits(b, &i, limit: 100), i == b.count else { return nil }
            let c = whole * 100 + frac
            return negative ? -c : c
        }
    }

    /// The ASCII digits from `i` on (at least one), as a number below `limit`; `i` moves past them.
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, limit: Int64)
        -> Int64?
    {
        let start = i
        var n: Int64 = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            n = n * 10 + Int64(b[i] - 0x30)
            if n >= limit { return nil }
            i += 1
        }
        return i > start ? n : nil
    }

    /// "35.75" → 35,75 % (357.500 parts per million); at most four decimals.
    public static func rate(_ v: RuleJSON) -> Rate? {
        guard case .string(var s, _) = v else { return nil }
        return s.withUTF8 { b -> Rate? in
            var i = 0
            guard let whole = digits(b, &i, limit: 1_001) else { return nil }
            var ppm = whole * 10_000
            if i < b.count {
                guard b[i] == UInt8(ascii: ".") else { return nil }
                i += 1
                let start = i
                guard let n = digits(b, &i, limit: 10_000), i == b.count, i - start <= 4 else {
                    return nil
                }
                var scale: Int64 = 1
                for _ in 0..<(4 - (i - start)) { scale *= 10 }
                ppm += n * scale
            }
            return Rate(partsPerMillion: ppm)
        }
    }

    /// A whole number written as a JSON number (ages, months, hours).
    public static func integer(_ v: RuleJSON) -> Int? {
        guard case .number(let s, _) = v, !s.contains(".") else { return nil }
        return Int(s)
    }
}
