import Foundation
import KompasStore

extension StoreCollection {
    /// The endpoint address and token (`kompas sync instellen`).
    public static let syncinstelling = StoreCollection("syncinstelling")
    /// Objects as the client last saw them on the endpoint: its own after each receipt, and the
    /// municipality's decisions and messages after each pull.
    ///
    /// A correction builds on this index.
    public static let syncobject = StoreCollection("syncobject")
    /// When the last sync finished.
    public static let syncstatus = StoreCollection("syncstatus")
    /// The outbox's next sequence number (one record, `volgnummer`).
    public static let outboxVolgnummer = StoreCollection("outbox-volgnummer")
}

/// One local change waiting to be sent: a new object (`baseIndex` nil) or a new record for an
/// object the endpoint has (`baseIndex` = the record it corrects).
///
/// The object's uuid is chosen
/// here, once, so sending it twice can never make two objects.
public struct OutboxEntry: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Waiting to be sent.
        case pending
        /// The object changed on the endpoint since the client last saw it; a person must choose.
        case conflict
        /// The endpoint refused the record (it does not fit the object type's schema).
        case rejected
    }
    public var id: String
    public var objectUUID: String
    public var type: ObjectType
    public var data: JSONValue
    public var startAt: String
    public var baseIndex: Int?
    /// Order of sending (a correction after the create it corrects).
    public var sequence: Int
    public var createdAt: String
    public var state: State
    /// With `conflict`: the endpoint's current record; with `rejected`: the endpoint's reason.
    public var serverIndex: Int?
    public var serverData: JSONValue?
    public var detail: String?

    public var isCreate: Bool { baseIndex == nil }
    /// The calendar month (`JJJJ-MM`) the entry is about, for the status overview.
    public var month: String? { ReceiptSummary.month(of: type, data: data, startAt: startAt) }
}

/// What the client last saw of one object on the endpoint.
public struct KnownObject: Codable, Sendable, Equatable {
    public var uuid: String
    public var type: ObjectType
    public var index: Int
    public var data: JSONValue
    public var startAt: String
    public var registrationAt: String
    public init(_ o: ObjectResource) throws {
        guard let t = ObjectType(rawValue: o.type) else { throw SyncError.badResponse(o.url) }
        uuid = o.uuid
        type = t
        index = o.record.index
        data = o.record.data
        startAt = o.record.startAt
        registrationAt = o.record.registrationAt
    }
}

/// The outbox: how other commands hand a payslip, a monthly statement or a message to `sync`.
///
/// Everything is sealed in the encrypted store (collection `outbox`).
public enum Outbox {
    /// Queues a new object and returns its uuid (the "kenmerk" the municipality will know it by).
    ///
    /// `startAt` is the record's legal start date (`JJJJ-MM-DD`): the first day of the month for a
    /// statement, the period's start for a payslip, today for a message.
    @discardableResult
    public static func enqueue(
        type: ObjectType, data: JSONValue, startAt: String, in store: Store,
        now: Date = Date()
    ) throws -> String {
        let uuid = UUID().uuidString.lowercased()
        try store.transaction {
            let entry = OutboxEntry(
                id: UUID().uuidString.lowercased(), objectUUID: uuid, type: type, data: data,
                startAt: startAt,
                baseIndex: nil, sequence: try nextSequence(store), createdAt: WireTime.string(now),
                state: .pending)
            try store.put(entry, id: entry.id, in: .outbox)
        }
        return uuid
    }

    /// Queues a correction of an object: a new record that names the record it corrects (Objects
    /// API `correctionFor`).
    ///
    /// If a change to the same object is still waiting, that change is
    /// replaced (it was never sent, so nothing on the endpoint builds on it).
    public static func enqueueCorrection(
        of uuid: String, data: JSONValue, startAt: String? = nil, in store: Store,
        now: Date = Date()
    ) throws {
        try store.transaction {
            if var waiting = try entries(in: store).first(where: {
                $0.objectUUID == uuid && $0.state == .pending
            }) {
                waiting.data = data
                if let s = startAt { waiting.startAt = s }
                try store.put(waiting, id: waiting.id, in: .outbox)
                return
            }
            guard let known = try store.get(KnownObject.self, id: uuid, in: .syncobject) else {
                throw OutboxError.unknownObject(uuid)
            }
            let entry = OutboxEntry(
                id: UUID().uuidString.lowercased(), objectUUID: uuid, type: known.type, data: data,
                startAt: startAt ?? known.startAt, baseIndex: known.index,
                sequence: try nextSequence(store), createdAt: WireTime.string(now), state: .pending)
            try store.put(entry, id: entry.id, in: .outbox)
        }
    }

    /// Every entry, in sending order.
    public static func entries(in store: Store) throws -> [OutboxEntry] {
        try store.all(OutboxEntry.self, in: .outbox).map(\.value).sorted {
            $0.sequence < $1.sequence
        }
    }

    public static func pending(in store: Store) throws -> [OutboxEntry] {
        try entries(in: store).filter { $0.state == .pending }
    }
    public static func conflicts(in store: Store) throws -> [OutboxEntry] {
        try entries(in: store).filter { $0.state != .pending }
    }

    /// Resolves a conflict: `keepMine` sends this entry again on top of the endpoint's current
    /// record; otherwise the local change is dropped and the endpoint's version stands.
    public static func resolve(_ entryID: String, keepMine: Bool, in store: Store) throws {
        try store.transaction {
            guard var e = try store.get(OutboxEntry.self, id: entryID, in: .outbox),
                e.state == .conflict
            else {
                throw OutboxError.noSuchConflict(entryID)
            }
            if keepMine, let idx = e.serverIndex {
                e.baseIndex = idx
                e.state = .pending
                e.serverIndex = nil
                e.serverData = nil
                try store.put(e, id: e.id, in: .outbox)
            } else {
                _ = try store.delete(id: e.id, in: .outbox)
            }
        }
    }

    /// The next sequence number, kept in its own record.
    ///
    /// So queuing costs the same whether one entry or ten thousand wait (issue 18: reading every
    /// entry here made an import of n payslips take time in n²). A store from before has no
    /// counter yet: it starts after the highest sequence of the entries that can be read. Call
    /// inside a transaction.
    static func nextSequence(_ store: Store) throws -> Int {
        struct Counter: Codable { var next: Int }
        let id = "volgnummer"
        let next: Int
        if let c = try store.get(Counter.self, id: id, in: .outboxVolgnummer) {
            next = c.next
        } else {
            let strict = store.skipsDamagedRecords
            store.skipsDamagedRecords = true
            defer { store.skipsDamagedRecords = strict }
            next = (try entries(in: store).map(\.sequence).max() ?? 0) + 1
        }
        try store.put(Counter(next: next + 1), id: id, in: .outboxVolgnummer)
        return next
    }
}

public enum OutboxError: Error, Equatable {
    case unknownObject(String)
    case noSuchConflict(String)
}
