import Foundation
import KompasCore
import KompasEngine
import KompasMunicipality
import KompasSummary

/// `kompas samenvatting --json`: the summary's content in the one JSON shape (issue 15).
///
/// The same values the text, Markdown and HTML show, from the same evaluation: the situation,
/// the first month's `maand_resultaat` (the object `watals --json` gives for the same situation
/// and month, byte for byte: ``MonthJSON``), every month shown, the exemption schedule with its
/// dated events, the provisions as ``ProvisionShown`` decides them, the next steps, contact and
/// help, the sources; amounts in cents, the provisional marks as in every other `--json`. The
/// klantmanager register adds its points (risks and open questions) and the methods used.
/// Sentences are in the register and language asked, as the text says them.
struct SummaryJSON {
    let builder: SummaryDocumentBuilder
    let result: CaseResult
    let municipality: MunicipalityFile
    let inv: Invocation

    var summary: Summary { builder.summary }

    func object() -> [String: Any] {
        let s = summary
        let req = s.request
        let renderer = ProjectionRenderer(inv: inv, municipality: municipality)
        var o: [String: Any] = [
            "soort": "samenvatting",
            "voor": req.audience.rawValue,
            "maand": req.base.month.description,
            "gemeente": req.municipality.id,
            "titel": builder.title,
            "situatie": [
                "tekst": builder.situation(), "invoer": renderer.inputJSON(req.base),
                "loonstroken_opgeslagen": req.storedPayslips,
            ] as [String: Any],
        ]
        if let first = result.first { o["maand_resultaat"] = MonthJSON.object(first, inv) }
        o["maanden"] = zip(result.months, s.months).map { m, outcome -> [String: Any] in
            [
                "maand_resultaat": MonthJSON.object(m, inv),
                "betaaldagen": outcome.paydays.map { $0 as Any } ?? NSNull(),
                // A toeslag not in force leaves the month's total incomplete: the tables say
                // "nog niet bekend" for it.
                "volledig": !outcome.incomplete,
            ]
        }
        o["vrijlating"] = exemption()
        o["gebeurtenissen"] = s.events.map { e -> [String: Any] in
            [
                "soort": e.kind.rawValue,
                "maand": e.month.map { $0.description as Any } ?? NSNull(),
                "tekst": builder.r(e.message),
            ]
        }
        o["regelingen"] = s.current.provisions.map { prov, e -> [String: Any] in
            var v: [String: Any] = [
                "id": prov.id,
                "naam": prov.name.text(inv.context.localizer.language),
                "te_verifieren": e.needsVerification, "bron": prov.source.title,
            ]
            switch ProvisionShown.of(e) {
            case .amount(let m):
                v["getoond"] = "bedrag"
                v["per_maand_centen"] = m.cents
            case .yes: v["getoond"] = "ja"
            case .no: v["getoond"] = "nee"
            }
            return v
        }
        o["volgende_stappen"] = s.actions.map {
            ["soort": $0.kind.rawValue, "tekst": builder.r($0.message)] as [String: Any]
        }
        o["kalender"] = s.calendar.map { c -> [String: Any] in
            [
                "soort": c.kind.rawValue, "datum": c.date.description,
                "tot_dag": c.lastDay.map { $0 as Any } ?? NSNull(),
                "bedrag_centen": c.amount.map { $0.cents as Any } ?? NSNull(),
                "naam": c.name.map { $0 as Any } ?? NSNull(),
                "binnenkomend": c.incoming, "te_verifieren": c.toVerify,
            ]
        }
        if let trap = s.sweep?.trapBands.first {
            o["armoedeval"] =
                [
                    "van_uren_honderdsten": trap.from, "tot_uren_honderdsten": trap.to,
                    "tekst": builder.t(
                        "samenvatting.trap.client",
                        ["from": .hours(trap.from), "to": .hours(trap.to)]),
                ] as [String: Any]
        }
        o["hulp"] = builder.municipalityHelp()
        var contact: [String: Any] = [:]
        if let c = req.contact {
            contact["naam"] = c.name
            contact["bereikbaar"] = c.reach.map { $0 as Any } ?? NSNull()
        } else {
            contact["naam"] = NSNull()
        }
        if case .contact(_, _, _, let text) = builder.contact() {
            contact["tekst"] = text
        } else if case .paragraph(let text) = builder.contact() {
            contact["tekst"] = text
        }
        o["contact"] = contact
        o["bronnen"] = s.footnotes.map { n -> [String: Any] in
            [
                "nummer": n.number, "tekst": n.text,
                "url": n.url.map { $0 as Any } ?? NSNull(), "te_verifieren": n.toVerify,
            ]
        }
        if req.audience == .klantmanager {
            o["punten"] = s.points.map {
                ["soort": $0.kind.rawValue, "tekst": builder.r($0.message)] as [String: Any]
            }
            o["methoden"] = req.municipality.methods.map {
                [
                    "veld": $0.field, "waarde": $0.value, "bron": $0.source,
                    "te_verifieren": $0.toVerify,
                ] as [String: Any]
            }
            o["inkomstenformulier_dag"] = req.deadlineDay.map { $0 as Any } ?? NSNull()
        }
        return o
    }

    /// The exemption schedule month by month and its dated events: the engine's, as `watals`
    /// tells them (`gebeurtenissen` there has the same `soort`, `maand` and `tekst`).
    func exemption() -> [String: Any] {
        let l = inv.context.localizer
        return [
            "perioden": result.exemption.periods.map { p -> [String: Any] in
                [
                    "van": p.from.description, "tot_en_met": p.through.description,
                    "soort": p.kind.map { $0.rawValue as Any } ?? NSNull(),
                    "bedrag_centen": p.amount.cents,
                ]
            },
            "onbekend_vanaf": result.exemption.unknownFrom.map { $0.description as Any }
                ?? NSNull(),
            "gebeurtenissen": result.exemptionEvents.map { e -> [String: Any] in
                [
                    "soort": e.kind.rawValue, "maand": e.month.description,
                    "tekst": l.render(builder.register(e.message)),
                ]
            },
        ]
    }
}
