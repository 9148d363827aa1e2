/// Words a client may not know, each with a one-line explanation in Dutch and English.
///
/// Kompas
/// texts for clients explain such a word the first time it appears (B1: "leg moeilijke woorden
/// uit", Rijksoverheid "Direct duidelijk"; Stichting Lezen & Schrijven). The list is data: add a
/// word here and every checked text must explain it. A term matches words that start with it
/// (`vrijlating` also matches `vrijlatingen`); a term of two words matches as a phrase.
public struct JargonTerm: Sendable, Hashable {
    public let term: String
    public let explanation: String
    public init(_ term: String, _ explanation: String) {
        self.term = term
        self.explanation = explanation
    }
}

public enum JargonList {
    public static let nl: [JargonTerm] = [
        JargonTerm(
            "bijstandsnorm", "Bijstandsnorm: het bedrag dat je zonder werk van de gemeente krijgt."),
        JargonTerm(
            "inkomstenvrijlating",
            "Inkomstenvrijlating: een deel van je loon dat je mag houden naast je uitkering."),
        JargonTerm(
            "vrijlating", "Vrijlating: een deel van je loon dat je mag houden naast je uitkering."),
        JargonTerm(
            "toetsingsinkomen",
            "Toetsingsinkomen: je inkomen over een heel jaar, waarmee toeslagen worden berekend."),
        JargonTerm("kostendeler", "Kostendeler: iemand van 27 jaar of ouder die bij je woont."),
        JargonTerm(
            "loonheffing", "Loonheffing: de belasting die je werkgever van je loon inhoudt."),
        JargonTerm(
            "vakantietoeslag",
            "Vakantietoeslag: geld dat de gemeente elke maand voor je spaart en één keer per jaar betaalt."
        ),
        JargonTerm(
            "kindgebonden budget",
            "Kindgebonden budget: geld van de overheid voor de kosten van je kinderen."),
        JargonTerm(
            "voorschot",
            "Voorschot: het bedrag dat je elke maand krijgt, voordat het echte bedrag bekend is."),
        JargonTerm("verrekening", "Verrekening: de gemeente trekt je loon af van je uitkering."),
        JargonTerm(
            "inlichtingenplicht",
            "Inlichtingenplicht: je moet veranderingen zelf aan de gemeente doorgeven."),
        JargonTerm("participatiewet", "Participatiewet: de wet over de bijstand."),
    ]
    public static let en: [JargonTerm] = [
        JargonTerm(
            "benefit standard", "Benefit standard: what the municipality pays you without work."),
        JargonTerm(
            "earnings exemption",
            "Earnings exemption: part of your wage you may keep on top of your benefit."),
        JargonTerm(
            "assessment income",
            "Assessment income: your income over a whole year, used to work out allowances."),
        JargonTerm("cost-sharer", "Cost-sharer: someone aged 27 or over who lives with you."),
        JargonTerm("wage tax", "Wage tax: the tax your employer takes from your wage."),
        JargonTerm(
            "holiday allowance",
            "Holiday allowance: money saved for you each month and paid once a year."),
        JargonTerm(
            "child budget",
            "Child budget: money from the government towards the cost of your children."),
        JargonTerm(
            "advance", "Advance: the amount you get each month before the real amount is known."),
        JargonTerm(
            "participation act", "Participation Act: the law on social assistance (bijstand)."),
    ]
    public static func terms(for language: DocumentLanguage) -> [JargonTerm] {
        language == .nl ? nl : en
    }
}
