import Foundation
import KompasCore
import KompasEngine
import KompasIncome
import KompasMunicipality
import KompasRules
import KompasSettlement

/// Renders the settlement preview: text with one plain sentence per step (all steps, sources and
/// parameters with `--uitleg`), or JSON (amounts in cents) from the same values.
struct SettlementRenderer {
    let inv: Invocation
    let municipality: MunicipalityFile
    var base: ProjectionRenderer { ProjectionRenderer(inv: inv, municipality: municipality) }
    var width: Int { max(30, min(inv.context.terminal.width, 100)) }

    static let shown: [String] = [
        SettlementPreview.Line.norm, SettlementPreview.Line.wage,
        SettlementPreview.Line.holidayEntitlement,
        SettlementPreview.Line.holidayPay, SettlementPreview.Line.bonus,
        SettlementPreview.Line.other,
        SettlementPreview.Line.income, SettlementPreview.Line.exemption,
        SettlementPreview.Line.counted,
        SettlementPreview.Line.topUp, SettlementPreview.Line.reserved,
        SettlementPreview.Line.topUpPaid,
        SettlementPreview.Line.alreadyPaid, SettlementPreview.Line.difference,
    ]

    func methodText(_ p: SettlementPolicy) -> String {
        inv.t(
            "settle.methods",
            [
                "four": .message(Message("settle.method." + p.fourWeekly.rawValue)),
                "week": .message(Message("settle.method." + p.method(for: .week).rawValue)),
                "other": .message(Message("settle.method." + p.method(for: .maand).rawValue)),
                "style": .message(Message("settle.style." + p.style.rawValue)),
            ])
    }

    func render(
        _ p: SettlementPreview, forecast: Forecast?, fromStore: Bool, month: MonthResult? = nil,
        payslipJobs: [String: Int] = [:]
    ) {
        if inv.json {
            var o = json(p, forecast: forecast, payslipJobs: payslipJobs)
            if let m = month { o["maand_resultaat"] = MonthJSON.object(m, inv) }
            inv.out.print(JSONOutput.string(o))
            return
        }
        let out = inv.out
        let l = KompasLocalizationBridge(inv: inv)
        let f = inv.context.localizer.format
        let i = p.input
        out.print(inv.context.style.bold(inv.t("settle.title", ["month": .month(i.month)])))
        var situation =
            inv.t("household." + i.household.type.rawValue) + ", "
            + inv.t("watals.age", ["age": .number(i.household.age)])
        situation += " · " + inv.t("watals.municipality", ["name": .text(municipality.name)])
        out.print(base.wrap(situation, width: width))
        out.print(base.wrap(methodText(i.policy), width: width))

        out.print("")
        out.print(inv.context.style.bold(inv.t("settle.section.payslips")))
        if p.shares.isEmpty && p.uncounted.isEmpty {
            out.print("  " + inv.t("settle.noPayslips", ["month": .month(i.month)]))
        }
        for s in p.shares {
            let slip = i.payslips[s.slip]
            out.print(
                base.row(
                    "  "
                        + inv.t(
                            "settle.share." + s.kind.rawValue,
                            [
                                "date": .date(slip.payDate),
                                "employer": .text(slip.employer.isEmpty ? "—" : slip.employer),
                            ]),
                    text.shown(s), width: width))
            out.print(base.wrap("      " + l.render(s.step.message), width: width))
        }
        for u in p.uncounted {
            let slip = i.payslips[u.slip]
            out.print(
                base.row(
                    "  "
                        + inv.t(
                            "settle.share.free",
                            [
                                "date": .date(slip.payDate),
                                "employer": .text(slip.employer.isEmpty ? "—" : slip.employer),
                            ]),
                    text.shown(u), width: width))
            out.print(base.wrap("      " + l.render(u.step.message), width: width))
        }

        out.print("")
        out.print(inv.context.style.bold(inv.t("settle.section.steps")))
        for id in Self.shown {
            guard let line = p.line(id) else { continue }
            if [
                SettlementPreview.Line.holidayPay, SettlementPreview.Line.bonus,
                SettlementPreview.Line.other,
            ].contains(id) && line.amount == .zero {
                continue
            }
            let label =
                (id == SettlementPreview.Line.reserved ? "    " : "  ") + inv.t("settle.line." + id)
                + (line.provisional ? " *" : "")
            out.print(base.row(label, text.shown(line), width: width))
            if inv.explain {
                base.explain(line.steps)
            } else if let first = line.steps.last, id != SettlementPreview.Line.wage {
                out.print(base.wrap("      " + l.render(first.message), width: width))
            }
        }
        for c in p.carriedIn {
            // Issue 15: an earlier month said it is settled on this month's payment.
            out.print(base.wrap("  " + l.render(c.message), width: width))
        }
        if let b = p.bufferBudget {
            // Art. 34b: an overpayment from counted wages can be settled from the bufferbudget.
            out.print(base.wrap("      " + l.render(b.step.message), width: width))
        }
        let provisional = ProvisionalText.lines(p.provisional, year: p.input.month.year, inv)
        if !provisional.isEmpty {
            out.print("")
            out.print(inv.context.style.bold("* " + inv.t("provisional.title")))
            for line in provisional { out.print(base.wrap(line, width: width)) }
        }
        for r in p.reconciliations {
            out.print("")
            out.print(
                base.wrap(
                    inv.t(
                        "settle.reconciliation",
                        [
                            "year": .text(String(r.year)), "paid": .reconciliation(r, .paid),
                            "counted": .reconciliation(r, .counted),
                            "difference": .reconciliation(r, .differenceSize),
                            "direction": .message(
                                Message(
                                    r.difference < .zero
                                        ? "settle.reconciliation.less"
                                        : "settle.reconciliation.more")),
                        ]), width: width))
        }
        if let fc = forecast {
            out.print("")
            out.print(inv.context.style.bold(inv.t("settle.section.forecast")))
            for fm in fc.months where fm.lowerTopUp > .zero {
                out.print(
                    base.wrap(
                        "- "
                            + inv.t(
                                "settle.forecast.twoPaydays",
                                [
                                    "month": .text(f.monthName(fm.month.month)),
                                    "year": .text(String(fm.month.year)),
                                    "lower": .lowerTopUp(fm),
                                ]), width: width))
            }
            if !fc.months.contains(where: { $0.lowerTopUp > .zero }) {
                out.print(
                    base.wrap(
                        "- " + inv.t("settle.forecast.none." + i.policy.fourWeekly.rawValue),
                        width: width))
            }
            for r in fc.reconciliations where r.difference != .zero {
                out.print(
                    base.wrap(
                        "- "
                            + inv.t(
                                "settle.forecast.reconciliation",
                                [
                                    "year": .text(String(r.year)),
                                    "amount": .reconciliation(r, .differenceSize),
                                    "direction": .message(
                                        Message(
                                            r.difference < .zero
                                                ? "settle.reconciliation.less"
                                                : "settle.reconciliation.more")),
                                ]), width: width))
            }
        }
        out.print("")
        out.print(inv.context.style.bold(inv.t("watals.section.notes")))
        var notes: [String] = []
        if !fromStore && i.payslips.isEmpty { notes.append(inv.t("settle.note.noData")) }
        notes.append(
            inv.t(
                "settle.note.deadline", ["date": .date(i.policy.incomeFormDeadline(for: i.month))])
                + (municipality.settlement.incomeFormDay.toVerify
                    ? " " + inv.t("status.deadline.toVerify") : ""))
        let unverified = p.lines.flatMap { $0.steps.flatMap(\.parameters) }.filter(\.toVerify)
        if !unverified.isEmpty || !municipality.unverifiedFields.isEmpty {
            notes.append(
                inv.t(
                    "watals.note.toVerify",
                    [
                        "count": .number(
                            Set(unverified.map(\.id)).count + municipality.unverifiedFields.count)
                    ]))
        }
        for n in notes { out.print(base.wrap("- " + n, width: width)) }
        if !inv.explain {
            out.print(
                inv.context.style.dim(
                    base.wrap(
                        inv.t(
                            inv.context.inGuide ? "watals.explainHint.gids" : "watals.explainHint"),
                        width: width)))
        }
    }

    /// The one formatter of the amounts this view shows (``LineText``).
    var text: LineText { LineText(inv: inv) }

    /// A line's amount in JSON: cents, or null while the month waits for its payslip (never a
    /// silent zero); the expected amount is under `verwacht_centen`.
    static func amountJSON(_ line: SettlementLine) -> Any {
        if case .awaitsPayslip = line.shown { return NSNull() }
        return line.amount.cents
    }

    func json(_ p: SettlementPreview, forecast: Forecast?, payslipJobs: [String: Int] = [:])
        -> [String: Any]
    {
        var amounts: [String: Any] = [:]
        var expected: [String: Any] = [:]
        for line in p.lines {
            amounts[line.id] = Self.amountJSON(line)
            if case .awaitsPayslip(let e?) = line.shown { expected[line.id] = e.cents }
        }
        let l = KompasLocalizationBridge(inv: inv)
        var o: [String: Any] = [
            "maand": p.input.month.description,
            "gemeente": municipality.id,
            "methode": [
                "vierwekelijks": p.input.policy.fourWeekly.rawValue,
                "wekelijks": p.input.policy.method(for: .week).rawValue,
                "overig": p.input.policy.method(for: .maand).rawValue,
                "stijl": p.input.policy.style.rawValue,
                "eindejaarsuitkering": p.input.policy.yearEndBonus.rawValue,
                "vakantiegeld_maandelijks": p.input.policy.income.holidayPayCountedMonthly,
            ],
            "bedragen_centen": amounts,
            "verwacht_centen": expected,
            "vrijlating": base.exemptionJSON(p.exemption, month: p.input.month),
            "loonstroken": p.shares.map { s -> [String: Any] in
                let slip = p.input.payslips[s.slip]
                var o: [String: Any] = [
                    "betaaldatum": slip.payDate.description, "werkgever": slip.employer,
                    "soort": s.kind.rawValue, "regel": s.rule,
                    "meegeteld_centen": s.amount.cents, "netto_centen": slip.net.cents,
                    "tekst": l.render(s.step.message),
                ]
                // The job of the work history this payslip belongs to (its employer's job).
                if let n = payslipJobs[slip.id] { o["baan"] = n }
                return o
            },
            "niet_meegeteld": p.uncounted.map { u -> [String: Any] in
                let slip = p.input.payslips[u.slip]
                return [
                    "betaaldatum": slip.payDate.description, "werkgever": slip.employer,
                    "soort": u.kind.rawValue, "bedrag_centen": u.amount.cents,
                    "tekst": l.render(u.step.message),
                ]
            },
            "uitleg": p.lines.map { line -> [String: Any] in
                [
                    "regel": line.id, "bedrag_centen": Self.amountJSON(line),
                    "voorlopig": line.provisional, "stappen": line.steps.map(base.stepJSON),
                ]
            },
            "voorlopig": [
                "bedragen": p.lines.filter(\.provisional).map(\.id),
                "cijfers": ProvisionalText.json(p.provisional),
            ] as [String: Any],
            "jaarafrekening": p.reconciliations.map(recJSON),
            "inkomstenformulier_uiterlijk": p.input.policy.incomeFormDeadline(for: p.input.month)
                .description,
        ]
        if let b = p.bufferBudget {
            o["bufferbudget"] =
                [
                    "maximum_per_jaar_centen": b.maximum.cents,
                    "beschikbaar_centen": b.available.cents,
                    "door_gemeente_ingezet": b.settledByPolicy, "ingezet_centen": b.used.cents,
                    "terug_te_betalen_centen": b.remaining.cents,
                    "voorlopig": b.step.parameters.contains(where: \.needsMark),
                    "tekst": l.render(b.step.message),
                ] as [String: Any]
        }
        o["wacht_op_loonstrook"] = p.awaitsPayslip
        o["verrekend_uit_eerdere_maanden"] = p.carriedIn.map { c -> [String: Any] in
            [
                "maand": c.from.description, "bedrag_centen": c.amount.cents,
                "tekst": l.render(c.message),
            ]
        }
        if let r = p.recovery {
            o["terugbetalen"] = [
                "totaal_centen": r.total.cents, "maanden": r.months,
                "per_maand_centen": r.perMonth.cents,
            ]
        }
        if let fc = forecast {
            o["vooruitblik"] = [
                "maanden": fc.months.map {
                    [
                        "maand": $0.month.description, "betaaldagen": $0.paydays,
                        "extra_loon_centen": $0.extraPay.cents,
                        "lagere_aanvulling_centen": $0.lowerTopUp.cents,
                    ] as [String: Any]
                },
                "jaarafrekening": fc.reconciliations.map(recJSON),
            ]
        }
        return o
    }

    func recJSON(_ r: ThirteenTwelfthsAllocation.YearReconciliation) -> [String: Any] {
        [
            "jaar": r.year, "werkgever": r.employer, "betaald_centen": r.paid.cents,
            "meegeteld_centen": r.counted.cents, "verschil_centen": r.difference.cents,
        ]
    }
}
