import KompasCore

/// The household facts a municipal provision looks at.
public struct ProvisionHousehold: Sendable, Hashable, Codable {
    public var applicantAge: Int
    public var hasPartner: Bool
    /// Ages of the children living at home.
    public var childrenAges: [Int]
    /// Other people in the home (not partner or children).
    public var otherResidents: Int
    public init(
        applicantAge: Int, hasPartner: Bool = false, childrenAges: [Int] = [],
        otherResidents: Int = 0
    ) {
        self.applicantAge = applicantAge
        self.hasPartner = hasPartner
        self.childrenAges = childrenAges
        self.otherResidents = otherResidents
    }
    public var size: Int { 1 + (hasPartner ? 1 : 0) + childrenAges.count + otherResidents }
}

/// The inputs of one evaluation.
///
/// The applicable bijstandsnorm comes from the income engine (not from this module).
public struct ProvisionInput: Sendable, Hashable, Codable {
    public var month: CalendarMonth
    public var household: ProvisionHousehold
    /// The monthly net income the municipality tests (wage + bijstand, as the municipality defines it).
    public var monthlyIncome: Money
    /// The bijstandsnorm that applies to this household (per month, incl.
    ///
    /// vakantietoeslag).
    public var applicableNorm: Money
    public var assets: Money
    /// Net earnings from work in the month (for a work premium).
    public var monthlyEarnings: Money
    public init(
        month: CalendarMonth, household: ProvisionHousehold, monthlyIncome: Money,
        applicableNorm: Money,
        assets: Money = .zero, monthlyEarnings: Money = .zero
    ) {
        self.month = month
        self.household = household
        self.monthlyIncome = monthlyIncome
        self.applicableNorm = applicableNorm
        self.assets = assets
        self.monthlyEarnings = monthlyEarnings
    }
}

/// Why a household does not get a provision.
public enum ProvisionReason: Sendable, Hashable, Codable {
    case notInForce(month: CalendarMonth)
    case incomeAboveLimit(income: Money, limit: Money, percent: Int)
    case assetsAboveLimit(assets: Money, limit: Money)
    case tooYoung(age: Int, minimum: Int)
    case tooOld(age: Int, maximum: Int)
    case noQualifyingChildren(AgeRange)
    case noWork
    case noMatchingAmount

    public var message: Message {
        switch self {
        case .notInForce(let m):
            return Message("voorziening.reden.nietVanKracht", ["maand": .month(m)])
        case .incomeAboveLimit(let income, let limit, let percent):
            return Message(
                "voorziening.reden.inkomenTeHoog",
                ["inkomen": .money(income), "grens": .money(limit), "procent": .number(percent)])
        case .assetsAboveLimit(let assets, let limit):
            return Message(
                "voorziening.reden.vermogenTeHoog",
                ["vermogen": .money(assets), "grens": .money(limit)])
        case .tooYoung(let age, let minimum):
            return Message(
                "voorziening.reden.teJong", ["leeftijd": .number(age), "minimum": .number(minimum)])
        case .tooOld(let age, let maximum):
            return Message(
                "voorziening.reden.teOud", ["leeftijd": .number(age), "maximum": .number(maximum)])
        case .noQualifyingChildren(let r):
            return Message(
                "voorziening.reden.geenKinderen",
                ["van": .number(r.from), "tot": .number(r.through)])
        case .noWork: return Message("voorziening.reden.geenWerk")
        case .noMatchingAmount: return Message("voorziening.reden.geenBedrag")
        }
    }
}

/// What an eligible household gets.
public struct ProvisionBenefit: Sendable, Hashable, Codable {
    /// The amount per period (nil for a provision in kind).
    public var amount: Money?
    public var period: ProvisionPeriod?
    /// The amount as a monthly figure for the projection: a month's amount, or a twelfth of a yearly one (half up).
    ///
    /// nil for in-kind and one-off payments.
    public var monthlyEquivalent: Money?
}

public enum ProvisionOutcome: Sendable, Hashable, Codable {
    case eligible(ProvisionBenefit)
    case notEligible(ProvisionReason)
}

/// The evaluation of one provision for one household and month, with the checks made (for `--uitleg`).
public struct ProvisionEvaluation: Sendable, Hashable, Codable {
    public var provisionID: String
    public var kind: ProvisionKind
    public var outcome: ProvisionOutcome
    /// The income limit in euros for this household (norm × percentage), when the provision has one.
    public var incomeLimit: Money?
    public var checks: [Message]
    /// Conditions Kompas could not check, shown to the person.
    public var otherConditions: [LocalizedText]
    /// The figures are not confirmed at their source: show "te verifiëren".
    public var needsVerification: Bool

    public var monthlyValue: Money {
        if case .eligible(let b) = outcome { return b.monthlyEquivalent ?? .zero }
        return .zero
    }
}

extension MunicipalProvision {
    /// Whether the household qualifies in the month, and for how much.
    ///
    /// Pure: the norm is an input.
    ///
    /// Order of the checks: in force, age, children, work, income (≤ percentage × norm, rounded half up to the cent),
    /// assets, then the amount (first matching amount rule; per child for each qualifying child).
    ///
    /// `explain: false` (a sweep's levels) leaves ``ProvisionEvaluation/checks`` empty: the same
    /// outcome without building the sentences of the checks.
    public func evaluate(_ input: ProvisionInput, explain: Bool = true) -> ProvisionEvaluation {
        var checks: [Message] = []
        func check(_ m: @autoclosure () -> Message) { if explain { checks.append(m()) } }
        let h = input.household
        let e = eligibility
        var limitMoney: Money?
        func done(_ o: ProvisionOutcome) -> ProvisionEvaluation {
            ProvisionEvaluation(
                provisionID: id, kind: kind, outcome: o, incomeLimit: limitMoney, checks: checks,
                otherConditions: e.otherConditions ?? [], needsVerification: needsVerification)
        }
        guard isInForce(on: input.month.firstDay) else {
            return done(.notEligible(.notInForce(month: input.month)))
        }
        if let min = e.minimumAge, h.applicantAge < min {
            return done(.notEligible(.tooYoung(age: h.applicantAge, minimum: min)))
        }
        if let max = e.maximumAge, h.applicantAge > max {
            return done(.notEligible(.tooOld(age: h.applicantAge, maximum: max)))
        }
        if let range = e.children {
            guard h.childrenAges.contains(where: range.contains) else {
                return done(.notEligible(.noQualifyingChildren(range)))
            }
        }
        if e.requiresWork == true, input.monthlyEarnings <= .zero {
            return done(.notEligible(.noWork))
        }
        if let pct = e.incomeLimitPercent {
            let limit = input.applicableNorm.scaled(by: Int64(pct), over: 100, rounding: .halfUp)
            limitMoney = limit
            check(
                Message(
                    "voorziening.check.inkomen",
                    [
                        "inkomen": .money(input.monthlyIncome), "grens": .money(limit),
                        "procent": .number(pct), "norm": .money(input.applicableNorm),
                    ]))
            if input.monthlyIncome > limit {
                return done(
                    .notEligible(
                        .incomeAboveLimit(income: input.monthlyIncome, limit: limit, percent: pct)))
            }
        }
        if let assetLimit = e.assetLimit {
            let limit = h.hasPartner ? assetLimit.couple.money : assetLimit.single.money
            check(
                Message(
                    "voorziening.check.vermogen",
                    ["vermogen": .money(input.assets), "grens": .money(limit)]))
            if input.assets > limit {
                return done(.notEligible(.assetsAboveLimit(assets: input.assets, limit: limit)))
            }
        }
        guard let value else {
            return done(
                .eligible(ProvisionBenefit(amount: nil, period: nil, monthlyEquivalent: nil)))
        }

        var amount = Money.zero
        if let pct = value.percentOfEarnings {
            amount = input.monthlyEarnings.scaled(by: Int64(pct), over: 100, rounding: .halfUp)
            if let max = value.maximumPerMonth?.money { amount = min(amount, max) }
            check(
                Message(
                    "voorziening.check.werkpremie",
                    ["procent": .number(pct), "loon": .money(input.monthlyEarnings)]))
        } else if value.perChild {
            let children = h.childrenAges.filter {
                e.children?.contains($0) ?? (0..<18).contains($0)
            }
            var matched = false
            for age in children {
                if let rule = value.amounts.first(where: {
                    matches($0, household: h, childAge: age)
                }) {
                    amount += rule.amount.money
                    matched = true
                }
            }
            if !matched { return done(.notEligible(.noMatchingAmount)) }
        } else {
            guard
                let rule = value.amounts.first(where: { matches($0, household: h, childAge: nil) })
            else {
                return done(.notEligible(.noMatchingAmount))
            }
            amount = rule.amount.money
        }
        let monthly: Money?
        switch value.period {
        case .maand: monthly = amount
        case .jaar: monthly = amount.scaled(by: 1, over: 12, rounding: .halfUp)
        case .eenmalig: monthly = nil
        }
        return done(
            .eligible(
                ProvisionBenefit(amount: amount, period: value.period, monthlyEquivalent: monthly)))
    }

    private func matches(_ rule: AmountRule, household h: ProvisionHousehold, childAge: Int?)
        -> Bool
    {
        switch rule.household {
        case .alleenstaand?: if h.hasPartner { return false }
        case .partners?: if !h.hasPartner { return false }
        case .eenpersoons?: if h.size != 1 { return false }
        case .meerpersoons?: if h.size == 1 { return false }
        case nil: break
        }
        guard let range = rule.childAge else { return true }
        if let childAge { return range.contains(childAge) }
        return h.childrenAges.contains(where: range.contains)
    }
}

extension ProvisionEvaluation {
    /// The mark `watals` shows next to a provision whose figures are not confirmed at their source.
    public static let toVerifyMark = Message("voorziening.teVerifieren")
    public var verificationMark: Message? { needsVerification ? Self.toVerifyMark : nil }
}
