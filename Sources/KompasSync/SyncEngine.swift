import Foundation
import KompasStore

/// What one sync did.
public struct SyncReport: Sendable, Equatable, Codable {
    /// Records the endpoint acknowledged in this run, with their receipts.
    public var receipts: [Receipt] = []
    /// New or changed decisions and messages pulled from the endpoint.
    public var pulled: [KnownObject] = []
    /// Entries that are now conflicts or were refused.
    public var conflicts: [OutboxEntry] = []
    public var rejected: [OutboxEntry] = []
    /// Entries still waiting (a network problem stopped the run).
    public var stillWaiting: Int = 0
}

/// A step of a sync, for the progress line on standard error.
public enum SyncProgress: Sendable, Equatable {
    case pushing(done: Int, total: Int)
    case pulling(type: ObjectType)
}

/// Push the outbox, then pull the municipality's decisions and messages.
///
/// Crash safety: an entry leaves the outbox in the same store transaction that stores its
/// receipt, and only after the endpoint acknowledged it. A crash before that leaves it queued;
/// sending it again is harmless, because the endpoint recognises the uuid (create) or the
/// identical record on the same base (correction) and answers the existing object.
public struct SyncEngine {
    public let client: ObjectsClient
    public init(client: ObjectsClient) { self.client = client }

    public func run(
        store: Store, now: @escaping () -> Date = { Date() },
        progress: (SyncProgress) -> Void = { _ in }
    ) throws -> SyncReport {
        var report = SyncReport()
        let pending = try Outbox.pending(in: store)
        progress(.pushing(done: 0, total: pending.count))
        for (i, entry) in pending.enumerated() {
            do { try push(entry, store: store, report: &report) } catch {
                report.stillWaiting = pending.count - i
                throw SyncFailure(error: error, partial: report)
            }
            progress(.pushing(done: i + 1, total: pending.count))
        }
        do {
            for type in [ObjectType.verrekening, .bericht] {
                progress(.pulling(type: type))
                let objects = try client.all(type: type)
                try store.transaction {
                    for o in objects {
                        let known = try store.get(KnownObject.self, id: o.uuid, in: .syncobject)
                        guard known.map({ $0.index < o.record.index }) ?? true else { continue }
                        let k = try KnownObject(o)
                        try store.put(k, id: k.uuid, in: .syncobject)
                        if !(type == .bericht && o.record.data["van"]?.stringValue == "klant") {
                            report.pulled.append(k)
                        }
                    }
                }
            }
        } catch {
            throw SyncFailure(error: error, partial: report)
        }
        try store.put(
            SyncStatus(lastSyncAt: WireTime.string(now())), id: SyncStatus.id, in: .syncstatus)
        return report
    }

    private func push(_ entry: OutboxEntry, store: Store, report: inout SyncReport) throws {
        let record = NewRecord(
            typeVersion: 1, data: entry.data, startAt: entry.startAt, correctionFor: entry.baseIndex
        )
        let outcome =
            entry.isCreate
            ? try client.create(
                NewObject(uuid: entry.objectUUID, type: entry.type.rawValue, record: record))
            : try client.addRecord(entry.objectUUID, record)
        switch outcome {
        case .stored(let o):
            let known = try KnownObject(o)
            let receipt = Receipt(
                objectUUID: o.uuid, type: known.type, index: o.record.index,
                registrationAt: o.record.registrationAt,
                month: ReceiptSummary.month(
                    of: known.type, data: o.record.data, startAt: o.record.startAt))
            try store.transaction {
                try store.put(receipt, id: receipt.storeID, in: .ontvangstbewijs)
                try store.put(known, id: known.uuid, in: .syncobject)
                _ = try store.delete(id: entry.id, in: .outbox)
            }
            report.receipts.append(receipt)
        case .conflict(let idx):
            var e = entry
            e.state = .conflict
            // Show what the endpoint has now, next to the local change: never overwrite silently.
            if let current = try client.object(entry.objectUUID) {
                e.serverIndex = current.record.index
                e.serverData = current.record.data
            } else {
                e.serverIndex = idx
            }
            try store.put(e, id: e.id, in: .outbox)
            report.conflicts.append(e)
        case .rejected(let status, let detail):
            var e = entry
            e.state = .rejected
            e.detail = "\(status): \(detail)"
            try store.put(e, id: e.id, in: .outbox)
            report.rejected.append(e)
        }
    }
}

/// A sync that stopped part-way: the error and what was done before it (already stored).
public struct SyncFailure: Error {
    public let error: Error
    public let partial: SyncReport
}
