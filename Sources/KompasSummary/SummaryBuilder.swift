import KompasCore
import KompasEngine
import KompasIncome
import KompasProvisions
import KompasRules
import KompasToeslagen
import KompasTotalIncome

/// Builds a ``Summary`` from the engines' results.
///
/// Pure: every amount is a value computed by
/// ``TotalIncomeCalculator`` (one call per month) or ``TotalSweeper``; the builder only chooses
/// what to say, in which order, and which source backs each amount.
public enum SummaryBuilder {
    /// Builds the summary of an evaluation (``Engine/evaluate``): its months, its events and
    /// its first month; the builder adds only the pay calendar and what to say in which order.
    public static func build(_ r: SummaryRequest, result: CaseResult) throws -> Summary {
        let base = r.base
        var input = base
        // The exemption counts from the first month of work; without --gestart that is the first month shown.
        if case .none = base.work {} else if input.started == nil { input.started = base.month }
        guard let first = result.first, let current = first.total, let baseline = first.baseline
        else { throw UserError(.software, Message("samenvatting.error.noResult")) }
        let monthList = result.months.map(\.month)
        let extra = r.twoPaydayMonths ?? PayCalendar.extraPaydayMonths(monthList, schedule: r.pay)
        let months = result.months.map { m in
            MonthOutcome(
                month: m.month,
                result: m.total.map { .known($0) }
                    ?? .notKnown(m.unknown ?? NotInForce(parameterID: "", date: m.month.firstDay)),
                paydays: PayCalendar.payDates(in: m.month, schedule: r.pay)?.count, lines: m.lines)
        }

        // The hours chart is the engine's sweep of the first month (asked by the command).
        let sweep = result.sweep

        let (footnotes, index) = sources(current, r)
        var s = Summary(
            request: r, current: current, baseline: baseline, months: months, events: [],
            actions: [], calendar: [],
            sweep: sweep, footnotes: footnotes, footnoteIndex: index, points: [])
        s.events = events(s, extraPaydayMonths: extra, caseEvents: result.events)
        s.actions = actions(s)
        s.calendar = calendar(s)
        s.points = points(s, extraPaydayMonths: extra)
        return s
    }

    // MARK: What changes when

    static func events(
        _ s: Summary, extraPaydayMonths: [CalendarMonth]?, caseEvents: [CaseEvent]
    ) -> [SummaryEvent] {
        let r = s.request
        let p = s.current.projection
        let first = r.base.month
        let horizon = first.advanced(by: max(1, r.months) - 1)
        var e: [SummaryEvent] = []
        // The exemption story and the holiday reserve's payout: the engine's events, its sentences.
        for c in caseEvents {
            let kind: SummaryEvent.Kind
            switch c.kind {
            case .holidayReservePaid: kind = .holidayAllowance
            case .exemptionEnds: kind = .exemptionEnds
            case .exemptionChanges: kind = .exemptionChanges
            case .exemptionUnknown: kind = .exemptionUnknown
            }
            e.append(SummaryEvent(kind: kind, month: c.month, message: c.message))
        }
        if s.works, r.pay.frequency != .maand {
            if let months = extraPaydayMonths {
                for m in months {
                    let key =
                        r.extraPaydayEffect == .lowerTopUp
                        ? "samenvatting.event.extraPayday." + r.pay.frequency.rawValue
                        : "samenvatting.event.extraPaydayNoEffect." + r.extraPaydayEffect.rawValue
                    e.append(
                        SummaryEvent(
                            kind: .twoPaydays, month: m, message: Message(key, ["month": .month(m)])
                        ))
                }
            } else {
                let key =
                    r.extraPaydayEffect == .lowerTopUp
                    ? "samenvatting.event.extraPaydayUnknown." + r.pay.frequency.rawValue
                    : "samenvatting.event.extraPaydayNoEffectUnknown."
                        + r.extraPaydayEffect.rawValue
                e.append(SummaryEvent(kind: .twoPaydays, month: nil, message: Message(key)))
            }
        }
        if p.amount(Projection.Line.holidayPay) > .zero {
            e.append(
                SummaryEvent(
                    kind: .employerHolidayPay, month: nil,
                    message: Message(
                        "samenvatting.event.employerHolidayPay",
                        ["perMonth": s.line(.projection(Projection.Line.holidayPay))])))
        }
        for age in r.base.household.childrenAges {
            if age == 11 {
                e.append(
                    SummaryEvent(
                        kind: .childTurns12, month: nil,
                        message: Message("samenvatting.event.childTurns12")))
            }
            if age == 17 {
                e.append(
                    SummaryEvent(
                        kind: .childTurns18, month: nil,
                        message: Message("samenvatting.event.childTurns18")))
            }
        }
        for m in s.months
        where m.month != first && (m.month.month == 1 || m.month.month == 7) && m.month <= horizon {
            if case .notKnown = m.result {
                e.append(
                    SummaryEvent(
                        kind: .parameterUnknown, month: m.month,
                        message: Message(
                            "samenvatting.event.parametersUnknown",
                            ["date": .date(m.month.firstDay)])))
            } else {
                // Issue 16: a month computed with figures that are not final says so.
                let provisional: Bool = {
                    if case .known(let t) = m.result { return t.hasProvisionalAmounts }
                    return false
                }()
                e.append(
                    SummaryEvent(
                        kind: .parameterChange, month: m.month,
                        message: Message(
                            provisional
                                ? "samenvatting.event.parametersProvisional"
                                : "samenvatting.event.parametersChange",
                            ["date": .date(m.month.firstDay)]
                        )))
            }
        }
        if !e.contains(where: { $0.message.key == "samenvatting.event.parametersProvisional" }),
            let m = s.months.first(where: {
                if case .known(let t) = $0.result { return t.hasProvisionalAmounts }
                return false
            })
        {
            e.append(
                SummaryEvent(
                    kind: .parameterChange, month: m.month,
                    message: Message(
                        "samenvatting.event.parametersProvisionalNow",
                        ["month": .month(m.month)])))
        }
        if let unknown = s.months.first(where: {
            if case .notKnown = $0.result { return true }
            return false
        }),
            !e.contains(where: { $0.kind == .parameterUnknown })
        {
            e.append(
                SummaryEvent(
                    kind: .parameterUnknown, month: unknown.month,
                    message: Message(
                        "samenvatting.event.parametersUnknown",
                        ["date": .date(unknown.month.firstDay)])))
        }
        return e.sorted { ($0.month?.index ?? Int.max) < ($1.month?.index ?? Int.max) }
    }

    // MARK: What to do

    static func actions(_ s: Summary) -> [SummaryAction] {
        let r = s.request
        var a: [SummaryAction] = []
        let hasIncome = s.works || r.base.otherIncome > .zero
        if hasIncome {
            a.append(
                SummaryAction(
                    kind: .incomeForm,
                    message: r.deadlineDay.map {
                        Message("samenvatting.action.incomeFormDay", ["day": .number($0)])
                    }
                        ?? Message("samenvatting.action.incomeForm")))
            a.append(
                SummaryAction(
                    kind: .changedHours, message: Message("samenvatting.action.changedHours")))
        }
        if !s.current.toeslagen.isEmpty && hasIncome {
            if let back = s.current.repayments.first(where: { $0.difference < .zero }) {
                a.append(
                    SummaryAction(
                        kind: .toeslagenAdvance,
                        message: Message(
                            "samenvatting.action.toeslagenRepay",
                            [
                                "income": s.line(.toetsingsinkomen),
                                "amount": s.line(.repaymentSize(back.toeslag.rawValue)),
                            ])))
            } else {
                a.append(
                    SummaryAction(
                        kind: .toeslagenAdvance,
                        message: Message(
                            "samenvatting.action.toeslagenAdvance",
                            ["income": s.line(.toetsingsinkomen)])))
            }
        }
        a.append(
            SummaryAction(
                kind: .contactMunicipality, message: Message("samenvatting.action.questions")))
        return a
    }

    // MARK: The month calendar

    static func calendar(_ s: Summary) -> [CalendarEntry] {
        let r = s.request
        let m = r.base.month
        let p = s.current.projection
        var c: [CalendarEntry] = []
        if s.works, let dates = PayCalendar.payDates(in: m, schedule: r.pay) {
            // The monthly net wage is the engine's figure; per week or four weeks it is not split here.
            let amount: Money? = r.pay.frequency == .maand ? p.amount(Projection.Line.net) : nil
            for d in dates {
                c.append(CalendarEntry(kind: .wage, date: d, amount: amount, toVerify: false))
            }
        }
        if p.amount(Projection.Line.topUpPaid) > .zero,
            let day = PaymentDays.topUp(municipality: r.municipality.id)
        {
            c.append(
                CalendarEntry(
                    kind: .topUp, date: day.date(in: m), lastDay: day.lastDay,
                    amount: p.amount(Projection.Line.topUpPaid), toVerify: day.toVerify))
        }
        if s.current.toeslagenMonthly > .zero {
            c.append(
                CalendarEntry(
                    kind: .toeslagen, date: PaymentDays.toeslagen.date(in: m),
                    amount: s.current.toeslagenMonthly, toVerify: PaymentDays.toeslagen.toVerify))
        }
        if p.reservePayoutMonth == m,
            p.amount(Projection.Line.reserved) > .zero,
            let day = PaymentDays.topUp(municipality: r.municipality.id)
        {
            c.append(
                CalendarEntry(
                    kind: .holidayAllowance, date: day.date(in: m), lastDay: day.lastDay,
                    amount: nil, toVerify: true))
        }
        if let rent = r.costs.rent {
            c.append(
                CalendarEntry(
                    kind: .rent,
                    date: m.day(r.rentDay),
                    amount: rent + r.costs.serviceCosts, toVerify: false))
        }
        for f in r.fixedCosts {
            c.append(
                CalendarEntry(
                    kind: .fixed,
                    date: m.day(f.day),
                    amount: f.amount, name: f.name, toVerify: false))
        }
        return c.sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
    }

    // MARK: Open points and risks (caseworker)

    static func points(_ s: Summary, extraPaydayMonths: [CalendarMonth]?) -> [CaseworkerPoint] {
        let r = s.request
        let t = s.current
        var pts: [CaseworkerPoint] = []
        for rep in t.repayments where rep.difference < .zero {
            pts.append(
                CaseworkerPoint(
                    kind: .risk,
                    message: Message(
                        "samenvatting.risk.repayment",
                        [
                            "toeslag": .message(rep.toeslag.name),
                            "amount": s.line(.repaymentSize(rep.toeslag.rawValue)),
                        ]))
            )
        }
        if s.works && !t.toeslagen.isEmpty && r.costs.advanceIncome == nil {
            pts.append(
                CaseworkerPoint(
                    kind: .risk,
                    message: Message(
                        "samenvatting.risk.advanceUnknown",
                        ["income": s.line(.toetsingsinkomen)])))
        }
        if let trap = s.sweep?.trapBands, !trap.isEmpty {
            pts.append(
                CaseworkerPoint(
                    kind: .risk,
                    message: Message(
                        "samenvatting.risk.trap",
                        ["from": .hours(trap[0].from), "to": .hours(trap[0].to)])))
        }
        if s.works && r.pay.frequency != .maand && extraPaydayMonths == nil {
            pts.append(CaseworkerPoint(kind: .open, message: Message("samenvatting.open.payDates")))
        }
        for m in s.months {
            if case .notKnown(let e) = m.result {
                pts.append(
                    CaseworkerPoint(
                        kind: .open,
                        message: Message(
                            "samenvatting.open.notInForce",
                            ["month": .month(m.month), "id": .text(e.parameterID)])))
            }
        }
        for m in r.municipality.methods where m.toVerify {
            pts.append(
                CaseworkerPoint(
                    kind: .open,
                    message: Message("samenvatting.open.methodToVerify", ["field": .text(m.field)]))
            )
        }
        for (prov, e) in t.provisions where e.needsVerification {
            pts.append(
                CaseworkerPoint(
                    kind: .open,
                    message: Message(
                        "samenvatting.open.provisionToVerify", ["name": .text(prov.name.nl)])))
        }
        if r.deadlineDay == nil && s.works {
            pts.append(CaseworkerPoint(kind: .open, message: Message("samenvatting.open.deadline")))
        }
        return pts
    }

    // MARK: Sources

    /// The sources of the amounts shown, numbered in order of first use, and per amount id its numbers.
    static func sources(_ t: TotalIncome, _ r: SummaryRequest) -> ([Footnote], [String: [Int]]) {
        var notes: [Footnote] = []
        var byKey: [String: Int] = [:]
        var index: [String: [Int]] = [:]
        func add(
            _ id: String, _ text: String, url: String?, toVerify: Bool, kind: SourceKind = .law
        ) {
            let n: Int
            if let k = byKey[text] {
                n = k
            } else {
                n = notes.count + 1
                byKey[text] = n
                notes.append(
                    Footnote(number: n, text: text, url: url, toVerify: toVerify, kind: kind))
            }
            if !(index[id] ?? []).contains(n) { index[id, default: []].append(n) }
        }
        func addSteps(_ id: String, _ steps: [TraceStep]) {
            for st in steps {
                if let ref = st.reference {
                    add(id, ref.description, url: ref.url, toVerify: false)
                }
                for u in st.parameters where u.toVerify {
                    add(id, u.reference.description, url: u.reference.url, toVerify: true)
                }
            }
        }
        let p = t.projection
        for id in [
            Projection.Line.norm, Projection.Line.net, Projection.Line.holidayPay,
            Projection.Line.exemption, Projection.Line.topUp,
            Projection.Line.reserved, Projection.Line.topUpPaid,
        ] {
            if let line = p.line(id) { addSteps(id, line.steps) }
        }
        addSteps("toetsingsinkomen", [t.toetsingsinkomenStep])
        for line in t.toeslagen {
            if case .success(let res) = line.result {
                addSteps(TotalSweeper.key(line.toeslag), res.trace.map(\.step))
            }
        }
        for (prov, _) in t.provisions {
            add(
                TotalSweeper.key(prov), prov.source.title, url: prov.source.url,
                toVerify: prov.needsVerification, kind: prov.source.kind)
        }
        if PaymentDays.topUp(municipality: r.municipality.id) != nil || t.toeslagenMonthly > .zero {
            if let d = PaymentDays.topUp(municipality: r.municipality.id) {
                add(
                    "kalender:" + CalendarEntry.Kind.topUp.rawValue, d.source, url: d.url,
                    toVerify: d.toVerify, kind: d.kind)
            }
            add(
                "kalender:" + CalendarEntry.Kind.toeslagen.rawValue, PaymentDays.toeslagen.source,
                url: PaymentDays.toeslagen.url, toVerify: PaymentDays.toeslagen.toVerify,
                kind: PaymentDays.toeslagen.kind)
        }
        return (notes, index)
    }
}
