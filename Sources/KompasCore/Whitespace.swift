/// `trimmingCharacters(in: .whitespaces)` without Foundation's string bridge.
///
/// Every typed amount, date, month and hours value is trimmed before it is read, and through
/// `NSString` that was a tenth of `kompas --versie` with `KOMPAS_VANDAAG` set and 2 % of a
/// caseload (issue 23). The set is Foundation's: CHARACTER TABULATION, the space separators
/// (general category Zs) and ZERO WIDTH SPACE; `WhitespaceTests` compares both on every scalar
/// of the BMP.
public enum Whitespace {
    public static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// The text without white space at either end.
    public static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        // Nearly always: nothing to trim, no string made.
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80,
            last > 0x20, last < 0x80
        {
            return text
        }
        var scalars = Substring(text).unicodeScalars
        while let c = scalars.first, isTrimmed(c) { scalars.removeFirst() }
        while let c = scalars.last, isTrimmed(c) { scalars.removeLast() }
        return String(scalars)
    }
}
