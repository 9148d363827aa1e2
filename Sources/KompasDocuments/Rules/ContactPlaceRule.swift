import KompasCore

/// The place where you live helps an employer judge travel time; a full address is not needed
/// (wijzijntop.nl).
///
/// Recognised: a postcode, a label (Woonplaats, Adres, City…) or a large place name.
struct ContactPlaceRule: DocumentRule {
    static let description = RuleDescription(
        id: "cv.contact.woonplaats", level: .suggestie, kinds: [.cv],
        nonTriggering: [
            RuleExample("Sam de Vries\nWoonplaats: Zwolle"),
            RuleExample("Sam de Vries\nDorpsstraat 1, 1234 AB Ergens"),
            RuleExample("Sam de Vries – Rotterdam"),
        ],
        triggering: [RuleExample("↓Sam de Vries\n06 12345678")])

    static let labels: [String] = [
        "woonplaats", "adres", "plaats", "wonend te", "address", "city", "location", "residence",
        "lives in",
    ]
    static let places: [String] = [
        "amsterdam", "rotterdam", "den haag", "utrecht", "eindhoven", "groningen", "tilburg",
        "almere", "breda",
        "nijmegen", "apeldoorn", "haarlem", "arnhem", "enschede", "amersfoort", "zaandam",
        "zaanstad", "den bosch",
        "'s-hertogenbosch", "haarlemmermeer", "zwolle", "zoetermeer", "leiden", "maastricht",
        "dordrecht", "ede",
        "alphen aan den rijn", "leeuwarden", "alkmaar", "emmen", "westland", "delft", "venlo",
        "deventer",
        "sittard", "helmond", "oss", "hilversum", "heerlen", "gouda", "purmerend", "lelystad",
        "schiedam", "vlaardingen",
    ]

    static let labelsAndPlaces = PhraseList(labels + places)

    func check(_ input: CheckInput) -> [Finding] {
        let head = input.document.lines.prefix(15)
        if head.contains(where: Contact.hasPostcode) { return [] }
        if PhraseSearch.contains(input, Self.labelsAndPlaces) { return [] }
        return [Self.description.finding(1, 1)]
    }
}
