/// How many terminal columns a text takes: the measure every layout decision uses.
///
/// `String.count` counts grapheme clusters, which is wrong for a terminal in three ways that
/// matter to Kompas: ANSI styling (`ESC [ 1 m`, bold headings) takes no column, combining marks
/// and zero-width characters take none, and East Asian wide characters and most emoji take two.
/// "€", "é", Arabic letters and box-drawing bars take one.
public enum DisplayWidth {
    /// The number of columns `text` occupies on a terminal.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Plain printable ASCII (most lines of a caseload): one column per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Dutch, Polish and Turkish text with "€", dashes and quotes: every scalar its own
        // one-column character, so no grapheme breaking is needed (issue 23).
        var simple = 0
        for scalar in text.unicodeScalars {
            guard isSimpleNarrow(scalar) else { return measured(text) }
            simple += 1
        }
        return simple
    }

    /// Scalars that are always a character of their own and one column wide.
    ///
    /// Printable ASCII,
    /// Latin-1 and Latin Extended (without the soft hyphen, a format character), general
    /// punctuation, currency signs, arrows and box drawing. None of them joins a neighbour into
    /// one grapheme cluster (no mark, joiner, prepend, regional indicator or Hangul jamo).
    static func isSimpleNarrow(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20C0, 0x2190...0x21FF, 0x2500...0x257F:
            return true
        default:
            return false
        }
    }

    /// The general case: grapheme clusters, escape sequences, marks and wide characters.
    static func measured<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        var escape = EscapeState.none
        for character in text {
            let scalars = character.unicodeScalars
            guard let first = scalars.first else { continue }
            switch escape {
            case .none:
                if first.value == 0x1B {
                    escape = .started
                    continue
                }
            case .started:
                // ESC followed by "[" opens a control sequence; any other byte ends a short escape.
                escape = first == "[" ? .csi : .none
                continue
            case .csi:
                // Parameters and intermediates run until a final byte 0x40–0x7E.
                if (0x40...0x7E).contains(first.value) { escape = .none }
                continue
            }
            width += columns(of: character)
        }
        return width
    }

    private enum EscapeState { case none, started, csi }

    /// The columns of one grapheme cluster: 0, 1 or 2.
    static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: isWide) { return 2 }
        // An emoji presentation selector turns a narrow symbol into a wide picture.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if isZeroWidth(first) { return 0 }
        return 1
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // control characters
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFEFF: return true
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth ranges and the emoji blocks (Unicode 15, the common ranges).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
            0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
