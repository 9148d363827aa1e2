import Foundation
import KompasCore
import KompasIncome
import KompasToeslagen

/// A part of the situation people give a value for.
///
/// The raw value is the field's stable id: the caseload column, the JSON key of `profiel toon
/// --json`, and the locale key `situatie.veld.<id>` that names the field in the user's words.
/// Flags and guide questions map onto these fields; the messages never name a flag.
public enum SituationField: String, Sendable, Hashable, CaseIterable, Codable {
    case household = "huishouden"
    case age = "leeftijd"
    case partnerAge = "leeftijd_partner"
    case children = "kinderen"
    case costSharers = "kostendelers"
    case aow
    case medical = "medisch_urenbeperkt"
    /// Artikel 20 lid 3: an 18–20-year-old who cannot rely on the parents (ja/nee; absent: not asked).
    case noParentalSupport = "geen_steun_ouders"
    case started = "gestart"
    /// The last month the (first) job pays.
    case ended = "gestopt"
    /// The employer of the (first) job, to attribute payslips.
    case employer = "werkgever"
    /// One more job of the work history, described in one value
    /// (``SituationReader/jobValues(_:)``); repeated for each further job.
    case otherJob = "baan"
    /// Artikel 34a lid 2 Pw: the months the municipality added to the twelve months.
    case extendedMonths = "verlenging_34a"
    case hours = "uren"
    case hourlyWage = "uurloon"
    case grossMonthly = "bruto_maandloon"
    case netMonthly = "netto_maandloon"
    case frequency = "frequentie"
    /// One known pay date of the job (a payslip's date), for the months with an extra payday.
    case payDate = "loondatum"
    case withoutCredit = "zonder_loonheffingskorting"
    case travel = "reiskosten"
    case childcareCosts = "opvangkosten"
    case otherIncome = "ander_inkomen"
    case rent = "huur"
    case serviceCosts = "servicekosten"
    case careHours = "opvang_uren"
    case carePrice = "opvang_uurprijs"
    case careKind = "opvang_soort"
    case assets = "vermogen"
    case advance = "voorschot_inkomen"
    case municipality = "gemeente"

    /// The field's name in the user's words ("je leeftijd", "your age").
    public var name: Message { Message("situatie.veld." + rawValue) }

    /// What a value of the field is, so a view can show it back in the user's format.
    public enum Kind: Sendable, Hashable {
        case amount, hours, month, date, household, children, other
    }

    /// The kind of value this field holds.
    public var kind: Kind {
        switch self {
        case .hourlyWage, .grossMonthly, .netMonthly, .travel, .childcareCosts, .otherIncome,
            .rent, .serviceCosts, .carePrice, .assets, .advance:
            return .amount
        case .hours, .careHours: return .hours
        case .started, .ended: return .month
        case .payDate: return .date
        case .household: return .household
        case .children: return .children
        default: return .other
        }
    }
}

/// Why a situation could not be built.
///
/// The field in the user's words, the value and what was expected. The same error whichever builder read the value; each builder only adds where the
/// value came from (a flag, a question, a caseload line).
public indirect enum SituationError: KompasError, Equatable {
    case invalid(SituationField, value: String, expected: Message)
    /// An error in one job of the work history (numbered from 1, the first job).
    case inJob(number: Int, SituationError)
    case missing(SituationField)
    case conflicting(SituationField, SituationField)
    /// A value that reads well but breaks a rule of the law or of Kompas.
    case rule(SituationField, Message, exitCode: ExitCode)

    /// The field the error is about.
    public var field: SituationField {
        switch self {
        case .invalid(let f, _, _), .missing(let f), .conflicting(let f, _), .rule(let f, _, _):
            return f
        case .inJob(_, let e): return e.field
        }
    }

    public var exitCode: ExitCode {
        if case .rule(_, _, let code) = self { return code }
        if case .inJob(_, let e) = self { return e.exitCode }
        return .usage
    }

    public var message: Message {
        switch self {
        case .invalid(let f, let v, let e):
            return Message(
                "situatie.error.invalid",
                ["field": .message(f.name), "value": .text(v), "expected": .message(e)])
        case .missing(let f):
            return Message("situatie.error.missing", ["field": .message(f.name)])
        case .conflicting(let a, let b):
            return Message(
                "situatie.error.conflicting",
                ["field": .message(a.name), "other": .message(b.name)])
        case .rule(_, let m, _):
            return m
        case .inJob(let n, let e):
            return Message(
                "situatie.error.inJob", ["number": .number(n), "message": .message(e.message)])
        }
    }
}

/// Raw values as people give them, per field (a repeated field has several values; a yes/no
/// field present with an empty value is "yes").
public typealias SituationValues = [SituationField: [String]]

/// The one reader and validator of a situation.
///
/// Parsing ("3 en 7", "14,71", "single-parent"), ranges and the rules between fields. Flags, the profile, the guide and the caseload all call
/// ``read(_:requireAge:hoursOptional:)``, so they accept and refuse the same things with the same
/// messages.
public enum SituationReader {
    /// The accepted range of ages in whole years; under 18 is a rule of its own (article 20 Pw).
    public static let ages = 0...120
    /// The accepted range of children's ages.
    public static let childAges = 0...30
    /// The accepted number of kostendelers.
    public static let costSharerRange = 0...20

    /// Builds and checks a situation.
    ///
    /// `requireAge`: the age must be given (a profile may be saved in parts). `hoursOptional`: an hourly wage may come without hours (a sweep).
    ///
    /// `today`: the current month, for the months people name relative to now ("volgende maand",
    /// "november"); without it only absolute months are read.
    public static func read(
        _ v: SituationValues, requireAge: Bool = true, hoursOptional: Bool = false,
        today: CalendarMonth? = nil
    ) throws(SituationError) -> Situation {
        func one(_ f: SituationField) -> String? { v[f]?.last }
        func has(_ f: SituationField) -> Bool { v[f] != nil }

        let typeRaw = one(.household)
        var type = HouseholdType.alleenstaande
        if let raw = typeRaw {
            guard let t = household(raw) else {
                throw .invalid(.household, value: raw, expected: Message("expect.household"))
            }
            type = t
        }
        var age = 30
        if let raw = one(.age) {
            age = try ageNumber(raw, .age)
        } else if requireAge {
            throw .missing(.age)
        }
        if has(.age), age < 18 {
            throw .rule(
                .age, Message("income.error.underEighteen", ["age": .number(age)]),
                exitCode: .dataError)
        }
        let partner = try one(.partnerAge).map { raw throws(SituationError) in
            try ageNumber(raw, .partnerAge)
        }
        if type == .samenwonend, partner == nil, requireAge { throw .missing(.partnerAge) }
        if type != .samenwonend, partner != nil { throw .conflicting(.partnerAge, .household) }
        var kids: [Int] = []
        for raw in v[.children] ?? [] {
            guard let list = children(raw) else {
                throw .invalid(.children, value: raw, expected: Message("expect.childrenAges"))
            }
            for k in list where !childAges.contains(k) {
                throw .invalid(.children, value: raw, expected: Message("expect.childrenAges"))
            }
            kids += list
        }
        if type == .alleenstaandeOuder, !kids.contains(where: { $0 < 18 }) {
            throw .rule(.children, Message("income.error.parentWithoutChild"), exitCode: .usage)
        }
        let sharers = try one(.costSharers).map { raw throws(SituationError) in
            try number(raw, .costSharers, costSharerRange)
        }
        var noSupport: Bool? = nil
        if let raw = one(.noParentalSupport) {
            switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
            case "ja", "j", "yes", "y": noSupport = true
            case "nee", "n", "no": noSupport = false
            default:
                throw .invalid(.noParentalSupport, value: raw, expected: Message("expect.yesNo"))
            }
        }
        let h = Household(
            type: type, age: age, partnerAge: partner, childrenAges: kids,
            costSharers: sharers ?? 0, aow: has(.aow), medicallyLimited: has(.medical),
            cannotRelyOnParents: noSupport)

        // Work: the first job from its own fields, every further job from one value each.
        var jobs: [Job] = []
        if let first = try job(v, hoursOptional: hoursOptional, today: today) { jobs.append(first) }
        for raw in v[.otherJob] ?? [] {
            let number = jobs.count + 1
            do throws(SituationError) {
                let values = try jobValues(raw)
                guard let j = try job(values, hoursOptional: false, today: today) else {
                    throw SituationError.rule(
                        .otherJob, Message("situatie.error.jobWithoutPay"), exitCode: .usage)
                }
                jobs.append(j)
            } catch {
                throw .inJob(number: number, error)
            }
        }
        let started = try one(.started).map { raw throws(SituationError) in
            try month(raw, .started, today: today)
        }
        let extended = try one(.extendedMonths).map { raw throws(SituationError) in
            try number(raw, .extendedMonths, extendedMonthRange)
        }

        // Childcare per child.
        var careHours: [Int] = []
        for raw in v[.careHours] ?? [] { careHours.append(try hours(raw, .careHours)) }
        var prices: [Money] = []
        for raw in v[.carePrice] ?? [] {
            if let m = try money(raw, .carePrice) { prices.append(m) }
        }
        var kinds: [ChildcareKind] = []
        for raw in v[.careKind] ?? [] {
            guard let k = childcareKind(raw) else {
                throw .invalid(.careKind, value: raw, expected: Message("expect.childcareKind"))
            }
            kinds.append(k)
        }
        if !careHours.isEmpty {
            if has(.childcareCosts) { throw .conflicting(.careHours, .childcareCosts) }
            guard careHours.count <= kids.count else {
                throw .rule(
                    .careHours, Message("situatie.error.careWithoutChild"), exitCode: .usage)
            }
            guard !prices.isEmpty, prices.count == 1 || prices.count == careHours.count else {
                throw .missing(.carePrice)
            }
        }
        var care: [Childcare?] = []
        for (i, childAge) in kids.enumerated() {
            guard i < careHours.count, careHours[i] > 0 else {
                care.append(nil)
                continue
            }
            let kind =
                i < kinds.count ? kinds[i] : (childAge < 4 ? .dagopvang : .buitenschoolseOpvang)
            care.append(
                Childcare(
                    kind: kind, hoursHundredths: careHours[i],
                    hourlyPrice: prices.count == 1 ? prices[0] : prices[i]))
        }
        if has(.serviceCosts), !has(.rent) { throw .missing(.rent) }
        let costs = SituationCosts(
            rent: try money(one(.rent), .rent),
            serviceCosts: try money(one(.serviceCosts), .serviceCosts) ?? .zero,
            childcareMonthly: try money(one(.childcareCosts), .childcareCosts) ?? .zero,
            assets: try money(one(.assets), .assets) ?? .zero,
            advanceIncome: try money(one(.advance), .advance))
        var situation = Situation(
            household: h, jobs: jobs, childcare: care, costs: costs,
            otherIncome: try money(one(.otherIncome), .otherIncome) ?? .zero,
            municipality: one(.municipality))
        situation.workStart = started
        situation.extendedMonths = extended ?? 0
        return situation
    }

    /// The fields that describe the work history: a typed way of working replaces all of them.
    public static let workFields: Set<SituationField> = [
        .hours, .hourlyWage, .grossMonthly, .netMonthly, .otherJob, .ended, .employer, .payDate,
    ]

    /// The stored values (a profile) that still hold beside the values typed now.
    ///
    /// A typed value replaces the stored one of its field. A typed way of working (hourly,
    /// gross or net: they are exclusive) replaces the stored work history as a whole, so a
    /// stored wage never mixes with typed hours and a stored second job never survives a typed
    /// first job. A typed household that is not a couple drops a stored partner's age.
    public static func stored(_ stored: SituationValues, beside typed: SituationValues)
        -> SituationValues
    {
        var kept = stored.filter { typed[$0.key] == nil }
        if [.hourlyWage, .grossMonthly, .netMonthly].contains(where: { typed[$0] != nil }) {
            kept = kept.filter { !workFields.contains($0.key) }
        }
        if let raw = typed[.household]?.last, household(raw) != .samenwonend {
            kept[.partnerAge] = nil
        }
        return kept
    }

    /// The accepted number of months of an extension under artikel 34a lid 2.
    public static let extendedMonthRange = 0...120

    /// One job from the job fields of `v` (nil: no pay given, so no job).
    static func job(
        _ v: SituationValues, hoursOptional: Bool, today: CalendarMonth?
    ) throws(SituationError) -> Job? {
        func one(_ f: SituationField) -> String? { v[f]?.last }
        func has(_ f: SituationField) -> Bool { v[f] != nil }
        var frequency = PayFrequency.maand
        if let raw = one(.frequency) {
            guard let f = Self.frequency(raw) else {
                throw .invalid(.frequency, value: raw, expected: Message("expect.frequency"))
            }
            frequency = f
        }
        let workFields: [SituationField] = [.hourlyWage, .grossMonthly, .netMonthly].filter(has)
        if workFields.count > 1 { throw .conflicting(workFields[0], workFields[1]) }
        var pay: Job.Pay?
        if let wage = try money(one(.hourlyWage), .hourlyWage) {
            let hrs = try one(.hours).map { raw throws(SituationError) in try hours(raw, .hours) }
            guard hrs != nil || hoursOptional else { throw .missing(.hours) }
            pay = .hourly(hundredthsPerWeek: hrs ?? 0, wage: wage)
        } else if has(.hours) {
            throw .missing(.hourlyWage)
        } else if let g = try money(one(.grossMonthly), .grossMonthly) {
            pay = .grossMonthly(g)
        } else if let n = try money(one(.netMonthly), .netMonthly) {
            pay = .netMonthly(n)
        }
        let started = try one(.started).map { raw throws(SituationError) in
            try month(raw, .started, today: today)
        }
        let ended = try one(.ended).map { raw throws(SituationError) in
            try month(raw, .ended, today: today)
        }
        if let s = started, let e = ended, e < s {
            throw .rule(
                .ended,
                Message(
                    "situatie.error.endedBeforeStart", ["started": .month(s), "ended": .month(e)]),
                exitCode: .usage)
        }
        let travel = try money(one(.travel), .travel) ?? .zero
        let employer = one(.employer)?.trimmingCharacters(in: .whitespaces)
        var payDate: LocalDate?
        if let raw = one(.payDate) {
            guard let d = LocalDate.parse(raw.trimmingCharacters(in: .whitespaces)) else {
                throw .invalid(.payDate, value: raw, expected: Message("expect.date"))
            }
            payDate = d
        }
        return pay.map {
            Job(
                started: started, frequency: frequency, pay: $0, withCredit: !has(.withoutCredit),
                travelCosts: travel, ended: ended,
                employer: employer?.isEmpty == false ? employer : nil, payDate: payDate)
        }
    }

    /// The parts of a job as they can be named in one value, Dutch and English: the names of the
    /// first job's own fields (`uren=12 uurloon=13,50 frequentie=4weken gestart=2026-05`).
    public static let jobKeys: [String: SituationField] = {
        var k: [String: SituationField] = [:]
        let fields: [SituationField] = [
            .hours, .hourlyWage, .grossMonthly, .netMonthly, .frequency, .started, .ended,
            .withoutCredit, .travel, .employer, .payDate,
        ]
        for f in fields {
            k[f.rawValue] = f
            k[f.rawValue.replacingOccurrences(of: "_", with: "-")] = f
        }
        let english: [String: SituationField] = [
            "hours": .hours, "hourly-wage": .hourlyWage, "wage": .hourlyWage,
            "gross-monthly": .grossMonthly, "net-monthly": .netMonthly, "frequency": .frequency,
            "started": .started, "start": .started, "ended": .ended, "end": .ended,
            "without-tax-credit": .withoutCredit, "travel-costs": .travel, "travel": .travel,
            "employer": .employer, "bruto": .grossMonthly, "netto": .netMonthly,
            "tot": .ended, "vanaf": .started, "wage-date": .payDate, "pay-date": .payDate,
        ]
        k.merge(english) { a, _ in a }
        return k
    }()

    /// One job's values written as the one value ``jobValues(_:)`` reads back (the guide stores a
    /// further job this way, the same value the command line takes).
    public static func jobValue(_ v: SituationValues) -> String {
        let order: [SituationField] = [
            .started, .hourlyWage, .hours, .grossMonthly, .netMonthly, .frequency, .withoutCredit,
            .ended, .travel, .employer, .payDate,
        ]
        var parts: [String] = []
        for f in order {
            guard let value = v[f]?.last else { continue }
            let key = f.rawValue.replacingOccurrences(of: "_", with: "-")
            if f == .withoutCredit {
                parts.append(key)
            } else if !value.isEmpty {
                parts.append(key + "=" + (value.contains(" ") ? "\"" + value + "\"" : value))
            }
        }
        return parts.joined(separator: " ")
    }

    /// A job described in one value: `key=value` parts separated by spaces or `;`, a value with
    /// spaces in double quotes (`werkgever="Bakkerij de Roos"`); a yes/no part by its name alone
    /// (`zonder-loonheffingskorting`).
    public static func jobValues(_ raw: String) throws(SituationError) -> SituationValues {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for ch in raw {
            if ch == "\"" {
                quoted.toggle()
            } else if !quoted && (ch == " " || ch == ";" || ch == "\t") {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        var v: SituationValues = [:]
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard let key = pieces.first,
                let field = jobKeys[key.lowercased().replacingOccurrences(of: "_", with: "-")]
                    ?? jobKeys[key.lowercased()]
            else {
                throw .invalid(.otherJob, value: part, expected: Message("expect.jobPart"))
            }
            if field == .withoutCredit {
                if pieces.count == 2 {
                    switch pieces[1].lowercased() {
                    case "ja", "j", "yes", "y": v[field] = [""]
                    case "nee", "n", "no": continue
                    default:
                        throw .invalid(field, value: pieces[1], expected: Message("expect.yesNo"))
                    }
                } else {
                    v[field] = [""]
                }
                continue
            }
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw .invalid(.otherJob, value: part, expected: Message("expect.jobPart"))
            }
            v[field] = [pieces[1]]
        }
        return v
    }

    // MARK: Values as people type them

    /// A household type in Dutch or English: "alleenstaande ouder", "single-parent", "couple".
    public static func household(_ raw: String) -> HouseholdType? {
        let s = words(raw)
        switch s {
        case "alleenstaande", "alleen", "single", "alone": return .alleenstaande
        case "alleenstaande-ouder", "ouder", "single-parent", "lone-parent", "parent":
            return .alleenstaandeOuder
        case "samenwonend", "samenwonen", "gehuwd", "getrouwd", "samen", "partner", "couple",
            "married", "cohabiting", "living-together":
            return .samenwonend
        default: return nil
        }
    }

    /// A pay frequency: "week", "weekly", "4weken", "4 weken", "four-weekly", "maand", "monthly".
    public static func frequency(_ raw: String) -> PayFrequency? {
        switch words(raw).replacingOccurrences(of: "-", with: "") {
        case "week", "weekly", "wekelijks", "perweek": return .week
        case "4weken", "vierweken", "4weekly", "fourweekly", "vierwekelijks", "4wekelijks":
            return .vierWeken
        case "maand", "month", "monthly", "maandelijks", "permaand": return .maand
        default: return nil
        }
    }

    /// A kind of childcare: "dagopvang"/"daycare", "bso"/"after-school", "gastouder"/"childminder".
    public static func childcareKind(_ raw: String) -> ChildcareKind? {
        switch words(raw) {
        case "dagopvang", "daycare", "kinderdagverblijf", "kdv": return .dagopvang
        case "bso", "after-school", "buitenschoolse-opvang", "out-of-school":
            return .buitenschoolseOpvang
        case "gastouder", "gastouderopvang", "childminder": return .gastouderopvang
        default: return nil
        }
    }

    /// Children's ages as people write them ("3 en 7", "3, 7", "3 and 7", "3 7", "3|7").
    ///
    /// Nil when a part is not a whole number.
    public static func children(_ raw: String) -> [Int]? {
        var s = " " + raw.lowercased() + " "
        for w in [" en ", " and ", " & "] { s = s.replacingOccurrences(of: w, with: " ") }
        let parts = s.split(whereSeparator: { " ,;|/".contains($0) })
        var ages: [Int] = []
        for p in parts {
            var t = String(p)
            for suffix in ["jaar", "jr", "years", "year"] where t.hasSuffix(suffix) {
                t = String(t.dropLast(suffix.count))
            }
            if t.isEmpty { continue }
            guard t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else { return nil }
            ages.append(n)
        }
        return ages
    }

    /// Hours as hundredths: `16` → 1600, `16,5` → 1650, `16.25` → 1625, also with the unit as
    /// people write it ("20 uur", "16,5 uur per week", "20 hours a week"); nil when not hours.
    public static func parseHours(_ raw: String) -> Int? {
        var s = " " + raw.lowercased().trimmingCharacters(in: .whitespaces) + " "
        for tail in [
            " per week ", " in de week ", " a week ", " per wk ", " p/w ", " pw ", " /week ",
            "/week ", " each week ",
        ] where s.hasSuffix(tail) {
            s = String(s.dropLast(tail.count)) + " "
        }
        for unit in [" uren ", " uur ", " u ", " hours ", " hour ", " hrs ", " h "]
        where s.hasSuffix(unit) {
            s = String(s.dropLast(unit.count)) + " "
        }
        for unit in ["uur ", "u ", "h "] where s.hasSuffix(unit) && s.count > unit.count + 1 {
            s = String(s.dropLast(unit.count)) + " "
        }
        return HoursText.hundredths(s.trimmingCharacters(in: .whitespaces))
    }

    /// An age as people say it: "34", "34 jaar", "ik ben 34", "ik ben 34 jaar oud", "I am 34",
    /// "I'm 34 years old"; nil when it is not one whole number.
    public static func age(_ raw: String) -> Int? {
        // Plain digits (every caseload row, most flags) read the same without Foundation's
        // string work below (issue 23: that was a tenth of reading a caseload).
        if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return Int(raw) }
        var s = raw.lowercased().trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        s = s.replacingOccurrences(of: "\u{2019}", with: "'")
        for head in ["ik ben ", "i am ", "i'm ", "im ", "mijn leeftijd is ", "my age is "]
        where s.hasPrefix(head) {
            s = String(s.dropFirst(head.count))
        }
        for tail in [
            " jaar oud", " years old", " year old", " jaar", " jr", " years", " year", "jr",
        ]
        where s.hasSuffix(tail) {
            s = String(s.dropLast(tail.count))
        }
        s = s.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// An amount of money as people type it, nil when it is not an amount.
    ///
    /// `14,71`, `14.71`, `€ 14,71`, `14,71 euro`. Negative amounts are read (the caller refuses them).
    public static func amount(_ raw: String) -> Money? {
        var s = raw.trimmingCharacters(in: .whitespaces)
        for word in ["euro's", "euros", "euro", "eur"] where s.lowercased().hasSuffix(word) {
            s = String(s.dropLast(word.count))
        }
        return Money.parse(s)
    }

    /// The months by name in Dutch and English, with their usual abbreviations.
    static let monthNames: [(Int, [String])] = [
        (1, ["januari", "january", "jan"]), (2, ["februari", "february", "feb"]),
        (3, ["maart", "march", "mrt", "mar", "mrt."]), (4, ["april", "apr"]),
        (5, ["mei", "may"]), (6, ["juni", "june", "jun"]), (7, ["juli", "july", "jul"]),
        (8, ["augustus", "august", "aug"]), (9, ["september", "sept", "sep"]),
        (10, ["oktober", "october", "okt", "oct"]), (11, ["november", "nov"]),
        (12, ["december", "dec"]),
    ]

    /// A month as people write it, nil when it is none.
    ///
    /// `2026-03`, `03-2026`, `3-2026`, "november 2026", "nov 2026",
    /// "november" (this year), "deze maand", "volgende maand", "vorige maand" ("this month",
    /// "next month", "last month"). The relative forms need `today`; without it they are nil.
    public static func month(_ raw: String, today: CalendarMonth?) -> CalendarMonth? {
        // Only digits and dashes (`2026-03`): nothing below would change it, and no month name
        // or word can match it.
        if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            return CalendarMonth.parse(raw)
        }
        let s = raw.lowercased().trimmingCharacters(
            in: .whitespaces.union(CharacterSet(charactersIn: "."))
        )
        .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if let m = CalendarMonth.parse(s) { return m }
        switch s {
        case "deze maand", "this month", "nu", "now": return today
        case "volgende maand", "next month", "komende maand", "de volgende maand":
            return today.map { $0.advanced(by: 1) }
        case "vorige maand", "last month", "previous month", "afgelopen maand":
            return today.map { $0.advanced(by: -1) }
        default: break
        }
        let words = s.split(separator: " ").map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
        }
        guard (1...2).contains(words.count) else { return nil }
        let nameWord = words.count == 2 && Int(words[0]) != nil ? words[1] : words[0]
        let yearWord = words.count == 2 ? (nameWord == words[0] ? words[1] : words[0]) : nil
        guard let number = monthNames.first(where: { $0.1.contains(nameWord) })?.0 else {
            return nil
        }
        if let yearWord {
            guard yearWord.count == 4, let y = Int(yearWord) else { return nil }
            return CalendarMonth(year: y, month: number)
        }
        return today.flatMap { CalendarMonth(year: $0.year, month: number) }
    }

    static func words(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").joined(
            separator: "-")
    }

    static func number(_ raw: String, _ f: SituationField, _ range: ClosedRange<Int>)
        throws(SituationError) -> Int
    {
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw .invalid(
                f, value: raw,
                expected: Message(
                    "expect.wholeNumber",
                    ["min": .number(range.lowerBound), "max": .number(range.upperBound)]))
        }
        return n
    }

    static func money(_ raw: String?, _ f: SituationField) throws(SituationError) -> Money? {
        guard let raw else { return nil }
        guard let m = amount(raw) else {
            throw .invalid(f, value: raw, expected: Message("expect.amount"))
        }
        guard m >= .zero else {
            throw .invalid(f, value: raw, expected: Message("expect.positiveAmount"))
        }
        return m
    }

    /// An age field: the number as people say it ("ik ben 34"), in the accepted range.
    static func ageNumber(_ raw: String, _ f: SituationField) throws(SituationError) -> Int {
        if let n = age(raw), ages.contains(n) { return n }
        return try number(raw, f, ages)
    }

    static func hours(_ raw: String, _ f: SituationField) throws(SituationError) -> Int {
        guard let h = parseHours(raw) else {
            throw .invalid(f, value: raw, expected: Message("expect.hours"))
        }
        return h
    }

    static func month(_ raw: String, _ f: SituationField, today: CalendarMonth?)
        throws(SituationError) -> CalendarMonth
    {
        guard let m = month(raw, today: today) else {
            throw .invalid(f, value: raw, expected: Message("expect.month"))
        }
        return m
    }
}
