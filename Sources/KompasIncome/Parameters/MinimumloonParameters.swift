import KompasCore
import KompasRules

/// The statutory minimum wage (Wet minimumloon en minimumvakantiebijslag): the hourly amount for
/// 21 and older since the switch to an hourly minimum (1-1-2024), and the youth percentages.
public enum MinimumWageParameters {
    static let wml = LegalReference.law(
        "Wet minimumloon en minimumvakantiebijslag", article: "art. 8 en art. 14",
        url: "https://wetten.overheid.nl/BWBR0002638/2026-01-01")
    public static let uurloon = Parameter<Money>(
        id: "wml.uurloon", unit: .eurosPerHour, reference: wml,
        summary: "Wettelijk minimumuurloon voor 21 jaar en ouder (bruto)",
        history: [
            .from(
                LocalDate("2025-01-01"), eur(14_06),
                source: "SZW-besluit 2024-0000675332, aanpassing minimumloon per 1-1-2025",
                verified:
                    "geverifieerd: svb.nl bedragen minimumlonen vanaf 1 januari 2025 (\"21 jaar en ouder € 14,06\")"
            ),
            .from(
                LocalDate("2025-07-01"), eur(14_40), source: "Stcrt. 2025, 12264",
                verified:
                    "geverifieerd in secundaire bronnen (vertiadvies.nl, schuurmansrombauts.nl); officiële regeling niet gelezen"
            ),
            .from(
                LocalDate("2026-01-01"), eur(14_71),
                source:
                    "SZW-besluit 2025-0000213859 (9-10-2025), aanpassing minimumloon per 1-1-2026",
                verified:
                    "geverifieerd in secundaire bronnen (admintrend.nl, grootheddeaccountants.nl); past bij referentieminimumloon € 2.294,40"
            ),
            .ended(
                LocalDate("2026-07-01"),
                source:
                    "Minimumloon per 1-7-2026 niet gevonden (staffice.nl: nog niet bekend): nog niet opgenomen"
            ),
        ])

    static let jeugd = LegalReference.law(
        "Besluit minimumjeugdloon", article: "art. 2",
        url: "https://wetten.overheid.nl/BWBR0003599/2024-01-01#Artikel2")
    static func youth(_ age: Int, _ thousandths: Int64) -> Parameter<Rate> {
        Parameter(
            id: "wml.jeugd.\(age)", unit: .rate, reference: jeugd,
            summary: "Minimumjeugdloon op \(age)-jarige leeftijd, als deel van het minimumloon",
            history: [
                .from(
                    LocalDate("2017-07-01"), pct(thousandths),
                    source: "Besluit minimumjeugdloon art. 2 (BWBR0003599, tekst 2024-01-01)",
                    verified:
                        "geverifieerd: regelrecht-corpus amvb/besluit_minimumjeugdloon/2024-01-01.yaml art. 2"
                )
            ])
    }
    public static let youthRates: [Int: Parameter<Rate>] = [
        20: youth(20, 80_000), 19: youth(19, 60_000), 18: youth(18, 50_000),
        17: youth(17, 39_500), 16: youth(16, 34_500), 15: youth(15, 30_000),
    ]

    /// Holiday allowance: at least 8 % of the wage (artikel 15 WML); paid once a year, usually May or June.
    public static let vakantiebijslag = Parameter<Rate>(
        id: "wml.vakantiebijslag", unit: .rate,
        reference: .law(
            "Wet minimumloon en minimumvakantiebijslag", article: "art. 15",
            url: "https://wetten.overheid.nl/BWBR0002638/2026-01-01#Artikel15"),
        summary: "Vakantiegeld van de werkgever: minstens dit deel van het loon",
        history: [
            .from(
                LocalDate("1974-01-01"), pct(8_000),
                source: "Wet minimumloon en minimumvakantiebijslag art. 15 lid 1",
                verified:
                    "geverifieerd: regelrecht-corpus wet_minimumloon_en_minimumvakantiebijslag/2026-01-01.yaml art. 15 (\"ten minste tot een bedrag van 8%\")"
            )
        ])

    public static let descriptors: [ParameterDescriptor] =
        [.init(uurloon), .init(vakantiebijslag)]
        + youthRates.sorted { $0.key < $1.key }.map { .init($0.value) }
}
