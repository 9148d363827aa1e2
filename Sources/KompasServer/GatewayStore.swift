import Foundation
import KompasSync

/// Where the gateway keeps the objects and checks the tokens: the embedded SQLite file
/// (``ServerDatabase``, the default: a pilot on one machine) or the municipality's Open Object
/// (``OpenObjectStore``, `--objects-api`: any number of gateway instances in front of it).
///
/// The request handlers (``ObjectsAPI``) speak only to this protocol, so both backends answer
/// the client's wire exactly the same: scoping to the caller, idempotent creates keyed by the
/// client's uuid, 409 on a stale correction, "not found" for what the caller may not see.
public protocol GatewayStore: AnyObject, Sendable {
    /// Checks a presented token (`unavailable` when the backend cannot be asked right now).
    func authenticate(_ token: String, now: Date) -> ServerDatabase.TokenCheck
    /// The caller's object with client uuid `uuid` (``APIFailure/notFound`` otherwise).
    func object(_ uuid: String, for p: Principal, baseURL: String) throws -> ObjectResource
    /// Every record of the caller's object `uuid`, oldest first.
    func history(_ uuid: String, for p: Principal) throws -> [ObjectRecord]
    /// Creates an object; a retry of the same create answers the existing one (`created` false).
    func create(_ new: NewObject, type: ObjectType, by p: Principal, baseURL: String) throws
        -> (ObjectResource, created: Bool)
    /// Adds a correction record; `correctionFor` must be the latest index, else 409.
    func addRecord(
        _ uuid: String, _ new: NewRecord, by p: Principal, writable: (ObjectType) -> Bool,
        baseURL: String
    ) throws -> (ObjectResource, created: Bool)
    /// One page of the objects the caller may see.
    func list(_ q: ServerDatabase.ListQuery, for p: Principal, baseURL: String) throws -> (
        count: Int, results: [ObjectResource]
    )
}

/// The administrator's side of a backend: principals and tokens (`kompas-gemeente admin`).
public protocol GatewayAdministration: AnyObject {
    func addPrincipal(role: Principal.Role, label: String, klantmanager: String?) throws -> String
    func createToken(for principal: String, expiresAt: Date?) throws -> String
    func principals() throws -> [(id: String, role: String, label: String, klantmanager: String?)]
    func tokens(for principal: String?) throws -> [ServerDatabase.TokenInfo]
    @discardableResult func revokeToken(_ given: String) throws -> String
}

extension ServerDatabase: GatewayStore, GatewayAdministration {}

extension Principal {
    /// The citizen a new object belongs to: the caller itself, or for a klantmanager the `klant`
    /// the object names (required) — one decision for every storage backend.
    func owner(of new: NewObject) throws -> String {
        switch role {
        case .klant: return id
        case .klantmanager:
            guard let k = new.klant else {
                throw APIFailure.invalid("klant is verplicht voor een klantmanager")
            }
            return k
        }
    }
}
