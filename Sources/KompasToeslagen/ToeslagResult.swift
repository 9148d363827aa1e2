import KompasCore
import KompasRules

/// The national toeslagen (and kinderbijslag) that Kompas computes.
///
/// Toeslagen are *tegemoetkomingen* under the Algemene wet inkomensafhankelijke regelingen (Awir):
/// they are not income for the bijstand (art. 31 lid 2 sub d Participatiewet), but they change what
/// a household has to live on, so `watals` shows them next to wage and top-up.
public enum Toeslag: String, Sendable, Hashable, Codable, CaseIterable {
    case zorgtoeslag
    case huurtoeslag
    case kindgebondenBudget = "kindgebonden-budget"
    case kinderopvangtoeslag
    /// Not a toeslag (Algemene Kinderbijslagwet, SVB), shown for completeness.
    case kinderbijslag

    /// Locale key of the display name, for example `toeslag.zorgtoeslag.naam`.
    public var nameKey: String { "toeslag.\(rawValue).naam" }
    public var name: Message { Message(nameKey) }
}

/// One step of a toeslag calculation: the shared ``KompasRules/TraceStep`` (a localized sentence and the
/// parameters it used, with their dates and sources) plus the amount the step produced, so `--uitleg` can show
/// where each amount comes from.
public struct ToeslagTraceStep: Sendable, Hashable, Codable {
    public var step: TraceStep
    public var amount: Money?
    public init(_ step: TraceStep, amount: Money? = nil) {
        self.step = step
        self.amount = amount
    }
    public var message: Message { step.message }
    public var parameters: [UsedParameter] { step.parameters }
}

/// Why a household gets no toeslag.
///
/// Always explicit: a zero is never silent.
public enum NotEntitledReason: Sendable, Hashable, Codable {
    /// The income is so high that the formula gives nothing.
    case incomeTooHigh(income: Money)
    /// Assets (rendementsgrondslag on 1 January) above the limit.
    case assetsAboveLimit(assets: Money, limit: Money)
    /// The yearly amount is below the Awir minimum (art. 14 lid 5 Awir: less than € 24 is not granted).
    case belowMinimumPayable(yearly: Money, minimum: Money)
    /// The applicant is younger than the law allows (e.g. huurtoeslag: 18, art. 8 Wht).
    case tooYoung(age: Int, minimum: Int)
    /// No child under 18 in the household (kindgebonden budget, kinderbijslag).
    case noEligibleChildren
    /// No rent given: the household does not rent.
    case noRent
    /// The rent is not above the basishuur: nothing is subsidised.
    case rentNotAboveBasishuur(rent: Money, basishuur: Money)
    /// No child uses registered childcare.
    case noChildcare
    /// Kinderopvangtoeslag needs the parent (and the partner) to work.
    case parentsNotWorking

    public var message: Message {
        switch self {
        case .incomeTooHigh(let income):
            return Message("toeslag.reden.inkomenTeHoog", ["inkomen": .money(income)])
        case .assetsAboveLimit(let assets, let limit):
            return Message(
                "toeslag.reden.vermogenTeHoog",
                ["vermogen": .money(assets), "grens": .money(limit)])
        case .belowMinimumPayable(let yearly, let minimum):
            return Message(
                "toeslag.reden.onderMinimum",
                ["bedrag": .money(yearly), "minimum": .money(minimum)])
        case .tooYoung(let age, let minimum):
            return Message(
                "toeslag.reden.teJong", ["leeftijd": .number(age), "minimum": .number(minimum)])
        case .noEligibleChildren:
            return Message("toeslag.reden.geenKinderen")
        case .noRent:
            return Message("toeslag.reden.geenHuur")
        case .rentNotAboveBasishuur(let rent, let basishuur):
            return Message(
                "toeslag.reden.huurTeLaag", ["huur": .money(rent), "basishuur": .money(basishuur)])
        case .noChildcare:
            return Message("toeslag.reden.geenOpvang")
        case .parentsNotWorking:
            return Message("toeslag.reden.nietWerkend")
        }
    }
}

/// Entitled with an amount, or not entitled with a reason.
public enum Entitlement: Sendable, Hashable, Codable {
    /// `monthly` is the amount for one calendar month in cents; `yearly` the amount for a whole
    /// berekeningsjaar, rounded to whole euros as art. 14 lid 4 Awir prescribes.
    case entitled(monthly: Money, yearly: Money)
    case notEntitled(NotEntitledReason)
}

/// The outcome of one toeslag rule for one household on one date.
public struct ToeslagResult: Sendable, Hashable, Codable {
    public var toeslag: Toeslag
    public var date: LocalDate
    /// The yearly toetsingsinkomen the calculation used (joint with a toeslagpartner).
    public var toetsingsinkomen: Money
    public var entitlement: Entitlement
    /// Where each amount comes from, in order.
    public var trace: [ToeslagTraceStep]
    /// The yearly income above which the amount starts to fall (drempelinkomen, ijkpunt, …),
    /// so the sweep can mark "drops"; nil where the amount does not depend on income.
    public var phaseOutStartsAt: Money?

    /// The monthly amount for totals: zero when not entitled (the reason is in ``entitlement``).
    public var monthly: Money {
        if case .entitled(let m, _) = entitlement { return m }
        return .zero
    }
    /// The yearly amount for totals: zero when not entitled.
    public var yearly: Money {
        if case .entitled(_, let y) = entitlement { return y }
        return .zero
    }
    /// The figures of this calculation that are not final or not built in (issue 16).
    public var provisional: [UsedParameter] {
        var seen = Set<String>()
        return trace.flatMap(\.parameters).filter {
            $0.needsMark && seen.insert($0.id + $0.from.description).inserted
        }
    }

    public var isEntitled: Bool {
        if case .entitled = entitlement { return true }
        return false
    }
}

/// Collects trace steps and records every parameter read, so no amount appears without its source.
///
/// With `explain: false` (a sweep's levels, which show amounts only) no sentence is built: a step
/// keeps only the parameters that need a mark (issue 16's "voorlopig"), under its key without
/// arguments, so ``ToeslagResult/provisional`` is the same and the amounts are the same (issue 23:
/// building and freeing the sentences was most of a toeslag's cost).
struct Tracer {
    let date: LocalDate
    let explain: Bool
    var steps: [ToeslagTraceStep] = []

    init(date: LocalDate, explain: Bool = true) {
        self.date = date
        self.explain = explain
        // A toeslag's full explanation has a dozen or more steps: room for them up front
        // instead of growing the array four times (issue 23).
        if explain { steps.reserveCapacity(16) }
    }

    /// Reads a parameter on the tracer's date; throws ``NotInForce`` outside its validity.
    func read<V>(_ p: Parameter<V>) throws(NotInForce) -> (V, UsedParameter) {
        guard let i = p.index(on: date), let value = p.history[i].value else {
            throw NotInForce(parameterID: p.id, date: date)
        }
        return (
            value,
            UsedParameter(info: p.sources[i], raw: value.rawValue ?? 0, from: p.history[i].from)
        )
    }

    mutating func step(
        _ key: String, _ args: @autoclosure () -> Message.Arguments = [:],
        amount: Money? = nil, _ uses: [UsedParameter] = []
    ) {
        guard explain else {
            if uses.contains(where: \.needsMark) {
                steps.append(ToeslagTraceStep(TraceStep(Message(key), parameters: uses)))
            }
            return
        }
        steps.append(
            ToeslagTraceStep(TraceStep(Message(key, args()), parameters: uses), amount: amount))
    }
}

/// Shared Awir steps: yearly rounding (artikel 14 lid 4) and the minimum payable amount (artikel 14 lid 5).
enum Awir {
    /// Rounds an exact yearly amount to whole euros ("rekenkundig afgerond op hele euro's", artikel 14 lid 4 Awir)
    /// and applies the € 24 minimum (artikel 14 lid 5).
    ///
    /// Returns the entitlement and records the steps.
    static func finish(yearlyExact: Money, tracer: inout Tracer) throws(NotInForce) -> Entitlement {
        let yearly = yearlyExact.roundedToEuros(.halfUp)
        tracer.step("toeslag.stap.jaarAfgerond", ["bedrag": .money(yearlyExact)], amount: yearly)
        let (minimum, use) = try tracer.read(ToeslagParameters.minimumTegemoetkoming)
        if yearly < minimum {
            tracer.step(
                "toeslag.stap.onderMinimum", ["minimum": .money(minimum)], amount: yearly, [use])
            return .notEntitled(.belowMinimumPayable(yearly: yearly, minimum: minimum))
        }
        // The voorschot is paid in 12 monthly terms; one month is a twelfth, rounded to the cent (half up).
        let monthly = yearly.scaled(by: 1, over: 12, rounding: .halfUp)
        tracer.step("toeslag.stap.perMaand", ["jaar": .money(yearly)], amount: monthly, [use])
        return .entitled(monthly: monthly, yearly: yearly)
    }
}
