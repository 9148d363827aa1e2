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
        // Each payslip's part in the month (counted, or left free), with the rule that decided it.
        let parts =
            p.shares.map { ($0.slip, "settle.share." + $0.kind.rawValue, text.shown($0), $0.step) }
            + p.uncounted.map { ($0.slip, "settle.share.free", text.shown($0), $0.step) }
        for (n, key, amount, step) in parts {
            let slip = i.payslips[n]
            let employer = slip.employer.isEmpty ? "—" : slip.employer
            out.print(
                base.row(
                    "  " + inv.t(key, ["date": .date(slip.payDate), "employer": .text(employer)]),
                    amount, width: width))
            out.print(base.wrap("      " + l.render(step.message), width: width))
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
                            "direction": Self.direction(r),
                        ]), width: width))
        }
        if let fc = forecast {
            out.print("")
            out.print(inv.context.style.bold(inv.t("settle.section.forecast")))
            for fm in fc.lowerTopUpMonths {
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
            if fc.lowerTopUpMonths.isEmpty {
                out.print(
                    base.wrap(
                        "- " + inv.t("settle.forecast.none." + i.policy.fourWeekly.rawValue),
                        width: width))
            }
            for r in fc.reconciliationsWithDifference {
                out.print(
                    base.wrap(
                        "- "
                            + inv.t(
                                "settle.forecast.reconciliation",
                                [
                                    "year": .text(String(r.year)),
                                    "amount": .reconciliation(r, .differenceSize),
                                    "direction": Self.direction(r),
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
        if let v = Engine.toVerifyNote(p.lines.flatMap(\.steps), municipality: municipality) {
            notes.append(l.render(v))
        }
        for n in notes { out.print(base.wrap("- " + n, width: width)) }
        base.explainHint(width: width)
    }

    /// Which way a year's reconciliation goes: less was paid than counted, or more.
    static func direction(_ r: ThirteenTwelfthsAllocation.YearReconciliation) -> Message.Argument {
        .message(
            Message(
                r.difference < .zero ? "settle.reconciliation.less" : "settle.reconciliation.more"))
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
