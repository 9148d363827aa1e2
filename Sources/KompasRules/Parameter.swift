import KompasCore

/// The unit of a parameter's value, for listings and the registry lint.
public enum ParameterUnit: String, Sendable, Codable {
    case eurosPerMonth = "euro/maand"
    case eurosPerYear = "euro/jaar"
    case eurosPerHour = "euro/uur"
    case eurosPerQuarter = "euro/kwartaal"
    case euros = "euro"
    case rate = "percentage"
    case months = "maanden"
    case years = "jaren"
    case hours = "uren"
    case count = "aantal"
    /// A structured value (a table of bands), read by the rule that owns it.
    case table = "tabel"

    /// A value in this unit as an argument for a message (money, rate or number): how a legal
    /// figure is shown, by the parameter's own unit (`regels`, the provisional notes, `--uitleg`).
    public func argument(_ raw: Int64) -> Message.Argument {
        switch self {
        case .rate: return .rate(Rate(partsPerMillion: raw))
        case .eurosPerMonth, .eurosPerYear, .eurosPerHour, .eurosPerQuarter, .euros:
            return .money(Money(cents: raw))
        default: return .number(Int(raw))
        }
    }
}

/// How settled a figure is (issue 16), shown with every amount that used it.
///
/// `vastgesteld`: published in the law or the Staatscourant. `voorlopig`: announced but not final
/// (the Prinsjesdag wage-tax rules, a start date from SZW's phasing). `verwacht`: not published
/// yet, produced by a documented rule (e.g. the last published figure carried forward).
public enum ParameterState: String, Sendable, Codable, Hashable, CaseIterable {
    case vastgesteld
    case voorlopig
    case verwacht
}

/// Where a figure came from: a rule file built into this version, or a file of the user's.
public enum ParameterOrigin: Sendable, Hashable, Codable {
    /// A file in `Sources/KompasRules/Regels/` (embedded in the binary).
    case builtIn(file: String)
    /// A file from `$XDG_CONFIG_HOME/kompas/regels/` or `--regels PAD`, by its path.
    case user(path: String)

    /// The file name or path, for `kompas regels`.
    public var file: String {
        switch self {
        case .builtIn(let f): return f
        case .user(let p): return p
        }
    }
    public var isBuiltIn: Bool {
        if case .builtIn = self { return true }
        return false
    }
}

/// A value a parameter can hold.
///
/// Money and Rate cover almost all law; Int covers ages and months.
public protocol ParameterValue: Sendable, Hashable {
    var listing: String { get }
    /// Cents, parts per million or the plain integer, for traces and machine output; nil for a
    /// structured value (a table), which is shown by its listing only.
    var rawValue: Int64? { get }
}
extension ParameterValue { public var rawValue: Int64? { nil } }
extension Money: ParameterValue {
    public var listing: String { "€" + description }
    public var rawValue: Int64? { cents }
}
extension Rate: ParameterValue {
    public var listing: String { description }
    public var rawValue: Int64? { partsPerMillion }
}
extension Int: ParameterValue {
    public var listing: String { String(self) }
    public var rawValue: Int64? { Int64(self) }
}

/// One dated value: valid from `from` until the next entry (or the explicit end).
public struct ParameterEntry<Value: ParameterValue>: Sendable {
    public var from: LocalDate
    /// `nil` means "no longer in force from this date" (OpenFisca's `value: null`).
    public var value: Value?
    /// Where this value was published (Staatscourant, Normenbrief, law text).
    public var source: String
    /// What we checked, or "te verifiëren" when the figure is not yet confirmed at its source.
    public var verified: String
    /// How settled the figure is; an ending entry keeps `.vastgesteld`.
    public var state: ParameterState = .vastgesteld
    /// The file the entry came from.
    public var origin: ParameterOrigin = .builtIn(file: "")
    /// The consolidated text of that date (wetten.overheid.nl), when known.
    public var url: String?
    /// For a `verwacht` figure: the rule that produced it, such as "doorgetrokken".
    public var rule: String?

    public init(
        from: LocalDate, value: Value?, source: String, verified: String,
        state: ParameterState = .vastgesteld, origin: ParameterOrigin = .builtIn(file: ""),
        url: String? = nil, rule: String? = nil
    ) {
        self.from = from
        self.value = value
        self.source = source
        self.verified = verified
        self.state = state
        self.origin = origin
        self.url = url
        self.rule = rule
    }

    public static func from(
        _ date: LocalDate, _ value: Value, source: String, verified: String = ""
    ) -> ParameterEntry {
        ParameterEntry(from: date, value: value, source: source, verified: verified)
    }
    /// Ends the parameter on this date: asking after it gives "not in force".
    public static func ended(_ date: LocalDate, source: String) -> ParameterEntry {
        ParameterEntry(from: date, value: nil, source: source, verified: "")
    }
}

/// Asking a parameter for a date outside its validity.
///
/// Shown as "niet van kracht", never as zero.
public struct NotInForce: KompasError, Hashable {
    public var parameterID: String
    public var date: LocalDate
    public init(parameterID: String, date: LocalDate) {
        self.parameterID = parameterID
        self.date = date
    }
    public var exitCode: ExitCode { .dataError }
    public var message: Message {
        Message("error.notInForce", ["id": .text(parameterID), "date": .date(date)])
    }
}

/// The fixed facts of one dated value of a parameter, for traces: id, unit, law, publication and
/// what was verified.
///
/// Immutable and shared.
public final class ParameterSource: Sendable {
    public let id: String
    public let unit: ParameterUnit
    public let reference: LegalReference
    public let source: String
    public let verified: String
    public let state: ParameterState
    public let origin: ParameterOrigin
    public let rule: String?
    public init(
        id: String, unit: ParameterUnit, reference: LegalReference, source: String,
        verified: String,
        state: ParameterState = .vastgesteld, origin: ParameterOrigin = .builtIn(file: ""),
        rule: String? = nil
    ) {
        self.id = id
        self.unit = unit
        self.reference = reference
        self.source = source
        self.verified = verified
        self.state = state
        self.origin = origin
        self.rule = rule
    }

    /// The figure is not final (`voorlopig` or `verwacht`), or it came from a file of the user's:
    /// every result that used it says so (issue 16).
    public var needsMark: Bool { state != .vastgesteld || !origin.isBuiltIn }
}

/// A legal parameter: dated values with sources, in OpenFisca's shape.
///
/// `value(on:)` returns the latest entry on or before the date; before the first entry,
/// or after an explicit end, it throws ``NotInForce``. It never returns zero for "unknown".
///
/// A class whose fields are all constants, so it behaves as a value: choosing between two
/// parameters (`single ? een : meer`) or keeping one in a local passes one pointer instead of
/// copying nine fields, on every step of every projection (issue 23).
public final class Parameter<Value: ParameterValue>: Sendable {
    public let id: String
    public let unit: ParameterUnit
    public let reference: LegalReference
    /// One line saying what the number is, in Dutch (shown by `kompas regels`).
    public let summary: String
    public let history: [ParameterEntry<Value>]
    /// What a trace says about each entry, made once and shared by reference: a trace step copies
    /// one pointer per parameter instead of seven strings (the hot path of a sweep).
    public let sources: [ParameterSource]

    public init(
        id: String, unit: ParameterUnit, reference: LegalReference, summary: String,
        history: [ParameterEntry<Value>]
    ) {
        self.id = id
        self.unit = unit
        self.reference = reference
        self.summary = summary
        self.history = history
        self.sources = history.map {
            var r = reference
            if let u = $0.url { r.url = u }
            return ParameterSource(
                id: id, unit: unit, reference: r, source: $0.source, verified: $0.verified,
                state: $0.state, origin: $0.origin, rule: $0.rule)
        }
    }

    /// The index of the entry in force on a date (nil before the first).
    @inlinable public func index(on date: LocalDate) -> Int? {
        var i = history.count - 1
        while i >= 0 {
            if history[i].from <= date { return i }
            i -= 1
        }
        return nil
    }

    @inlinable public func value(on date: LocalDate) throws(NotInForce) -> Value {
        guard let entry = entry(on: date), let v = entry.value else {
            throw NotInForce(parameterID: id, date: date)
        }
        return v
    }

    @inlinable public func value(in month: CalendarMonth) throws(NotInForce) -> Value {
        try value(on: month.firstDay)
    }

    /// Inlinable so callers in other modules get a specialised loop (no generic metadata lookups on
    /// the hot path of a projection).
    @inlinable public func entry(on date: LocalDate) -> ParameterEntry<Value>? {
        var i = history.count - 1
        while i >= 0 {
            if history[i].from <= date { return history[i] }
            i -= 1
        }
        return nil
    }
}

/// A type-erased view of a parameter, for listings (`kompas regels`) and the registry lint.
public struct ParameterDescriptor: Sendable {
    public struct Row: Sendable, Hashable {
        public var from: LocalDate
        public var value: String?
        public var source: String
        public var verified: String
        public var state: ParameterState
        public var origin: ParameterOrigin
        public var url: String?
        public var rule: String?
    }
    public let id: String
    public let unit: ParameterUnit
    public let reference: LegalReference
    public let summary: String
    public let rows: [Row]
    /// Cents/ppm/int of each row for machine output, nil when the row ends the parameter.
    public let rawValues: [Int64?]

    public init<V>(_ p: Parameter<V>) {
        id = p.id
        unit = p.unit
        reference = p.reference
        summary = p.summary
        rows = p.history.map {
            Row(
                from: $0.from, value: $0.value?.listing, source: $0.source, verified: $0.verified,
                state: $0.state, origin: $0.origin, url: $0.url, rule: $0.rule)
        }
        rawValues = p.history.map { $0.value.flatMap { $0.rawValue } }
    }

    /// The row in force on a date, or nil when not in force.
    public func row(on date: LocalDate) -> Row? {
        guard let r = rows.last(where: { $0.from <= date }), r.value != nil else { return nil }
        return r
    }
}
