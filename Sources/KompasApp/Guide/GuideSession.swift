import Foundation
import KompasCore
import KompasLocalization
import KompasMunicipality
import KompasSettlement
import KompasStore
import KompasTerminal
import KompasTotalIncome

/// Where the guide reads answers: the real ``LineReader`` on standard input, or a script in tests.
protocol GuideReader: AnyObject, Sendable {
    func readLine() -> LineReader.Result
    func readSecret(prompt: () -> Void) -> LineReader.Result
}

extension LineReader: GuideReader {}

/// The guided conversation (`kompas` in a terminal, `kompas gids`): the terminal side of the pure
/// ``Conversation`` engine.
///
/// It asks, prints, saves every confirmed answer in the store at once, and
/// does each job by running the same command code as the command line (one code path per job).
///
/// On a terminal the prompt is marked with `> ` and titles may be bold; from a pipe or a file the
/// same text is printed without any decoration or colour, answers are read line by line and the
/// guide ends at the end of input (exit 0), so scripted sessions give the same text every time.
final class GuideSession {
    /// Leaving the guide: `stop`, Ctrl-D, end of input (0), or an error that ends it (its code).
    struct Leave: Error { var code: ExitCode }

    private(set) var context: Context
    let invocation: Invocation
    let reader: GuideReader
    private var store: Store?
    /// The passphrase as typed in this session, handed to the commands the guide runs so it is
    /// asked once.
    ///
    /// Only in memory; nil when it came from a file or `KOMPAS_WACHTWOORD` (the
    /// commands then read the same source).
    private var typedPassphrase: String?
    private var position: GuidePosition

    init(_ inv: Invocation, reader: GuideReader) {
        self.invocation = inv
        self.context = inv.context
        self.reader = reader
        self.position = GuidePosition(
            language: inv.context.localizer.language.rawValue, flow: nil, answers: [:],
            savedOn: inv.context.clock.now())
    }

    var interactive: Bool { context.terminal.stdinIsTTY }
    var width: Int { max(20, min(context.terminal.width, 100)) }
    var today: LocalDate { context.clock.now() }
    func t(_ key: String, _ args: Message.Arguments = [:]) -> String {
        context.t(key, args)
    }

    // MARK: Running

    func run() -> ExitCode {
        do {
            try openOrSetUp()
            try offerToContinue()
            try menuLoop()
            return .ok
        } catch let leave as Leave {
            return leave.code
        } catch {
            return ErrorPresenter.present(error, context: context, command: "gids")
        }
    }

    // MARK: Output

    /// A paragraph, wrapped to the terminal's width.
    func say(_ text: String) { context.out.print(TextWrap.wrap(text, width: width)) }
    func say(_ m: Message) { say(context.localizer.render(m)) }
    func blank() { context.out.print("") }
    /// A heading: on its own line after a blank one; bold on a colour terminal (never the only cue).
    ///
    /// From a pipe or a file there is no decoration at all, even when the output is a terminal.
    func heading(_ text: String) {
        blank()
        context.out.print(interactive ? context.style.bold(text) : text)
    }

    func goodbye() -> Leave {
        blank()
        say(
            t(
                Store.exists(at: StoreAccess.location(invocation))
                    ? "gids.bye" : "gids.bye.nothingSaved"))
        return Leave(code: .ok)
    }

    // MARK: Asking

    enum FormResult {
        case done([String: String])
        case back, cancelled
    }

    /// Asks a list of questions through the engine.
    ///
    /// With `flow`, every confirmed answer is saved
    /// in the position record at once, and answers from an earlier, interrupted session are used.
    func form(_ questions: [GuideQuestion], flow: GuideFlow? = nil) throws -> FormResult {
        let resumed = flow != nil && position.flow == flow?.rawValue ? position.answers : [:]
        var conversation = Conversation(questions, answers: resumed)
        var step = conversation.start()
        let secrets = Set(questions.filter(\.secret).map(\.id))
        while true {
            // Keep the position in step with the engine after every answer and every `terug`;
            // a passphrase is never part of it.
            if let flow {
                let kept = conversation.answers.filter { !secrets.contains($0.key) }
                if kept != position.answers || position.flow != flow.rawValue {
                    position.flow = flow.rawValue
                    position.answers = kept
                    savePosition()
                }
            }
            switch step.outcome {
            case .ask:
                guard let q = conversation.question else { return .done(conversation.answers) }
                show(q)
                step = conversation.handle(read(q))
            case .reask(_, let expected):
                say(expected)
                guard let q = conversation.question else { return .done(conversation.answers) }
                step = conversation.handle(read(q))
            case .help(_, let help):
                say(help)
                say(t("gids.help.words"))
                guard let q = conversation.question else { return .done(conversation.answers) }
                step = conversation.handle(read(q))
            case .finished(let answers):
                return .done(answers)
            case .backOut:
                // Going back out of a task on purpose: nothing to offer to continue next time.
                if flow != nil { finish() }
                return .back
            case .cancelled:
                if interactive { blank() }
                say(t("gids.cancelled"))
                return .cancelled
            case .stop, .endOfInput:
                if interactive, step.outcome == .endOfInput { blank() }
                throw goodbye()
            }
        }
    }

    /// Asks one question; nil after `terug` or Ctrl-C.
    func ask(_ q: GuideQuestion, flow: GuideFlow? = nil) throws -> String? {
        if case .done(let a) = try form([q], flow: flow) { return a[q.id] }
        return nil
    }

    func show(_ q: GuideQuestion) {
        blank()
        say(context.localizer.render(q.prompt))
        if let why = q.why { say(context.localizer.render(why)) }
        for (n, c) in q.choices.enumerated() {
            say("  \(n + 1). " + context.localizer.render(c.label))
        }
    }

    /// The prompt marker: `> ` on a terminal, nothing from a pipe (no decoration in scripts).
    func prompt(_ q: GuideQuestion) {
        if interactive { context.out.print("> ", terminator: "") }
    }

    /// Prints the prompt marker and reads the answer (for a passphrase with echo off first).
    func read(_ q: GuideQuestion) -> GuideInput {
        let r: LineReader.Result
        if q.secret {
            r = reader.readSecret { prompt(q) }
        } else {
            prompt(q)
            r = reader.readLine()
        }
        switch r {
        case .line(let s): return .line(s)
        case .interrupt: return .interrupt
        case .endOfInput: return .endOfInput
        }
    }

    // MARK: The store

    func savePosition() {
        guard let store else { return }
        position.savedOn = today
        do { try store.put(position, id: GuidePosition.recordID, in: .profiel) } catch {
            _ = ErrorPresenter.present(error, context: context, command: "gids")
        }
    }

    func profile() -> ProfielCommand.Profile? {
        guard let store else { return nil }
        return try? store.get(
            ProfielCommand.Profile.self, id: ProfielCommand.recordID, in: .profiel)
    }

    var storeHandle: Store? { store }

    func setLanguage(_ code: String) {
        position.language = code
        savePosition()
    }

    var hasHousehold: Bool { profile()?.flags[HouseholdFlags.age.canonical] != nil }

    /// First run: welcome, language, passphrase, household.
    ///
    /// Later: the passphrase, then the
    /// language the person chose before.
    func openOrSetUp() throws {
        let url = StoreAccess.location(invocation)
        if Store.exists(at: url) {
            heading(t("gids.welcomeBack.title"))
            try openExisting()
            if let saved = try store?.get(
                GuidePosition.self, id: GuidePosition.recordID, in: .profiel)
            {
                position = saved
                if let l = Language(rawValue: saved.language) { switchLanguage(l) }
            } else {
                savePosition()
            }
            if !hasHousehold {
                say(t("gids.household.missing"))
                try householdFlow()
            }
            return
        }
        heading(t("gids.welcome.title"))
        say(t("gids.welcome.text"))
        say(t("gids.help.words"))
        while true {
            if let l = try ask(Questions.language(context)), let language = Language(rawValue: l) {
                switchLanguage(language)
                position.language = l
                break
            }
        }
        blank()
        say(t("gids.passphrase.intro"))
        let pass: String?
        if invocation.arguments.has(StoreAccess.passphraseFileFlag)
            || context.environment["KOMPAS_WACHTWOORD"] != nil
        {
            pass = nil
        } else {
            pass = try newPassphrase()
        }
        let chosen = try pass.map(Passphrase.init) ?? StoreAccess.newPassphrase(invocation)
        // Creating holds the store exclusively; reopen it shared so the commands the guide runs
        // can open it too (the same rule as two `kompas` commands at once).
        _ = try StoreAccess.create(invocation, passphrase: chosen)
        store = try Store.open(
            at: url, passphrase: chosen, options: StoreAccess.options(context.environment))
        typedPassphrase = pass
        say(t("gids.store.created"))
        savePosition()
        try householdFlow()
    }

    func newPassphrase() throws -> String {
        while true {
            if case .done(let a) = try form([Questions.newPassphrase, Questions.repeatPassphrase]),
                let p = a["wachtwoord"]
            {
                return p
            }
        }
    }

    func openExisting() throws {
        let url = StoreAccess.location(invocation)
        if invocation.arguments.has(StoreAccess.passphraseFileFlag)
            || context.environment["KOMPAS_WACHTWOORD"] != nil
        {
            store = try Store.open(
                at: url, passphrase: try StoreAccess.passphrase(invocation),
                options: StoreAccess.options(context.environment))
            return
        }
        var tries = 0
        while true {
            guard let typed = try ask(Questions.passphrase) else { continue }
            do {
                store = try Store.open(
                    at: url, passphrase: Passphrase(typed),
                    options: StoreAccess.options(context.environment))
                typedPassphrase = typed
                return
            } catch StoreError.wrongPassphrase {
                tries += 1
                if tries >= 3 { throw StoreError.wrongPassphrase }
                say(t("gids.passphrase.wrong"))
            }
        }
    }

    func switchLanguage(_ l: Language) {
        guard l != context.localizer.language else { return }
        context.localizer = Localizer(language: l, catalog: context.localizer.catalog)
        context.glossaryNotes.use(context.localizer)
        // A terminal shows Arabic in logical order, often left to right (issue 24): one line
        // points to the printed summary, set right to left; in words, as the guide speaks.
        if l.isRightToLeft { say(t("gids.rtl.printHint")) }
    }

    /// A task interrupted last time: offer to continue it.
    func offerToContinue() throws {
        guard let raw = position.flow, let flow = GuideFlow(rawValue: raw) else { return }
        blank()
        say(t("gids.resume.question", ["task": .text(t("gids.flow." + flow.rawValue))]))
        guard let answer = try ask(Questions.yesNo(id: "verder", Message("gids.resume.prompt")))
        else { return }
        if answer == "ja" {
            try perform(flow)
        } else {
            position.flow = nil
            position.answers = [:]
            savePosition()
        }
    }

    // MARK: Menu

    func menuLoop() throws {
        while true {
            showStatus()
            let menu = Questions.menu
            blank()
            say(t("gids.menu.prompt"))
            for (n, c) in menu.choices.enumerated() {
                say("  \(n + 1). " + context.localizer.render(c.label))
            }
            var conversation = Conversation([menu])
            _ = conversation.start()
            var choice: String?
            while choice == nil {
                let step = conversation.handle(read(menu))
                switch step.outcome {
                case .finished(let a): choice = a[menu.id]
                case .reask(_, let m): say(m)
                case .help(_, let m):
                    say(m)
                    say(t("gids.help.words"))
                case .cancelled, .backOut:
                    if interactive { blank() }
                    say(t("gids.menu.howToLeave"))
                case .stop, .endOfInput:
                    if interactive, step.outcome == .endOfInput { blank() }
                    throw goodbye()
                case .ask: break
                }
            }
            if choice == "stoppen" { throw goodbye() }
            guard let choice, let flow = GuideFlow(rawValue: choice) else { continue }
            try perform(flow)
        }
    }

    /// The deadline and what is missing, from the same sections as `kompas status`.
    func showStatus() {
        heading(t("gids.menu.title"))
        let flags = profile()?.flags ?? [:]
        guard
            let municipality = try? MunicipalityResolver.resolve(
                flags[GlobalFlags.municipality.canonical]?.last, context: context)
        else { return }
        let payslips = ((try? store?.all(Payslip.self, in: .loonstrook)) ?? []).map(\.value)
        let hours = ((try? store?.all(HourRecord.self, in: .uren)) ?? []).map(\.value)
        var facts = StatusCommand.Facts(
            today: today, policy: municipality.settlementPolicy, municipality: municipality,
            payslips: payslips, hours: hours)
        if let store {
            facts.applications = (try? ApplicationStore.all(store)) ?? []
            facts.agreement = try? ApplicationStore.agreement(store)
        }
        for section in StatusCommand.sections.compactMap({ $0(facts) }) {
            // Inside the guide a hint names the menu choice, not a command, where the guide has its own text.
            for line in section.lines {
                // {choice} is the menu number of the task that helps (payslips, or sending).
                let task = line.key.hasPrefix("status.sync.") ? "sync" : "loonstrook"
                let number = (Questions.menuChoices.firstIndex { $0.value == task } ?? 0) + 1
                var args = line.arguments
                args["choice"] = .number(number)
                let own = Message("gids." + line.key, args)
                say("- " + context.localizer.render(context.localizer.has(own.key) ? own : line))
            }
        }
        if flags[HouseholdFlags.age.canonical] == nil {
            say("- " + t("gids.household.missingLine"))
        }
    }

    func perform(_ flow: GuideFlow) throws {
        switch flow {
        case .huishouden: try householdFlow()
        case .watals: try whatIfFlow()
        case .loonstrook: try payslipOrHoursFlow()
        case .uren: try hoursFlow()
        case .verrekening: try settlementFlow()
        case .controleer: try checkFlow()
        case .samenvatting: try summaryFlow()
        case .sync: try syncFlow()
        case .werk: try workNewsFlow()
        case .instellingen: try settingsFlow()
        }
    }

    /// The task is done (or given up): forget its answers.
    func finish() {
        position.flow = nil
        position.answers = [:]
        savePosition()
    }

    // MARK: Running commands

    /// Runs a command exactly as `kompas <args>` would (same parser, same `run`), in this session's
    /// language and store, with the passphrase already given.
    ///
    /// Errors are shown as on the command line.
    /// `secrets` are handed over the way a script gives them (`KOMPAS_SYNC_TOKEN`), in memory only.
    @discardableResult
    func command(_ args: [String], secrets: [String: String] = [:], input: [String]? = nil)
        -> ExitCode
    {
        var full = args
        if let dir = invocation.arguments.value(StoreAccess.storeFlag) {
            full += ["--opslag", dir]
        }
        if let file = invocation.arguments.value(StoreAccess.passphraseFileFlag) {
            full += ["--wachtwoord-bestand", file]
        }
        var ctx = commandContext()
        ctx.environment.merge(secrets) { _, new in new }
        let reader = self.reader
        var ctxWithInput = ctx
        if let input {
            // Text the guide already read (a pasted vacancy) is the command's standard input.
            let lines = LockedLines(input)
            ctxWithInput.readLine = { lines.next() }
        } else {
            ctxWithInput.readLine = {
                if case .line(let s) = reader.readLine() { return s }
                return nil
            }
        }
        do {
            let parsed = try ArgumentParser(table: invocation.table).parse(full)
            guard let name = parsed.command, let spec = invocation.table.command(named: name) else {
                return .software
            }
            let code = try spec.run(
                Invocation(
                    spec: spec, arguments: parsed, context: ctxWithInput, table: invocation.table))
            return code
        } catch {
            let code = ErrorPresenter.present(error, context: ctx, command: args.first)
            say(t("gids.commandFailed"))
            return code
        }
    }

    /// The context the commands run in: this session's language, and the passphrase typed in the
    /// guide given the way a script gives it (`KOMPAS_WACHTWOORD`), so the commands open the store
    /// and read the profile without asking again.
    ///
    /// This is the context's own copy of the
    /// environment, in this process's memory only: nothing is exported or written.
    func commandContext() -> Context {
        var ctx = context
        ctx.inGuide = true
        if let pass = typedPassphrase { ctx.environment["KOMPAS_WACHTWOORD"] = pass }
        // Anything else a command asks without echo is asked through the guide's own reader.
        let reader = self.reader
        let out = context.out
        let interactive = self.interactive
        ctx.readPassphrase = { prompt in
            let result = reader.readSecret {
                out.print(prompt, terminator: interactive ? "" : "\n")
            }
            if case .line(let s) = result { return s }
            return nil
        }
        return ctx
    }

    /// An invocation of `spec` with these arguments and the stored profile filled in, for the
    /// few places the guide needs the numbers themselves (to explain a lower top-up beforehand).
    func mergedInvocation(_ spec: CommandSpec, _ args: [String]) -> Invocation? {
        guard let parsed = try? ArgumentParser(table: invocation.table).parse(args) else {
            return nil
        }
        let ctx = commandContext()
        var p = parsed
        if let dir = invocation.arguments.value(StoreAccess.storeFlag) {
            p.values[StoreAccess.storeFlag.canonical] = [dir]
        }
        if let file = invocation.arguments.value(StoreAccess.passphraseFileFlag) {
            p.values[StoreAccess.passphraseFileFlag.canonical] = [file]
        }
        return try? ProfielCommand.merged(
            Invocation(spec: spec, arguments: p, context: ctx, table: invocation.table))
    }
}

/// Lines handed to a command as its standard input, one per `readLine`.
final class LockedLines: @unchecked Sendable {
    private var lines: [String]
    private let lock = NSLock()
    init(_ lines: [String]) { self.lines = lines }
    func next() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}
