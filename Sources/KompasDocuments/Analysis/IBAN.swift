/// International bank account numbers (ISO 13616): two letters, two check digits and up to 30
/// letters or digits, valid when the mod-97 check (ISO 7064) gives 1.
public enum IBAN {
    public static func isValid(_ raw: String) -> Bool {
        let s = raw.uppercased().filter { $0 != " " }
        let chars = Array(s)
        guard chars.count >= 15, chars.count <= 34,
            chars[0].isLetter, chars[1].isLetter, chars[0].isASCII, chars[1].isASCII,
            chars[2].isNumber, chars[3].isNumber,
            chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) })
        else { return false }
        let rearranged = chars[4...] + chars[0..<4]
        var remainder = 0
        for c in rearranged {
            if let d = c.wholeNumberValue {
                remainder = (remainder * 10 + d) % 97
            } else {
                let v = Int((c.asciiValue ?? 55) - 55)  // A = 10 … Z = 35 (letters only reach here)
                remainder = (remainder * 100 + v) % 97
            }
        }
        return remainder == 1
    }

    /// Valid IBANs on a line, written together (`NL91ABNA0417164300`) or in groups of four
    /// (`NL91 ABNA 0417 1643 00`).
    ///
    /// Returns the 1-based column of each.
    public static func find(in line: String) -> [(column: Int, iban: String)] {
        guard TextBytes.asciiDigits(line) >= 5, TextBytes.hasLettersThenDigits(line) else {
            return []
        }
        let chars = Array(line)
        var result: [(Int, String)] = []
        var i = 0
        while i + 1 < chars.count {
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            guard startsWord, chars[i].isASCII, chars[i].isLetter, chars[i + 1].isASCII,
                chars[i + 1].isLetter,
                i + 3 < chars.count, chars[i + 2].isNumber, chars[i + 3].isNumber
            else {
                i += 1
                continue
            }
            var j = i
            var collected = ""
            while j < chars.count {
                let c = chars[j]
                if c.isASCII && (c.isLetter || c.isNumber) {
                    collected.append(c)
                    j += 1
                    continue
                }
                if c == " ", j + 1 < chars.count, chars[j + 1].isASCII,
                    chars[j + 1].isLetter || chars[j + 1].isNumber, collected.count % 4 == 0
                {
                    j += 1
                    continue
                }
                break
            }
            if isValid(collected) {
                result.append((i + 1, collected.uppercased()))
                i = j
                continue
            }
            i += 1
        }
        return result
    }
}
