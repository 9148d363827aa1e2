import Foundation
import KompasCore
import KompasIncome
import KompasProvisions
import KompasSettlement

/// A policy choice of a municipality with its source and how sure we are of it.
///
/// Municipal policy
/// is not national law: every value says where it comes from and whether it was confirmed.
public struct PolicyValue<T: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var value: T
    /// Regulation or page the value comes from (CVDR number, municipal web page).
    public var source: String
    /// "geverifieerd op JJJJ-MM-DD …" or "te verifiëren: …".
    public var verified: String
    enum CodingKeys: String, CodingKey {
        case value = "waarde"
        case source = "bron"
        case verified = "geverifieerd"
    }
    public var toVerify: Bool { VerificationNote.isToVerify(verified) }
}

/// The municipality data file: the choices a municipality makes that the law leaves to it.
///
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
/// The optional `verrekening` section (issue 5) says how pay is settled per calendar month; see
/// ``SettlementSection``. Without it Kompas uses the most common method (×13/12, Divosa), marked
/// "te verifiëren". Sections for provisions (issue 4) are added next to these.
public struct MunicipalityFile: Codable, Sendable, Hashable {
    public var schema: Int
    public var id: String
    public var name: String
    public var income: IncomeSection
    public var settlement: SettlementSection

    /// How the municipality settles pay (`verrekening`).
    ///
    /// Holiday pay is `inkomen.vakantiegeld_maandelijks`.
    ///
    /// ```json
    /// "verrekening": {
    ///   "methode_vierwekelijks":    {"waarde": "dertien-twaalfde"},   // or "werkdagen", "betaaldatum"
    ///   "methode_wekelijks":        {"waarde": "werkdagen"},          // or "betaaldatum"
    ///   "methode_overig":           {"waarde": "werkdagen"},          // monthly and other pay
    ///   "eindejaarsuitkering":      {"waarde": "opbouwmaanden"},      // or "betaalmaand"
    ///   "stijl":                    {"waarde": "achteraf"},           // or "schatten"
    ///   "terugbetalen_maanden":     {"waarde": 6},                    // overpayment recovered over at most N months
    ///   "inkomstenformulier_dag":   {"waarde": 25},                   // form for a month due on this day of the next
    ///   "loonstrook_termijn_dagen": {"waarde": 14},                   // payslip due N days after its pay date
    ///   "bufferbudget":             {"waarde": "vereffenen"} }        // optional, from 2027: or "niet"
    /// ```
    /// (each value with `bron` and `geverifieerd`, like every policy value).
    public struct SettlementSection: Codable, Sendable, Hashable {
        public var fourWeekly: PolicyValue<String>
        public var weekly: PolicyValue<String>
        public var other: PolicyValue<String>
        public var yearEndBonus: PolicyValue<String>
        public var style: PolicyValue<String>
        public var recoveryMonths: PolicyValue<Int>
        public var incomeFormDay: PolicyValue<Int>
        public var payslipDays: PolicyValue<Int>
        /// Artikel 34b Pw (from 1-1-2027): "vereffenen" when the municipality settles an overpayment
        /// caused by income from work from the bufferbudget, "niet" when it does not; absent:
        /// unknown (the preview says it is possible and applies nothing).
        public var bufferBudget: PolicyValue<String>?
        enum CodingKeys: String, CodingKey {
            case fourWeekly = "methode_vierwekelijks"
            case weekly = "methode_wekelijks"
            case other = "methode_overig"
            case yearEndBonus = "eindejaarsuitkering"
            case style = "stijl"
            case recoveryMonths = "terugbetalen_maanden"
            case incomeFormDay = "inkomstenformulier_dag"
            case payslipDays = "loonstrook_termijn_dagen"
            case bufferBudget = "bufferbudget"
        }

        /// Used when a file has no `verrekening` section: Divosa's most common method, all "te verifiëren".
        public static let fallback: SettlementSection = {
            let src =
                "Kompas-standaard: Divosa, Werkwijzer verrekening parttime inkomsten (2019) §2.5, 'de meeste gemeenten'"
            let ver = "te verifiëren: het gemeentebestand heeft geen sectie verrekening"
            return SettlementSection(
                fourWeekly: PolicyValue(value: "dertien-twaalfde", source: src, verified: ver),
                weekly: PolicyValue(value: "werkdagen", source: src, verified: ver),
                other: PolicyValue(value: "werkdagen", source: src, verified: ver),
                yearEndBonus: PolicyValue(value: "opbouwmaanden", source: src, verified: ver),
                style: PolicyValue(value: "achteraf", source: src, verified: ver),
                recoveryMonths: PolicyValue(value: 1, source: src, verified: ver),
                incomeFormDay: PolicyValue(
                    value: 25, source: "Weert: 'uiterlijk de 25e' (rules-2026.md §3.2)",
                    verified: ver),
                payslipDays: PolicyValue(value: 14, source: src, verified: ver))
        }()

        var fields: [(String, String, String)] {
            [
                ("methode_vierwekelijks", fourWeekly.source, fourWeekly.verified),
                ("methode_wekelijks", weekly.source, weekly.verified),
                ("methode_overig", other.source, other.verified),
                ("eindejaarsuitkering", yearEndBonus.source, yearEndBonus.verified),
                ("stijl", style.source, style.verified),
                ("terugbetalen_maanden", recoveryMonths.source, recoveryMonths.verified),
                ("inkomstenformulier_dag", incomeFormDay.source, incomeFormDay.verified),
                ("loonstrook_termijn_dagen", payslipDays.source, payslipDays.verified),
            ] + (bufferBudget.map { [("bufferbudget", $0.source, $0.verified)] } ?? [])
        }
    }
    /// The municipality's provisions (minimaregelingen), in the shape of ``MunicipalProvision``; optional.
    public var provisions: [MunicipalProvision]
    /// Free help the municipality file names beside its own helpdesk and the Juridisch Loket;
    /// optional (`hulp`), nil when the file names none.
    public var freeHelp: FreeHelpSection?
    /// How many applications per period and what counts (`sollicitatieplicht`, issue 21);
    /// ``ApplicationDuty/unknown`` when the file says nothing.
    public var applicationDuty: ApplicationDuty = .unknown

    /// Where a client gets free help with a decision (issue 15 item 6).
    ///
    /// ```json
    /// "hulp": {
    ///   "sociaal_raadslieden": {
    ///     "waarde": {"naam": "Sociaal raadslieden …", "adres": "https://… or 020 …"},
    ///     "bron": "…", "geverifieerd": "…" } }
    /// ```
    /// Sociaal raadslieden give free advice on letters, benefits and objections; not every
    /// municipality has them, so Kompas names them only where the file does, with its source.
    public struct FreeHelpSection: Codable, Sendable, Hashable {
        public var socialAdvisers: PolicyValue<HelpContact>?
        enum CodingKeys: String, CodingKey {
            case socialAdvisers = "sociaal_raadslieden"
        }
        public init(socialAdvisers: PolicyValue<HelpContact>?) {
            self.socialAdvisers = socialAdvisers
        }
    }

    /// A place to ask for help: its name and how to reach it (a web address or phone number).
    public struct HelpContact: Codable, Sendable, Hashable {
        public var name: String
        public var address: String
        enum CodingKeys: String, CodingKey {
            case name = "naam"
            case address = "adres"
        }
        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    public struct IncomeSection: Codable, Sendable, Hashable {
        /// The college grants artikel 31 lid 2 onder n by default.
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
    enum CodingKeys: String, CodingKey {
        case schema, id
        case name = "naam"
        case income = "inkomen"
        case settlement = "verrekening"
        case provisions = "voorzieningen"
        case freeHelp = "hulp"
        case applicationDuty = "sollicitatieplicht"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        income = try c.decode(IncomeSection.self, forKey: .income)
        settlement = try c.decodeIfPresent(SettlementSection.self, forKey: .settlement) ?? .fallback
        provisions = try c.decodeIfPresent([MunicipalProvision].self, forKey: .provisions) ?? []
        freeHelp = try c.decodeIfPresent(FreeHelpSection.self, forKey: .freeHelp)
        applicationDuty =
            try c.decodeIfPresent(ApplicationDuty.self, forKey: .applicationDuty) ?? .unknown
    }

    /// The settlement engine's view of the choices (valid after ``MunicipalityLoader/decode(_:name:)``).
    public var settlementPolicy: SettlementPolicy {
        let s = settlement
        return SettlementPolicy(
            fourWeekly: AllocationMethod(rawValue: s.fourWeekly.value) ?? .dertienTwaalfde,
            weekly: AllocationMethod(rawValue: s.weekly.value) ?? .werkdagen,
            other: AllocationMethod(rawValue: s.other.value) ?? .werkdagen,
            yearEndBonus: BonusMethod(rawValue: s.yearEndBonus.value) ?? .opbouwmaanden,
            style: SettlementStyle(rawValue: s.style.value) ?? .achteraf,
            recoveryMonths: s.recoveryMonths.value, incomeFormDay: s.incomeFormDay.value,
            payslipDays: s.payslipDays.value, income: incomePolicy,
            bufferBudgetSettles: s.bufferBudget?.value == "vereffenen")
    }

    /// The engine's view of the income choices.
    public var incomePolicy: IncomePolicy {
        IncomePolicy(
            exemptionGrantedByDefault: income.exemptionGrantedByDefault.value,
            holidayPayCountedMonthly: income.holidayPayCountedMonthly.value,
            holidayAllowancePayMonth: income.holidayAllowancePayMonth.value)
    }

    /// Policy values still marked "te verifiëren", by field name, for the output's honesty note.
    public var unverifiedFields: [String] {
        var r: [String] = []
        if income.exemptionGrantedByDefault.toVerify { r.append("inkomen.vrijlating_standaard") }
        if income.holidayPayCountedMonthly.toVerify { r.append("inkomen.vakantiegeld_maandelijks") }
        if income.holidayAllowancePayMonth.toVerify { r.append("inkomen.vakantietoeslag_maand") }
        for (field, _, verified) in settlement.fields
        where VerificationNote.isToVerify(verified) { r.append("verrekening." + field) }
        return r
    }
}

/// A municipality file that cannot be used: which file, which field, why.
///
/// Exit code 78.
public struct MunicipalityFileError: KompasError, Equatable {
    public var file: String
    public var field: String
    public var reason: Message
    /// A complete message from the provisions loader, which already names file and field.
    public var provisionMessage: Message?
    public init(file: String, field: String, reason: Message, provisionMessage: Message? = nil) {
        self.file = file
        self.field = field
        self.reason = reason
        self.provisionMessage = provisionMessage
    }
    public var exitCode: ExitCode { .configuration }
    public var message: Message {
        provisionMessage
            ?? Message(
                "municipality.error.invalid",
                ["file": .text(file), "field": .text(field), "reason": .message(reason)])
    }
}

public enum MunicipalityLoader {
    public static let supportedSchema = 1

    /// Decodes and validates a municipality file.
    ///
    /// `name` is used in error messages.
    public static func decode(_ data: Data, name: String) throws(MunicipalityFileError)
        -> MunicipalityFile
    {
        let file: MunicipalityFile
        do {
            file = try JSONDecoder().decode(MunicipalityFile.self, from: data)
        } catch let e as DecodingError where path(Self.codingPath(e)).hasPrefix("voorzieningen") {
            // The provisions section has its own precise errors (unknown kind, bad amount, …).
            let pe = ProvisionLoader.map(e, fileName: name, pathPrefix: "")
            throw MunicipalityFileError(
                file: name, field: pe.field, reason: pe.message, provisionMessage: pe.message)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw MunicipalityFileError(
                file: name, field: path(ctx.codingPath + [key]),
                reason: Message("municipality.error.missing"))
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw MunicipalityFileError(
                file: name, field: path(ctx.codingPath), reason: Message("municipality.error.type"))
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw MunicipalityFileError(
                file: name, field: path(ctx.codingPath),
                reason: Message("municipality.error.missing"))
        } catch let DecodingError.dataCorrupted(ctx) {
            throw MunicipalityFileError(
                file: name, field: ctx.codingPath.isEmpty ? "(bestand)" : path(ctx.codingPath),
                reason: Message("municipality.error.notJSON"))
        } catch {
            throw MunicipalityFileError(
                file: name, field: "(bestand)", reason: Message("municipality.error.notJSON"))
        }
        do throws(ProvisionFileError) {
            try ProvisionLoader.validate(
                file.provisions, fileName: name, pathPrefix: "voorzieningen")
        } catch {
            throw MunicipalityFileError(
                file: name, field: error.field, reason: error.message,
                provisionMessage: error.message)
        }
        guard file.schema == supportedSchema else {
            throw MunicipalityFileError(
                file: name, field: "schema",
                reason: Message("municipality.error.schema", ["version": .number(supportedSchema)]))
        }
        guard (1...12).contains(file.income.holidayAllowancePayMonth.value) else {
            throw MunicipalityFileError(
                file: name, field: "inkomen.vakantietoeslag_maand.waarde",
                reason: Message("municipality.error.month"))
        }
        // Artikel 45 lid 1 Pw: paid in June at the latest, or earlier (issue 16: per law and per
        // municipality). The latest month comes from the rule files.
        if let latest = NormParameters.vakantietoeslagUiterlijk.history.last(where: {
            $0.value != nil
        })?.value, file.income.holidayAllowancePayMonth.value > latest {
            throw MunicipalityFileError(
                file: name, field: "inkomen.vakantietoeslag_maand.waarde",
                reason: Message("municipality.error.payMonthLate", ["latest": .number(latest)]))
        }
        for (field, pv) in [
            ("inkomen.vrijlating_standaard", file.income.exemptionGrantedByDefault.source),
            ("inkomen.vakantiegeld_maandelijks", file.income.holidayPayCountedMonthly.source),
            ("inkomen.vakantietoeslag_maand", file.income.holidayAllowancePayMonth.source),
        ] where pv.trimmingCharacters(in: .whitespaces).isEmpty {
            throw MunicipalityFileError(
                file: name, field: field + ".bron", reason: Message("municipality.error.noSource"))
        }
        try validateSettlement(file.settlement, name: name)
        try validateHelp(file.freeHelp, name: name)
        try validateDuty(file.applicationDuty, name: name)
        return file
    }

    /// The `sollicitatieplicht` section: a number from 1 to 50, a period of 1 to 13 weeks, known
    /// kinds of activity, and a source.
    static func validateDuty(_ d: ApplicationDuty, name: String) throws(MunicipalityFileError) {
        let field = "sollicitatieplicht"
        if let n = d.count, !(1...50).contains(n) {
            throw MunicipalityFileError(
                file: name, field: field + ".aantal",
                reason: Message(
                    "municipality.error.range", ["min": .number(1), "max": .number(50)]))
        }
        if let w = d.periodWeeks, !(1...13).contains(w) {
            throw MunicipalityFileError(
                file: name, field: field + ".periode_weken",
                reason: Message(
                    "municipality.error.range", ["min": .number(1), "max": .number(13)]))
        }
        let kinds = ActivityKind.allCases.map(\.rawValue)
        for k in d.counting where !kinds.contains(k) {
            throw MunicipalityFileError(
                file: name, field: field + ".telt_mee",
                reason: Message(
                    "municipality.error.choice",
                    ["value": .text(k), "allowed": .text(kinds.joined(separator: ", "))]))
        }
        if d.source.trimmingCharacters(in: .whitespaces).isEmpty {
            throw MunicipalityFileError(
                file: name, field: field + ".bron", reason: Message("municipality.error.noSource"))
        }
    }

    /// The `hulp` section: a name, a way to reach them and a source, none of them empty.
    static func validateHelp(_ h: MunicipalityFile.FreeHelpSection?, name: String)
        throws(MunicipalityFileError)
    {
        guard let advisers = h?.socialAdvisers else { return }
        let field = "hulp.sociaal_raadslieden"
        func blank(_ s: String) -> Bool {
            s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        if blank(advisers.value.name) {
            throw MunicipalityFileError(
                file: name, field: field + ".waarde.naam",
                reason: Message("municipality.error.empty"))
        }
        if blank(advisers.value.address) {
            throw MunicipalityFileError(
                file: name, field: field + ".waarde.adres",
                reason: Message("municipality.error.empty"))
        }
        if blank(advisers.source) {
            throw MunicipalityFileError(
                file: name, field: field + ".bron", reason: Message("municipality.error.noSource"))
        }
    }

    /// The `verrekening` section: known choices only (×13/12 is for four-weekly pay), numbers in range, sources given.
    static func validateSettlement(_ s: MunicipalityFile.SettlementSection, name: String)
        throws(MunicipalityFileError)
    {
        func choice(_ field: String, _ v: String, _ allowed: [String]) throws(MunicipalityFileError)
        {
            guard allowed.contains(v) else {
                throw MunicipalityFileError(
                    file: name, field: "verrekening.\(field).waarde",
                    reason: Message(
                        "municipality.error.choice",
                        ["value": .text(v), "allowed": .text(allowed.joined(separator: ", "))]))
            }
        }
        func range(_ field: String, _ v: Int, _ r: ClosedRange<Int>) throws(MunicipalityFileError) {
            guard r.contains(v) else {
                throw MunicipalityFileError(
                    file: name, field: "verrekening.\(field).waarde",
                    reason: Message(
                        "municipality.error.range",
                        ["min": .number(r.lowerBound), "max": .number(r.upperBound)]))
            }
        }
        try choice(
            "methode_vierwekelijks", s.fourWeekly.value, AllocationMethod.allCases.map(\.rawValue))
        try choice(
            "methode_wekelijks", s.weekly.value,
            [AllocationMethod.werkdagen.rawValue, AllocationMethod.betaaldatum.rawValue])
        try choice(
            "methode_overig", s.other.value,
            [AllocationMethod.werkdagen.rawValue, AllocationMethod.betaaldatum.rawValue])
        try choice(
            "eindejaarsuitkering", s.yearEndBonus.value, BonusMethod.allCases.map(\.rawValue))
        try choice("stijl", s.style.value, SettlementStyle.allCases.map(\.rawValue))
        try range("terugbetalen_maanden", s.recoveryMonths.value, 1...36)
        try range("inkomstenformulier_dag", s.incomeFormDay.value, 1...31)
        try range("loonstrook_termijn_dagen", s.payslipDays.value, 1...62)
        if let b = s.bufferBudget { try choice("bufferbudget", b.value, ["vereffenen", "niet"]) }
        for (field, source, _) in s.fields where source.trimmingCharacters(in: .whitespaces).isEmpty
        {
            throw MunicipalityFileError(
                file: name, field: "verrekening.\(field).bron",
                reason: Message("municipality.error.noSource"))
        }
    }

    static func codingPath(_ e: DecodingError) -> [CodingKey] {
        switch e {
        case .keyNotFound(let k, let c): return c.codingPath + [k]
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return c.codingPath
        @unknown default: return []
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    /// The municipalities built into this binary, by id.
    public static let builtIn: [String: String] = [
        "amsterdam": BuiltIn.amsterdam, "rotterdam": BuiltIn.rotterdam,
        "alphen-aan-den-rijn": BuiltIn.alphen,
    ]

    public static func builtIn(_ id: String) throws(MunicipalityFileError) -> MunicipalityFile? {
        guard let text = builtIn[id.lowercased()] else { return nil }
        return try decode(Data(text.utf8), name: "ingebouwd:\(id.lowercased())")
    }
}
