import Foundation
import KompasSync

/// The JSON Schemas (draft 2020-12 vocabulary, the subset in ``SchemaValidator``) that each
/// object type's `record.data` must satisfy, as the Objecttypes API keeps one schema per object
/// type version.
///
/// Kept in the repository as literals so the binary carries them; served at
/// `GET /api/v2/objecttypes`. Amounts are integer cents (`…Cent`), months `JJJJ-MM`, dates `JJJJ-MM-DD`.
public enum ObjectSchemas {
    public static let monthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"

    /// `loonstrook`: a payslip.
    ///
    /// Extra fields are allowed: a payslip has many optional lines
    /// (allowances, holiday pay, deductions) and the payslip model may add more.
    public static let loonstrook = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "loonstrook",
          "type": "object",
          "required": ["werkgever", "periodeVan", "periodeTot", "nettoCent"],
          "properties": {
            "werkgever": {"type": "string", "minLength": 1, "maxLength": 200},
            "periodeVan": {"type": "string", "format": "date"},
            "periodeTot": {"type": "string", "format": "date"},
            "uitbetaaldOp": {"type": "string", "format": "date"},
            "brutoCent": {"type": "integer", "minimum": 0},
            "nettoCent": {"type": "integer", "minimum": 0},
            "urenHonderdsten": {"type": "integer", "minimum": 0},
            "periode": {"type": "string", "enum": ["week", "vierweken", "maand"]}
          },
          "additionalProperties": true
        }
        """

    /// `inkomstenopgave`: the monthly income statement for one calendar month.
    public static let inkomstenopgave = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "inkomstenopgave",
          "type": "object",
          "required": ["maand", "inkomstenCent"],
          "properties": {
            "maand": {"type": "string", "pattern": "\(monthPattern)"},
            "inkomstenCent": {"type": "integer", "minimum": 0},
            "loonstroken": {"type": "array", "items": {"type": "string", "pattern": "^[0-9a-f-]{36}$"}},
            "geenInkomsten": {"type": "boolean"},
            "opmerking": {"type": "string", "maxLength": 2000}
          },
          "additionalProperties": false
        }
        """

    /// `verrekening`: the municipality's settlement decision for a month (read-only for clients).
    public static let verrekening = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "verrekening",
          "type": "object",
          "required": ["maand", "bijstandCent", "besluitdatum"],
          "properties": {
            "maand": {"type": "string", "pattern": "\(monthPattern)"},
            "bijstandCent": {"type": "integer", "minimum": 0},
            "verrekendInkomenCent": {"type": "integer", "minimum": 0},
            "besluitdatum": {"type": "string", "format": "date"},
            "toelichting": {"type": "string", "maxLength": 4000}
          },
          "additionalProperties": false
        }
        """

    /// `bericht`: a message between the client and the contact person.
    public static let bericht = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "bericht",
          "type": "object",
          "required": ["van", "tekst"],
          "properties": {
            "van": {"type": "string", "enum": ["klant", "klantmanager"]},
            "afzender": {"type": "string", "maxLength": 200},
            "bereikbaar": {"type": "string", "maxLength": 200},
            "onderwerp": {"type": "string", "maxLength": 200},
            "tekst": {"type": "string", "minLength": 1, "maxLength": 4000}
          },
          "additionalProperties": false
        }
        """

    public static func source(_ type: ObjectType) -> String {
        switch type {
        case .loonstrook: loonstrook
        case .inkomstenopgave: inkomstenopgave
        case .verrekening: verrekening
        case .bericht: bericht
        case .sollicitatie: sollicitatie
        }
    }

    /// Parsed once; a schema that does not parse is a bug caught by the tests.
    public static let parsed: [ObjectType: JSONValue] = Dictionary(
        uniqueKeysWithValues: ObjectType.allCases.map {
            ($0, JSONValue.parse(Data(source($0).utf8)) ?? .null)
        })
}

/// A validator for the JSON Schema keywords the object types use: `type`, `required`,
/// `properties`, `additionalProperties` (boolean), `items`, `enum`, `pattern`, `format: date`,
/// `minimum`, `maximum`, `minLength`, `maxLength`.
///
/// An unknown keyword is ignored, as JSON Schema
/// says of annotations; the schemas above use no other assertion. Returns the first few errors as
/// JSON Pointer–like paths with a reason, never the offending value (it may be personal).
public enum SchemaValidator {
    public static func validate(
        _ value: JSONValue, against schema: JSONValue, path: String = "", errors: inout [String]
    ) {
        guard case .object(let s) = schema, errors.count < 10 else { return }
        let here = path.isEmpty ? "/" : path
        if let t = s["type"]?.stringValue, !matches(value, type: t) {
            errors.append("\(here): verwacht \(t)")
            return
        }
        if case .array(let options)? = s["enum"], !options.contains(value) {
            errors.append("\(here): geen toegestane waarde")
        }
        if case .string(let str) = value {
            let length = str.count
            if let m = s["minLength"]?.intValue, length < m { errors.append("\(here): te kort") }
            if let m = s["maxLength"]?.intValue, length > m { errors.append("\(here): te lang") }
            if let p = s["pattern"]?.stringValue, !Patterns.shared.matches(str, p) {
                errors.append("\(here): heeft niet de juiste vorm")
            }
            if s["format"]?.stringValue == "date", !isDate(str) {
                errors.append("\(here): geen geldige datum (JJJJ-MM-DD)")
            }
        }
        if let n = number(value) {
            if let m = s["minimum"].flatMap(number), n < m {
                errors.append("\(here): kleiner dan \(m)")
            }
            if let m = s["maximum"].flatMap(number), n > m {
                errors.append("\(here): groter dan \(m)")
            }
        }
        if case .array(let items) = value, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() {
                validate(item, against: itemSchema, path: "\(path)/\(i)", errors: &errors)
            }
        }
        if case .object(let o) = value {
            if case .array(let req)? = s["required"] {
                for case .string(let k) in req where o[k] == nil {
                    errors.append("\(path)/\(k): ontbreekt")
                }
            }
            let props = s["properties"]?.objectValue ?? [:]
            for (k, v) in o.sorted(by: { $0.key < $1.key }) {
                if let ps = props[k] {
                    validate(v, against: ps, path: "\(path)/\(k)", errors: &errors)
                } else if s["additionalProperties"] == .bool(false) {
                    errors.append("\(path)/\(k): onbekend veld")
                }
            }
        }
    }

    public static func validate(_ value: JSONValue, against schema: JSONValue) -> [String] {
        var e: [String] = []
        validate(value, against: schema, errors: &e)
        return e
    }

    static func matches(_ v: JSONValue, type: String) -> Bool {
        switch (type, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool),
            ("null", .null),
            ("integer", .integer), ("number", .integer), ("number", .number):
            true
        default: false
        }
    }

    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// RFC 3339 full-date, and a real calendar day (2026-02-30 is refused).
    static func isDate(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        guard s.count == 10, p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
            p[0].count == 4, p[1].count == 2, p[2].count == 2, (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}

/// The schemas' `pattern`s, each compiled once (issue 23: `range(of:options:.regularExpression)`
/// compiled the expression again for every string of every request).
///
/// The same search: the first match anywhere in the string, no options.
final class Patterns: @unchecked Sendable {
    static let shared = Patterns()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func matches(_ text: String, _ pattern: String) -> Bool {
        lock.lock()
        var regex = compiled[pattern]
        if regex == nil {
            regex = try? NSRegularExpression(pattern: pattern)
            compiled[pattern] = regex
        }
        lock.unlock()
        guard let regex else { return text.range(of: pattern, options: .regularExpression) != nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
