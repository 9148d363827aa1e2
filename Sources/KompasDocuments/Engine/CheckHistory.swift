import Foundation
import KompasCore

/// What was found in one earlier check: never the document itself, only its hash and findings.
public struct CheckRecord: Sendable, Codable, Hashable {
    public struct RecordedFinding: Sendable, Codable, Hashable {
        public let ruleID: String
        public let level: Finding.Level
        public init(ruleID: String, level: Finding.Level) {
            self.ruleID = ruleID
            self.level = level
        }
    }
    /// SHA-256 (hex) of the document's bytes.
    public let documentHash: String
    /// The file name (without folders), to find the previous version of the same document.
    public let documentName: String
    public let kind: DocumentKind
    public let checkedOn: LocalDate
    public let findings: [RecordedFinding]
    /// For letters: the fingerprint, to spot a standard letter sent again.
    public let fingerprint: LetterFingerprint?

    public init(
        documentHash: String, documentName: String, kind: DocumentKind, checkedOn: LocalDate,
        findings: [RecordedFinding], fingerprint: LetterFingerprint?
    ) {
        self.documentHash = documentHash
        self.documentName = documentName
        self.kind = kind
        self.checkedOn = checkedOn
        self.findings = findings
        self.fingerprint = fingerprint
    }
}

/// Where results of earlier checks are kept.
///
/// The App backs it with the encrypted store;
/// tests use ``InMemoryCheckHistory``.
public protocol CheckHistory: Sendable {
    /// Fingerprints of every letter checked before.
    func letterFingerprints() throws -> [LetterFingerprint]
    /// The most recent earlier check of a document with this name and kind.
    func lastCheck(documentName: String, kind: DocumentKind) throws -> CheckRecord?
    /// Remembers a check.
    func record(_ record: CheckRecord) throws
}

/// A history that lives as long as the process: for tests and for runs without a store.
public final class InMemoryCheckHistory: CheckHistory, @unchecked Sendable {
    private var records: [CheckRecord] = []
    private let lock = NSLockLike()
    public init(_ records: [CheckRecord] = []) { self.records = records }
    public var all: [CheckRecord] { lock.with { records } }
    public func letterFingerprints() throws -> [LetterFingerprint] {
        lock.with { records.compactMap(\.fingerprint) }
    }
    public func lastCheck(documentName: String, kind: DocumentKind) throws -> CheckRecord? {
        lock.with { records.last { $0.documentName == documentName && $0.kind == kind } }
    }
    public func record(_ record: CheckRecord) throws { lock.with { records.append(record) } }
}

final class NSLockLike: @unchecked Sendable {
    private let l = NSLock()
    func with<T>(_ body: () -> T) -> T {
        l.lock()
        defer { l.unlock() }
        return body()
    }
}

/// What changed since the previous check of the same document.
public struct Progress: Sendable, Hashable {
    public let previousDate: LocalDate
    /// Rule ids that fired before and not now.
    public let solved: [String]
    /// Rule ids that fire now and did not before.
    public let new: [String]
    public let unchanged: Bool

    public init(previous: CheckRecord, current: [Finding], documentHash: String) {
        previousDate = previous.checkedOn
        let before = Set(previous.findings.map(\.ruleID))
        let now = Set(current.map(\.ruleID))
        solved = before.subtracting(now).sorted()
        new = now.subtracting(before).sorted()
        unchanged = previous.documentHash == documentHash
    }
}
