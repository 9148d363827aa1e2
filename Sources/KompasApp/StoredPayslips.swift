import KompasCase
import KompasSettlement
import KompasStore

/// The saved payslips as one builder of the situation's pay dates.
///
/// A job paid every week or four weeks whose pay date the person did not give takes it from the
/// newest saved payslip of that job (``Situation/payAnchor(job:payslips:)`` decides which), so
/// `watals` counts the month with two paydays as the municipality will. Read only when a job
/// needs it, the store exists and it can be opened without a new question (the profile's
/// opening is reused); never with `--zonder-profiel`.
enum StoredPayslips {
    static func forPayDates(_ inv: Invocation, _ s: Situation) -> [Payslip] {
        guard s.jobs.contains(where: { $0.frequency != .maand && $0.payDate == nil }),
            !inv.arguments.has(ProfielCommand.noProfile),
            let store = try? StoreAccess.openIfAvailable(inv)
        else { return [] }
        return (try? store.all(Payslip.self, in: .loonstrook).map(\.value)) ?? []
    }
}
