import Foundation
import KompasSync
import Testing

@testable import KompasServer

/// Writes committed together (group commit) behave as if each had its own transaction: the
/// same create from many threads makes one object, a failing write in a batch leaves the
/// others, and every write that returned is in the database after reopening it.
@Suite struct GroupCommitTests {
    @Test func concurrentWritesAreEachAllOrNothing() throws {
        let dir = TempDir()
        let db = try ServerDatabase(directory: dir.path("db"))
        let id = try db.addPrincipal(role: .klant, label: "k", klantmanager: nil)
        let me = Principal(id: id, role: .klant)
        let shared = UUID().uuidString.lowercased()
        let group = DispatchGroup()
        let lock = NSLock()
        nonisolated(unsafe) var created = 0
        nonisolated(unsafe) var replayed = 0
        nonisolated(unsafe) var conflicts = 0
        nonisolated(unsafe) var distinct = 0
        for i in 0..<64 {
            group.enter()
            Thread {
                defer { group.leave() }
                // Every thread: the same create (one wins, the rest are replays), one with the same
                // uuid and other content every 8th thread (a conflict), and one of its own.
                let same = NewObject(
                    uuid: shared, type: "inkomstenopgave",
                    record: NewRecord(
                        data: statement(month: "2026-01", cents: 1), startAt: "2026-01-01"))
                let other = NewObject(
                    uuid: shared, type: "inkomstenopgave",
                    record: NewRecord(
                        data: statement(month: "2026-01", cents: 2), startAt: "2026-01-01"))
                let own = NewObject(
                    uuid: UUID().uuidString.lowercased(), type: "loonstrook",
                    record: NewRecord(
                        data: payslip(month: "2026-01", netto: Int64(i)), startAt: "2026-01-01"))
                let r1 = try? db.create(same, type: .inkomstenopgave, by: me, baseURL: "")
                var conflict = false
                if i % 8 == 0 {
                    do {
                        _ = try db.create(other, type: .inkomstenopgave, by: me, baseURL: "")
                    } catch APIFailure.conflict { conflict = true } catch {}
                }
                let r3 = try? db.create(own, type: .loonstrook, by: me, baseURL: "")
                lock.lock()
                if r1?.created == true { created += 1 } else if r1 != nil { replayed += 1 }
                if conflict { conflicts += 1 }
                if r3?.created == true { distinct += 1 }
                lock.unlock()
            }.start()
        }
        group.wait()
        #expect(created == 1 && replayed == 63)
        #expect(conflicts == 8)
        #expect(distinct == 64)
        let reopened = try ServerDatabase(directory: dir.path("db"))
        #expect(try reopened.totals() == (objects: 65, records: 65))
        #expect(
            try reopened.object(shared, for: me, baseURL: "").record.data
                == statement(month: "2026-01", cents: 1))
    }
}
