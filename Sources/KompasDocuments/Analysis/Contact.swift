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
        let chars = Array(line)
        var result: [(Int, String)] = []
        for (i, c) in chars.enumerated() where c == "@" {
            var s = i
            var e = i + 1
            while s > 0, isEmailChar(chars[s - 1]) { s -= 1 }
            while e < chars.count, isEmailChar(chars[e]) { e += 1 }
            var address = String(chars[s..<e])
            while address.hasSuffix(".") { address.removeLast() }
            let parts = address.split(separator: "@")
            if s < i, parts.count == 2, parts[1].contains("."), !parts[1].hasPrefix(".") {
                result.append((s + 1, address))
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
        guard TextBytes.asciiDigits(line) >= 4 else { return false }
        let chars = Array(line)
        guard chars.count >= 6 else { return false }
        for i in 0...(chars.count - 6) {
            guard i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) else { continue }
            guard chars[i] != "0", chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber })
            else { continue }
            var j = i + 4
            if j < chars.count, chars[j] == " " { j += 1 }
            guard j + 1 < chars.count, chars[j].isASCII, chars[j].isUppercase, chars[j + 1].isASCII,
                chars[j + 1].isUppercase
            else { continue }
            if j + 2 == chars.count || !(chars[j + 2].isLetter) { return true }
        }
        return false
    }
}
