/// Finding contact details on a line: e-mail addresses, Dutch and international phone numbers,
/// and postcodes (`1234 AB`).
public enum Contact {
    static func isEmailChar(_ c: Character) -> Bool {
        c.isASCII
            && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "+"
                || c == "%")
    }

    /// E-mail addresses on a line, with the 1-based column of their first character.
    public static func emails(in line: String) -> [(column: Int, address: String)] {
        guard line.utf8.contains(0x40) else { return [] }
        let b = Array(line.utf8)
        func isEmailByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == 0x2E
                || c == 0x5F || c == 0x2D || c == 0x2B || c == 0x25
        }
        var result: [(Int, String)] = []
        for (i, c) in b.enumerated() where c == 0x40 {
            var s = i
            var e = i + 1
            while s > 0, isEmailByte(b[s - 1]) { s -= 1 }
            while e < b.count, isEmailByte(b[e]) { e += 1 }
            var address = String(decoding: b[s..<e], as: UTF8.self)
            while address.hasSuffix(".") { address.removeLast() }
            let parts = address.split(separator: "@")
            if s < i, parts.count == 2, parts[1].contains("."), !parts[1].hasPrefix(".") {
                // Columns count characters: the same as bytes on an ASCII line.
                let column =
                    b[..<s].allSatisfy { $0 < 0x80 }
                    ? s + 1 : String(decoding: b[..<s], as: UTF8.self).count + 1
                result.append((column, address))
            }
        }
        return result
    }

    /// True when the line holds a phone number: 10 to 13 digits, written with spaces, dashes,
    /// brackets or a leading `+`, starting with `0` or `+`.
    public static func hasPhone(_ line: String) -> Bool {
        guard TextBytes.asciiDigits(line) >= 10 else { return false }
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let startOK = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            if startOK, c == "+" || c == "0" || c == "(" {
                var digits = 0
                var j = i
                while j < chars.count, chars[j].isASCII,
                    chars[j].isNumber || " -()+.".contains(chars[j])
                {
                    if chars[j].isNumber { digits += 1 }
                    j += 1
                }
                if (10...13).contains(digits) { return true }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return false
    }

    /// True when the line holds a Dutch postcode: four digits (not starting with 0), an optional
    /// space and two capital letters.
    public static func hasPostcode(_ line: String) -> Bool {
        let b = Array(line.utf8)
        guard b.count >= 6 else { return false }
        func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func upper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        for i in 0...(b.count - 6) where b[i] != 0x30 && digit(b[i]) {
            guard i == 0 || !TextBytes.isWordByte(before: i, in: b), digit(b[i + 1]),
                digit(b[i + 2]), digit(b[i + 3])
            else { continue }
            var j = i + 4
            if j < b.count, b[j] == 0x20 { j += 1 }
            guard j + 1 < b.count, upper(b[j]), upper(b[j + 1]) else { continue }
            if j + 2 == b.count || !TextBytes.isLetterByte(at: j + 2, in: b) { return true }
        }
        return false
    }

}
