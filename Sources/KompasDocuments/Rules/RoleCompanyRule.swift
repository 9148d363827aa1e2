import KompasCore

/// A letter names the job and the employer exactly as the vacancy does; a misspelt company name
/// is noticed at once (werk.nl "Sollicitatiebrief schrijven"; Nationale Beroepengids).
struct RoleCompanyRule: DocumentRule {
    static let description = RuleDescription(
        id: "brief.functie-bedrijf", level: .waarschuwing, kinds: [.brief],
        messages: [
            "brief.functie-bedrijf.functie", "brief.functie-bedrijf.bedrijf",
            "brief.functie-bedrijf.spelling",
        ],
        praise: "brief.functie-bedrijf.praise",
        needsVacancy: true,
        nonTriggering: [
            RuleExample(
                "Ik solliciteer als orderpicker bij Van Dijk Logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek")
        ],
        triggering: [
            RuleExample(
                "↓↓Ik wil graag bij u werken.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
            RuleExample(
                "Ik wil graag orderpicker worden bij ↓van dijk logistiek.",
                vacancy: "Functie: Orderpicker\nBedrijf: Van Dijk Logistiek"),
        ])

    func check(_ input: CheckInput) -> [Finding] {
        guard let v = input.vacancy else { return [] }
        var r: [Finding] = []
        if let role = v.role, !role.isEmpty {
            let hits = input.document.occurrences(of: [role.lowercased()])
            if hits.isEmpty {
                r.append(
                    Self.description.finding(
                        1, 1, "brief.functie-bedrijf.functie", ["role": .text(role)]))
            }
        }
        if let company = v.company, !company.isEmpty {
            let hits = input.document.occurrences(of: [company.lowercased()])
            let exact = hits.contains { hit in
                let line = Array(input.document.lines[hit.line - 1])
                return String(line[(hit.column - 1)..<(hit.column - 1 + company.count)]) == company
            }
            if let first = hits.first, !exact {
                r.append(
                    Self.description.finding(
                        first.line, first.column, "brief.functie-bedrijf.spelling",
                        ["company": .text(company)]))
            } else if hits.isEmpty {
                // Written without spaces or hyphens ("VanDijk")? Then it is a spelling point, not a missing name.
                let squash: (String) -> String = {
                    $0.lowercased().filter { $0.isLetter || $0.isNumber }
                }
                let key = squash(company)
                if let n = input.document.lines.firstIndex(where: { squash($0).contains(key) }) {
                    r.append(
                        Self.description.finding(
                            n + 1, 1, "brief.functie-bedrijf.spelling", ["company": .text(company)])
                    )
                } else {
                    r.append(
                        Self.description.finding(
                            1, 1, "brief.functie-bedrijf.bedrijf", ["company": .text(company)]))
                }
            }
        }
        return r
    }
}
