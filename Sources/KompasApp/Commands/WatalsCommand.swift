import KompasCore

/// `kompas watals` (whatif): what you keep for N hours, or a sweep over hours.
enum WatalsCommand {
    static let month = FlagSpec(["--maand", "--month"], .value(placeholder: "JJJJ-MM"))
    static let household = FlagSpec(["--huishouden", "--household"], .value(placeholder: "alleenstaande|alleenstaande-ouder|samenwonend"))
    static let age = FlagSpec(["--leeftijd", "--age"], .value(placeholder: "N"))
    static let partnerAge = FlagSpec(["--leeftijd-partner", "--partner-age"], .value(placeholder: "N"))
    static let child = FlagSpec(["--kind", "--child"], .repeated(placeholder: "LEEFTIJD"))
    static let costSharers = FlagSpec(["--kostendelers", "--cost-sharers"], .value(placeholder: "N"))
    static let aow = FlagSpec(["--aow"])
    static let medical = FlagSpec(["--medisch-urenbeperkt", "--medically-limited"])
    static let hours = FlagSpec(["--uren", "--hours"], .value(placeholder: "N"))
    static let hourlyWage = FlagSpec(["--uurloon", "--hourly-wage"], .value(placeholder: "BEDRAG"))
    static let grossMonthly = FlagSpec(["--bruto-maandloon", "--gross-monthly"], .value(placeholder: "BEDRAG"))
    static let netMonthly = FlagSpec(["--netto-maandloon", "--net-monthly"], .value(placeholder: "BEDRAG"))
    static let frequency = FlagSpec(["--frequentie", "--frequency"], .value(placeholder: "week|4weken|maand"))
    static let started = FlagSpec(["--gestart", "--started"], .value(placeholder: "JJJJ-MM"))
    static let travel = FlagSpec(["--reiskosten", "--travel-costs"], .value(placeholder: "BEDRAG"))
    static let childcare = FlagSpec(["--opvangkosten", "--childcare-costs"], .value(placeholder: "BEDRAG"))
    static let otherIncome = FlagSpec(["--ander-inkomen", "--other-income"], .value(placeholder: "BEDRAG"))
    static let from = FlagSpec(["--van", "--from"], .value(placeholder: "UREN"))
    static let to = FlagSpec(["--tot", "--to"], .value(placeholder: "UREN"))
    static let step = FlagSpec(["--stap", "--step"], .value(placeholder: "UREN"))

    static let spec = CommandSpec(
        names: ["watals", "whatif"], summary: "cmd.watals.summary",
        flags: [month, household, age, partnerAge, child, costSharers, aow, medical, hours, hourlyWage,
                grossMonthly, netMonthly, frequency, started, travel, childcare, otherIncome,
                GlobalFlags.municipality, from, to, step],
        plannedIssue: 3, run: { _ in .notYetAvailable })
}
