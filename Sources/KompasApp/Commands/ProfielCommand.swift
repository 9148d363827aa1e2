import Foundation
import KompasCase
import KompasCore
import KompasEngine
import KompasStore

/// `kompas profiel` (profile): the household situation Kompas remembers, in the encrypted store,
/// so `watals` (and later `verrekening` and `samenvatting`) need fewer flags.
///
/// The profile is kept as the flags the person typed (canonical names and raw values): every
/// command that reads it validates the values with exactly the same parser as its own flags, and
/// a later version that adds a flag needs no migration. Ages are stored as given; `toon` shows the
/// date they were saved so the person can update them.
enum ProfielCommand {
    static let noProfile = FlagSpec(["--zonder-profiel", "--no-profile"])

    /// The flags a profile may hold: the household and the work, not the month or a sweep.
    static var profileFlags: [FlagSpec] {
        let watalsFlags = WatalsCommand.self
        return [
            watalsFlags.household, watalsFlags.age, watalsFlags.partnerAge, watalsFlags.child,
            watalsFlags.costSharers, watalsFlags.aow, watalsFlags.medical,
            watalsFlags.noParentalSupport, watalsFlags.started,
            watalsFlags.hourlyWage, watalsFlags.hours,
            watalsFlags.grossMonthly, watalsFlags.netMonthly, watalsFlags.frequency,
            watalsFlags.travel, watalsFlags.childcare, watalsFlags.otherIncome,
            watalsFlags.withoutCredit,
            watalsFlags.rent, watalsFlags.serviceCosts, watalsFlags.careHours,
            watalsFlags.carePrice, watalsFlags.careKind, watalsFlags.assets, watalsFlags.advance,
            GlobalFlags.municipality,
        ]
            + SituationFlags.workHistory + SamenvattingCommand.profileFlags
    }

    static let spec = CommandSpec(
        names: ["profiel", "profile"], summary: "cmd.profiel.summary",
        subcommands: [
            SubcommandSpec(["toon", "show"], summary: "sub.profiel.toon"),
            SubcommandSpec(["instellen", "set"], summary: "sub.profiel.instellen"),
        ],
        flags: profileFlags.filter { $0 != GlobalFlags.municipality } + [GlobalFlags.municipality]
            + StoreAccess.flags,
        run: run)

    /// What is stored: canonical flag name → values, and the day it was saved.
    struct Profile: Codable, Equatable {
        var flags: [String: [String]]
        var savedOn: LocalDate
        /// The typed, versioned situation read from these values by the one reader (nil in a
        /// profile saved by an older Kompas: it is read again from `flags` when shown).
        var situation: Situation?

        init(flags: [String: [String]], savedOn: LocalDate) {
            self.flags = flags
            self.savedOn = savedOn
            var values: SituationValues = [:]
            for (field, spec) in SituationFlags.fields {
                if let v = flags[spec.canonical] { values[field] = v }
            }
            self.situation = try? SituationReader.read(
                values, requireAge: false, hoursOptional: true)
        }
    }
    static let recordID = "profiel"

    static func run(_ inv: Invocation) throws -> ExitCode {
        let sub = try inv.subcommand(required: false)
        if sub == nil || sub?.names[0] == "toon" {
            let store = try StoreAccess.open(inv)
            guard let p = try store.get(Profile.self, id: recordID, in: .profiel) else {
                if inv.json {
                    inv.out.print(JSONOutput.string(["profiel": NSNullish.null]))
                } else {
                    inv.out.print(inv.t("profiel.empty"))
                }
                return .ok
            }
            show(p, inv)
            return .ok
        }
        // instellen: validate every value by building the projection input, then store the raw flags.
        var values: [String: [String]] = [:]
        let thisMonth = inv.context.clock.now().calendarMonth
        for f in profileFlags where inv.arguments.has(f) {
            var given = inv.arguments.values[f.canonical] ?? [""]
            // A month said relative to now ("vorige maand", "november") is stored as the month it
            // means today, so the profile does not drift with the calendar (issue 22).
            if f.placeholder == "JJJJ-MM" {
                given = given.map { SituationReader.month($0, today: thisMonth)?.description ?? $0 }
            }
            values[f.canonical] = given
        }
        guard !values.isEmpty else { throw UserError(.usage, Message("profiel.nothingGiven")) }
        var check = inv.arguments
        if check.values[WatalsCommand.age.canonical] == nil {
            check.values[WatalsCommand.age.canonical] = ["30"]
        }
        try self.check(check, context: inv.context, table: inv.table)
        let (store, _, created) = try StoreAccess.openOrCreate(inv)
        if created { inv.err.print(inv.t("profiel.storeCreated", ["path": .text(store.url.path)])) }
        let profile = Profile(flags: values, savedOn: inv.context.clock.now())
        try store.put(profile, id: recordID, in: .profiel)
        inv.out.print(inv.t("profiel.saved"))
        show(profile, inv)
        return .ok
    }

    /// Validates profile values by building the projection input exactly as `watals` does, so a
    /// stored profile can always be used.
    ///
    /// The guide (issue 10) checks its answers with this too.
    static func check(_ arguments: ParsedArguments, context: Context, table: CommandTable) throws {
        // Checking values needs nothing from the store (the summary would otherwise open it to
        // look for the contact person, asking for the passphrase a second time).
        var values = arguments
        values.toggles.insert(noProfile.canonical)
        let probe = Invocation(
            spec: WatalsCommand.spec, arguments: values, context: context, table: table)
        let municipality = try MunicipalityResolver.resolve(
            probe.arguments.value(GlobalFlags.municipality), context: context)
        let input = try WatalsCommand.projectionInput(probe, policy: municipality.incomePolicy)
        _ = try WatalsCommand.householdCosts(probe, household: input.household)
        _ = try SamenvattingCommand.parseExtras(probe, frequency: input.frequency)
    }

    /// The same check for stored flags (canonical name → values); toggles are stored as `[""]`.
    static func check(_ flags: [String: [String]], context: Context, table: CommandTable) throws {
        var args = ParsedArguments()
        for (name, values) in flags {
            guard let spec = profileFlags.first(where: { $0.canonical == name }) else { continue }
            if case .toggle = spec.kind {
                args.toggles.insert(name)
            } else {
                args.values[name] = values
            }
        }
        if args.values[WatalsCommand.age.canonical] == nil {
            args.values[WatalsCommand.age.canonical] = ["30"]
        }
        try check(args, context: context, table: table)
    }

    /// Shows the profile: each part of the situation named in the user's words, its value in
    /// the user's number format ("€ 720,00", not "720.00"); JSON also gives the situation's fields.
    static func show(_ p: Profile, _ inv: Invocation) {
        var fieldValues: [String: [String]] = [:]
        for (field, spec) in SituationFlags.fields {
            if let v = p.flags[spec.canonical] { fieldValues[field.rawValue] = v }
        }
        if inv.json {
            // `profiel` keeps the stored flags (scripts read it); `situatie` names the fields.
            var o: [String: Any] = [
                "profiel": p.flags, "situatie": fieldValues, "opgeslagen_op": p.savedOn.description,
            ]
            if let s = p.situation { o["versie"] = s.version }
            inv.out.print(JSONOutput.string(o))
            return
        }
        let f = inv.context.localizer.format
        inv.out.print(inv.t("profiel.title", ["date": .date(p.savedOn)]))
        for (field, spec) in SituationFlags.fields {
            guard let values = p.flags[spec.canonical] else { continue }
            let shown = values.map { raw -> String in
                if raw.isEmpty { return inv.t("profiel.yes") }
                switch field.kind {
                case .amount:
                    if let m = Money.parse(raw) {
                        return inv.context.localizer.string(.typedAmount(m))
                    }
                case .hours:
                    if let h = SituationReader.parseHours(raw) { return f.hours(hundredths: h) }
                case .household:
                    if let t = SituationReader.household(raw) {
                        return inv.t("household." + t.rawValue)
                    }
                case .month: if let m = CalendarMonth.parse(raw) { return f.month(m) }
                case .date: if let d = LocalDate.parse(raw) { return f.date(d) }
                case .children:
                    if let ages = SituationReader.children(raw) {
                        return ages.map(String.init).joined(separator: ", ")
                    }
                case .other:
                    if field == .otherJob, let job = describeJob(raw, inv) { return job }
                }
                return raw
            }
            let label = inv.context.localizer.render(field.name)
            inv.out.print(
                "  " + label.capitalizedFirst + ": "
                    + shown.joined(separator: ", "))
        }
        let fieldFlags = Set(SituationFlags.fields.map(\.1.canonical))
        for spec in SamenvattingCommand.profileFlags where !fieldFlags.contains(spec.canonical) {
            guard let values = p.flags[spec.canonical] else { continue }
            inv.out.print("  " + inv.t(spec.helpKey) + " " + values.joined(separator: ", "))
        }
    }

    /// A further job in the user's words ("8 uur per week × € 13,50 bruto per uur, vanaf mei
    /// 2026"), read by the one reader; nil when it cannot be read.
    static func describeJob(_ raw: String, _ inv: Invocation) -> String? {
        guard
            let j =
                (try? SituationReader.read(
                    [.otherJob: [raw]], requireAge: false, hoursOptional: true))?.jobs.first
        else { return nil }
        let typed: (SituationField, Money) -> Message.Argument = { .typedAmount($1) }
        var parts = [ProjectionRenderer.work(j.workInput, amount: typed) { inv.t($0, $1) } ?? ""]
        if let s = j.started { parts.append(inv.t("profiel.job.from", ["month": .month(s)])) }
        if let e = j.ended { parts.append(inv.t("profiel.job.through", ["month": .month(e)])) }
        if !j.withCredit { parts.append(inv.t("profiel.job.withoutCredit")) }
        return parts.joined(separator: ", ")
    }

    /// The arguments of a command with the stored profile filled in for every flag not typed.
    ///
    /// Used by `watals`: typed flags always win. The store is opened only when it exists and a
    /// passphrase can be had (environment, file, or a prompt on a terminal); otherwise the command
    /// runs on its flags alone and says once on stderr that the profile was not read.
    static func merged(_ inv: Invocation) throws -> Invocation {
        if inv.arguments.has(noProfile) { return inv }
        guard Store.exists(at: StoreAccess.location(inv)) else { return inv }
        guard let store = try StoreAccess.openIfAvailable(inv) else {
            inv.err.print("kompas: " + inv.t("profiel.notRead"))
            return inv
        }
        guard let p = try store.get(Profile.self, id: recordID, in: .profiel) else { return inv }
        var args = inv.arguments
        // Which stored parts of the situation still hold beside the typed ones is the case's rule.
        let typed = SituationFlags.values(inv.arguments)
        var stored: SituationValues = [:]
        for (field, spec) in SituationFlags.fields {
            if let v = p.flags[spec.canonical] { stored[field] = v }
        }
        let kept = SituationReader.stored(stored, beside: typed)
        let situationFlags = Set(SituationFlags.fields.map(\.1.canonical))
        for (name, values) in p.flags where args.values[name] == nil && !args.toggles.contains(name)
        {
            if situationFlags.contains(name),
                let field = SituationFlags.fields.first(where: { $0.1.canonical == name })?.0,
                kept[field] == nil
            {
                continue
            }
            guard let spec = profileFlags.first(where: { $0.canonical == name }) else { continue }
            if case .toggle = spec.kind {
                args.toggles.insert(name)
            } else {
                args.values[name] = values
            }
        }
        return Invocation(spec: inv.spec, arguments: args, context: inv.context, table: inv.table)
    }
}
