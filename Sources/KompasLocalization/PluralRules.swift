/// A CLDR plural category: which form of a word a number takes ("1 regel", "2 regels").
///
/// Languages use a subset: Dutch, English and Turkish `one`/`other`; Polish `one`/`few`/`many`/
/// `other`; Arabic all six. See https://cldr.unicode.org/index/cldr-spec/plural-rules and the
/// rules in CLDR's `plurals.xml` (cardinal, integers).
public enum PluralCategory: String, Sendable, CaseIterable, Codable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// The CLDR cardinal plural rule of a language, for whole numbers (Kompas counts things; it never
/// pluralises amounts of money).
///
/// Keyed by language code rather than ``Language``, so the rules of the languages that come next
/// (`ar`, `tr`, `pl`) are here and tested before their catalogs exist.
public struct PluralRule: Sendable {
    public let code: String
    /// The categories this language's catalog must give for every plural entry.
    public let categories: Set<PluralCategory>
    let select: @Sendable (Int) -> PluralCategory

    /// The category of a whole number.
    public func category(_ n: Int) -> PluralCategory {
        let c = select(n)
        return categories.contains(c) ? c : .other
    }

    /// The rule for a language code (`nl`, `en`, `pl`, `ar`, `tr`); unknown codes get the
    /// one/other rule of Dutch and English.
    public static func forCode(_ code: String) -> PluralRule {
        rules[code.lowercased()] ?? rules["en"].map { PluralRule(code: code, $0) } ?? oneOther
    }

    public static func forLanguage(_ l: Language) -> PluralRule { forCode(l.rawValue) }

    init(
        code: String, categories: Set<PluralCategory>,
        select: @escaping @Sendable (Int) -> PluralCategory
    ) {
        self.code = code
        self.categories = categories
        self.select = select
    }

    init(code: String, _ other: PluralRule) {
        self.init(code: code, categories: other.categories, select: other.select)
    }

    /// nl, en: one → i = 1 and v = 0.
    static let oneOther = PluralRule(code: "en", categories: [.one, .other]) { n in
        n == 1 ? .one : .other
    }

    static let rules: [String: PluralRule] = [
        "nl": PluralRule(code: "nl", oneOther),
        "en": oneOther,
        // Turkish: one → n = 1.
        "tr": PluralRule(code: "tr", oneOther),
        // Polish: one → i = 1; few → i % 10 = 2..4 and i % 100 != 12..14; many → the other
        // integers; other → fractions only.
        "pl": PluralRule(code: "pl", categories: [.one, .few, .many, .other]) { n in
            let a = abs(n)
            if a == 1 { return .one }
            if (2...4).contains(a % 10) && !(12...14).contains(a % 100) { return .few }
            return .many
        },
        // Arabic: zero → 0; one → 1; two → 2; few → n % 100 = 3..10; many → n % 100 = 11..99.
        "ar": PluralRule(code: "ar", categories: [.zero, .one, .two, .few, .many, .other]) { n in
            let a = abs(n)
            switch a {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(a % 100) { return .few }
                if (11...99).contains(a % 100) { return .many }
                return .other
            }
        },
    ]
}
