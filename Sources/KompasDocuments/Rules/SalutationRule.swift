import KompasCore

/// When the vacancy names a contact person, greet that person by name ("Geachte mevrouw Jansen");
/// "Geachte heer/mevrouw" then looks like a standard letter, and another name looks like a letter
/// copied from another application (werk.nl "Sollicitatiebrief schrijven").
///
/// The first name counts too ("Beste Sanne" to a vacancy that says "je"); whether that is too
/// informal is ``RegisterRule``'s question. Praise only when there was a contact person to greet.
struct SalutationRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.aanhef", level: .waarschuwing, kinds: [.brief],
        messages: ["brief.aanhef", "brief.aanhef.anders"], praise: "brief.aanhef.praise",
        needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nContactpersoon: mevrouw A. Jansen"),
            RuleExample(
                "Geachte heer, mevrouw,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nBel 010 1234567"),
            RuleExample(
                "Beste Sanne,\nIk werk graag met kinderen.",
                vacancy: "Overblijfmedewerker\nContactpersoon: Sanne Mulder"),
        ],
        triggering: [
            RuleExample(
                "↓Geachte heer/mevrouw,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nContactpersoon: mevrouw A. Jansen"),
            RuleExample(
                "↓Dear Sir or Madam,\nI would like to work for you.",
                vacancy: "Picker\nContact: Ms Priya Shah", language: .en),
            RuleExample(
                "↓Geachte mevrouw Jansen,\nGraag werk ik bij uw Jumbo.",
                vacancy: "Kassamedewerker\nContactpersoon: Johan de Boer"),
        ],
        praised: [
            RuleExample(
                "Geachte heer Benali,\nGraag werk ik in uw magazijn.",
                vacancy: "Magazijnmedewerker\nContactpersoon: de heer Ahmed Benali")
        ],
        notPraised: [
            // The vacancy names nobody: a greeting cannot be checked, so it is not praised.
            RuleExample(
                "Geachte heer, mevrouw,\nIk wil graag bij u werken.",
                vacancy: "Keukenhulp\nStuur je reactie naar info@example.nl")
        ])

    static let greetings = ["geachte", "beste", "hallo", "hoi", "dear", "hello", "to whom"]
    static let forms: Set<String> = ["heer", "mevrouw", "meneer", "mr", "mrs", "ms", "miss"]

    func check(_ input: CheckInput) -> [Finding] {
        guard let v = input.vacancy, let surname = v.contactSurname else { return [] }
        let lines = input.document.contentLineNumbers.prefix(12)
        let greeting = lines.first { n in
            let lower = input.document.lines[n - 1].lowercased()
            return Self.greetings.contains { lower.hasPrefix($0) }
        }
        let target = greeting ?? lines.first ?? 1
        let names = [surname, v.contactFirstName].compactMap { $0?.lowercased() }
        if names.contains(where: { input.document.contains($0, line: target) }) { return [] }
        let who = v.contactName ?? surname
        // "Geachte mevrouw Jansen" to a vacancy naming Johan de Boer: another person's name.
        let tokens = input.document.tokens[target - 1].filter { $0.kind == .word }
        if let k = tokens.firstIndex(where: { Self.forms.contains($0.lower) }),
            k + 1 < tokens.count,
            let written = tokens[(k + 1)...].last(where: { $0.text.first?.isUppercase == true })
        {
            return [
                Self.description.finding(
                    target, 1, "brief.aanhef.anders",
                    ["name": .text(who), "written": .text(written.text)])
            ]
        }
        return [Self.description.finding(target, 1, nil, ["name": .text(who)])]
    }

    func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, input.vacancy?.contactSurname != nil else { return nil }
        return Message("brief.aanhef.praise")
    }
}
