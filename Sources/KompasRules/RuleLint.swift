import KompasCore

/// The lint of the law data (issue 16): what a single file check cannot see.
///
/// Run by the test suite over the built-in files; `RuleFile.parse` already refuses gaps,
/// overlaps, values without a source and values that do not fit their unit.
public enum RuleLint {
    /// Problems as "file:line: id: what", empty when clean.
    ///
    /// - Parameters:
    ///   - files: The rule files to check.
    ///   - horizon: The first day of the coming year: a figure the law revises every year or half
    ///     year must have a value from that day on (possibly `verwacht`), or an explicit end, so a
    ///     question about the coming year is never answered with an old figure silently.
    /// - Returns: One line per problem.
    public static func problems(_ files: [RuleFile], horizon: LocalDate) -> [String] {
        var out: [String] = []
        var seen: [String: String] = [:]
        for f in files {
            for p in f.parameters {
                func add(_ line: Int, _ what: String) {
                    out.append("\(f.name):\(line): \(p.id): \(what)")
                }
                if let other = seen[p.id] { add(p.line, "also defined in \(other)") }
                seen[p.id] = f.name
                if let last = p.values.last, p.revision == .yearly || p.revision == .halfYearly,
                    last.value != nil, last.until == nil, last.from < horizon
                {
                    add(
                        last.line,
                        "revised \(p.revision?.rawValue ?? "") but no value from \(horizon)")
                }
                for (i, v) in p.values.enumerated() where v.value != nil {
                    if v.verified.trimmingCharacters(in: .whitespaces).isEmpty {
                        add(v.line, "value from \(v.from) says nothing about its verification")
                    }
                    if v.state == .verwacht, v.rule == "doorgetrokken" {
                        let previous = p.values[..<i].last { $0.value != nil }
                        if previous?.value?.canonical != v.value?.canonical {
                            add(v.line, "carried forward, but differs from the previous value")
                        }
                    }
                }
            }
        }
        return out
    }
}
