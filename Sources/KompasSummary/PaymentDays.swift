import KompasCore

/// The day of the month on which money usually arrives, with its source.
///
/// Like every municipal
/// choice in Kompas, a day that was not confirmed at its source says "te verifiëren".
///
/// These values belong in the municipality data file (next to `inkomen` and, from issue 5,
/// `verrekening`); they live here until that file has a `betaling` section, so the summary does
/// not race the settlement work on the file format.
public struct PaymentDay: Sendable, Hashable {
    /// The first day money can arrive.
    public var day: Int
    /// The last day of a window (Amsterdam: "around the 22nd–26th"); nil for a fixed day.
    public var lastDay: Int?
    /// The source's title as a reader sees it (no internal note: the summary prints it).
    public var source: String
    public var url: String?
    /// The law, an official page, or background (``SourceKind``).
    public var kind: SourceKind
    /// "geverifieerd …" or "te verifiëren: …".
    public var verified: String
    public var toVerify: Bool { VerificationNote.isToVerify(verified) }
    public init(
        day: Int, lastDay: Int? = nil, source: String, url: String? = nil,
        kind: SourceKind = .official, verified: String
    ) {
        self.day = day
        self.lastDay = lastDay
        self.source = source
        self.url = url
        self.kind = kind
        self.verified = verified
    }

    /// The date in `month`: the day itself, or when it falls on a Saturday or Sunday, the Monday after
    /// (Dienst Toeslagen: "Valt de 20e in het weekend of op een feestdag? Dan … de 1e werkdag daarna";
    /// public holidays are not modelled).
    public func date(in month: CalendarMonth) -> LocalDate {
        var d = month.day(day)
        while d.weekday > 5 { d = d.adding(days: 1) }
        return d
    }
}

public enum PaymentDays {
    /// Dienst Toeslagen pays on the 20th (for the next month).
    public static let toeslagen = PaymentDay(
        day: 20,
        source:
            "Belastingdienst/Toeslagen, 'Hoe krijg ik mijn toeslag uitbetaald?': 'Wij betalen uw toeslag uit op de 20e van de maand'",
        url:
            "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/toeslagen/informatie_over_toeslagen/hoe_werken_toeslagen/uitbetaling_toeslagen/",
        kind: .official,
        verified:
            "geverifieerd: pagina van de Belastingdienst (zonder datum); weekend: eerste werkdag daarna"
    )

    /// The day the municipality pays the bijstand top-up, per municipality id; nil when unknown.
    public static func topUp(municipality id: String) -> PaymentDay? {
        switch id {
        case "amsterdam":
            return PaymentDay(
                day: 22, lastDay: 26,
                // The shared domain notes (rules-2026-resolved §7) record where this was found.
                source:
                    "bijstand.amsterdam/links-en-informatie (2016), met amsterdam.nl: uitkering rond de 22e tot 26e",
                kind: .official,
                verified: "te verifiëren: betaalschema uit 2016")
        default:
            return nil
        }
    }
}
