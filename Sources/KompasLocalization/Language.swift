/// The languages Kompas speaks.
///
/// Dutch is the reference; every language has every key (a test checks).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en

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

    /// Accepts `nl`, `en`, `nl_NL.UTF-8`, `en_GB`, `Nederlands`, `English`.
    public init?(code: String) {
        let c = code.lowercased()
        if c.hasPrefix("nl") || c == "nederlands" || c == "dutch" {
            self = .nl
        } else if c.hasPrefix("en") || c == "engels" {
            self = .en
        } else {
            return nil
        }
    }
}
