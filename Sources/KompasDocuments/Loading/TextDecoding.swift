/// Bytes to text for .txt and .md files: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// otherwise Windows-1252 (what Word and Notepad on older Windows save as "ANSI").
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8, utf16LE, utf16BE, windows1252 }

    /// Decodes; `nil` when the bytes look binary (NUL bytes or many control characters).
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return utf16(bytes.dropFirst(2), littleEndian: true).map { ($0, .utf16LE) }
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return utf16(bytes.dropFirst(2), littleEndian: false).map { ($0, .utf16BE) }
        }
        var body = bytes[...]
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes.dropFirst(3)
        }
        if looksBinary(body) { return nil }
        if let s = String(validating: body, as: UTF8.self) { return (s, .utf8) }
        return (windows1252(body), .windows1252)
    }

    /// NUL bytes, or more than 5 % control characters other than tab, CR, LF and form feed.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(0) { return true }
        let sample = bytes.prefix(8192)
        let controls = sample.filter {
            $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C
        }.count
        return sample.count > 0 && controls * 20 > sample.count
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if units.contains(0) { return nil }
        return String(validating: units, as: UTF16.self)
    }

    /// The 0x80–0x9F block of Windows-1252 (everything else maps like ISO-8859-1).
    static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
        0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            // Every value here is Latin-1 or a Windows-1252 code point, all valid scalars.
            s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(s)
    }
}
