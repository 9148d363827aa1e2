/// The languages Kompas speaks.
///
/// Dutch is the reference; every language has every key (a test checks).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en

    /// Resolves the language: explicit flag, then `KOMPAS_TAAL`, then `LC_ALL`, then `LANG`; default Dutch.
    ///
    /// Returns nil only when an explicit value is given that Kompas does not know.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        if let f = flag { return Language(code: f) }
        for name in ["KOMPAS_TAAL", "LC_ALL", "LANG"] {
            if let v = environment[name], !v.isEmpty {
                if let l = Language(code: v) { return l }
                if name == "KOMPAS_TAAL" { return nil }
                if v != "C" && v != "POSIX" && !v.hasPrefix("C.") { return .nl }
            }
        }
        return .nl
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
