import KompasCore
import KompasStore

/// What the store's integrity check (``Store/check(full:)``) found, as messages: one per damaged
/// record (named by collection and id, never by content) and one when SQLite's own check of the
/// file's structure failed.
///
/// Shown by `kompas status` (and its `--controleer-opslag`) and by `kompas export`.
enum StoreCheckOutput {
    static let flag = FlagSpec(["--controleer-opslag", "--check-store"])

    static func problems(_ report: IntegrityReport) -> [Message] {
        var lines = report.damaged.map {
            Message(
                "store.check.damaged",
                ["collection": .text($0.collection.rawValue), "id": .text($0.id)])
        }
        if !report.fileStructureOK { lines.append(Message("store.check.structure")) }
        return lines
    }

    /// The JSON form for `status --json`.
    static func json(_ report: IntegrityReport) -> [String: Any] {
        [
            "in_orde": report.isIntact, "structuur_in_orde": report.fileStructureOK,
            "gegevens": report.readable.count + report.damaged.count,
            "beschadigd": report.damaged.map(\.description),
        ]
    }

    /// `kompas status --controleer-opslag`: the full check on request; 0 when the store is
    /// intact, 65 when it is not.
    static func runOnRequest(_ inv: Invocation) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let report = try store.check(full: true)
        let total = report.readable.count + report.damaged.count
        if inv.json {
            inv.out.print(JSONOutput.string(["opslag": json(report)]))
        } else if report.isIntact {
            inv.out.print(inv.t("store.check.ok", ["count": .number(total)]))
        } else {
            for m in problems(report) { inv.out.print("- " + inv.context.localizer.render(m)) }
        }
        return report.isIntact ? .ok : .dataError
    }
}
