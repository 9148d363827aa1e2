import KompasCore
import KompasIncome

/// How a municipality turns pay into a calendar month's income.
///
/// The law only says income counts in
/// the period it relates to (artikel 32 lid 1 onder b Participatiewet); the method is the college's
/// choice ("worden niet gedicteerd door de Participatiewet", Divosa, Werkwijzer verrekening
/// parttime inkomsten, 2019). Each method is one file in `Allocation/` with worked examples.
public enum AllocationMethod: String, Sendable, Codable, Hashable, CaseIterable {
    /// Four-weekly pay × 13 / 12 as the monthly amount; the second payslip in a month is left
    /// free during the year and the difference is reconciled after the year (Divosa §2.5).
    case dertienTwaalfde = "dertien-twaalfde"
    /// Pay spread over the working days of its period; each month counts its own working days
    /// (Súdwest-Fryslân: "gedeeld door 20 werkdagen").
    case werkdagen
    /// Counted in the month the money is received ("beschikbaar"; Delft: "wat u echt krijgt in één maand").
    case betaaldatum
}

/// When the year-end bonus counts.
public enum BonusMethod: String, Sendable, Codable, Hashable, CaseIterable {
    /// Settled when paid, spread over the months it was built up in (Divosa: transactiebeginsel,
    /// the recommended method).
    case opbouwmaanden
    /// Counted whole in the month it is paid.
    case betaalmaand
}

/// How the municipality pays while the income is not yet known.
public enum SettlementStyle: String, Sendable, Codable, Hashable, CaseIterable {
    /// The month is paid first and the income settled afterwards, with the next month's payment.
    case achteraf
    /// The income is estimated beforehand ("fictieve verrekening", Rotterdam) and corrected afterwards.
    case schatten
}

/// The municipality's settlement choices, as values (the App reads them from the municipality file).
public struct SettlementPolicy: Sendable, Hashable, Codable {
    public var fourWeekly: AllocationMethod
    public var weekly: AllocationMethod
    /// Monthly pay and any other frequency.
    public var other: AllocationMethod
    public var yearEndBonus: BonusMethod
    public var style: SettlementStyle
    /// An overpayment is recovered over at most this many months (Rotterdam: 6).
    public var recoveryMonths: Int
    /// The income form for a month is due on this day of the next month.
    public var incomeFormDay: Int
    /// The payslip is due this many days after its pay date.
    public var payslipDays: Int
    /// The national income choices (holiday pay counted monthly, vakantietoeslag month, exemption default).
    public var income: IncomePolicy
    /// The municipality settles an overpayment caused by counting income from work from the
    /// bufferbudget (artikel 34b lid 2 Pw, from 1-1-2027): its own policy, "kan" in the law.
    public var bufferBudgetSettles: Bool = false

    public init(
        fourWeekly: AllocationMethod = .dertienTwaalfde, weekly: AllocationMethod = .werkdagen,
        other: AllocationMethod = .werkdagen,
        yearEndBonus: BonusMethod = .opbouwmaanden, style: SettlementStyle = .achteraf,
        recoveryMonths: Int = 6,
        incomeFormDay: Int = 25, payslipDays: Int = 14, income: IncomePolicy = IncomePolicy(),
        bufferBudgetSettles: Bool = false
    ) {
        self.bufferBudgetSettles = bufferBudgetSettles
        self.fourWeekly = fourWeekly
        self.weekly = weekly
        self.other = other
        self.yearEndBonus = yearEndBonus
        self.style = style
        self.recoveryMonths = recoveryMonths
        self.incomeFormDay = incomeFormDay
        self.payslipDays = payslipDays
        self.income = income
    }

    /// The method for one payslip.
    ///
    /// ×13/12 exists for four-weekly pay only; for other frequencies
    /// the municipality's file must choose working days or pay date (the loader checks this).
    public func method(for f: PayslipFrequency) -> AllocationMethod {
        switch f {
        case .vierWeken: return fourWeekly
        case .week: return weekly == .dertienTwaalfde ? .werkdagen : weekly
        case .maand, .anders: return other == .dertienTwaalfde ? .werkdagen : other
        }
    }

    /// The day the income form for `month` is due.
    public func incomeFormDeadline(for month: CalendarMonth) -> LocalDate {
        let next = month.advanced(by: 1)
        return next.day(incomeFormDay)
    }
}
