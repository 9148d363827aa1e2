/// A table that adapts to the terminal: columns when they fit, one block per row when not.
///
/// Why: a table wider than the screen is cut by the terminal into unreadable pieces (the sweep
/// was 90 columns at 80, the caseload table about 150). In columns, a header may wrap over
/// several lines by words ("Aanvulling" / "gemeente") so that numbers set the width; cells never
/// wrap. When even that does not fit, each row becomes a block: its first cell as a title, then
/// every other column as "label  value" with the values right-aligned, or the label above the
/// value when both do not fit on one line.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Spaces between columns.
    public var gap: Int
    /// Printed before every line (in both forms).
    public var indent: String
    /// A line of dashes under the headers in the column form.
    public var rule: Bool
    /// The most lines a header may wrap over in the column form.
    public var maxHeaderLines = 2

    /// A table; `alignments` defaults to the first column left and the others right (numbers).
    public init(
        headers: [String], alignments: [Alignment]? = nil, rows: [[String]], gap: Int = 2,
        indent: String = "", rule: Bool = false
    ) {
        self.headers = headers
        self.alignments =
            alignments ?? headers.indices.map { $0 == 0 ? Alignment.left : Alignment.right }
        self.rows = rows
        self.gap = gap
        self.indent = indent
        self.rule = rule
    }

    var columnCount: Int { max(headers.count, rows.map(\.count).max() ?? 0) }

    func cell(_ row: [String], _ c: Int) -> String { c < row.count ? row[c] : "" }
    func header(_ c: Int) -> String { c < headers.count ? headers[c] : "" }
    func alignment(_ c: Int) -> Alignment { c < alignments.count ? alignments[c] : .right }

    /// The narrowest width of each column: its widest cell, or its header's widest word group.
    func columnWidths() -> [Int] {
        (0..<columnCount).map { c in
            let cells = rows.map { DisplayWidth.of(cell($0, c)) }.max() ?? 0
            let headerUnit = TextLayout.units(header(c)).map { DisplayWidth.of($0) }.max() ?? 0
            return max(cells, headerUnit)
        }
    }

    /// The width the column form needs.
    public var columnFormWidth: Int {
        let widths = columnWidths()
        return DisplayWidth.of(indent) + widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    /// The table at `width`: columns when they fit; else two panels of columns, each repeating
    /// the first column, when the table has many columns (the sweep at 80); else a block per row.
    ///
    /// `header` styles the header lines of the column forms (bold on a colour terminal).
    public func render(width: Int, header: (String) -> String = { $0 }) -> [String] {
        if fitsInColumns(width: width) { return styled(columnParts(width: width), header) }
        if let (left, right) = panels(width: width) {
            return styled(left.columnParts(width: width), header) + [""]
                + styled(right.columnParts(width: width), header)
        }
        return stacked(width: width)
    }

    func styled(_ parts: [[String]], _ header: (String) -> String) -> [String] {
        parts[0].map(header) + parts[1]
    }

    /// The table split into two tables that each fit, both starting with the first column;
    /// only when each keeps at least three columns of its own (fewer reads worse than blocks).
    func panels(width: Int) -> (TextTable, TextTable)? {
        let n = columnCount
        guard n >= 7 else { return nil }
        func part(_ cs: [Int]) -> TextTable {
            TextTable(
                headers: cs.map(header), alignments: cs.map(alignment),
                rows: rows.map { r in cs.map { cell(r, $0) } }, gap: gap, indent: indent,
                rule: rule)
        }
        for split in stride(from: n - 3, through: 4, by: -1) {
            let left = part(Array(0..<split))
            let right = part([0] + Array(split..<n))
            if left.fitsInColumns(width: width) && right.fitsInColumns(width: width) {
                return (left, right)
            }
        }
        return nil
    }

    /// Whether the column form fits `width` with no header wrapped over more than
    /// ``maxHeaderLines`` lines (a header of four lines reads worse than a block per row).
    public func fitsInColumns(width: Int) -> Bool {
        guard columnFormWidth <= width else { return false }
        return headerLineCount(width: width) - (rule ? 1 : 0) <= maxHeaderLines
    }

    /// The column form; headers wrapped by words inside their column's width when the whole
    /// header would make the table wider than `width`.
    public func columns(width: Int = Int.max) -> [String] {
        columnParts(width: width).flatMap { $0 }
    }

    /// How many of the column form's lines are headers (and the rule): to style them.
    public func headerLineCount(width: Int = Int.max) -> Int {
        columnParts(width: width)[0].count
    }

    /// The column form as header lines and row lines.
    func columnParts(width: Int) -> [[String]] {
        var widths = columnWidths()
        var total = columnFormWidth
        // First, a header that would take more than `maxHeaderLines` lines gets the few extra
        // columns that bring it to that many, when the table still fits.
        for c in widths.indices
        where TextLayout.wrapUnits(header(c), width: widths[c]).count > maxHeaderLines {
            let natural = DisplayWidth.of(header(c))
            guard
                let w = (widths[c]...max(widths[c], natural)).first(where: {
                    TextLayout.wrapUnits(header(c), width: $0).count <= maxHeaderLines
                }), total + w - widths[c] <= width
            else { continue }
            total += w - widths[c]
            widths[c] = w
        }
        // Then a header stays on one line when the table still fits with its column that wide.
        for c in widths.indices {
            let natural = DisplayWidth.of(header(c))
            if natural > widths[c], total + natural - widths[c] <= width {
                total += natural - widths[c]
                widths[c] = natural
            }
        }
        let headerLines = (0..<columnCount).map { c -> [String] in
            header(c).isEmpty
                ? [""] : TextLayout.wrapUnits(header(c), width: widths[c])
        }
        let height = headerLines.map(\.count).max() ?? 0
        var out: [String] = []
        if !headers.isEmpty {
            for line in 0..<height {
                // Headers sit on the bottom line, as in a printed table.
                out.append(
                    join(
                        (0..<columnCount).map { c in
                            let lines = headerLines[c]
                            let k = line - (height - lines.count)
                            return k >= 0 ? lines[k] : ""
                        }, widths))
            }
            if rule {
                out.append(
                    indent
                        + widths.map { String(repeating: "-", count: $0) }.joined(
                            separator: String(repeating: " ", count: gap)))
            }
        }
        return [out, rows.map { row in join((0..<columnCount).map { cell(row, $0) }, widths) }]
    }

    func join(_ cells: [String], _ widths: [Int]) -> String {
        let line = cells.enumerated().map { c, s in
            let pad = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(s)))
            return alignment(c) == .left ? s + pad : pad + s
        }.joined(separator: String(repeating: " ", count: gap))
        return indent + String(line.reversed().drop(while: { $0 == " " }).reversed())
    }

    /// One block per row: the first cell as its title, then "label  value" lines.
    ///
    /// Values of right-aligned (number) columns line up on their right edge; text values start
    /// at the value column and wrap under it. When the labels leave less than 16 columns for
    /// the values, each label stands above its value.
    public func stacked(width: Int) -> [String] {
        let layout = TextLayout(width: width)
        let inner = indent + "  "
        let innerWidth = DisplayWidth.of(inner)
        let dataColumns = Array(1..<max(1, columnCount))
        // The values need room for the widest amount, and 16 columns when there is text.
        let amountRoom =
            dataColumns.filter { alignment($0) == .right }.flatMap { c in
                rows.map { DisplayWidth.of(cell($0, c)) }
            }.max() ?? 0
        let needed =
            dataColumns.contains { alignment($0) == .left } ? max(amountRoom, 16) : amountRoom
        let longest = dataColumns.map { DisplayWidth.of(header($0)) }.max() ?? 0
        let labelWidth =
            width - (innerWidth + longest + 2) >= needed
            ? longest : max(8, width - innerWidth - 2 - needed)
        let valueColumn = innerWidth + labelWidth + 2
        let besideEachOther = width - valueColumn >= min(needed, 16)
        var out: [String] = []
        for (n, row) in rows.enumerated() {
            if n > 0 { out.append("") }
            let title = cell(row, 0)
            let titleText =
                TextTable.isNumeric(title) && !header(0).isEmpty ? header(0) + ": " + title : title
            out += layout.wrap(titleText, first: indent, rest: indent + "  ")
            // Amounts in one block line up on their right edge.
            let numberWidth =
                dataColumns.filter { alignment($0) == .right }.map {
                    DisplayWidth.of(cell(row, $0))
                }
                .filter { $0 <= width - valueColumn }.max() ?? 0
            for c in dataColumns {
                let value = cell(row, c)
                if value.isEmpty { continue }
                let label = header(c)
                let lw = DisplayWidth.of(label)
                let vw = DisplayWidth.of(value)
                guard besideEachOther, lw <= labelWidth else {
                    // Label above value.
                    out += layout.wrap(label, first: inner, rest: inner)
                    out += layout.wrap(value, first: inner + "  ", rest: inner + "  ")
                    continue
                }
                let hang = String(repeating: " ", count: valueColumn)
                let lead = inner + label + String(repeating: " ", count: labelWidth - lw + 2)
                if alignment(c) == .right && vw <= numberWidth {
                    out.append(lead + String(repeating: " ", count: numberWidth - vw) + value)
                } else {
                    out += layout.wrap(value, first: lead, rest: hang)
                }
            }
        }
        return out
    }

    /// Alignments read from the cells: a column whose cells with digits are all amounts or
    /// numbers (the others words such as "ja") is right-aligned, any other column (names,
    /// sources) left-aligned; the first column is always left.
    public static func alignments(headers: [String], rows: [[String]]) -> [Alignment] {
        headers.indices.map { c in
            guard c > 0 else { return .left }
            let cells = rows.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }
            // Words among amounts ("ja", "nog niet bekend") do not make it a text column.
            let amounts = cells.filter { $0.contains(where: \.isNumber) }
            return !amounts.isEmpty && amounts.allSatisfy(isAmount) ? .right : .left
        }
    }

    /// "€ 1.234,56", "-€ 14,67", "€1,005.22", "16,5", "71 %": what reads best right-aligned;
    /// also Polish "1234,56 €" and "12 345,00 €" (no-break spaces) and Turkish "%12,5".
    static func isAmount(_ s: String) -> Bool {
        var t = Substring(s)
        if let p = ["-€ ", "€ -", "€ ", "-€", "€-", "€", "-", "+", "%"].first(where: {
            t.hasPrefix($0)
        }) {
            t = t.dropFirst(p.count)
        }
        for suffix in [" %", "\u{00A0}€", " €", "%"] where t.hasSuffix(suffix) {
            t = t.dropLast(suffix.count)
            break
        }
        guard let f = t.first, f.isASCII, f.isNumber else { return false }
        return t.allSatisfy { ($0.isASCII && $0.isNumber) || ".,\u{00A0}".contains($0) }
    }

    /// A cell that is a bare number ("16", "16,5"), which needs its header to be understood.
    static func isNumeric(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { ($0.isASCII && $0.isNumber) || ".,".contains($0) }
    }
}

extension TextLayout {
    /// Words of `text` filled into lines of `width` (used for table headers).
    static func wrapUnits(_ text: String, width: Int) -> [String] {
        var b = LineBuilder(width: max(1, width), first: "", hang: "")
        for unit in Self.units(text) { b.place(unit) }
        return b.finish()
    }
}
