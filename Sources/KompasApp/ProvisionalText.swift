import KompasCore
import KompasEngine
import KompasRules

/// How every view says that a result rests on figures that are not final or not built in
/// (issue 16): a plain sentence per kind, and per figure its description and value.
///
/// The facts come from the engine results (`Projection.provisional`, `TotalIncome.provisional`);
/// this only words them, so text and JSON always agree.
enum ProvisionalText {
    /// The sentences for the text views: empty when every figure is final and built in.
    /// - Parameters:
    ///   - figures: Every figure that needs a mark.
    ///   - checks: Those only used to check the input (the minimum wage), not in an amount.
    ///   - year: The year asked about.
    ///   - inv: For the language.
    /// - Returns: The lines to print.
    static func lines(
        _ figures: [UsedParameter], checks: [UsedParameter] = [], year: Int, _ inv: Invocation
    ) -> [String] {
        guard !figures.isEmpty else { return [] }
        var out: [String] = []
        let checkIDs = Set(checks.map(\.id))
        let inAmounts = figures.filter { !checkIDs.contains($0.id) }
        if !checks.isEmpty && inAmounts.isEmpty { out.append(inv.t("provisional.check")) }
        if inAmounts.contains(where: { $0.state == .verwacht }) {
            out.append(inv.t("provisional.expected", ["year": .text(String(year))]))
        }
        if inAmounts.contains(where: { $0.state == .voorlopig }) {
            out.append(inv.t("provisional.announced", ["year": .text(String(year))]))
        }
        for file in Set(
            figures.compactMap { u -> String? in
                if case .user(let p) = u.origin { return p }
                return nil
            }
        ).sorted() {
            out.append(inv.t("provisional.user", ["file": .text(file)]))
        }
        // The most telling figures first (not yet published, then the user's, then announced);
        // at most six lines, the rest counted: `--json` and `kompas regels` list them all.
        let ordered = figures.sorted { rank($0) < rank($1) }
        let shown = 6
        for u in ordered.prefix(shown) {
            // A count keeps its bare digits; money and a rate are written in the user's format.
            let value: String
            if case .number = u.argument {
                value = String(u.raw)
            } else {
                value = inv.context.localizer.string(.figure(u))
            }
            let summary = ParameterText.summary(
                id: u.id,
                fallback: Regels.book.parameters[u.id]?.summary ?? u.reference.description,
                inv.context.localizer)
            out.append(
                "  - "
                    + inv.t(
                        "provisional.figure",
                        [
                            "summary": .text(summary), "value": .text(value),
                            "state": .text(inv.t("regels.state.\(u.state.rawValue)")),
                        ]))
        }
        if ordered.count > shown {
            out.append(
                "  - " + inv.t("provisional.more", ["count": .number(ordered.count - shown)]))
        }
        return out
    }

    static func rank(_ u: UsedParameter) -> Int {
        if u.state == .verwacht { return 0 }
        if !u.origin.isBuiltIn { return 1 }
        return 2
    }

    /// The figures for `--json`: id, value, state and origin of each.
    static func json(_ figures: [UsedParameter]) -> [[String: Any]] {
        figures.map { u in
            [
                "id": u.id, "waarde": u.raw, "vanaf": u.from.description, "staat": u.state.rawValue,
                "herkomst": RegelsCommand.originJSON(u.origin),
            ]
        }
    }
}
