import KompasCore

/// A set of legal parameters, for `kompas regels` and the registry lint ("lint the law data").
///
/// The App composes the registry from each engine's list (`IncomeParameters.all`, …), so engines
/// stay independent and the registry has no global mutable state.
public struct ParameterRegistry: Sendable {
    public let all: [ParameterDescriptor]

    public init(_ lists: [ParameterDescriptor]...) {
        all = lists.flatMap { $0 }.sorted { $0.id < $1.id }
    }

    public func descriptor(id: String) -> ParameterDescriptor? { all.first { $0.id == id } }

    /// Problems with the data: duplicate ids, no values, dates not strictly ascending,
    /// a value without a source, a reference without a URL.
    ///
    /// Empty means clean.
    public func lint() -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for p in all {
            if !seen.insert(p.id).inserted { problems.append("\(p.id): duplicate id") }
            if p.rows.isEmpty { problems.append("\(p.id): no values") }
            for (a, b) in zip(p.rows, p.rows.dropFirst()) where !(a.from < b.from) {
                problems.append("\(p.id): dates not ascending at \(b.from)")
            }
            for r in p.rows where r.source.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("\(p.id): value from \(r.from) has no source")
            }
            if p.reference.url == nil { problems.append("\(p.id): reference has no URL") }
        }
        return problems
    }
}
