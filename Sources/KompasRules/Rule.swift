import KompasCore

/// A parameter value as it was used in a calculation: which id, which value, from which date,
/// under which source.
///
/// Collected in a ``Trace`` so `--uitleg` can say where each amount came from.
public struct UsedParameter: Sendable, Hashable, Codable {
    /// The shared facts (id, unit, law, publication, verification) of the entry used.
    public let info: ParameterSource
    /// Cents, parts per million or a plain integer, as the parameter's unit says.
    public var raw: Int64
    public var from: LocalDate

    public var id: String { info.id }
    public var unit: ParameterUnit { info.unit }
    public var reference: LegalReference { info.reference }
    public var source: String { info.source }
    public var verified: String { info.verified }
    /// How settled the figure is (vastgesteld, voorlopig, verwacht).
    public var state: ParameterState { info.state }
    /// The built-in file or the user's file the figure came from.
    public var origin: ParameterOrigin { info.origin }
    /// The figure is not final or not built in: the result that used it must say so.
    public var needsMark: Bool { info.needsMark }

    @inlinable public init(info: ParameterSource, raw: Int64, from: LocalDate) {
        self.info = info
        self.raw = raw
        self.from = from
    }

    /// The entry of `p` that starts on `entry.from`, with its value.
    @inlinable public init<V: ParameterValue>(
        _ p: Parameter<V>, _ value: V, entry: ParameterEntry<V>
    ) {
        let i = p.history.firstIndex { $0.from == entry.from } ?? 0
        self.init(info: p.sources[i], raw: value.rawValue ?? 0, from: entry.from)
    }

    public static func == (a: UsedParameter, b: UsedParameter) -> Bool {
        a.id == b.id && a.raw == b.raw && a.from == b.from && a.source == b.source
    }
    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(raw)
        h.combine(from)
    }

    enum CodingKeys: String, CodingKey {
        case id, raw, unit, from, reference, source, verified, state, origin
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        info = ParameterSource(
            id: try c.decode(String.self, forKey: .id),
            unit: try c.decode(ParameterUnit.self, forKey: .unit),
            reference: try c.decode(LegalReference.self, forKey: .reference),
            source: try c.decode(String.self, forKey: .source),
            verified: try c.decode(String.self, forKey: .verified),
            state: try c.decodeIfPresent(ParameterState.self, forKey: .state) ?? .vastgesteld,
            origin: try c.decodeIfPresent(ParameterOrigin.self, forKey: .origin)
                ?? .builtIn(file: ""))
        raw = try c.decode(Int64.self, forKey: .raw)
        from = try c.decode(LocalDate.self, forKey: .from)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(raw, forKey: .raw)
        try c.encode(unit, forKey: .unit)
        try c.encode(from, forKey: .from)
        try c.encode(reference, forKey: .reference)
        try c.encode(source, forKey: .source)
        try c.encode(verified, forKey: .verified)
        try c.encode(state, forKey: .state)
        try c.encode(origin, forKey: .origin)
    }

    /// The value as an argument for a message (money, rate or number).
    public var argument: Message.Argument { unit.argument(raw) }

    /// True when the figure is not yet confirmed at its source (shown as "te verifiëren").
    public var toVerify: Bool { VerificationNote.isToVerify(verified) }
}

/// One step of a calculation: a sentence (as a message) and the parameters it used.
public struct TraceStep: Sendable, Hashable, Codable {
    public var message: Message
    public var parameters: [UsedParameter]
    public var reference: LegalReference?
    public init(
        _ message: Message, parameters: [UsedParameter] = [], reference: LegalReference? = nil
    ) {
        self.message = message
        self.parameters = parameters
        self.reference = reference
    }
}

/// Reads dated parameters for one date and remembers every value it handed out, so the caller can
/// put them in a ``TraceStep``.
///
/// Engines use one per calculation; nothing is global.
public struct ParameterReader: Sendable {
    public let date: LocalDate
    /// The parameters handed out since the last ``take()``.
    public var used: [UsedParameter] = []

    public init(_ date: LocalDate) { self.date = date }
    public init(_ month: CalendarMonth) { self.date = month.firstDay }

    /// The value in force on the reader's date; throws ``NotInForce`` otherwise (never zero).
    @inlinable public mutating func callAsFunction<V: ParameterValue>(_ p: Parameter<V>)
        throws(NotInForce) -> V
    {
        guard let i = p.index(on: date), let v = p.history[i].value else {
            throw NotInForce(parameterID: p.id, date: date)
        }
        let info = p.sources[i]
        if !used.contains(where: { $0.info === info }) {
            // A step uses a few figures: room for four at the first, instead of growing the list
            // from one (issue 23).
            if used.isEmpty { used.reserveCapacity(4) }
            used.append(UsedParameter(info: info, raw: v.rawValue ?? 0, from: p.history[i].from))
        }
        return v
    }

    /// Hands out the used parameters and starts a fresh list (for the next trace step).
    ///
    /// The list handed out keeps its storage and the reader starts without any: emptying a list
    /// that is shared with the one handed out made a new buffer at every step, also for steps
    /// that then read no figure (issue 23).
    public mutating func take() -> [UsedParameter] {
        let taken = used
        used = []
        return taken
    }
}

/// What an example expects: a value, "not in force on this date", or a typed error (by message key).
public enum ExpectedOutcome<Output: Sendable & Equatable>: Sendable {
    case value(Output)
    case notInForce
    case error(key: String)
}

/// A worked example of a rule: the documentation and the test in one (SwiftLint's examples,
/// OpenFisca's YAML tests).
///
/// `note` carries the hand calculation.
public struct RuleExample<Input: Sendable, Output: Sendable & Equatable>: Sendable {
    public var name: String
    public var month: CalendarMonth
    public var input: Input
    public var expected: ExpectedOutcome<Output>
    public var note: String
    public init(
        _ name: String, month: CalendarMonth, _ input: Input, _ expected: ExpectedOutcome<Output>,
        note: String = ""
    ) {
        self.name = name
        self.month = month
        self.input = input
        self.expected = expected
        self.note = note
    }
}

/// A legal rule: small, pure, one per file, with its source and its own worked examples.
///
/// When the law's *logic* changes, the rule gets a new dated branch next to the old one.
public protocol LegalRule: Sendable {
    associatedtype Input: Sendable
    associatedtype Output: Sendable & Equatable
    /// Stable id, e.g. `pw.vrijlating.n`.
    static var id: String { get }
    static var reference: LegalReference { get }
    static var examples: [RuleExample<Input, Output>] { get }
    /// Computes the outcome for a month; throws ``NotInForce`` outside the rule's validity.
    static func evaluate(_ input: Input, in month: CalendarMonth) throws -> Output
}

/// Runs every example of a rule and returns the failures as readable lines (empty: all pass).
///
/// A rule without examples fails: examples are required by design decision 3.
public func verifyExamples<R: LegalRule>(_ rule: R.Type) -> [String] {
    var failures: [String] = []
    if R.examples.isEmpty { failures.append("\(R.id): has no examples") }
    for ex in R.examples {
        let label = "\(R.id) — \(ex.name) (\(ex.month))"
        do {
            let got = try R.evaluate(ex.input, in: ex.month)
            switch ex.expected {
            case .value(let want) where want == got: break
            case .value(let want): failures.append("\(label): expected \(want), got \(got)")
            case .notInForce: failures.append("\(label): expected not in force, got \(got)")
            case .error(let key): failures.append("\(label): expected error \(key), got \(got)")
            }
        } catch let e as NotInForce {
            if case .notInForce = ex.expected { continue }
            failures.append("\(label): unexpected not in force (\(e.parameterID) on \(e.date))")
        } catch let e as KompasError {
            if case .error(let key) = ex.expected, key == e.message.key { continue }
            failures.append("\(label): unexpected error \(e.message.key)")
        } catch {
            failures.append("\(label): unexpected error \(error)")
        }
    }
    return failures
}
