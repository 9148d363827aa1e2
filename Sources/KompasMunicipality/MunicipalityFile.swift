import Foundation
import KompasCore
import KompasIncome
import KompasProvisions

/// A policy choice of a municipality with its source and how sure we are of it. Municipal policy
/// is not national law: every value says where it comes from and whether it was confirmed.
public struct PolicyValue<T: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var value: T
    /// Regulation or page the value comes from (CVDR number, municipal web page).
    public var source: String
    /// "geverifieerd op JJJJ-MM-DD …" or "te verifiëren: …".
    public var verified: String
    enum CodingKeys: String, CodingKey { case value = "waarde", source = "bron", verified = "geverifieerd" }
    public var toVerify: Bool { verified.lowercased().hasPrefix("te verifi") }
}

/// The municipality data file: the choices a municipality makes that the law leaves to it.
/// A municipality supplies its own file (`--gemeente PAD.json`, or `NAAM.json` in
/// `$XDG_CONFIG_HOME/kompas/gemeenten/`) without recompiling Kompas. Amsterdam is built in.
///
/// Shape (JSON, Dutch keys; `schema` is 1):
/// ```json
/// { "schema": 1, "id": "amsterdam", "naam": "Amsterdam",
///   "inkomen": {
///     "vrijlating_standaard":  {"waarde": true, "bron": "…", "geverifieerd": "…"},
///     "vakantiegeld_maandelijks": {"waarde": true, "bron": "…", "geverifieerd": "…"},
///     "vakantietoeslag_maand": {"waarde": 5, "bron": "…", "geverifieerd": "…"} } }
/// ```
/// Sections for settlement (issue 5) and provisions (issue 4) are added next to `inkomen`.
public struct MunicipalityFile: Codable, Sendable, Hashable {
    public var schema: Int
    public var id: String
    public var name: String
    public var income: IncomeSection
    /// The municipality's provisions (minimaregelingen), in the shape of ``MunicipalProvision``; optional.
    public var provisions: [MunicipalProvision]

    public struct IncomeSection: Codable, Sendable, Hashable {
        /// The college grants art. 31 lid 2 onder n by default.
        public var exemptionGrantedByDefault: PolicyValue<Bool>
        /// The employer's holiday pay is counted as an entitlement each month.
        public var holidayPayCountedMonthly: PolicyValue<Bool>
        /// The month the bijstand's vakantietoeslag is paid (1–12).
        public var holidayAllowancePayMonth: PolicyValue<Int>
        enum CodingKeys: String, CodingKey {
            case exemptionGrantedByDefault = "vrijlating_standaard"
            case holidayPayCountedMonthly = "vakantiegeld_maandelijks"
            case holidayAllowancePayMonth = "vakantietoeslag_maand"
        }
    }
    enum CodingKeys: String, CodingKey { case schema, id, name = "naam", income = "inkomen", provisions = "voorzieningen" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        income = try c.decode(IncomeSection.self, forKey: .income)
        provisions = try c.decodeIfPresent([MunicipalProvision].self, forKey: .provisions) ?? []
    }

    /// The engine's view of the income choices.
    public var incomePolicy: IncomePolicy {
        IncomePolicy(exemptionGrantedByDefault: income.exemptionGrantedByDefault.value,
                     holidayPayCountedMonthly: income.holidayPayCountedMonthly.value,
                     holidayAllowancePayMonth: income.holidayAllowancePayMonth.value)
    }

    /// Policy values still marked "te verifiëren", by field name, for the output's honesty note.
    public var unverifiedFields: [String] {
        var r: [String] = []
        if income.exemptionGrantedByDefault.toVerify { r.append("inkomen.vrijlating_standaard") }
        if income.holidayPayCountedMonthly.toVerify { r.append("inkomen.vakantiegeld_maandelijks") }
        if income.holidayAllowancePayMonth.toVerify { r.append("inkomen.vakantietoeslag_maand") }
        return r
    }
}

/// A municipality file that cannot be used: which file, which field, why. Exit code 78.
public struct MunicipalityFileError: KompasError, Equatable {
    public var file: String
    public var field: String
    public var reason: Message
    /// A complete message from the provisions loader, which already names file and field.
    public var provisionMessage: Message?
    public init(file: String, field: String, reason: Message, provisionMessage: Message? = nil) {
        self.file = file; self.field = field; self.reason = reason; self.provisionMessage = provisionMessage
    }
    public var exitCode: ExitCode { .configuration }
    public var message: Message {
        provisionMessage ?? Message("municipality.error.invalid", ["file": .text(file), "field": .text(field), "reason": .message(reason)])
    }
}

public enum MunicipalityLoader {
    public static let supportedSchema = 1

    /// Decodes and validates a municipality file. `name` is used in error messages.
    public static func decode(_ data: Data, name: String) throws(MunicipalityFileError) -> MunicipalityFile {
        let file: MunicipalityFile
        do {
            file = try JSONDecoder().decode(MunicipalityFile.self, from: data)
        } catch let e as DecodingError where path(Self.codingPath(e)).hasPrefix("voorzieningen") {
            // The provisions section has its own precise errors (unknown kind, bad amount, …).
            let pe = ProvisionLoader.map(e, fileName: name, pathPrefix: "")
            throw MunicipalityFileError(file: name, field: pe.field, reason: pe.message, provisionMessage: pe.message)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw MunicipalityFileError(file: name, field: path(ctx.codingPath + [key]), reason: Message("municipality.error.missing"))
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw MunicipalityFileError(file: name, field: path(ctx.codingPath), reason: Message("municipality.error.type"))
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw MunicipalityFileError(file: name, field: path(ctx.codingPath), reason: Message("municipality.error.missing"))
        } catch let DecodingError.dataCorrupted(ctx) {
            throw MunicipalityFileError(file: name, field: ctx.codingPath.isEmpty ? "(bestand)" : path(ctx.codingPath), reason: Message("municipality.error.notJSON"))
        } catch {
            throw MunicipalityFileError(file: name, field: "(bestand)", reason: Message("municipality.error.notJSON"))
        }
        do throws(ProvisionFileError) {
            try ProvisionLoader.validate(file.provisions, fileName: name, pathPrefix: "voorzieningen")
        } catch {
            throw MunicipalityFileError(file: name, field: error.field, reason: error.message, provisionMessage: error.message)
        }
        guard file.schema == supportedSchema else {
            throw MunicipalityFileError(file: name, field: "schema", reason: Message("municipality.error.schema", ["version": .number(supportedSchema)]))
        }
        guard (1...12).contains(file.income.holidayAllowancePayMonth.value) else {
            throw MunicipalityFileError(file: name, field: "inkomen.vakantietoeslag_maand.waarde", reason: Message("municipality.error.month"))
        }
        for (field, pv) in [("inkomen.vrijlating_standaard", file.income.exemptionGrantedByDefault.source),
                            ("inkomen.vakantiegeld_maandelijks", file.income.holidayPayCountedMonthly.source),
                            ("inkomen.vakantietoeslag_maand", file.income.holidayAllowancePayMonth.source)] where pv.trimmingCharacters(in: .whitespaces).isEmpty {
            throw MunicipalityFileError(file: name, field: field + ".bron", reason: Message("municipality.error.noSource"))
        }
        return file
    }

    static func codingPath(_ e: DecodingError) -> [CodingKey] {
        switch e {
        case .keyNotFound(let k, let c): return c.codingPath + [k]
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return c.codingPath
        @unknown default: return []
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    /// The municipalities built into this binary, by id.
    public static let builtIn: [String: String] = ["amsterdam": BuiltIn.amsterdam, "rotterdam": BuiltIn.rotterdam,
                                                   "alphen-aan-den-rijn": BuiltIn.alphen]

    public static func builtIn(_ id: String) throws(MunicipalityFileError) -> MunicipalityFile? {
        guard let text = builtIn[id.lowercased()] else { return nil }
        return try decode(Data(text.utf8), name: "ingebouwd:\(id.lowercased())")
    }
}
