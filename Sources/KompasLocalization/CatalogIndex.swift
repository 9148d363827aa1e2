/// Where each text of a catalog file is, so a run makes only the strings it shows.
///
/// A command shows a few dozen of a language's 1,845 texts; making every string and a dictionary
/// of all of them was most of reading the catalog, a seventh of a cold `kompas watals` (issue 23).
/// The index is built only for the common, clean file: keys in strictly ascending byte order (the
/// shipped catalogs are), no escapes in keys, every value a text or an object of CLDR plural forms
/// with `other`. Anything else returns nil and the file is
/// read the full way (``CatalogJSON/parse(_:)``), which gives the same texts and the same errors
/// as before; `CatalogIndexTests` compares both on every shipped file.
struct CatalogIndex: Sendable {
    /// A text's bytes between its quotes; `escaped`: it has an escape and is made by the reader.
    struct Text: Sendable {
        var range: Range<Int>
        var escaped: Bool
    }

    enum Entry: Sendable {
        case text(Text)
        case forms([(PluralCategory, Text)])
    }

    let bytes: [UInt8]
    /// The bytes of each key, in ascending order.
    let keys: [Range<Int>]
    let entries: [Entry]

    /// The index of a file, or nil when it is not the clean common case (see above).
    ///
    /// The caller has checked that the file is UTF-8.
    static func build(_ bytes: [UInt8]) -> CatalogIndex? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var reader = CatalogJSON.Reader(bytes: body)
        var keys: [Range<Int>] = []
        var entries: [Entry] = []
        keys.reserveCapacity(2048)
        entries.reserveCapacity(2048)
        reader.space()
        guard reader.peek == UInt8(ascii: "{") else { return nil }
        reader.index += 1
        while true {
            reader.space()
            if reader.peek == UInt8(ascii: "}") {
                guard keys.isEmpty else { return nil }  // a comma before the brace: the full way
                reader.index += 1
                break
            }
            guard reader.peek == UInt8(ascii: "\""), let (key, escapedKey) = reader.skipString(),
                !escapedKey
            else { return nil }
            if let last = keys.last, !bytes[last].lexicographicallyPrecedes(bytes[key]) {
                return nil
            }
            reader.space()
            guard reader.peek == UInt8(ascii: ":") else { return nil }
            reader.index += 1
            reader.space()
            switch reader.peek {
            case UInt8(ascii: "\""):
                guard let (range, escaped) = reader.skipString() else { return nil }
                entries.append(.text(Text(range: range, escaped: escaped)))
            case UInt8(ascii: "{"):
                guard let forms = pluralForms(&reader, bytes) else { return nil }
                entries.append(.forms(forms))
            default:
                return nil
            }
            keys.append(key)
            reader.space()
            switch reader.peek {
            case UInt8(ascii: ","): reader.index += 1
            case UInt8(ascii: "}"):
                reader.index += 1
                reader.space()
                return reader.index == body.endIndex
                    ? CatalogIndex(bytes: bytes, keys: keys, entries: entries) : nil
            default: return nil
            }
        }
        reader.space()
        return reader.index == body.endIndex
            ? CatalogIndex(bytes: bytes, keys: keys, entries: entries) : nil
    }

    /// `{"one": "…", "other": "…"}`: known categories, plain texts, `other` among them.
    private static func pluralForms(_ reader: inout CatalogJSON.Reader, _ bytes: [UInt8])
        -> [(PluralCategory, Text)]?
    {
        reader.index += 1
        var forms: [(PluralCategory, Text)] = []
        while true {
            reader.space()
            guard reader.peek == UInt8(ascii: "\""), let (name, escapedName) = reader.skipString(),
                !escapedName,
                let category = PluralCategory(
                    rawValue: String(decoding: bytes[name], as: UTF8.self))
            else { return nil }
            reader.space()
            guard reader.peek == UInt8(ascii: ":") else { return nil }
            reader.index += 1
            reader.space()
            guard reader.peek == UInt8(ascii: "\""), let (range, escaped) = reader.skipString()
            else { return nil }
            forms.append((category, Text(range: range, escaped: escaped)))
            reader.space()
            switch reader.peek {
            case UInt8(ascii: ","): reader.index += 1
            case UInt8(ascii: "}"):
                reader.index += 1
                // A category twice: the full reader decides which one counts.
                let categories = forms.map(\.0)
                guard categories.contains(.other), Set(categories).count == categories.count
                else { return nil }
                return forms
            default: return nil
            }
        }
    }

    /// The entry of `key`, by binary search over the sorted keys.
    func entry(_ key: String) -> Entry? {
        var key = key
        return key.withUTF8 { wanted -> Entry? in
            var low = 0
            var high = keys.count
            while low < high {
                let mid = (low + high) / 2
                let candidate = bytes[keys[mid]]
                if candidate.elementsEqual(wanted) { return entries[mid] }
                if candidate.lexicographicallyPrecedes(wanted) { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// A text as the full reader makes it.
    func string(_ text: Text) -> String {
        guard text.escaped else { return string(text.range) }
        var reader = CatalogJSON.Reader(bytes: bytes[...])
        reader.index = text.range.lowerBound - 1
        // Checked when the index was built, so this cannot fail.
        return (try? reader.string()) ?? string(text.range)
    }

    /// The text of `key`: a plain text, or a plural entry's `other` form.
    func text(_ key: String) -> String? {
        switch entry(key) {
        case .text(let r)?: return string(r)
        case .forms(let forms)?: return forms.first { $0.0 == .other }.map { string($0.1) }
        case nil: return nil
        }
    }

    /// The forms of a plural entry; nil for a plain text or a missing key.
    func forms(_ key: String) -> [PluralCategory: String]? {
        guard case .forms(let forms)? = entry(key) else { return nil }
        return dictionary(forms)
    }

    func dictionary(_ forms: [(PluralCategory, Text)]) -> [PluralCategory: String] {
        var result: [PluralCategory: String] = [:]
        for (category, text) in forms { result[category] = string(text) }
        return result
    }

    /// Every text and every plural entry, as the full reader gives them.
    func tables() -> (table: [String: String], plurals: [String: [PluralCategory: String]]) {
        var table: [String: String] = [:]
        table.reserveCapacity(keys.count)
        var plurals: [String: [PluralCategory: String]] = [:]
        for (key, entry) in zip(keys, entries) {
            let name = string(key)
            switch entry {
            case .text(let r): table[name] = string(r)
            case .forms(let forms):
                let result = dictionary(forms)
                table[name] = result[.other]
                plurals[name] = result
            }
        }
        return (table, plurals)
    }
}
