import Foundation
import KompasCore
import KompasEngine
import KompasSettlement
import KompasStore
import KompasSync

/// Where payslips and monthly statements meet the sync outbox: the App is the one layer that knows
/// both the payslip model (KompasSettlement) and the wire format (KompasSync), so the mapping lives
/// here.
///
/// A payslip is queued in the same store transaction that saves it, so a crash can never
/// leave a saved payslip that will not be sent (or a queued one that was not saved).
enum SyncBridge {
    /// Which object (uuid) a payslip became, so a monthly statement can name its payslips.
    static let links = StoreCollection("loonstrook-object")
    struct Link: Codable, Equatable {
        var payslipID: String
        var objectUUID: String
    }

    /// The `loonstrook` object data (schema in KompasServer/Schemas.swift): amounts in cents.
    static func data(_ p: Payslip) -> JSONValue {
        var o: [String: JSONValue] = [
            "werkgever": .string(p.employer.isEmpty ? "-" : p.employer),
            "periodeVan": .string(p.periodStart.description),
            "periodeTot": .string(p.periodEnd.description),
            "uitbetaaldOp": .string(p.payDate.description), "nettoCent": .integer(p.net.cents),
        ]
        if let g = p.gross { o["brutoCent"] = .integer(g.cents) }
        if let h = p.hours { o["urenHonderdsten"] = .integer(Int64(h)) }
        switch p.frequency {
        case .week: o["periode"] = .string("week")
        case .vierWeken: o["periode"] = .string("vierweken")
        case .maand: o["periode"] = .string("maand")
        default: break
        }
        if p.holidayPayPaid > .zero { o["vakantiegeldCent"] = .integer(p.holidayPayPaid.cents) }
        if p.yearEndBonus > .zero { o["eindejaarsuitkeringCent"] = .integer(p.yearEndBonus.cents) }
        return .object(o)
    }

    /// Saves a payslip and queues it for the municipality, in one transaction.
    ///
    /// The record ids are keyed hashes of the payslip's natural key (``Payslip/id``: employer,
    /// period, pay date), never the key itself (issue 18), so the same slip saved twice is one
    /// record and nothing about it is readable in the file.
    static func save(_ p: Payslip, in store: Store) throws {
        try store.transaction {
            let id = try store.recordID(forKey: p.id, in: .loonstrook)
            let isNew = try store.get(Payslip.self, id: id, in: .loonstrook) == nil
            try store.put(p, id: id, in: .loonstrook)
            guard isNew else { return }
            let uuid = try Outbox.enqueue(
                type: .loonstrook, data: data(p), startAt: p.payDate.description, in: store)
            try store.put(
                Link(payslipID: p.id, objectUUID: uuid),
                id: try store.recordID(forKey: p.id, in: links), in: links)
        }
    }

    /// Queues the monthly income statement (`inkomstenopgave`) for a month: the income counted
    /// and the payslips it rests on.
    ///
    /// Returns the statement's uuid (its kenmerk).
    static func queueStatement(_ statement: IncomeStatement, in store: Store) throws -> String {
        try store.transaction {
            let uuids = try statement.payslipIDs.compactMap {
                try store.get(Link.self, id: try store.recordID(forKey: $0, in: links), in: links)?
                    .objectUUID
            }
            var o: [String: JSONValue] = [
                "maand": .string(statement.month.description),
                "inkomstenCent": .integer(statement.income.cents),
                "loonstroken": .array(uuids.map { .string($0) }),
            ]
            if statement.noIncome { o["geenInkomsten"] = .bool(true) }
            return try Outbox.enqueue(
                type: .inkomstenopgave, data: .object(o),
                startAt: statement.month.firstDay.description, in: store)
        }
    }
}
