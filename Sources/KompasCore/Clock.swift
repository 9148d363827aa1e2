import Foundation

/// Where "today" comes from.
///
/// Engines never ask the system; the edge injects a clock so that
/// runs and tests are reproducible (`KOMPAS_VANDAAG=2026-03-15`). All dates are Europe/Amsterdam.
public struct Clock: Sendable {
    private let today: @Sendable () -> LocalDate
    public init(_ today: @escaping @Sendable () -> LocalDate) { self.today = today }
    public func now() -> LocalDate { today() }

    public static func fixed(_ date: LocalDate) -> Clock { Clock { date } }

    /// The system clock read in Europe/Amsterdam, whatever the machine's own zone is.
    public static let system = Clock {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = cal.dateComponents([.year, .month, .day], from: Date())
        guard let y = c.year, let m = c.month, let d = c.day,
            let date = LocalDate(year: y, month: m, day: d)
        else { preconditionFailure("the system calendar gave no date") }
        return date
    }
}
