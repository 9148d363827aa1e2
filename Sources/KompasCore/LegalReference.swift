/// Where a number or rule comes from: a law and article, a regulation, a municipal policy, with a URL.
///
/// Shown by `--uitleg` and `kompas regels`, so every amount can be traced to its source.
public struct LegalReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// e.g. "Participatiewet"
    public var title: String
    /// The article, for example "artikel 31 lid 2 onder n".
    public var article: String?
    public var url: String?
    /// Publication of the figure, for example "Staatscourant 2025, 33414".
    public var publication: String?

    public init(
        _ title: String, article: String? = nil, url: String? = nil, publication: String? = nil
    ) {
        self.title = title
        self.article = article
        self.url = url
        self.publication = publication
    }
    public static func law(
        _ title: String, article: String? = nil, url: String? = nil, publication: String? = nil
    ) -> LegalReference {
        LegalReference(title, article: article, url: url, publication: publication)
    }
    public var description: String {
        var s = title
        if let a = article { s += " " + Self.withoutRepeatedTitle(a, title) }
        if let p = publication { s += " (" + p + ")" }
        return s
    }

    /// The article without the name the title already ends with.
    ///
    /// The title "Wet kinderopvang /
    /// Besluit kinderopvangtoeslag" and the article "Besluit kinderopvangtoeslag art. 4" read
    /// "Wet kinderopvang / Besluit kinderopvangtoeslag art. 4", not the Besluit twice.
    static func withoutRepeatedTitle(_ article: String, _ title: String) -> String {
        var best: Substring?
        for i in article.indices where article[i] == " " {
            let name = article[..<i]
            if name.count >= 4 && title.hasSuffix(name) {
                best = article[article.index(after: i)...]
            }
        }
        return best.map(String.init) ?? article
    }
}
