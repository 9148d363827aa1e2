import Foundation
import KompasCore
import KompasDocuments
import KompasStore
import KompasSync

/// The application log in the encrypted store, and its way to the municipality.
///
/// Entries live in collection `sollicitatie` under ``Store/recordID(forKey:in:)`` of their natural
/// key (issue 18: no employer or date readable in the file); the client's own agreement on how
/// many (what the contact person said) in `sollicitatie-afspraak`.
enum ApplicationStore {
    static let entries = StoreCollection("sollicitatie")
    static let agreements = StoreCollection("sollicitatie-afspraak")
    static let agreementID = "afspraak"

    static func all(_ store: Store) throws -> [ApplicationEntry] {
        ApplicationLog.ordered(try store.all(ApplicationEntry.self, in: entries).map(\.value))
    }

    static func agreement(_ store: Store) throws -> ApplicationLog.Agreement? {
        try store.get(ApplicationLog.Agreement.self, id: agreementID, in: agreements)
    }

    static func saveAgreement(_ a: ApplicationLog.Agreement, in store: Store) throws {
        try store.put(a, id: agreementID, in: agreements)
    }

    /// Saves a new entry; false when the same entry (kind, date, employer, role) is already there.
    static func add(_ e: ApplicationEntry, in store: Store) throws -> Bool {
        try store.transaction {
            let id = try store.recordID(forKey: e.naturalKey, in: entries)
            if try store.get(ApplicationEntry.self, id: id, in: entries) != nil { return false }
            try store.put(e, id: id, in: entries)
            return true
        }
    }

    /// Replaces an entry (same natural key) after a status change or a note.
    static func update(_ e: ApplicationEntry, in store: Store) throws {
        try store.put(e, id: try store.recordID(forKey: e.naturalKey, in: entries), in: entries)
    }

    static func remove(_ e: ApplicationEntry, in store: Store) throws {
        _ = try store.delete(
            id: try store.recordID(forKey: e.naturalKey, in: entries), in: entries)
    }

    /// The check record id (collection `documentcontrole`) of the latest check of a document
    /// with these bytes and this kind, if it was checked.
    static func checkID(hash: String, kind: DocumentKind, in store: Store) throws -> String? {
        try store.all(CheckRecord.self, in: .documentcontrole)
            .filter { $0.value.documentHash == hash && $0.value.kind == kind }
            .max { $0.id < $1.id }?.id
    }

    static func check(id: String, in store: Store) throws -> CheckRecord? {
        try store.get(CheckRecord.self, id: id, in: .documentcontrole)
    }

    /// The `sollicitatie` object data (schema in KompasServer/SollicitatieSchema.swift).
    ///
    /// The log entry as the contact person sees it. The vacancy text stays on the device (it can be
    /// long and is the employer's, not the client's); the link goes along.
    static func data(_ e: ApplicationEntry, checks: (String) -> CheckRecord?) -> JSONValue {
        var o: [String: JSONValue] = [
            "soort": .string(e.kind.rawValue), "datum": .string(e.date.description),
            "werkgever": .string(e.employer.isEmpty ? "-" : e.employer),
            "status": .string(e.status.rawValue),
            "statussen": .array(
                e.changes.map { c in
                    var s: [String: JSONValue] = [
                        "status": .string(c.status.rawValue), "datum": .string(c.on.description),
                    ]
                    if let p = c.planned { s["gepland"] = .string(p.description) }
                    if let r = c.reason { s["reden"] = .string(r) }
                    return .object(s)
                }),
        ]
        if !e.role.isEmpty { o["functie"] = .string(e.role) }
        if let c = e.channel { o["kanaal"] = .string(c) }
        if let l = e.vacancyLink { o["vacatureLink"] = .string(l) }
        if !e.notes.isEmpty {
            o["notities"] = .array(
                e.notes.map {
                    .object(["datum": .string($0.on.description), "tekst": .string($0.text)])
                })
        }
        for (field, id) in [("cvNagekekenOp", e.cvCheckID), ("briefNagekekenOp", e.letterCheckID)] {
            if let id, let c = checks(id) { o[field] = .string(c.checkedOn.description) }
        }
        return .object(o)
    }

    /// Queues the chosen entries for the municipality, in one transaction: a new object the first
    /// time, a correction of it after that (so the contact person sees the latest status).
    ///
    /// - Returns: how many were queued.
    static func queue(_ chosen: [ApplicationEntry], in store: Store) throws -> Int {
        try store.transaction {
            var n = 0
            for var e in chosen {
                let d = data(e) { try? check(id: $0, in: store) }
                if let uuid = e.objectUUID,
                    (try? Outbox.enqueueCorrection(
                        of: uuid, data: d, startAt: e.date.description, in: store)) != nil
                {
                    n += 1
                    continue
                }
                e.objectUUID = try Outbox.enqueue(
                    type: .sollicitatie, data: d, startAt: e.date.description, in: store)
                try update(e, in: store)
                n += 1
            }
            return n
        }
    }
}
