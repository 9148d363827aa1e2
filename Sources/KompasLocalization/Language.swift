/// The languages Kompas speaks.
///
/// Dutch is the reference; every language has every key (a test checks). Polish, Turkish and
/// Arabic (issue 24) are for clients who read them better than Dutch: their texts keep the
/// Dutch words of the municipality's letters (``Glossary``) and say that the Dutch text is leading.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en, pl, tr, ar

    /// Resolves the language: explicit flag, then `KOMPAS_TAAL`, then `LC_ALL`, then `LANG`; default Dutch.
    ///
    /// Returns nil only when the value that decides is one Kompas does not know; see ``choose(flag:environment:)``.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        let c = choose(flag: flag, environment: environment)
        return c.unknown == nil ? c.language : nil
    }

    /// The language to speak and, when the value that decides names a language Kompas does not
    /// speak (`--taal fr`, `KOMPAS_TAAL=fr`, `LANG=fr_FR.UTF-8`), that value: the caller falls
    /// back to Dutch and says so in one line instead of refusing to run.
    ///
    /// `C` and `POSIX` locales are no language choice and mean Dutch without a word.
    public static func choose(flag: String?, environment: [String: String]) -> (
        language: Language, unknown: String?
    ) {
        if let f = flag { return Language(code: f).map { ($0, nil) } ?? (.nl, f) }
        for name in ["KOMPAS_TAAL", "LC_ALL", "LANG"] {
            if let v = environment[name], !v.isEmpty {
                if let l = Language(code: v) { return (l, nil) }
                if name != "KOMPAS_TAAL" && (v == "C" || v == "POSIX" || v.hasPrefix("C.")) {
                    return (.nl, nil)
                }
                return (.nl, v)
            }
        }
        return (.nl, nil)
    }

    /// Accepts a code (`pl`), a locale (`nl_NL.UTF-8`, `tr_TR`, `ar_MA.UTF-8`, `en-GB`), the
    /// language's own name (`Nederlands`, `polski`, `Türkçe`, `العربية`) and its Dutch and
    /// English names (`Pools`, `Polish`, `Turks`, `Arabisch`, `Arabic`).
    public init?(code: String) {
        let c = code.lowercased()
        // The language part of a locale: "tr_TR.UTF-8" → "tr", "en-GB" → "en".
        let prefix = String(c.prefix { $0.isLetter && $0.isASCII })
        if let l = Language(rawValue: prefix) {
            self = l
            return
        }
        for l in Language.allCases where l.names.contains(c) {
            self = l
            return
        }
        return nil
    }

    /// The names a person may type for this language, lowercased: its own name and its Dutch and
    /// English names.
    public var names: Set<String> {
        switch self {
        case .nl: return ["nederlands", "dutch", "nld", "dut"]
        case .en: return ["english", "engels", "eng"]
        case .pl: return ["polski", "polish", "pools", "pol"]
        case .tr: return ["türkçe", "turkce", "turkish", "turks", "tur", "türk"]
        case .ar: return ["العربية", "عربي", "عربى", "arabic", "arabisch", "ara"]
        }
    }

    /// The language's own name, for the language picker and help.
    public var ownName: String {
        switch self {
        case .nl: return "Nederlands"
        case .en: return "English"
        case .pl: return "polski"
        case .tr: return "Türkçe"
        case .ar: return "العربية"
        }
    }

    /// Written right to left (HTML `dir="rtl"`).
    public var isRightToLeft: Bool { self == .ar }

    /// A translation for clients.
    ///
    /// Its texts keep the Dutch words of the municipality's letters, explain each on first use
    /// (``Glossary``) and say that the Dutch text is leading. Dutch is the
    /// reference; English is the language Kompas was written in beside it and has no glossary.
    public var isTranslation: Bool { self != .nl && self != .en }

    /// The language of data that exists only in Dutch and English (a municipality's provision
    /// names and descriptions, a legal figure's description).
    ///
    /// Polish, Turkish and Arabic fall back to **Dutch**, not English: the name is the one on the
    /// municipality's website, form and letter (the glossary keeps those words Dutch for the same
    /// reason), a client who reads neither can show it to someone who helps, and the Dutch text is
    /// the leading one.
    public var dataLanguage: Language { self == .en ? .en : .nl }
}
