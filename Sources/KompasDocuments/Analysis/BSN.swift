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
        // Digits and separators are ASCII: read the bytes, and count characters only for a column.
        let b = Array(line.utf8)
        func digit(_ i: Int) -> Bool { b[i] >= 0x30 && b[i] <= 0x39 }
        var result: [(Int, String)] = []
        var i = 0
        while i < b.count {
            guard digit(i), i == 0 || !digit(i - 1) else {
                i += 1
                continue
            }
            // Read groups of digits separated by one '.', ' ' or '-'.
            var lengths: [Int] = []
            var digits: [UInt8] = []
            var j = i
            var length = 0
            while j < b.count {
                if digit(j) {
                    digits.append(b[j])
                    length += 1
                    j += 1
                    continue
                }
                if b[j] == 0x2E || b[j] == 0x20 || b[j] == 0x2D, length > 0, j + 1 < b.count,
                    digit(j + 1)
                {
                    lengths.append(length)
                    length = 0
                    j += 1
                    continue
                }
                break
            }
            lengths.append(length)
            let allowed: [[Int]] = [[9], [3, 3, 3], [4, 2, 3]]
            if allowed.contains(lengths) {
                let d = String(decoding: digits, as: UTF8.self)
                if isValid(d) {
                    let column =
                        b[..<i].allSatisfy { $0 < 0x80 }
                        ? i + 1 : String(decoding: b[..<i], as: UTF8.self).count + 1
                    result.append((column, d))
                }
            }
            i = j + 1
        }
        return result
    }

}
