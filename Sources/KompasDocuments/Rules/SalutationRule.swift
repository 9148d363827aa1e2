import KompasCore

/// When the vacancy names a contact person, greet that person by name ("Geachte mevrouw Jansen");
/// "Geachte heer/mevrouw" then looks like a standard letter (werk.nl "Sollicitatiebrief schrijven").
struct SalutationRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.aanhef", level: .waarschuwing, kinds: [.brief], praise: "brief.aanhef.praise",
        needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Geachte mevrouw Jansen,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nContactpersoon: mevrouw A. Jansen"),
            RuleExample(
                "Geachte heer, mevrouw,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nBel 010 1234567"),
        ],
        triggering: [
            RuleExample(
                "↓Geachte heer/mevrouw,\nIk wil graag bij u werken.",
                vacancy: "Orderpicker\nContactpersoon: mevrouw A. Jansen"),
            RuleExample(
                "↓Dear Sir or Madam,\nI would like to work for you.",
                vacancy: "Picker\nContact: Ms Priya Shah", language: .en),
        ])

    static let greetings = ["geachte", "beste", "hallo", "dear", "hello", "to whom"]

    func check(_ input: CheckInput) -> [Finding] {
        guard let surname = input.vacancy?.contactSurname else { return [] }
        let lines = input.document.contentLineNumbers.prefix(12)
        let greeting = lines.first { n in
            Self.greetings.contains {
                input.document.occurrences(of: $0, line: n).first == 1
                    || input.document.lines[n - 1].lowercased().hasPrefix($0)
            }
        }
        let target = greeting ?? lines.first ?? 1
        if input.document.occurrences(of: surname.lowercased(), line: target).isEmpty {
            return [
                Self.description.finding(
                    target, 1, nil, ["name": .text(input.vacancy?.contactName ?? surname)])
            ]
        }
        return []
    }
}
