import Foundation

extension TestSupport {
    /// A catalog file (`Locales/nl.json`) as key → text, for tests that check texts by key.
    ///
    /// A plural entry (an object of CLDR categories, issue 22) counts as its `other` form and
    /// each of its forms under `key#category`, so a scan over the texts sees every form.
    public static func localeTable(_ language: String) throws -> [String: String] {
        let data = try Data(contentsOf: path("Locales/\(language).json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return [:]
        }
        var table: [String: String] = [:]
        for (key, value) in object {
            if let s = value as? String {
                table[key] = s
            } else if let forms = value as? [String: String] {
                table[key] = forms["other"]
                for (category, text) in forms { table[key + "#" + category] = text }
            }
        }
        return table
    }
}

extension TestSupport {
    /// Every language Kompas speaks, by code (`Language.allCases`; CatalogTests checks the two
    /// agree): the language-dependent tests run over all of them (issue 24).
    public static let languages = ["nl", "en", "pl", "tr", "ar"]
}
