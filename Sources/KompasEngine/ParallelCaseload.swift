import Dispatch
import Foundation
import KompasCore
import KompasSettlement

/// What settling one caseload item gave: the client's rows (with their text when the pipeline
/// renders), the error that stopped its settlement, or the findings that rejected it while reading.
///
/// An outcome names its client by id and line only: the household and payslips are freed on the
/// worker that settled them, not on the thread that writes the output (issue 23: freeing them
/// was a third of that thread's time, and that thread is the one every core waits for).
public enum CaseloadOutcome: Sendable {
    case settled(CaseloadOutcome.Client, [CaseloadRow], text: String)
    case failed(CaseloadOutcome.Client, any Error)
    case bad(id: String, findings: [Finding])

    /// The client an outcome is about: its id and the line it starts on in the input.
    public struct Client: Sendable, Hashable {
        public var id: String
        public var line: Int
        public init(id: String, line: Int) {
            self.id = id
            self.line = line
        }
        init(_ c: CaseloadClient) { self.init(id: c.id, line: c.line) }
    }
}

/// Settles a caseload on every core and hands the outcomes back in input order (issue 23).
///
/// Each client goes through the one engine path (``Engine/settleCaseload(_:policy:)``); only
/// the scheduling is parallel. Items are collected in chunks: while the workers settle one
/// chunk, the caller reads the next, and a chunk's outcomes are emitted, in the order the
/// items came, before the next chunk starts. So memory is bounded by two chunks whatever the
/// caseload's size, and the output is byte for byte that of a serial run (a test compares
/// them).
public final class ParallelCaseload {
    let policy: SettlementPolicy
    let chunkSize: Int
    let workers: Int
    let render: (@Sendable ([CaseloadRow]) -> String)?
    let emit: (CaseloadOutcome) -> Void
    private var buffer: [CaseloadDraft?] = []
    private var inFlight: Batch?

    /// One chunk being settled: each worker reads, empties and writes only its own slots, so
    /// a client's rows of input are freed where they were used.
    final class Batch: @unchecked Sendable {
        var items: [CaseloadDraft?]
        var outcomes: [CaseloadOutcome?]
        let done = DispatchSemaphore(value: 0)
        init(_ items: [CaseloadDraft?]) {
            self.items = items
            outcomes = Array(repeating: nil, count: items.count)
        }
    }

    /// - Parameters:
    ///   - policy: The municipality's settlement policy.
    ///   - workers: Threads settling at once; 1 settles on the calling thread, in order.
    ///   - chunkSize: Clients per chunk (memory is about two chunks).
    ///   - render: Writes a settled client's rows as the output shows them, on the worker that
    ///     settled it (the outcome's `text`; empty without it). It must depend on the rows only.
    ///   - emit: Called on the calling thread with every outcome, in input order.
    public init(
        policy: SettlementPolicy, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        chunkSize: Int = 256, render: (@Sendable ([CaseloadRow]) -> String)? = nil,
        emit: @escaping (CaseloadOutcome) -> Void
    ) {
        self.policy = policy
        self.workers = max(1, workers)
        self.chunkSize = max(1, chunkSize)
        self.render = render
        self.emit = emit
        buffer.reserveCapacity(self.chunkSize)
    }

    static func settle(
        _ item: CaseloadItem, _ policy: SettlementPolicy,
        _ render: (@Sendable ([CaseloadRow]) -> String)?
    ) -> CaseloadOutcome {
        switch item {
        case .bad(let id, let findings): return .bad(id: id, findings: findings)
        case .client(let c):
            do {
                let rows = try Engine.settleCaseload(c, policy: policy)
                return .settled(.init(c), rows, text: render?(rows) ?? "")
            } catch {
                return .failed(.init(c), error)
            }
        }
    }

    /// Adds the next item of the caseload.
    public func add(_ item: CaseloadItem) { add(.ready(item)) }

    /// Adds the next client as the parser read it; it is checked where it is settled, so the
    /// reading thread only reads (issue 23).
    public func add(_ draft: CaseloadDraft) {
        if workers == 1 {
            emit(Self.settle(draft.build(), policy, render))
            return
        }
        buffer.append(draft)
        if buffer.count >= chunkSize { dispatch() }
    }

    /// Settles what is left and emits every remaining outcome.
    public func finish() {
        if !buffer.isEmpty { dispatch() }
        drain()
    }

    private func drain() {
        guard let b = inFlight else { return }
        b.done.wait()
        inFlight = nil
        for o in b.outcomes {
            if let o { emit(o) }
        }
    }

    private func dispatch() {
        drain()
        let batch = Batch(buffer)
        buffer.removeAll(keepingCapacity: true)
        inFlight = batch
        let policy = self.policy
        let workers = self.workers
        let render = self.render
        DispatchQueue.global().async {
            let n = batch.items.count
            // A few items per step, so a slow client does not leave the other cores idle.
            let step = max(1, min(8, n / (workers * 4)))
            let steps = (n + step - 1) / step
            batch.items.withUnsafeMutableBufferPointer { items in
                batch.outcomes.withUnsafeMutableBufferPointer { slots in
                    nonisolated(unsafe) let input = items
                    nonisolated(unsafe) let out = slots
                    DispatchQueue.concurrentPerform(iterations: steps) { s in
                        for i in (s * step)..<min(n, (s + 1) * step) {
                            guard let draft = input[i].take() else { continue }
                            out[i] = Self.settle(draft.build(), policy, render)
                        }
                    }
                }
            }
            batch.done.signal()
        }
    }
}
