import Foundation
import KompasCore
import KompasDocuments
import KompasStore

/// The document checks' memory in the encrypted store (collection `documentcontrole`): per check
/// the document's SHA-256, name, kind, date, the rule ids and levels found, and for a letter its
/// fingerprint (hashed word triples, from which the words cannot be read back).
///
/// Never the text.
/// With it, a later check says what improved and a copied letter is recognised across runs.
final class StoreCheckHistory: CheckHistory, @unchecked Sendable {
    let store: Store
    init(store: Store) { self.store = store }

    private func all() throws -> [CheckRecord] {
        // Ids sort in the order the checks were made (date, then a running number).
        try store.all(CheckRecord.self, in: .documentcontrole).sorted { $0.id < $1.id }.map(\.value)
    }
    func letterFingerprints() throws -> [LetterFingerprint] { try all().compactMap(\.fingerprint) }
    func lastCheck(documentName: String, kind: DocumentKind) throws -> CheckRecord? {
        try all().last { $0.documentName == documentName && $0.kind == kind }
    }
    func record(_ record: CheckRecord) throws {
        let n = try store.count(in: .documentcontrole)
        try store.put(
            record, id: record.checkedOn.description + "-" + String(format: "%08d", n),
            in: .documentcontrole)
    }
}
