import KompasCore
import KompasMunicipality
import KompasSettlement

/// The municipality's decision for a month, as `kompas sync` received it.
public struct MunicipalDecision: Sendable, Hashable {
    public var month: CalendarMonth
    /// The bijstand the municipality pays for the month (the top-up on the client's account).
    public var topUpPaid: Money
    /// The income it counted, when the decision says.
    public var countedIncome: Money?
    /// The date of the decision (besluitdatum).
    public var decidedOn: LocalDate

    /// Creates a decision.
    public init(month: CalendarMonth, topUpPaid: Money, countedIncome: Money?, decidedOn: LocalDate)
    {
        self.month = month
        self.topUpPaid = topUpPaid
        self.countedIncome = countedIncome
        self.decidedOn = decidedOn
    }
}

/// A decision set beside Kompas's preview of the same month: each difference in plain words, and
/// the way to object.
///
/// The client may object (bezwaar) within six weeks (Awb artikel 6:7: "De termijn voor het
/// indienen van een bezwaar- of beroepschrift bedraagt zes weken"), counted from the day after
/// the decision was made known (artikel 6:8 lid 1). Kompas takes the decision's date as the start
/// and says the exact date is in the letter.
public struct DecisionComparison: Sendable {
    public var decision: MunicipalDecision
    /// One sentence per line that differs (or one saying they agree).
    public var lines: [Message]
    public var differs: Bool
    /// Six weeks after the decision's date.
    public var objectionUntil: LocalDate
    /// The sociaal raadslieden the municipality file names (nil: it names none, and Kompas does
    /// not guess).
    public var socialAdvisers: MunicipalityFile.HelpContact?

    /// Compares a decision with the preview of its month.
    public static func compare(
        _ d: MunicipalDecision, preview p: SettlementPreview, municipality: MunicipalityFile? = nil
    ) -> DecisionComparison {
        var lines: [Message] = []
        let ours = p.amount(SettlementPreview.Line.topUpPaid)
        let counted = p.amount(SettlementPreview.Line.counted)
        if let theirs = d.countedIncome, theirs != counted {
            lines.append(
                Message(
                    "decision.line.counted",
                    [
                        "theirs": .money(theirs), "ours": .money(counted),
                        "direction": .message(
                            Message(theirs > counted ? "decision.more" : "decision.less")),
                    ]))
        }
        if d.topUpPaid != ours {
            lines.append(
                Message(
                    "decision.line.topUp",
                    [
                        "theirs": .money(d.topUpPaid), "ours": .money(ours),
                        "direction": .message(
                            Message(d.topUpPaid > ours ? "decision.more" : "decision.less")),
                    ]))
        }
        let differs = !lines.isEmpty
        if differs { lines.append(Message("decision.why")) }
        return DecisionComparison(
            decision: d, lines: lines, differs: differs,
            objectionUntil: d.decidedOn.adding(days: 42),
            socialAdvisers: municipality?.freeHelp?.socialAdvisers?.value)
    }

    /// What the client is told: the title, the lines, and (when it differs) how to object and
    /// where free help is.
    public var messages: [Message] {
        guard differs else {
            return [Message("decision.same", ["month": .month(decision.month)])]
        }
        return [Message("decision.title", ["month": .month(decision.month)])] + lines + [
            Message(
                "decision.objection",
                ["date": .date(decision.decidedOn), "deadline": .date(objectionUntil)]),
            Message("decision.help"),
        ]
            + (socialAdvisers.map {
                [
                    Message(
                        "decision.help.socialAdvisers",
                        ["name": .text($0.name), "address": .text($0.address)])
                ]
            } ?? [])
    }
}
