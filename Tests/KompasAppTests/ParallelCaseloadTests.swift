import Foundation
import KompasCore
import KompasEngine
import KompasSettlement
import Testing

/// Issue 23: the caseload is settled on every core, and what comes out is exactly what a serial
/// run gives, in the same order, whatever the chunk boundaries.
@Suite struct ParallelCaseloadTests {
    /// A synthetic caseload: monthly and four-weekly payslips, households of every kind, and a
    /// few clients the reader rejects (a bad amount, a client whose rows are split).
    static func caseload(clients: Int) -> String {
        var out =
            "klant;huishouden;leeftijd;leeftijd_partner;kinderen;kostendelers;gestart;betaaldatum;periode_van;periode_tot;netto;vakantiegeld;werkgever;frequentie\n"
        var seed: UInt64 = 23
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for c in 0..<clients {
            let id = "K\(10_000 + c)"
            let type = ["alleenstaande", "alleenstaande-ouder", "samenwonend"][next(3)]
            let household =
                "\(type);\(21 + next(40));\(type == "samenwonend" ? "40" : "");\(type == "alleenstaande-ouder" ? "\(next(17))" : "");;2025-\(10 + next(3))"
            let base = 10_000 + next(150_000)
            var first = true
            func row(_ from: LocalDate, _ to: LocalDate, _ freq: String, _ net: String, hp: String)
            {
                out +=
                    "\(id);\(first ? household : ";;;;;");\(to.adding(days: 3));\(from);\(to);\(net);\(hp);Werk;\(freq)\n"
                first = false
            }
            if next(2) == 0 {
                for m in 1...12 {
                    let cm = CalendarMonth(index: 2026 * 12 + m - 1)
                    let cents = base + next(3_000)
                    let net = c % 97 == 5 && m == 3 ? "veel" : "\(cents / 100),\(cents % 100)"
                    row(cm.firstDay, cm.lastDay, "maand", net, hp: m == 5 ? "300,00" : "")
                }
            } else {
                var from = LocalDate("2025-12-29").adding(days: next(28))
                while from.adding(days: 32).year == 2026 {
                    let to = from.adding(days: 27)
                    row(from, to, "4weken", "\(base / 100),00", hp: "")
                    from = to.adding(days: 1)
                }
            }
        }
        // A client whose rows come back after another client's: rejected by the reader.
        out += "K10000;;;;;;;2026-12-28;2026-12-01;2026-12-24;100,00;;Werk;maand\n"
        return out
    }

    /// Every outcome as text, in the order the pipeline emitted them; with `drafts` the clients
    /// are handed over as read and checked on the workers, as `verrekening --caseload` does.
    static func run(_ text: String, workers: Int, chunk: Int, drafts: Bool = false) -> [String] {
        var lines: [String] = []
        func take(_ outcome: CaseloadOutcome) {
            switch outcome {
            case .settled(let c, let rows, let text):
                lines.append("client \(c.id) line \(c.line): \(text)")
                lines += rows.map { $0.cells.joined(separator: ",") }
            case .failed(let c, let error): lines.append("failed \(c.id): \(error)")
            case .bad(let id, let findings):
                lines.append("bad \(id): \(findings.map { "\($0.line) \($0.message.key)" })")
            }
        }
        // The text each worker writes of its client's rows comes back with them, in order.
        let pipeline = ParallelCaseload(
            policy: SettlementPolicy(), workers: workers, chunkSize: chunk,
            render: { rows in "\(rows.count) rows to \(rows.last?.month.description ?? "-")" },
            emit: take)
        var parser = CaseloadParser()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            if drafts {
                if let draft = parser.feedDraft(line, line: n + 1) { pipeline.add(draft) }
            } else if let item = parser.feed(line, line: n + 1) {
                pipeline.add(item)
            }
        }
        if drafts {
            if let draft = parser.finishDraft() { pipeline.add(draft) }
        } else if let item = parser.finish() {
            pipeline.add(item)
        }
        pipeline.finish()
        return lines
    }

    @Test func parallelOutputIsTheSerialOutput() {
        let text = Self.caseload(clients: 300)
        let serial = Self.run(text, workers: 1, chunk: 1)
        #expect(serial.filter { $0.hasPrefix("client ") }.count > 250)
        #expect(serial.contains { $0.hasPrefix("bad ") }, "the rejected clients are part of it")
        for (workers, chunk) in [(2, 256), (4, 7), (3, 1), (8, 1000)] {
            let parallel = Self.run(text, workers: workers, chunk: chunk)
            #expect(parallel == serial, "workers \(workers), chunk \(chunk)")
        }
    }

    /// Checking households and payslips on the workers (issue 23) changes nothing that comes out,
    /// the rejected clients and their findings included.
    @Test func clientsCheckedOnTheWorkersGiveTheSerialOutput() {
        let text = Self.caseload(clients: 300)
        let serial = Self.run(text, workers: 1, chunk: 1)
        for (workers, chunk) in [(1, 1), (2, 256), (4, 7), (3, 1)] {
            let parallel = Self.run(text, workers: workers, chunk: chunk, drafts: true)
            #expect(parallel == serial, "workers \(workers), chunk \(chunk)")
        }
    }
}
