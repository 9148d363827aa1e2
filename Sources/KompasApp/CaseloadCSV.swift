import KompasCore
import KompasLocalization
import KompasSettlement

/// The caseload's CSV as a spreadsheet program reads it (issue 22).
///
/// Dutch spreadsheet programs split on `;` and read `1234,56` as a number, English ones split on
/// `,` and read `1234.56`: the separator comes from `--scheidingsteken` or else the language, and
/// the decimal mark follows the separator (a decimal comma in a comma-separated file would split
/// every amount). Amounts are euros with two decimals and no thousands mark; the header is in the
/// user's language. Only data rows: the totals go to standard error, so a sheet sums the column
/// itself and a sort or filter never mixes a "totaal" row into the clients.
struct CaseloadCSV: Sendable {
    let separator: Character
    let language: Language

    var decimal: Character { separator == ";" ? "," : "." }

    /// The flag: `--scheidingsteken ';'` or `','` (also `puntkomma`/`semicolon`, `komma`/`comma`).
    static let flag = FlagSpec(["--scheidingsteken", "--separator"], .value(placeholder: ";|,"))

    /// The separator asked for, or the language's: `,` for English, `;` for the languages that
    /// write a decimal comma (Dutch, Polish, Turkish, and Arabic, which writes amounts as the
    /// Dutch letters do: ``Formatters``).
    static func separator(_ raw: String?, language: Language) -> Character? {
        guard let raw else { return language == .en ? "," : ";" }
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case ";", "puntkomma", "semicolon": return ";"
        case ",", "komma", "comma": return ","
        default: return nil
        }
    }

    /// The column ids of ``CaseloadRow/columns`` without `_centen` (the amounts are euros here),
    /// each named by the catalog (`caseload.csv.inkomen`: "inkomen" / "income").
    static let columnIDs: [String] = CaseloadRow.columns.map {
        $0.hasSuffix("_centen") ? String($0.dropLast("_centen".count)) : $0
    }

    func header(_ l: Localizer) -> String {
        Self.columnIDs.map { field(l.text("caseload.csv." + $0)) }.joined(
            separator: String(separator))
            + "\n"
    }

    func row(_ r: CaseloadRow) -> String {
        var out = field(r.client)
        out.reserveCapacity(out.utf8.count + 80)
        out.append(separator)
        out += r.month.description
        for m in [r.income, r.exemption, r.counted, r.topUp, r.reserved, r.topUpPaid, r.carried] {
            out.append(separator)
            out += amount(m)
        }
        out += "\n"
        return out
    }

    /// `-1234,56` / `-1234.56`: euros, two decimals, no thousands mark, so every program reads
    /// it as a number.
    func amount(_ m: Money) -> String {
        let a = m.cents.magnitude
        let c = a % 100
        var out = m.cents < 0 ? "-" : ""
        out += String(a / 100)
        out.append(decimal)
        if c < 10 { out += "0" }
        out += String(c)
        return out
    }

    /// A field quoted when it holds the separator, a quote or a line break (RFC 4180).
    func field(_ s: String) -> String {
        s.contains(separator) || s.contains("\"") || s.contains("\n")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
