/// The one-letter escapes of a JSON string (RFC 8259 §7), for the project's own JSON readers
/// (rule files, catalogs): one table instead of one per reader.
public enum JSONEscape {
    /// The byte `\letter` stands for (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`); nil for
    /// `\u` and for letters JSON does not know.
    public static func simple(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    /// The value of the four hex digits of a `\uXXXX` escape starting at `start`; nil when they
    /// are not exactly four hex digits (`UInt32(_:radix:)` would also take a sign).
    public static func hex4<C: Collection<UInt8>>(_ bytes: C, at start: C.Index) -> UInt32? {
        var value: UInt32 = 0
        var i = start
        for _ in 0..<4 {
            guard i < bytes.endIndex else { return nil }
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i = bytes.index(after: i)
        }
        return value
    }
}
