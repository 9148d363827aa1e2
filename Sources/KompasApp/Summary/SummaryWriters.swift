import KompasCore
import KompasLayout

/// Plain text: headings underlined, paragraphs wrapped, tables aligned, charts drawn in the terminal
/// or (with `--geen-grafiek`) as their text equivalent.
///
/// Blocks are separated by blank lines.
struct SummaryTextWriter {
    let width: Int
    let charts: Bool

    func write(_ blocks: [SummaryBlock]) -> String {
        var out: [String] = []
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                out.append(underlined(text, level == 1 ? "=" : "-"))
            case .paragraph(let p): out.append(wrap(p, first: "", rest: ""))
            case .list(let items):
                out.append(items.map { wrap($0, first: "- ", rest: "  ") }.joined(separator: "\n"))
            case .table(let caption, let headers, let rows):
                out.append(wrap(caption, first: "", rest: "") + "\n" + table(headers, rows))
            case .chart(let c):
                out.append(
                    c.title + "\n"
                        + (charts ? c.terminalLines : c.textLines.map { "- " + $0 }).joined(
                            separator: "\n"))
            case .contact(_, _, _, let text): out.append(wrap(text, first: "", rest: ""))
            case .footnotes(let title, let items):
                out.append(
                    underlined(title, "-") + "\n"
                        + items.map { wrap($0, first: "", rest: "    ") }.joined(separator: "\n"))
            case .pageBreak: continue
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// A heading wrapped to the width, underlined as far as its longest line.
    func underlined(_ text: String, _ mark: Character) -> String {
        let lines = TextLayout(width: width).wrap(text, first: "", rest: "")
        let longest = lines.map { DisplayWidth.of($0) }.max() ?? 0
        return lines.joined(separator: "\n") + "\n" + String(repeating: mark, count: longest)
    }

    /// Columns with a rule under the headers when they fit, one block per row when not (issue 22).
    func table(_ headers: [String], _ rows: [[String]]) -> String {
        TextTable(
            headers: headers, alignments: TextTable.alignments(headers: headers, rows: rows),
            rows: rows, rule: true
        ).render(width: width).joined(
            separator: "\n")
    }

    /// Wraps by words (``TextLayout``): an amount (`€ 14,71`) is never split over two lines.
    func wrap(_ text: String, first: String, rest: String) -> String {
        TextLayout(width: width).wrap(text, first: first, rest: rest).joined(separator: "\n")
    }
}

/// Markdown (CommonMark with pipe tables).
///
/// Charts appear as their text equivalent.
struct SummaryMarkdownWriter {
    func write(_ blocks: [SummaryBlock]) -> String {
        var out: [String] = []
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: level) + " " + esc(text))
            case .paragraph(let p): out.append(esc(p))
            case .list(let items): out.append(items.map { "- " + esc($0) }.joined(separator: "\n"))
            case .table(let caption, let headers, let rows):
                var t =
                    "**" + esc(caption) + "**\n\n| " + headers.map(cell).joined(separator: " | ")
                    + " |\n|"
                t += headers.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined()
                for r in rows { t += "\n| " + r.map(cell).joined(separator: " | ") + " |" }
                out.append(t)
            case .chart(let c):
                out.append(
                    "**" + esc(c.title) + "**\n\n"
                        + c.textLines.map { "- " + esc($0) }.joined(separator: "\n"))
            case .contact(_, _, _, let text): out.append(esc(text))
            case .footnotes(let title, let items):
                out.append(
                    "## " + esc(title) + "\n\n"
                        + items.map { "- " + esc($0) }.joined(separator: "\n"))
            case .pageBreak: continue
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }
    /// Escapes what Markdown would read as markup: brackets of footnote marks stay readable as text.
    func esc(_ s: String) -> String {
        var o = ""
        for c in s {
            if "\\`*_[]<>|".contains(c) { o.append("\\") }
            o.append(c)
        }
        return o
    }
    func cell(_ s: String) -> String { esc(s) }
}

/// One self-contained printable HTML file: polyglot HTML5 (well-formed XML, so XML parsers read it
/// too), A4 print CSS, `lang`, headings in order, table headers with scope, charts as inline SVG
/// with `<title>`/`<desc>` and their text equivalent, high contrast (black on white).
///
/// No scripts,
/// no external requests (a contact photo must be a `data:` URI).
struct SummaryHTMLWriter {
    let language: String
    let title: String
    /// Arabic (issue 24): the page is set right to left (`dir="rtl"`), the tables and the contact
    /// box mirrored; amounts, numbers and Latin words are isolated left to right (``isolate(_:)``).
    var rightToLeft = false
    /// A translation (issue 24): its page also carries the Dutch-leading line and the
    /// explanations of the Dutch words it keeps, and Polish and Turkish run longer than Dutch, so
    /// the page is set a little tighter (``compactCSS``) to stay one sheet; the type stays 11 pt.
    var compact = false

    /// The print style.
    ///
    /// Every font size is at least 11 pt (the printed summary is read by people
    /// who may not see well); the fonts named are the ones `.ci/run` installs (`fonts-dejavu-core`),
    /// so a page count does not depend on the machine. An amount never breaks ("€" stays with its
    /// figure: ``bound(_:)``).
    static let css = """
        @page { size: A4; margin: 12mm 14mm; }
        html { background: #ffffff; color: #000000; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.25; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 16pt; margin: 0 0 4pt; }
        h2 { font-size: 13pt; margin: 8pt 0 3pt; border-bottom: 1.5pt solid #000000; page-break-after: avoid; break-after: avoid; }
        p { margin: 2pt 0 4pt; }
        ul { margin: 2pt 0 4pt; padding-left: 14pt; }
        li { margin: 0 0 2pt; }
        table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt; }
        tr { page-break-inside: avoid; break-inside: avoid; }
        table.met-bron td:last-child, table.met-bron thead th:last-child { text-align: left; }
        caption { text-align: left; font-weight: bold; padding-bottom: 2pt; }
        th, td { border: 0.75pt solid #000000; padding: 1pt 5pt; text-align: right; vertical-align: top; }
        th[scope="row"], thead th:first-child { text-align: left; }
        thead th { background: #e8e8e8; }
        figure { margin: 6pt 0 10pt; page-break-inside: avoid; break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-weight: bold; margin-bottom: 4pt; }
        .tekstversie { font-size: 11pt; }
        .contact { display: flex; gap: 10pt; align-items: center; border: 1pt solid #000000; padding: 4pt 6pt; }
        .contact p { margin: 0; }
        .contact img { width: 28mm; height: auto; }
        .bronnen { font-size: 11pt; overflow-wrap: anywhere; }
        .bronnen ol { list-style: none; padding-left: 0; margin: 3pt 0; }
        .bronnen li { margin: 0 0 2pt; line-height: 1.2; }
        .bedrag { white-space: nowrap; }
        .bijlage { break-before: page; page-break-before: always; }
        a { color: #000000; }
        @media print { body { padding: 0; } }
        """

    /// Escapes `s` and keeps every amount ("€ 1.234,56", "-€ 720,00") on one line.
    static func bound(_ s: String) -> String {
        let escaped = Markup.escape(s)
        return escaped.replacing(/[-+−]?€ ?[0-9]([0-9.,]*[0-9])?|\b[0-9]+(-[0-9]+)+\b/) { m in
            // An amount, or a number with hyphens (a phone number "020-1234567"), never breaks:
            // a browser may break after a hyphen, and half a phone number is no phone number.
            "<span class=\"bedrag\">" + m.output.0.replacingOccurrences(of: " ", with: "\u{00A0}")
                + "</span>"
        }
    }

    /// The mirror of the print style for a right-to-left page: lists indent on the right, labels
    /// start on the right, amounts end on the left; sources stay left to right (Dutch titles and
    /// addresses).
    static let rtlCSS = """
        ul { padding-left: 0; padding-right: 14pt; }
        caption, th[scope="row"], thead th:first-child { text-align: right; }
        th, td { text-align: left; }
        .bronnen ol { direction: ltr; }
        .bronnen li { text-align: left; unicode-bidi: isolate; }
        .naam { white-space: nowrap; }
        """

    /// The tighter page of a translation: smaller margins, line height and cell padding.
    static let compactCSS = """
        @page { size: A4; margin: 8mm 12mm; }
        body { line-height: 1.17; padding: 0; }
        h1 { margin: 0 0 2pt; }
        h2 { margin: 5pt 0 2pt; }
        p { margin: 1pt 0 3pt; }
        th, td { padding: 0 4pt; }
        li { margin: 0 0 1pt; }
        """

    /// The escaped text of `s`: on a right-to-left page with its left-to-right runs isolated,
    /// otherwise with its amounts kept on one line (``bound(_:)``).
    ///
    /// A short Dutch name is kept on one line in running text only: in a table cell it would
    /// widen the column past the page.
    func text(_ s: String, cell: Bool = false) -> String {
        rightToLeft ? Self.isolate(s, keepNames: !cell) : Self.bound(s)
    }
    /// A heading or caption.
    func label(_ s: String) -> String { rightToLeft ? Self.isolate(s) : Markup.escape(s) }

    /// A run that reads left to right inside Arabic.
    ///
    /// An amount ("€ 1.401,50", "-€ 12,00"), a number or date figure, a Dutch or English word
    /// or phrase ("aanvulling", "Juridisch Loket", "DigiD"), an address. It starts and ends with a Latin letter, a digit, "€", "%" or "/", and
    /// holds no Arabic letter and no Arabic punctuation (، ؛ ؟), so "DigiD، UWV" is two runs.
    nonisolated(unsafe) static let ltrRun =
        /[A-Za-zÀ-ɏ0-9€+\-−][^\p{Script=Arabic}\x{060C}\x{061B}\x{061F}\x{0640}\n]*[A-Za-zÀ-ɏ0-9€%\/]|[A-Za-zÀ-ɏ0-9€]/

    /// Escapes `s` and puts each left-to-right run in its own isolated `<span dir="ltr">`
    /// (the HTML `dir` attribute isolates, like `<bdi>`), so the bidi algorithm cannot reorder an
    /// amount's parts or a Dutch phrase's words around the Arabic; an amount also never breaks.
    static func isolate(_ s: String, keepNames: Bool = false) -> String {
        var out = ""
        var i = s.startIndex
        for m in s.matches(of: ltrRun) where m.range.lowerBound >= i {
            out += Markup.escape(String(s[i..<m.range.lowerBound]))
            // A run with an open bracket takes its closing one ("vrijlating bij werk (nieuw)"),
            // so the pair is not split between the two directions.
            var end = m.range.upperBound
            var open = s[m.range].filter { $0 == "(" }.count - s[m.range].filter { $0 == ")" }.count
            while open > 0, end < s.endIndex, s[end] == ")" {
                end = s.index(after: end)
                open -= 1
            }
            let run = String(s[m.range.lowerBound..<end])
            if run.contains("€") {
                out +=
                    "<span class=\"bedrag\" dir=\"ltr\">"
                    + Markup.escape(run.replacingOccurrences(of: " ", with: "\u{00A0}")) + "</span>"
            } else if keepNames, run.count <= 40, run.contains(" ") {
                // A short Dutch name ("Juridisch Loket", "Stadspas kindtegoed (0 tot 4 jaar)")
                // stays on one line: wrapped, its words would read from two line ends.
                out += "<span class=\"naam\" dir=\"ltr\">" + Markup.escape(run) + "</span>"
            } else {
                out += "<span dir=\"ltr\">" + Markup.escape(run) + "</span>"
            }
            i = end
        }
        return out + Markup.escape(String(s[i...]))
    }

    func write(_ blocks: [SummaryBlock]) -> String {
        let dir = rightToLeft ? " dir=\"rtl\"" : ""
        var o =
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language)\" xml:lang=\"\(language)\"\(dir)>\n<head>\n<meta charset=\"utf-8\"/>\n"
        var css = Self.css
        if compact { css += "\n" + Self.compactCSS }
        if rightToLeft { css += "\n" + Self.rtlCSS }
        o +=
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>\(Markup.escape(title))</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n<main>\n"
        var chartNumber = 0
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                o += "<h\(level)>\(label(text))</h\(level)>\n"
            case .paragraph(let p): o += "<p>\(self.text(p))</p>\n"
            case .list(let items):
                o += "<ul>\n" + items.map { "<li>\(self.text($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let caption, let headers, let rows):
                // A table of three columns is the caseworker's: amount and its source (text, left).
                o += (headers.count == 3 ? "<table class=\"met-bron\">" : "<table>")
                o += "\n<caption>\(label(caption))</caption>\n<thead><tr>"
                o +=
                    headers.map { "<th scope=\"col\">\(label($0))</th>" }.joined()
                    + "</tr></thead>\n<tbody>\n"
                for r in rows {
                    o +=
                        "<tr>"
                        + r.enumerated().map { i, c in
                            i == 0
                                ? "<th scope=\"row\">\(label(c))</th>"
                                : "<td>\(self.text(c, cell: true))</td>"
                        }.joined() + "</tr>\n"
                }
                o += "</tbody>\n</table>\n"
            case .chart(let c):
                chartNumber += 1
                o += "<figure>\n<figcaption>\(label(c.title))</figcaption>\n\(c.svg)\n"
                o +=
                    "<details class=\"tekstversie\" open=\"open\"><summary>\(label(c.description))</summary>\n<ul>\n"
                o +=
                    c.textLines.map { "<li>\(label($0))</li>\n" }.joined()
                    + "</ul>\n</details>\n</figure>\n"
            case .contact(let name, _, let photo, let text):
                o += "<div class=\"contact\">"
                if let p = photo, p.hasPrefix("data:image/") {
                    o += "<img src=\"\(Markup.escape(p))\" alt=\"\(Markup.escape(name))\"/>"
                }
                o += "<p>\(self.text(text))</p></div>\n"
            case .pageBreak:
                o += "<div class=\"bijlage\"></div>\n"
            case .footnotes(let title, let items):
                o += "<section class=\"bronnen\">\n<h2>\(label(title))</h2>\n<ol>\n"
                o +=
                    items.map { "<li>\(Markup.escape($0))</li>\n" }.joined() + "</ol>\n</section>\n"
            }
        }
        _ = chartNumber
        o += "</main>\n</body>\n</html>\n"
        return o
    }
}
