import KompasCore
import KompasIncome
import KompasProvisions
import KompasRules
import KompasToeslagen

/// What the toeslagen and provisions need beyond the income projection.
public struct HouseholdCosts: Sendable, Hashable {
    /// Kale huur per month; nil: not asked (no huurtoeslag line).
    public var rent: Money?
    public var serviceCosts: Money
    /// Childcare per child, in the order of the household's children (nil: no childcare for that child).
    public var childcare: [Childcare?]
    public var assets: Money
    /// The yearly income the toeslagen advance (voorschot) was based on, to estimate a repayment.
    public var advanceIncome: Money?
    public init(
        rent: Money? = nil, serviceCosts: Money = .zero, childcare: [Childcare?] = [],
        assets: Money = .zero, advanceIncome: Money? = nil
    ) {
        self.rent = rent
        self.serviceCosts = serviceCosts
        self.childcare = childcare
        self.assets = assets
        self.advanceIncome = advanceIncome
    }
}

/// One toeslag in the month: its result, or "not in force" (shown as such, never as zero).
public struct ToeslagLine: Sendable {
    public var toeslag: Toeslag
    public var result: Result<ToeslagResult, NotInForce> {
        didSet { monthly = Self.monthly(of: result) }
    }
    /// The monthly amount (zero when not entitled or not in force), kept beside the result: the
    /// totals read it several times a projection, and taking it out of the result each time
    /// copied the result with its whole explanation (issue 23).
    public private(set) var monthly: Money

    public init(toeslag: Toeslag, result: Result<ToeslagResult, NotInForce>) {
        self.toeslag = toeslag
        self.result = result
        monthly = Self.monthly(of: result)
    }

    static func monthly(of result: Result<ToeslagResult, NotInForce>) -> Money {
        guard case .success(let r) = result else { return .zero }
        return r.monthly
    }
}

/// The whole monthly income: wage, top-up, toeslagen, provisions; and what remains after work costs.
public struct TotalIncome: Sendable {
    public var projection: Projection
    public var toetsingsinkomen: Toetsingsinkomen.Output
    public var toetsingsinkomenStep: TraceStep
    public var toeslagen: [ToeslagLine]
    /// The net childcare cost that remains after kinderopvangtoeslag (a work cost), when childcare is given.
    public var childcareNetCost: Money?
    /// The municipality's provisions (the caller's array, shared, not copied per provision) and the
    /// evaluation of each one in force, by index: the hot path of a sweep touches only evaluations.
    public var provisionList: [MunicipalProvision]
    public var provisionEvaluations: [(index: Int, evaluation: ProvisionEvaluation)]
    public var provisions: [(provision: MunicipalProvision, evaluation: ProvisionEvaluation)] {
        provisionEvaluations.map { (provisionList[$0.index], $0.evaluation) }
    }
    public var repayments: [RepaymentEstimate]
    /// The given assets against the bijstand's asset limit (artikel 34 lid 3), when assets were given
    /// and the limit is in the data.
    public var assetLimit: Vermogensgrens.Outcome? = nil

    /// Toeslagen that are income for the household.
    ///
    /// Kinderopvangtoeslag is not counted here: it pays
    /// for the childcare, and only the net childcare cost that remains is a work cost (``workCosts``).
    // Summed in place: a filtered copy of the toeslag lines (each with its whole explanation)
    // cost more than the sum itself, on every total (issue 23).
    public var toeslagenMonthly: Money {
        toeslagen.reduce(.zero) {
            $1.toeslag != .kinderbijslag && $1.toeslag != .kinderopvangtoeslag
                ? $0 + $1.monthly : $0
        }
    }
    public var kinderbijslagMonthly: Money {
        toeslagen.firstIndex { $0.toeslag == .kinderbijslag }.map { toeslagen[$0].monthly } ?? .zero
    }
    public var provisionsMonthly: Money {
        provisionEvaluations.reduce(.zero) { $0 + $1.evaluation.monthlyValue }
    }
    /// Wage + top-up + holiday pay saved + other income (the bare projection's total before costs).
    public var baseIncome: Money { projection.amount(Projection.Line.total) }
    public var total: Money {
        baseIncome + toeslagenMonthly + kinderbijslagMonthly + provisionsMonthly
    }
    public var workCosts: Money {
        projection.input.travelCosts + (childcareNetCost ?? projection.input.childcareCosts)
    }

    /// The same household without work: no travel, no childcare (that is only needed to work).
    public static func withoutWork(_ input: ProjectionInput, _ costs: HouseholdCosts) -> (
        ProjectionInput, HouseholdCosts
    ) {
        var q = input.withoutWork
        q.childcareCosts = .zero
        var c = costs
        c.childcare = []
        return (q, c)
    }
    public var keep: Money { total - workCosts }

    /// Every figure of the month that is not final (`voorlopig`, `verwacht`) or comes from a file
    /// of the user's: the projection's and the toeslagen's, once each (issue 16).
    public var provisional: [UsedParameter] {
        var seen = Set<String>()
        let toeslag = toeslagen.flatMap { (try? $0.result.get().provisional) ?? [] }
        let assets = (assetLimit?.step?.parameters ?? []).filter(\.needsMark)
        let own = toetsingsinkomenStep.parameters.filter(\.needsMark)
        return (projection.provisional + own + toeslag + assets)
            .filter { seen.insert($0.id + $0.from.description).inserted }
    }

    /// An amount of the month rests on a provisional figure (not only an input check such as the
    /// minimum wage): what a summary says "voorlopig" about.
    public var hasProvisionalAmounts: Bool {
        projection.lines.contains(where: \.provisional) || toeslagen.contains(where: isProvisional)
    }

    /// A toeslag rests on a provisional figure: its own, or the income it is computed from.
    public func isProvisional(_ line: ToeslagLine) -> Bool {
        let own = (try? line.result.get().provisional.isEmpty == false) ?? false
        let income =
            projection.line(Projection.Line.topUp)?.provisional == true
            || projection.line(Projection.Line.gross)?.provisional == true
        return own || income
    }
}

public enum TotalIncomeCalculator {
    /// The nettowoonlasten a kwijtschelding deducts (``KwijtscheldingWoonlasten``), or zero when
    /// the month has no rent or no huurtoeslag figures (before 2026): then they are among the
    /// expenses Kompas does not know, which the explanation names.
    static func kwijtscheldingHousing(
        _ rent: Money?, _ lines: [ToeslagLine], _ month: CalendarMonth
    ) -> Money {
        // By index: a copy of the line would copy its whole explanation.
        guard let rent, let i = lines.firstIndex(where: { $0.toeslag == .huurtoeslag }),
            case .success = lines[i].result
        else { return .zero }
        return
            (try? KwijtscheldingWoonlasten.evaluate(
                .init(rent: rent, huurtoeslag: lines[i].monthly), in: month)) ?? .zero
    }

    /// Projects the month and adds toeslagen and provisions.
    ///
    /// Pure. `explain: false` builds no sentences for the toeslagen and the provisions' checks
    /// (the same amounts and provisional figures): for callers that show amounts only, such as a
    /// sweep's levels (issue 23: the sentences were most of what the whole income added to the
    /// bare projection). The projection itself keeps its full trace either way.
    public static func compute(
        _ input: ProjectionInput, costs: HouseholdCosts, provisions: [MunicipalProvision],
        baseline: Money? = nil, explain: Bool = true
    ) throws -> TotalIncome {
        let projection = try Projector.project(input, baseline: baseline)
        return try complete(projection, costs: costs, provisions: provisions, explain: explain)
    }

    /// Adds toeslagen and provisions to an existing projection.
    public static func complete(
        _ projection: Projection, costs: HouseholdCosts, provisions: [MunicipalProvision],
        explain: Bool = true
    ) throws -> TotalIncome {
        let input = projection.input
        let month = input.month
        var p = ParameterReader(month)
        // The toetsingsinkomen is a year's income (Awir art. 8): a month that counts two
        // four-weekly payslips (or its own working days) is not a twelfth of the year, so the
        // toeslagen and the provisions look at the year's average month of the same work.
        let year =
            input.countsOwnMonth
            ? try Projector.project(input.averaged, baseline: .zero) : projection
        // Each line looked up once (a lookup compares line ids one by one).
        let gross = year.amount(Projection.Line.gross)
        let holidayGross: Money
        if gross > .zero {
            holidayGross = gross.applying(
                try p(MinimumWageParameters.vakantiebijslag), rounding: .halfUp)
            _ = p.take()
        } else {
            holidayGross = .zero
        }
        let (ti, tiStep) = try Toetsingsinkomen.compute(
            .init(
                grossWageMonthly: gross,
                holidayPayGrossMonthly: holidayGross,
                topUpMonthly: year.topUp,
                employerAppliesCredit: input.withCredit
                    && gross > .zero), &p)
        let h = input.household
        let children = h.childrenAges.enumerated().map { i, age in
            ChildFacts(age: age, childcare: i < costs.childcare.count ? costs.childcare[i] : nil)
        }
        let works: Bool
        if case .none = input.work { works = false } else { works = true }
        let th = ToeslagHousehold(
            applicantAge: h.age, partner: h.partnerAge.map { PartnerFacts(age: $0) },
            children: children,
            otherResidentAges: Array(repeating: 30, count: h.costSharers), kaleHuur: costs.rent,
            servicekosten: costs.serviceCosts, assets: costs.assets, parentsWork: works)
        let date = month.firstDay
        var lines: [ToeslagLine] = []
        lines.reserveCapacity(Toeslag.allCases.count)
        var childcareNet: Money?
        for t in Toeslag.allCases {
            switch t {
            case .huurtoeslag where costs.rent == nil: continue
            case .kindgebondenBudget where !h.hasChildren, .kinderbijslag where !h.hasChildren:
                continue
            case .kinderopvangtoeslag where !costs.childcare.contains(where: { $0 != nil }):
                continue
            default: break
            }
            if t == .kinderopvangtoeslag {
                do throws(NotInForce) {
                    let k = try Kinderopvangtoeslag.calculate(
                        on: date, household: th, toetsingsinkomen: ti.total, explain: explain)
                    childcareNet = k.netCostPerMonth
                    lines.append(ToeslagLine(toeslag: t, result: .success(k.result)))
                } catch { lines.append(ToeslagLine(toeslag: t, result: .failure(error))) }
                continue
            }
            do throws(NotInForce) {
                lines.append(
                    ToeslagLine(
                        toeslag: t,
                        result: .success(
                            try Toeslagen.calculate(
                                t, on: date, household: th, toetsingsinkomen: ti.total,
                                explain: explain))))
            } catch { lines.append(ToeslagLine(toeslag: t, result: .failure(error))) }
        }
        let ph = ProvisionHousehold(
            applicantAge: h.age, hasPartner: h.hasPartner, childrenAges: h.childrenAges,
            otherResidents: h.costSharers)
        let pin = ProvisionInput(
            month: month, household: ph,
            monthlyIncome: year.amount(Projection.Line.total)
                - year.amount(Projection.Line.other) + input.otherIncome,
            applicableNorm: year.amount(Projection.Line.norm), assets: costs.assets,
            monthlyEarnings: year.amount(Projection.Line.net),
            // A kwijtschelding's netto-besteedbaar inkomen (Uitvoeringsregeling Invorderingswet
            // 1990 art. 14 lid 1 onder c 9°): what counts for the bijstand plus the bijstand, so
            // without the exempted earnings; toeslagen and kinderbijslag are not in it either.
            disposableIncome: year.amount(Projection.Line.counted)
                + year.amount(Projection.Line.topUp),
            deductibleExpenses: kwijtscheldingHousing(costs.rent, lines, month))
        let evaluated = MunicipalProvision.evaluateAll(provisions, pin, explain: explain)
        var repayments: [RepaymentEstimate] = []
        if let advance = costs.advanceIncome {
            repayments =
                (try? Terugbetaling.estimate(
                    on: date, household: th, voorschotIncome: advance, actualIncome: ti.total))
                ?? []
        }
        var assetReader = ParameterReader(input.month)
        let assetLimit =
            costs.assets > .zero
            ? try? Vermogensgrens.compute(
                .init(type: input.household.type, assets: costs.assets), &assetReader) : nil
        return TotalIncome(
            projection: projection, toetsingsinkomen: ti, toetsingsinkomenStep: tiStep,
            toeslagen: lines,
            childcareNetCost: childcareNet, provisionList: provisions,
            provisionEvaluations: evaluated, repayments: repayments, assetLimit: assetLimit)
    }
}
