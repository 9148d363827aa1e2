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
    /// The netto-besteedbaar inkomen of a kwijtschelding, or nil for `monthlyIncome`.
    ///
    /// Uitvoeringsregeling Invorderingswet 1990, artikel 14: the month's income without the earnings
    /// the bijstand exempts (lid 1 onder c 9°) and without toeslagen and kinderbijslag.
    public var disposableIncome: Money?
    /// A kwijtschelding's known expenses of artikel 15 per month (the nettowoonlasten above the
    /// normhuur), deducted from the capacity.
    public var deductibleExpenses: Money
    public init(
        month: CalendarMonth, household: ProvisionHousehold, monthlyIncome: Money,
        applicableNorm: Money,
        assets: Money = .zero, monthlyEarnings: Money = .zero, disposableIncome: Money? = nil,
        deductibleExpenses: Money = .zero
    ) {
        self.month = month
        self.household = household
        self.monthlyIncome = monthlyIncome
        self.applicableNorm = applicableNorm
        self.assets = assets
        self.monthlyEarnings = monthlyEarnings
        self.disposableIncome = disposableIncome
        self.deductibleExpenses = deductibleExpenses
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
    /// A kwijtschelding: the part of the betalingscapaciteit used covers the whole tax.
    case capacityCoversTax(used: Money, tax: Money)

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
        case .capacityCoversTax(let used, let tax):
            return Message(
                "voorziening.reden.betalingscapaciteit",
                ["capaciteit": .money(used), "belasting": .money(tax)])
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
    /// A kwijtschelding's computation (full, partial or none), for every view and `--uitleg`.
    public var waiver: Kwijtschelding.Outcome?

    public var monthlyValue: Money {
        if case .eligible(let b) = outcome { return b.monthlyEquivalent ?? .zero }
        return .zero
    }
}

extension MunicipalProvision {
    /// Every provision in force in the input's month, evaluated, with its index in `provisions`
    /// (the whole income keeps the caller's list and these evaluations, not a copy per provision).
    public static func evaluateAll(
        _ provisions: [MunicipalProvision], _ input: ProvisionInput, explain: Bool = true
    ) -> [(index: Int, evaluation: ProvisionEvaluation)] {
        let date = input.month.firstDay
        var evaluated: [(index: Int, evaluation: ProvisionEvaluation)] = []
        evaluated.reserveCapacity(provisions.count)
        for i in provisions.indices where provisions[i].isInForce(on: date) {
            evaluated.append((i, provisions[i].evaluate(input, explain: explain)))
        }
        return evaluated
    }

    /// Whether the household qualifies in the month, and for how much.
    ///
    /// Pure: the norm is an input.
    ///
    /// Order of the checks: in force, age, children, work, income (≤ percentage × norm, rounded half up to the cent),
    /// assets, then the amount (first matching amount rule; per child for each qualifying child).
    ///
    /// A kwijtschelding is not an income limit: by law (Uitvoeringsregeling Invorderingswet 1990
    /// artikel 11) the tax is waived in whole or in part after the betalingscapaciteit
    /// (``Kwijtschelding``). Its percentage is the kosten van bestaan, its amount the tax, and the
    /// outcome the part waived; assets are checked as before.
    ///
    /// `explain: false` (a sweep's levels) leaves ``ProvisionEvaluation/checks`` empty: the same
    /// outcome without building the sentences of the checks.
    public func evaluate(_ input: ProvisionInput, explain: Bool = true) -> ProvisionEvaluation {
        var checks: [Message] = []
        func check(_ m: @autoclosure () -> Message) { if explain { checks.append(m()) } }
        let h = input.household
        let e = eligibility
        var limitMoney: Money?
        var waiver: Kwijtschelding.Outcome?
        // What the evaluation names of the provision, as locals: `done` captures these, not the
        // whole provision.
        let id = self.id
        let kind = self.kind
        let needsVerification = self.needsVerification
        func done(_ o: ProvisionOutcome) -> ProvisionEvaluation {
            ProvisionEvaluation(
                provisionID: id, kind: kind, outcome: o, incomeLimit: limitMoney, checks: checks,
                otherConditions: e.otherConditions ?? [], needsVerification: needsVerification,
                waiver: waiver)
        }
        let waivesAfterCapacity = kind == .kwijtschelding
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
        if let pct = e.incomeLimitPercent, !waivesAfterCapacity {
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
                    Self.matches($0, household: h, childAge: age)
                }) {
                    amount += rule.amount.money
                    matched = true
                }
            }
            if !matched { return done(.notEligible(.noMatchingAmount)) }
        } else {
            guard
                let rule = value.amounts.first(where: {
                    Self.matches($0, household: h, childAge: nil)
                })
            else {
                return done(.notEligible(.noMatchingAmount))
            }
            amount = rule.amount.money
        }
        if waivesAfterCapacity, let pct = e.incomeLimitPercent {
            let w = Kwijtschelding.compute(
                .init(
                    tax: amount, disposableIncome: input.disposableIncome ?? input.monthlyIncome,
                    expenses: input.deductibleExpenses, norm: input.applicableNorm,
                    costOfLivingPercent: pct,
                    capacityPercent: e.capacityPercent ?? Kwijtschelding.defaultCapacityPercent))
            waiver = w
            if w.expenses > .zero {
                check(
                    Message("voorziening.check.woonlasten", ["woonlasten": .money(w.expenses)]))
            }
            check(Self.capacityCheck(w, norm: input.applicableNorm))
            check(Message("voorziening.check.kwijtscheldingUitgaven"))
            guard w.waived > .zero else {
                return done(.notEligible(.capacityCoversTax(used: w.capacityUsed, tax: w.tax)))
            }
            amount = w.waived
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

    /// The explanation of a kwijtschelding's figures, in the order of the law.
    ///
    /// Artikel 14, 16, 13 and 11 of the Uitvoeringsregeling Invorderingswet 1990.
    /// Without capacity the whole tax is waived (artikel 11 onder a), and the sentence says so.
    static func capacityCheck(_ w: Kwijtschelding.Outcome, norm: Money) -> Message {
        // Each sentence's arguments written out whole: merging two lists was most of this
        // check's cost on every whole-income projection (issue 23).
        guard w.capacityPerMonth > .zero else {
            return Message(
                "voorziening.check.betalingscapaciteit.geen",
                [
                    "inkomen": .money(w.disposableIncome), "kosten": .money(w.costOfLiving),
                    "procent": .number(w.costOfLivingPercent), "norm": .money(norm),
                    "belasting": .money(w.tax),
                ])
        }
        return Message(
            "voorziening.check.betalingscapaciteit",
            [
                "inkomen": .money(w.disposableIncome), "kosten": .money(w.costOfLiving),
                "procent": .number(w.costOfLivingPercent), "norm": .money(norm),
                "capaciteit": .money(w.capacityPerMonth), "jaar": .money(w.capacityPerYear),
                "aandeel": .number(w.capacityPercent), "gebruikt": .money(w.capacityUsed),
            ])
    }

    private static func matches(_ rule: AmountRule, household h: ProvisionHousehold, childAge: Int?)
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
    /// The sentence every view shows under a kwijtschelding that waives only part of the tax
    /// (nil for a full waiver, none, or another provision): decided here once, views render it.
    public var partialWaiverMessage: Message? {
        guard let w = waiver, w.kind == .partial else { return nil }
        return Message(
            "voorziening.kwijtschelding.deels",
            ["kwijt": .money(w.waived), "belasting": .money(w.tax), "zelf": .money(w.toPay)])
    }

    /// Every figure of a kwijtschelding's computation by name (empty for other provisions): the
    /// engine makes them result lines, so a view that shows one shows a fact of the month.
    public var waiverFigures: [(name: String, amount: Money)] {
        guard let w = waiver else { return [] }
        return [
            ("belasting", w.tax), ("kwijt", w.waived), ("zelf", w.toPay),
            ("besteedbaar_inkomen", w.disposableIncome), ("woonlasten", w.expenses),
            ("kosten_van_bestaan", w.costOfLiving),
            ("capaciteit_per_maand", w.capacityPerMonth),
            ("capaciteit_per_jaar", w.capacityPerYear),
            ("capaciteit_gebruikt", w.capacityUsed),
        ]
    }

    /// The mark `watals` shows next to a provision whose figures are not confirmed at their source.
    public static let toVerifyMark = Message("voorziening.teVerifieren")
    public var verificationMark: Message? { needsVerification ? Self.toVerifyMark : nil }
}
