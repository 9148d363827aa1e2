import Foundation
import KompasCase
import KompasCore
import KompasLocalization
import KompasMunicipality
import KompasSync

/// Every question the guide asks, with its one line on why and its help.
///
/// The texts are in
/// `Locales/` under `gids.`; the checks are ``GuideChecks``.
enum Questions {
    static func language(_ context: Context) -> GuideQuestion {
        // Each language by its own name (issue 24), so a person who cannot read the Dutch
        // question still finds theirs; typed as its number, code or a name of it.
        let choices = Language.allCases.map { l in
            GuideChoice(
                value: l.rawValue, label: Message("gids.language." + l.rawValue),
                words: l.names.sorted())
        }
        return GuideQuestion(
            id: "taal", prompt: Message("gids.q.language"), why: Message("gids.why.language"),
            help: Message("gids.help.language"), choices: choices,
            check: GuideChecks.choice(choices))
    }

    static let newPassphrase = GuideQuestion(
        id: "wachtwoord", prompt: Message("gids.q.newPassphrase"), why: nil,
        help: Message(
            "gids.help.passphrase", ["minimum": .number(StoreAccess.minimumPassphraseLength)]),
        secret: true, check: GuideChecks.newPassphrase)
    static let repeatPassphrase = GuideQuestion(
        id: "wachtwoord-nogmaals", prompt: Message("gids.q.repeatPassphrase"), why: nil,
        help: Message("gids.help.repeatPassphrase"), secret: true,
        check: GuideChecks.repeatPassphrase)
    static let passphrase = GuideQuestion(
        id: "wachtwoord-openen", prompt: Message("gids.q.passphrase"), why: nil,
        help: Message("gids.help.openPassphrase"), secret: true,
        check: { raw, _ in raw.isEmpty ? .reask(Message("gids.expect.passphrase")) : .accepted(raw)
        })

    static func yesNo(id: String, _ prompt: Message, help: Message = Message("gids.help.yesNo"))
        -> GuideQuestion
    {
        GuideQuestion(id: id, prompt: prompt, why: nil, help: help, check: GuideChecks.yesNo)
    }

    // MARK: Household (first run and settings)

    static let householdChoices = [
        GuideChoice(
            value: "alleenstaande", label: Message("gids.household.alleenstaande"),
            words: ["alleen", "single"]),
        GuideChoice(
            value: "alleenstaande-ouder", label: Message("gids.household.alleenstaande-ouder"),
            words: ["ouder", "parent"]),
        GuideChoice(
            value: "samenwonend", label: Message("gids.household.samenwonend"),
            words: ["samen", "partner", "couple"]),
    ]

    static let household: [GuideQuestion] = [
        GuideQuestion(
            id: "huishouden", prompt: Message("gids.q.household"),
            why: Message("gids.why.household"),
            help: Message("gids.help.household"), choices: householdChoices,
            check: GuideChecks.choice(householdChoices)),
        GuideQuestion(
            id: "leeftijd", prompt: Message("gids.q.age"), why: Message("gids.why.age"),
            help: Message("gids.help.age"),
            check: GuideChecks.age),
        GuideQuestion(
            id: "leeftijd-partner", prompt: Message("gids.q.partnerAge"),
            why: Message("gids.why.partnerAge"),
            help: Message("gids.help.age"), check: GuideChecks.age,
            applies: { $0["huishouden"] == "samenwonend" }),
        // Art. 20 lid 3 Participatiewet: asked only when someone in the household is 18, 19 or 20.
        GuideQuestion(
            id: "steun-ouders", prompt: Message("gids.q.noParentalSupport"),
            why: Message("gids.why.noParentalSupport"), help: Message("gids.help.yesNo"),
            check: GuideChecks.yesNo,
            applies: { a in
                [a["leeftijd"], a["leeftijd-partner"]].contains {
                    $0.flatMap { Int($0) }.map { (18...20).contains($0) } == true
                }
            }),
        GuideQuestion(
            id: "kinderen", prompt: Message("gids.q.children"), why: Message("gids.why.children"),
            help: Message("gids.help.children"), check: GuideChecks.childrenAges,
            // Someone who lives alone has no children at home (else they are a single parent).
            applies: { $0["huishouden"] != "alleenstaande" }),
        rent,
    ]

    static let rent = GuideQuestion(
        id: "huur", prompt: Message("gids.q.rent"), why: Message("gids.why.rent"),
        help: Message("gids.help.rent"),
        check: GuideChecks.amount(optional: true))

    /// Asked after the household: who else lives in the home (kostendelers, artikel 22a
    /// Participatiewet) and the municipality, so Kompas computes with them instead of assuming
    /// "nobody" and Amsterdam.
    static let living: [GuideQuestion] = [costSharers, municipality]

    static let costSharers = GuideQuestion(
        id: "kostendelers", prompt: Message("gids.q.costSharers"),
        why: Message("gids.why.costSharers"), help: Message("gids.help.costSharers"),
        check: { raw, earlier in
            if GuideChecks.noneWords.contains(raw.lowercased()) { return .accepted("0") }
            return GuideChecks.number(SituationReader.costSharerRange)(raw, earlier)
        })

    /// The built-in municipalities, and "another" (then Kompas says it uses Amsterdam's choices).
    static let municipalityChoices: [GuideChoice] =
        // Amsterdam, Kompas's default, first; then the others by name.
        MunicipalityLoader.builtIn.keys.sorted {
            ($0 == "amsterdam" ? "" : $0) < ($1 == "amsterdam" ? "" : $1)
        }.map {
            GuideChoice(value: $0, label: Message("gids.municipality." + $0))
        } + [
            GuideChoice(
                value: "anders", label: Message("gids.municipality.anders"),
                words: ["other", "andere"])
        ]

    static let municipality = GuideQuestion(
        id: "gemeente", prompt: Message("gids.q.municipality"),
        why: Message("gids.why.municipality"), help: Message("gids.help.municipality"),
        choices: municipalityChoices, check: GuideChecks.choice(municipalityChoices))

    static let serviceCosts = GuideQuestion(
        id: "servicekosten", prompt: Message("gids.q.serviceCosts"), why: nil,
        help: Message("gids.help.serviceCosts"), check: GuideChecks.amount(optional: true),
        applies: { ($0["huur"] ?? "") != "" })

    static let careKindChoices = [
        GuideChoice(
            value: "dagopvang", label: Message("gids.care.dagopvang"), words: ["daycare", "kdv"]),
        GuideChoice(
            value: "bso", label: Message("gids.care.bso"), words: ["after-school", "naschools"]),
        GuideChoice(
            value: "gastouder", label: Message("gids.care.gastouder"), words: ["childminder"]),
    ]

    /// Childcare per child under 13 (kinderopvang in the Wet kinderopvang is care for children
    /// until they go to secondary school, around 12): hours per month, kind and price per hour.
    ///
    /// `ages` are the children's ages in the order given; the ids carry the child's place.
    static func childcare(ages: [Int]) -> [GuideQuestion] {
        var q: [GuideQuestion] = []
        for (i, age) in ages.enumerated() where age < 13 {
            let hours = "opvang-uren-\(i)"
            let given: @Sendable ([String: String]) -> Bool = {
                ($0[hours] ?? "0") != "0" && ($0[hours] ?? "") != ""
            }
            q.append(
                GuideQuestion(
                    id: hours, prompt: Message("gids.q.careHours", ["age": .number(age)]),
                    why: i == ages.firstIndex(where: { $0 < 13 })
                        ? Message("gids.why.careHours") : nil,
                    help: Message("gids.help.careHours"),
                    check: { raw, earlier in
                        if GuideChecks.noneWords.contains(raw.lowercased()) {
                            return .accepted("0")
                        }
                        return GuideChecks.hours(maximum: 744)(raw, earlier)
                    }))
            q.append(
                GuideQuestion(
                    id: "opvang-soort-\(i)",
                    prompt: Message("gids.q.careKind", ["age": .number(age)]),
                    why: nil, help: Message("gids.help.careKind"), choices: careKindChoices,
                    check: GuideChecks.choice(careKindChoices), applies: given))
            q.append(
                GuideQuestion(
                    id: "opvang-prijs-\(i)",
                    prompt: Message("gids.q.carePrice", ["age": .number(age)]),
                    why: nil, help: Message("gids.help.carePrice"), check: GuideChecks.amount(),
                    applies: given))
        }
        return q
    }

    // MARK: Menu

    static let menuChoices: [GuideChoice] = [
        GuideChoice(
            value: "watals", label: Message("gids.menu.watals"), words: ["watals", "whatif"]),
        GuideChoice(
            value: "loonstrook", label: Message("gids.menu.loonstrook"),
            words: ["loonstrook", "payslip", "uren", "hours"]),
        GuideChoice(
            value: "verrekening", label: Message("gids.menu.verrekening"),
            words: ["verrekening", "settle", "settlement"]),
        GuideChoice(
            value: "controleer", label: Message("gids.menu.controleer"),
            words: ["cv", "brief", "letter", "controleer", "check"]),
        GuideChoice(
            value: "samenvatting", label: Message("gids.menu.samenvatting"),
            words: ["samenvatting", "summary", "print"]),
        GuideChoice(
            value: "sync", label: Message("gids.menu.sync"),
            words: ["sync", "gemeente", "municipality"]),
        GuideChoice(
            value: "werk", label: Message("gids.menu.werk"),
            words: ["werk", "work", "baan", "job", "sollicitatie"]),
        GuideChoice(
            value: "instellingen", label: Message("gids.menu.instellingen"),
            words: ["instellingen", "settings", "taal", "language"]),
        GuideChoice(value: "stoppen", label: Message("gids.menu.stoppen"), words: []),
    ]

    static let menu = GuideQuestion(
        id: "menu", prompt: Message("gids.menu.prompt"), why: nil, help: Message("gids.help.menu"),
        choices: menuChoices, check: GuideChecks.choice(menuChoices))

    // MARK: Tasks

    static let hoursPerWeek = GuideQuestion(
        id: "uren", prompt: Message("gids.q.hoursPerWeek"), why: Message("gids.why.hoursPerWeek"),
        help: Message("gids.help.hoursPerWeek"), check: GuideChecks.hours())
    static let hourlyWage = GuideQuestion(
        id: "uurloon", prompt: Message("gids.q.hourlyWage"), why: Message("gids.why.hourlyWage"),
        help: Message("gids.help.amount"), check: GuideChecks.amount())

    static let reportChoices = [
        GuideChoice(
            value: "loonstrook", label: Message("gids.report.payslip"),
            words: ["loonstrook", "payslip"]),
        GuideChoice(value: "uren", label: Message("gids.report.hours"), words: ["uren", "hours"]),
    ]
    static let report = GuideQuestion(
        id: "soort", prompt: Message("gids.q.report"), why: nil, help: Message("gids.help.report"),
        choices: reportChoices, check: GuideChecks.choice(reportChoices))

    static let frequencyChoices = [
        GuideChoice(
            value: "maand", label: Message("gids.frequency.maand"), words: ["month", "monthly"]),
        GuideChoice(
            value: "4weken", label: Message("gids.frequency.4weken"), words: ["4", "4 weeks"]),
        GuideChoice(value: "week", label: Message("gids.frequency.week"), words: ["weekly"]),
    ]

    static func payslip(today: LocalDate) -> [GuideQuestion] {
        [
            GuideQuestion(
                id: "werkgever", prompt: Message("gids.q.employer"),
                why: Message("gids.why.employer"),
                help: Message("gids.help.employer"), check: GuideChecks.text(optional: true)),
            GuideQuestion(
                id: "betaaldatum", prompt: Message("gids.q.payDate"), why: nil,
                help: Message("gids.help.date"),
                check: GuideChecks.date(today: today)),
            GuideQuestion(
                id: "frequentie", prompt: Message("gids.q.frequency"),
                why: Message("gids.why.frequency"),
                help: Message("gids.help.frequency"), choices: frequencyChoices,
                check: GuideChecks.choice(frequencyChoices)),
            GuideQuestion(
                id: "periode_van", prompt: Message("gids.q.periodFrom"), why: nil,
                help: Message("gids.help.period"),
                check: GuideChecks.date(today: today)),
            GuideQuestion(
                id: "periode_tot", prompt: Message("gids.q.periodTo"), why: nil,
                help: Message("gids.help.period"),
                check: { raw, earlier in
                    let r = GuideChecks.date(today: today)(raw, earlier)
                    if case .accepted(let v) = r, let from = earlier["periode_van"], v < from {
                        return .reask(Message("gids.expect.periodOrder"))
                    }
                    return r
                }),
            GuideQuestion(
                id: "netto", prompt: Message("gids.q.net"), why: Message("gids.why.net"),
                help: Message("gids.help.amount"),
                check: GuideChecks.amount()),
            GuideQuestion(
                id: "uren", prompt: Message("gids.q.hoursOnSlip"), why: nil,
                help: Message("gids.help.optional"),
                check: GuideChecks.hours(optional: true, maximum: 744)),
        ]
    }

    static func hours(today: LocalDate) -> [GuideQuestion] {
        [
            GuideQuestion(
                id: "datum", prompt: Message("gids.q.hoursDate"), why: nil,
                help: Message("gids.help.date"),
                check: GuideChecks.date(today: today)),
            GuideQuestion(
                id: "gewerkt", prompt: Message("gids.q.hoursWorked"),
                why: Message("gids.why.hoursWorked"),
                help: Message("gids.help.hoursWorked"), check: GuideChecks.hours(maximum: 24)),
        ]
    }

    static func month(today: LocalDate) -> GuideQuestion {
        GuideQuestion(
            id: "maand", prompt: Message("gids.q.month", ["month": .month(today.calendarMonth)]),
            why: nil,
            help: Message("gids.help.month"), check: GuideChecks.month(default: today.calendarMonth)
        )
    }

    static let documentChoices = [
        GuideChoice(value: "cv", label: Message("gids.document.cv")),
        GuideChoice(value: "brief", label: Message("gids.document.brief"), words: ["letter"]),
    ]

    static func document(workingDirectory: URL) -> [GuideQuestion] {
        [
            GuideQuestion(
                id: "soort", prompt: Message("gids.q.documentKind"), why: nil,
                help: Message("gids.help.documentKind"),
                choices: documentChoices, check: GuideChecks.choice(documentChoices)),
            GuideQuestion(
                id: "bestand", prompt: Message("gids.q.documentFile"),
                why: Message("gids.why.documentFile"),
                help: Message("gids.help.documentFile"),
                check: GuideChecks.existingFile(workingDirectory: workingDirectory)),
            // A letter is checked against its vacancy (issue 20): pasted, from a file, or none.
            GuideQuestion(
                id: "vacature", prompt: Message("gids.q.vacancy"), why: nil,
                help: Message("gids.help.vacancy"),
                choices: vacancyChoices, check: GuideChecks.choice(vacancyChoices),
                applies: { $0["soort"] == "brief" }),
            GuideQuestion(
                id: "vacaturebestand", prompt: Message("gids.q.vacancyFile"),
                why: Message("gids.why.documentFile"),
                help: Message("gids.help.documentFile"),
                check: GuideChecks.existingFile(workingDirectory: workingDirectory),
                applies: { $0["soort"] == "brief" && $0["vacature"] == "bestand" }),
        ]
    }

    static let vacancyChoices = [
        GuideChoice(
            value: "plakken", label: Message("gids.vacancy.paste"), words: ["paste", "plak"]),
        GuideChoice(value: "bestand", label: Message("gids.vacancy.file"), words: ["file"]),
        GuideChoice(
            value: "geen", label: Message("gids.vacancy.none"), words: ["none", "nee", "no"]),
    ]

    static let summaryChoices = [
        GuideChoice(value: "scherm", label: Message("gids.summary.screen"), words: ["screen"]),
        GuideChoice(
            value: "html", label: Message("gids.summary.html"), words: ["printen", "print"]),
    ]
    static let summary: [GuideQuestion] = [
        GuideQuestion(
            id: "vorm", prompt: Message("gids.q.summaryForm"), why: nil,
            help: Message("gids.help.summaryForm"),
            choices: summaryChoices, check: GuideChecks.choice(summaryChoices)),
        GuideQuestion(
            id: "bestand", prompt: Message("gids.q.summaryFile"), why: nil,
            help: Message("gids.help.summaryFile"),
            check: { raw, _ in .accepted(raw.isEmpty ? "kompas-samenvatting.html" : raw) },
            applies: { $0["vorm"] == "html" }),
    ]

    static let newsChoices = [
        GuideChoice(value: "baan", label: Message("gids.news.job"), words: ["job"]),
        GuideChoice(value: "gesprek", label: Message("gids.news.interview"), words: ["interview"]),
        GuideChoice(
            value: "afwijzing", label: Message("gids.news.rejection"),
            words: ["rejection", "afgewezen"]),
        // Added last, so the numbers people already know stay the same (issue 21).
        GuideChoice(
            value: "gesolliciteerd", label: Message("gids.news.applied"),
            words: ["applied", "sollicitatie", "application"]),
    ]
    static let news = GuideQuestion(
        id: "nieuws", prompt: Message("gids.q.news"), why: nil, help: Message("gids.help.news"),
        choices: newsChoices, check: GuideChecks.choice(newsChoices))

    static func job(today: LocalDate) -> [GuideQuestion] {
        [
            GuideQuestion(
                id: "gestart",
                prompt: Message("gids.q.jobStartMonth"),
                why: Message("gids.why.jobStart"),
                help: Message("gids.help.jobStart"),
                // Never today by default: the exemption clock counts from the real first month.
                check: GuideChecks.monthRequired(today: today.calendarMonth)),
            hourlyWage,
            hoursPerWeek,
        ]
    }

    /// Every part of the situation can be changed here; each saves through the one reader.
    static let settingsChoices = [
        GuideChoice(value: "taal", label: Message("gids.settings.language"), words: ["language"]),
        GuideChoice(
            value: "huishouden", label: Message("gids.settings.household"), words: ["household"]),
        GuideChoice(value: "werk", label: Message("gids.settings.work"), words: ["work", "job"]),
        GuideChoice(
            value: "kosten", label: Message("gids.settings.costs"),
            words: ["costs", "huur", "rent"]),
        GuideChoice(
            value: "opvang", label: Message("gids.settings.childcare"),
            words: ["childcare", "kinderopvang"]),
        GuideChoice(
            value: "gemeente", label: Message("gids.settings.municipality"),
            words: ["municipality"]),
    ]
    static let settings = GuideQuestion(
        id: "instelling", prompt: Message("gids.q.settings"), why: nil,
        help: Message("gids.help.settings"),
        choices: settingsChoices, check: GuideChecks.choice(settingsChoices))

    static let syncSetup: [GuideQuestion] = [
        GuideQuestion(
            id: "eindpunt", prompt: Message("gids.q.endpoint"), why: Message("gids.why.endpoint"),
            help: Message("gids.help.endpoint"),
            check: { raw, _ in
                (try? Endpoint.parse(raw)) != nil
                    ? .accepted(raw) : .reask(Message("gids.expect.endpoint"))
            }),
        GuideQuestion(
            id: "token", prompt: Message("gids.q.token"), why: nil,
            help: Message("gids.help.token"), secret: true,
            check: { raw, _ in
                let t = raw.trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? .reask(Message("gids.expect.token")) : .accepted(t)
            }),
    ]
}
