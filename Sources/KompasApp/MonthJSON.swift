import KompasCore
import KompasEngine
import KompasProvisions
import KompasRules

/// The one JSON shape of a month, shared by `watals --json`, `verrekening --json` and
/// `uren --json` under the key `maand_resultaat` (issue 15; documented once in man/kompas.1).
///
/// The amounts are the engine's result lines (``MonthResult/lines``) in cents under their one id
/// each; a month the engine could not compute says so (`bekend` false) instead of a zero; the
/// provisional marks of issue 16 name the amounts and the figures that are not final.
enum MonthJSON {
    /// The month object.
    static func object(_ m: MonthResult, _ inv: Invocation) -> [String: Any] {
        var o: [String: Any] = ["maand": m.month.description, "bekend": m.unknown == nil]
        var amounts: [String: Any] = [:]
        for line in m.lines where !line.id.rawValue.contains(":") {
            amounts[line.id.rawValue] = line.amount.cents
        }
        o["bedragen_centen"] = amounts
        // Per job of the work history (the totals above are their sums): `baan` is its number.
        o["banen"] = m.jobNumbers.map { n -> [String: Any] in
            let prefix = LineID.job(n, "").rawValue
            var job: [String: Any] = [:]
            for line in m.lines where line.id.rawValue.hasPrefix(prefix) {
                let id = String(line.id.rawValue.dropFirst(prefix.count))
                if !id.contains(":") { job[id] = line.amount.cents }
            }
            return ["baan": n, "bedragen_centen": job] as [String: Any]
        }
        if let t = m.total {
            o["voorlopig"] =
                [
                    "bedragen": t.projection.lines.filter(\.provisional).map(\.id).sorted(),
                    "cijfers": ProvisionalText.json(t.provisional),
                ] as [String: Any]
        } else {
            o["voorlopig"] =
                ["bedragen": [String](), "cijfers": [[String: Any]]()] as [String: Any]
        }
        if let u = m.unknown {
            o["reden"] = inv.context.localizer.render(u.message)
        }
        return o
    }

    /// A kwijtschelding's computation (Uitvoeringsregeling Invorderingswet 1990 artikel 11–16), in
    /// cents, the same object in `watals --json` and `samenvatting --json`.
    static func waiver(_ w: Kwijtschelding.Outcome) -> [String: Any] {
        [
            "soort": ["full": "geheel", "partial": "deels", "none": "geen"][w.kind.rawValue]
                ?? w.kind.rawValue,
            "belasting_centen": w.tax.cents, "kwijt_centen": w.waived.cents,
            "zelf_betalen_centen": w.toPay.cents,
            "besteedbaar_inkomen_centen": w.disposableIncome.cents,
            "woonlasten_centen": w.expenses.cents,
            "kosten_van_bestaan_centen": w.costOfLiving.cents,
            "kosten_van_bestaan_procent": w.costOfLivingPercent,
            "betalingscapaciteit_per_maand_centen": w.capacityPerMonth.cents,
            "betalingscapaciteit_per_jaar_centen": w.capacityPerYear.cents,
            "betalingscapaciteit_procent": w.capacityPercent,
            "betalingscapaciteit_gebruikt_centen": w.capacityUsed.cents,
        ]
    }
}
