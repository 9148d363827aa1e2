import Foundation
import KompasCore
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
            + SamenvattingCommand.profileFlags
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
        for f in profileFlags where inv.arguments.has(f) {
            values[f.canonical] = inv.arguments.values[f.canonical] ?? [""]
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

    static func show(_ p: Profile, _ inv: Invocation) {
        if inv.json {
            inv.out.print(
                JSONOutput.string(["profiel": p.flags, "opgeslagen_op": p.savedOn.description]))
            return
        }
        inv.out.print(inv.t("profiel.title", ["date": .date(p.savedOn)]))
        for f in profileFlags {
            guard let values = p.flags[f.canonical] else { continue }
            let v = values.joined(separator: ", ")
            inv.out.print(
                "  " + inv.t(f.helpKey) + " " + (v.isEmpty ? inv.t("profiel.yes") : v) + "  ("
                    + f.canonical + ")")
        }
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
        // A typed way of working replaces the stored one as a whole (hourly / gross / net are exclusive).
        let workFlags = [
            WatalsCommand.hourlyWage, WatalsCommand.grossMonthly, WatalsCommand.netMonthly,
        ].map(\.canonical)
        let typedWork = workFlags.contains { args.values[$0] != nil }
        for (name, values) in p.flags where args.values[name] == nil && !args.toggles.contains(name)
        {
            if typedWork && (workFlags.contains(name) || name == WatalsCommand.hours.canonical) {
                continue
            }
            if name == WatalsCommand.partnerAge.canonical,
                let h = args.values[WatalsCommand.household.canonical]?.last, h != "samenwonend"
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
