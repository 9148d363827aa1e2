import KompasCore
import KompasRules

/// Method "×13/12" for four-weekly pay: "De meeste gemeenten rekenen het vierwekelijkse salaris om
/// naar een maandbedrag door het periodesalaris te vermenigvuldigen met 13 en daarna te delen door
/// 12 … De klant krijgt dan elke maand te weinig aanvullende uitkering, maar de 13e periode wordt
/// helemaal vrijgelaten" (Divosa werkwijzer §2.5).
///
/// So: in each calendar month the first payslip
/// received counts × 13/12 (rounded half up to the cent); a second payslip in the same month is the
/// 13th period and is left free. After the year the municipality compares what was counted with
/// what was paid; that difference (the year-end reconciliation) makes the year exact.
public enum ThirteenTwelfthsAllocation: LegalRule {
    public static let id = "verrekening.dertien-twaalfde"
    public static let reference = SettlementSources.divosa

    /// The difference between what was paid in a year and what the months counted.
    public struct YearReconciliation: Sendable, Hashable, Codable {
        public var year: Int
        public var employer: String
        public var paid: Money
        public var counted: Money
        /// Positive: too little was counted (the municipality settles it after the year); negative: too much.
        public var difference: Money { paid - counted }
        public init(year: Int, employer: String, paid: Money, counted: Money) {
            self.year = year
            self.employer = employer
            self.paid = paid
            self.counted = counted
        }
    }

    public struct Result: Sendable, Hashable {
        /// Per payslip (in the order given): the month and amount counted, or nil when left free.
        public var counted: [MonthAmount?]
        public var reconciliations: [YearReconciliation]
        public var months: [MonthAmount] {
            var byMonth: [CalendarMonth: Money] = [:]
            for c in counted.compactMap({ $0 }) { byMonth[c.month, default: .zero] += c.amount }
            return byMonth.sorted { $0.key < $1.key }.map { MonthAmount($0.key, $0.value) }
        }
    }

    /// Allocates the four-weekly payslips of one employer (any order).
    public static func allocate(_ slips: [Payslip]) -> Result {
        var counted = [MonthAmount?](repeating: nil, count: slips.count)
        var seen = Set<CalendarMonth>()
        var paid: [Int: Money] = [:]
        var total: [Int: Money] = [:]
        for i in slips.indices.sorted(by: { (slips[$0].payDate, $0) < (slips[$1].payDate, $1) }) {
            let s = slips[i]
            let m = s.payDate.calendarMonth
            paid[m.year, default: .zero] += s.regularNet
            if seen.insert(m).inserted {
                let amount = s.regularNet.scaled(by: 13, over: 12, rounding: .halfUp)
                counted[i] = MonthAmount(m, amount)
                total[m.year, default: .zero] += amount
            }
        }
        let employer = slips.first?.employer ?? ""
        let recs = paid.sorted { $0.key < $1.key }.map {
            YearReconciliation(
                year: $0.key, employer: employer, paid: $0.value, counted: total[$0.key] ?? .zero)
        }
        return Result(counted: counted, reconciliations: recs)
    }

    public static func evaluate(_ slips: [Payslip], in month: CalendarMonth) throws -> Result {
        allocate(slips)
    }

    /// Thirteen four-weekly payslips of € 800 in 2026, paid every 28 days from 23 January.
    public static let yearOf13: [Payslip] = (0..<13).map { n in
        let pay = LocalDate("2026-01-23").adding(days: 28 * n)
        return Payslip(
            employer: "Voorbeeld BV", payDate: pay, periodStart: pay.adding(days: -32),
            periodEnd: pay.adding(days: -5),
            frequency: .vierWeken, net: .cents(80_000))
    }

    public static let examples: [RuleExample<[Payslip], Result>] = [
        .init(
            "13 stroken van € 800 in 2026: oktober heeft er twee (2 en 30 okt), de tweede blijft vrij",
            month: CalendarMonth("2026-10"), yearOf13,
            .value(
                Result(
                    counted: (0..<13).map { n in
                        n == 10
                            ? nil
                            : MonthAmount(
                                LocalDate("2026-01-23").adding(days: 28 * n).calendarMonth,
                                .cents(86_667))
                    },
                    reconciliations: [
                        YearReconciliation(
                            year: 2026, employer: "Voorbeeld BV", paid: .cents(1_040_000),
                            counted: .cents(1_040_004))
                    ])),
            note:
                "800 × 13/12 = 866,666… → 866,67; 12 × 866,67 = 10.400,04; betaald 13 × 800 = 10.400,00; na het jaar −0,04"
        ),
        .init(
            "baan start 20 januari: eerste strook 20 februari", month: CalendarMonth("2026-02"),
            [
                Payslip(
                    payDate: LocalDate("2026-02-20"), periodStart: LocalDate("2026-01-20"),
                    periodEnd: LocalDate("2026-02-16"), frequency: .vierWeken, net: .cents(60_000))
            ],
            .value(
                Result(
                    counted: [MonthAmount(CalendarMonth("2026-02"), .cents(65_000))],
                    reconciliations: [
                        YearReconciliation(
                            year: 2026, employer: "", paid: .cents(60_000), counted: .cents(65_000))
                    ])),
            note:
                "600 × 13/12 = 650; de baan liep geen heel jaar, dus na het jaar wordt € 50 teruggerekend"
        ),
    ]
}
