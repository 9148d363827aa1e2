import KompasCore

/// Turns a ``Message`` into text in one language: looks up the key and fills `{name}` placeholders,
/// formatting typed arguments (money, dates) with ``Formatters``.
public struct Localizer: Sendable {
    public let language: Language
    public let catalog: LocaleCatalog
    public let format: Formatters

    public init(language: Language, catalog: LocaleCatalog) {
        self.language = language
        self.catalog = catalog
        self.format = Formatters(language)
    }

    /// The text for a key; a missing key shows the key itself in brackets (a test forbids that happening).
    public func text(_ key: String, _ args: Message.Arguments = [:]) -> String {
        render(Message(key, args))
    }

    /// The Dutch words this language keeps, with their explanations (empty for nl and en).
    public var glossary: Glossary { catalog.glossary(language) }

    public func has(_ key: String) -> Bool { catalog.text(key, in: language) != nil }

    public func render(_ message: Message) -> String {
        guard let template = template(message) else { return "[\(message.key)]" }
        if message.arguments.isEmpty { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let ch = template[i]
            if ch == "{", let close = template[i...].firstIndex(of: "}") {
                let name = String(template[template.index(after: i)..<close])
                if let arg = message.arguments[name] {
                    out += string(arg)
                    i = template.index(after: close)
                    continue
                }
            }
            out.append(ch)
            i = template.index(after: i)
        }
        return out
    }

    /// The template of a message: for a plural entry the form its `count` argument takes in this
    /// language (CLDR rule), else the plain text; Dutch when the language lacks the key.
    func template(_ message: Message) -> String? {
        for lang in [language, .nl] {
            if let forms = catalog.forms(message.key, in: lang) {
                guard case .number(let n)? = message.arguments["count"] else {
                    return forms[.other]
                }
                return forms[PluralRule.forLanguage(lang).category(n)] ?? forms[.other]
            }
            if let t = catalog.text(message.key, in: lang) { return t }
        }
        return nil
    }

    public func string(_ arg: Message.Argument) -> String {
        switch arg {
        case .text(let t): return t
        case .number(let n): return format.integer(n)
        case .money(let m): return format.money(m)
        case .date(let d): return format.date(d)
        case .month(let m): return format.month(m)
        case .rate(let r): return format.rate(r)
        case .hours(let h): return format.hours(hundredths: h)
        case .message(let m): return render(m)
        }
    }

    /// Placeholder names in a template, for the catalog consistency test.
    public static func placeholders(in template: String) -> Set<String> {
        var result = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                result.insert(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
