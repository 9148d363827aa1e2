import Foundation
import KompasStore

/// Proof that the municipality received something: the endpoint's registration time and the
/// object's uuid (the "kenmerk"), stored when the endpoint acknowledged the record.
///
/// This is what
/// answers "is mijn formulier aangekomen?" without a printer or a phone call.
public struct Receipt: Codable, Sendable, Equatable {
    public var objectUUID: String
    public var type: ObjectType
    public var index: Int
    /// UTC, ISO 8601, as the endpoint registered it.
    public var registrationAt: String
    /// `JJJJ-MM` the record is about, when it has one.
    public var month: String?
    public var kenmerk: String { objectUUID }
    public var storeID: String { "\(objectUUID).\(index)" }
}

/// The receipts section of `kompas status`: per month, when the statement was received and
/// with which kenmerk, how many payslips arrived, and what still waits to be sent.
public struct ReceiptSummary: Sendable, Equatable, Codable {
    public struct MonthLine: Sendable, Equatable, Codable {
        public var month: String
        /// The latest acknowledged statement for the month.
        public var statementReceivedAt: String?
        public var statementKenmerk: String?
        public var payslipsReceived: Int
        public var statementsWaiting: Int
        public var payslipsWaiting: Int
    }
    public var months: [MonthLine]
    public var waiting: Int
    public var conflicts: [OutboxEntry]
    /// Nothing waits and nothing was refused or is in conflict: only then is everything sent (a
    /// refused change after a failed `sync` is not sent, whatever the count of waiting ones).
    public var allSent: Bool { waiting == 0 && conflicts.isEmpty }
    public var lastSync: String?
    public var configured: Bool
    /// Decisions (`verrekening`) and messages (`bericht`) from the municipality, newest first.
    public var fromMunicipality: [KnownObject]

    /// The month a record is about: `maand` in its data, else the end of a payslip's period,
    /// else its start date.
    public static func month(of type: ObjectType, data: JSONValue, startAt: String) -> String? {
        if let m = data["maand"]?.stringValue, m.count == 7 { return m }
        if type == .loonstrook, let end = data["periodeTot"]?.stringValue, end.count == 10 {
            return String(end.prefix(7))
        }
        if type == .bericht { return nil }
        return startAt.count >= 7 ? String(startAt.prefix(7)) : nil
    }

    public static func load(from store: Store) throws -> ReceiptSummary {
        let receipts = try store.all(Receipt.self, in: .ontvangstbewijs).map(\.value)
        let outbox = try Outbox.entries(in: store)
        var lines: [String: MonthLine] = [:]
        func line(_ m: String) -> MonthLine {
            lines[m]
                ?? MonthLine(
                    month: m, statementReceivedAt: nil, statementKenmerk: nil, payslipsReceived: 0,
                    statementsWaiting: 0, payslipsWaiting: 0)
        }
        var payslipObjects: [String: Set<String>] = [:]
        for r in receipts {
            guard let m = r.month else { continue }
            var l = line(m)
            switch r.type {
            case .inkomstenopgave:
                if (l.statementReceivedAt ?? "") < r.registrationAt {
                    l.statementReceivedAt = r.registrationAt
                    l.statementKenmerk = r.kenmerk
                }
            case .loonstrook: payslipObjects[m, default: []].insert(r.objectUUID)
            default: break
            }
            lines[m] = l
        }
        for (m, set) in payslipObjects {
            var l = line(m)
            l.payslipsReceived = set.count
            lines[m] = l
        }
        for e in outbox where e.state == .pending {
            guard let m = e.month else { continue }
            var l = line(m)
            if e.type == .inkomstenopgave { l.statementsWaiting += 1 }
            if e.type == .loonstrook { l.payslipsWaiting += 1 }
            lines[m] = l
        }
        let known = try store.all(KnownObject.self, in: .syncobject).map(\.value)
        let from = known.filter {
            $0.type == .verrekening
                || ($0.type == .bericht && $0.data["van"]?.stringValue == "klantmanager")
        }
        .sorted { $0.registrationAt > $1.registrationAt }
        return ReceiptSummary(
            months: lines.values.sorted { $0.month < $1.month },
            waiting: outbox.filter { $0.state == .pending }.count,
            conflicts: outbox.filter { $0.state != .pending },
            lastSync: try store.get(SyncStatus.self, id: SyncStatus.id, in: .syncstatus)?
                .lastSyncAt,
            configured: try store.get(id: SyncSettings.storeID, in: .syncinstelling) != nil,
            fromMunicipality: from)
    }
}

public struct SyncStatus: Codable, Sendable, Equatable {
    public static let id = "laatste"
    public var lastSyncAt: String
}

extension SyncSettings {
    public static let storeID = "eindpunt"
    public static func load(from store: Store) throws -> SyncSettings? {
        try store.get(SyncSettings.self, id: storeID, in: .syncinstelling)
    }
    public func save(in store: Store) throws {
        try store.put(self, id: Self.storeID, in: .syncinstelling)
    }
}
