import Foundation
import Testing

@testable import KompasSync

/// `kompas status` says "Alles is verstuurd" only when it is true: seen in the guide after a
/// failed send ("Dat lukte niet", then "Alles is verstuurd" above the refused payslip).
@Suite struct ReceiptSummaryTests {
    static func entry(_ state: OutboxEntry.State) -> OutboxEntry {
        OutboxEntry(
            id: "e1", objectUUID: "u1", type: .loonstrook, data: .object([:]),
            startAt: "2026-11-01", baseIndex: nil, sequence: 1, createdAt: "2026-11-30",
            state: state, serverIndex: nil, serverData: nil, detail: "schema")
    }

    static func summary(waiting: Int, conflicts: [OutboxEntry]) -> ReceiptSummary {
        ReceiptSummary(
            months: [], waiting: waiting, conflicts: conflicts, lastSync: nil, configured: true,
            fromMunicipality: [])
    }

    @Test func nothingWaitingAndNothingRefusedIsAllSent() {
        #expect(Self.summary(waiting: 0, conflicts: []).allSent)
    }

    @Test func aRefusedOrConflictingChangeIsNotSent() {
        #expect(!Self.summary(waiting: 0, conflicts: [Self.entry(.rejected)]).allSent)
        #expect(!Self.summary(waiting: 0, conflicts: [Self.entry(.conflict)]).allSent)
        #expect(!Self.summary(waiting: 2, conflicts: []).allSent)
    }
}
