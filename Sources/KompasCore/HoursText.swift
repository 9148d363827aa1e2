import Foundation

/// Hours as people type them, read as hundredths of an hour.
///
/// `16` → 1600, `16,5` → 1650, `16.25` → 1625: a decimal comma or point, at most two decimals and
/// four whole digits. One reader for the command line, the situation and payslip files, so "16,5"
/// means the same everywhere.
public enum HoursText {
    /// The hours in hundredths, or nil when the text is not a number of hours.
    public static func hundredths(_ raw: String) -> Int? {
        let s = Whitespace.trimmed(raw).replacingOccurrences(of: ",", with: ".")
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let whole = Int(parts[0])
        else { return nil }
        var frac = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let f = Int(parts[1]) else { return nil }
            frac = parts[1].count == 1 ? f * 10 : f
        }
        return whole * 100 + frac
    }
}
