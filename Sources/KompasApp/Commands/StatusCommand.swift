import KompasCore
import KompasSync

/// `kompas status`: deadlines, what is missing, what the municipality received.
/// This first version shows the sync part (receipts, what waits to be sent, conflicts, the
/// municipality's decisions and messages); deadlines and missing payslips join it with issue 5.
enum StatusCommand {
    static let spec = CommandSpec(names: ["status"], summary: "cmd.status.summary",
                                  flags: StoreAccess.flags, run: run)

    static func run(_ inv: Invocation) throws -> ExitCode {
        let store = try StoreAccess.open(inv)
        let summary = try ReceiptSummary.load(from: store)
        if inv.json {
            inv.out.print(JSONOutput.string(["ontvangst": SyncCommand.jsonObject(summary)]))
        } else {
            ReceiptSection.render(summary, inv)
        }
        return .ok
    }
}
