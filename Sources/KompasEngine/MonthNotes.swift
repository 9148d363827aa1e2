import KompasCore
import KompasIncome
import KompasMunicipality
import KompasRules

extension Engine {
    /// The plain sentences under a month of `watals`: what changes and what to do, decided once
    /// from the month's result (issue 15: a view renders them and decides nothing).
    ///
    /// The exemption story first (the engine's events), then why no exemption applies while
    /// working, the asset limit, a month without top-up, holiday pay and the reserve with its
    /// payout month, what an extra payday does under this municipality's way of counting pay
    /// (once per pay frequency of the jobs paid by the hour), that the tax is approximate, that
    /// income is reported, the toetsingsinkomen the toeslagen rest on, expected repayments and
    /// the figures still to verify.
    public static func notes(
        _ month: MonthResult, events: [CaseEvent], municipality: MunicipalityFile
    ) -> [Message] {
        guard let t = month.total else { return [] }
        let p = t.projection
        let i = p.input
        var works = true
        if case .none = i.work { works = false }
        var n = events.map(\.message)
        if works, case .notApplicable(let reason) = p.exemption { n.append(Message(reason)) }
        if let a = t.assetLimit, a.above, let step = a.step { n.append(step.message) }
        if works && p.topUp == .zero { n.append(Message("watals.note.noTopUp")) }
        if p.amount(Projection.Line.holidayPay) > .zero {
            n.append(Message("watals.note.holidayPay"))
        }
        if p.amount(Projection.Line.reserved) > .zero {
            n.append(Message("watals.note.reserved", ["month": .month(p.reservePayoutMonth)]))
        }
        var told = Set<PayFrequency>()
        for (f, work) in [(i.frequency, i.work)] + i.otherJobs.map({ ($0.frequency, $0.work) })
        where f != .maand && told.insert(f).inserted {
            guard case .hourly = work else { continue }
            let effect = ExtraPaydayEffect.of(municipality, frequency: f)
            n.append(Message("watals.note.frequency." + f.rawValue + "." + effect.rawValue))
        }
        switch i.work {
        case .hourly, .grossMonthly: n.append(Message("watals.note.taxApprox"))
        case .netMonthly, .none: break
        }
        if works { n.append(Message("watals.note.report")) }
        if !t.toeslagen.isEmpty {
            n.append(
                Message("watals.note.toeslagen", ["income": .line(.toetsingsinkomen, in: month)]))
        }
        for r in t.repayments where r.difference != .zero { n.append(r.message) }
        if t.provisions.contains(where: { $0.evaluation.needsVerification }) {
            n.append(Message("watals.note.provisionsToVerify"))
        }
        if let v = toVerifyNote(p.lines.flatMap(\.steps), municipality: municipality) {
            n.append(v)
        }
        return n
    }

    /// "N cijfers zijn nog te verifiëren": the legal figures the steps used that are not yet
    /// confirmed at their source, with the municipality's own unverified fields; nil when none.
    public static func toVerifyNote(_ steps: [TraceStep], municipality: MunicipalityFile)
        -> Message?
    {
        let unverified = Set(steps.flatMap(\.parameters).filter(\.toVerify).map(\.id))
        guard !unverified.isEmpty || !municipality.unverifiedFields.isEmpty else { return nil }
        return Message(
            "watals.note.toVerify",
            ["count": .number(unverified.count + municipality.unverifiedFields.count)])
    }
}
