/// The burgerservicenummer (BSN) and its eleven-test ("elfproef"): for digits d1…d9,
/// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a multiple of 11 (and not 0).
///
/// Source: Besluit BSN / Logius, "Elfproef BSN" (https://www.logius.nl).
public enum BSN {
    public static func isValid(_ digits: String) -> Bool {
        let d = digits.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard d.count == 9, digits.count == 9 else { return false }
        var sum = 0
        for i in 0..<8 { sum += d[i] * (9 - i) }
        sum -= d[8]
        return sum != 0 && sum % 11 == 0
    }

    /// Candidates on a line: exactly nine digits written together (`123456782`) or in the usual
    /// groups `123.456.782`, `123 456 782`, `1234.56.782`, with no digit directly before or after.
    ///
    /// Returns the 1-based column and the nine digits of each candidate that passes the eleven-test.
    public static func find(in line: String) -> [(column: Int, digits: String)] {
        guard TextBytes.asciiDigits(line) >= 9 else { return [] }
        let chars = Array(line)
        var result: [(Int, String)] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber,
                i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)
            else {
                i += 1
                continue
            }
            // Read groups of digits separated by one '.', ' ' or '-'.
            var groups: [String] = []
            var j = i
            var group = ""
            while j < chars.count {
                let c = chars[j]
                if c.isASCII && c.isNumber {
                    group.append(c)
                    j += 1
                    continue
                }
                if c == "." || c == " " || c == "-", !group.isEmpty, j + 1 < chars.count,
                    chars[j + 1].isASCII, chars[j + 1].isNumber
                {
                    groups.append(group)
                    group = ""
                    j += 1
                    continue
                }
                break
            }
            groups.append(group)
            let lengths = groups.map(\.count)
            let allowed: [[Int]] = [[9], [3, 3, 3], [4, 2, 3]]
            if let shape = allowed.first(where: {
                lengths.starts(with: $0) && (lengths.count == $0.count)
            }) {
                let digits = groups.prefix(shape.count).joined()
                if isValid(digits) { result.append((i + 1, digits)) }
            }
            i = j + 1
        }
        return result
    }
}
