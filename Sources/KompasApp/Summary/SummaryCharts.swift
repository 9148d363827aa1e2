import KompasCore
import KompasEngine
import KompasIncome
import KompasLocalization
import KompasSummary
import KompasTotalIncome

/// Horizontal stacked bars in the terminal, shared by `watals` (sweep) and `samenvatting`:
/// each part gets its own glyph, lengths are rounded so the bar's end is the rounded total.
enum StackedBars {
    static let glyphs: [Character] = ["█", "▓", "▒", "░"]

    static func bar(_ parts: [Money], max maxTotal: Money, width: Int) -> String {
        func cells(_ m: Money) -> Int {
            maxTotal.cents > 0
                ? Int((m.cents * Int64(width) + maxTotal.cents / 2) / maxTotal.cents) : 0
        }
        var out = ""
        var running = Money.zero
        var used = 0
        for (i, part) in parts.enumerated() {
            running += max(part, .zero)
            let n = max(0, cells(running) - used)
            out += String(repeating: glyphs[i % glyphs.count], count: n)
            used += n
        }
        return out
    }
}

/// The two charts of a summary (income by hours; the month calendar) as terminal lines, a text
/// equivalent and SVG.
///
/// The SVG is readable in black-and-white print: every segment has its own
/// pattern (solid, hatching, dots, open) and a legend with the same patterns; every calendar
/// entry is written out in words.
struct SummaryCharts {
    let summary: Summary
    let localizer: Localizer
    let width: Int
    var f: Formatters { localizer.format }
    func t(_ key: String, _ a: Message.Arguments = [:]) -> String {
        localizer.text(key, a)
    }

    // MARK: Income by hours

    /// The parts of level `i`, as the engine splits them (``SweepBar``).
    func parts(_ sweep: TotalSweepResult, _ i: Int) -> [Money] {
        let b = SweepBar.bars(sweep)[i]
        return [b.wage, b.topUp, b.toeslagen, b.provisions]
    }

    var partNames: [String] {
        [
            "grafiek.part.wage", "grafiek.part.topUp", "grafiek.part.toeslagen",
            "grafiek.part.provisions",
        ].map { t($0) }
    }

    func hoursChart() -> SummaryChart? {
        guard let sweep = summary.sweep, !sweep.rows.isEmpty else { return nil }
        let current: Int? = {
            if case .hourly(let h, _) = summary.request.base.work { return h }
            return nil
        }()
        let totals = SweepBar.bars(sweep).map(\.total)
        let maxTotal = totals.max() ?? .zero
        let names = partNames
        // Text equivalent: one line per level.
        var text: [String] = []
        let bars = SweepBar.bars(sweep)
        let amounts = LineText(localizer: localizer)
        for i in sweep.rows.indices {
            let bar = bars[i]
            let h = sweep.rows[i].hundredthsPerWeek
            var line =
                t(
                    "grafiek.hours.row",
                    ["hours": .hours(h), "total": amounts.argument(.total, of: bar)])
                + " ("
            line +=
                zip(names, LineText.BarPart.stacked).filter { $0.1.amount(of: bar) > .zero }.map {
                    $0.0 + " " + amounts.shown($0.1, of: bar)
                }.joined(separator: ", ") + ")"
            if h == current { line += " " + t("grafiek.hours.you") }
            text.append(line)
        }
        // Terminal.
        let legend = zip(StackedBars.glyphs, names).map { "\($0.0) \($0.1)" }.joined(
            separator: "   ")
        let barWidth = max(10, min(width, 100) - 22)
        var term = [legend]
        for i in sweep.rows.indices {
            let h = sweep.rows[i].hundredthsPerWeek
            let label = f.hours(hundredths: h)
            let mark = h == current ? " ◀" : ""
            term.append(
                String(repeating: " ", count: max(0, 5 - label.count)) + label + " "
                    + StackedBars.bar(parts(sweep, i), max: maxTotal, width: barWidth)
                    + " " + amounts.shown(.total, of: bars[i], plain: true) + mark)
        }
        term.append(t("grafiek.hours.axis"))
        let title = t("grafiek.hours.title")
        let desc = t(
            "grafiek.hours.desc",
            [
                "from": .hours(sweep.rows.first?.hundredthsPerWeek ?? 0),
                "to": .hours(sweep.rows.last?.hundredthsPerWeek ?? 0),
            ])
        return SummaryChart(
            title: title, description: desc, textLines: text, terminalLines: term,
            svg: hoursSVG(
                sweep, totals: totals, maxTotal: maxTotal, current: current, title: title,
                desc: desc))
    }

    static let patternDefs = """
        <defs>\
        <pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="2"/></pattern>\
        <pattern id="p-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#000000"/></pattern>\
        </defs>
        """
    static let fills = ["#000000", "url(#p-hatch)", "url(#p-dots)", "#ffffff"]

    func hoursSVG(
        _ sweep: TotalSweepResult, totals: [Money], maxTotal: Money, current: Int?, title: String,
        desc: String
    ) -> String {
        let rowH = 22
        let top = 60
        let left = 70
        let barW = 460
        let w = 680
        let h = top + sweep.rows.count * rowH + 30
        let bars = SweepBar.bars(sweep)
        let amounts = LineText(localizer: localizer)
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"grafiek-uren-titel grafiek-uren-desc\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\" font-size=\"12\">"
        s +=
            "<title id=\"grafiek-uren-titel\">\(Markup.escape(title))</title><desc id=\"grafiek-uren-desc\">\(Markup.escape(desc))</desc>"
        s += Self.patternDefs
        // Legend.
        for (i, name) in partNames.enumerated() {
            let x = 10 + i * 165
            s +=
                "<rect x=\"\(x)\" y=\"10\" width=\"16\" height=\"12\" fill=\"\(Self.fills[i])\" stroke=\"#000000\"/>"
            s += "<text x=\"\(x + 22)\" y=\"21\">\(Markup.escape(name))</text>"
        }
        s +=
            "<text x=\"10\" y=\"46\" font-weight=\"bold\">\(Markup.escape(t("grafiek.hours.axisShort")))</text>"
        for i in sweep.rows.indices {
            let y = top + i * rowH
            let hrs = sweep.rows[i].hundredthsPerWeek
            s +=
                "<text x=\"\(left - 8)\" y=\"\(y + 14)\" text-anchor=\"end\"\(hrs == current ? " font-weight=\"bold\"" : "")>\(Markup.escape(f.hours(hundredths: hrs)))</text>"
            var x = Double(left)
            for (k, part) in parts(sweep, i).enumerated() where part > .zero {
                let pw =
                    maxTotal.cents > 0
                    ? Double(part.cents) / Double(maxTotal.cents) * Double(barW) : 0
                s +=
                    "<rect x=\"\(fmt(x))\" y=\"\(y + 2)\" width=\"\(fmt(pw))\" height=\"\(rowH - 6)\" fill=\"\(Self.fills[k])\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
                x += pw
            }
            s +=
                "<text x=\"\(fmt(x + 6))\" y=\"\(y + 14)\">\(Markup.escape(amounts.shown(.total, of: bars[i])))\(hrs == current ? " ◀" : "")</text>"
        }
        s += "</svg>"
        return s
    }

    func fmt(_ d: Double) -> String { String(Double(Int((d * 10).rounded())) / 10) }

    // MARK: The month calendar

    func entryName(_ e: CalendarEntry) -> String {
        e.kind == .fixed
            ? (e.name ?? t("kalender.kind.fixed")) : t("kalender.kind." + e.kind.rawValue)
    }

    func entryText(_ e: CalendarEntry) -> String {
        let day = e.lastDay.map { "\(e.date.day)–\($0)" } ?? String(e.date.day)
        var s = t(
            "kalender.entry",
            [
                "day": .text(day), "month": .text(f.monthNameInDate(e.date.month)),
                "what": .text(entryName(e)),
            ])
        if let a = LineText(localizer: localizer).shown(e) { s += ": " + a }
        if e.toVerify { s += " " + t("kalender.approx") }
        return s
    }

    static let letters: [CalendarEntry.Kind: Character] = [
        .wage: "L", .topUp: "A", .toeslagen: "T", .holidayAllowance: "V", .rent: "H", .fixed: "K",
    ]

    func calendarChart() -> SummaryChart {
        let m = summary.request.base.month
        let entries = summary.calendar
        let text = entries.isEmpty ? [t("kalender.empty")] : entries.map(entryText)
        var term: [String] = []
        let days = f.weekdayAbbreviations
        term.append(days.map { $0.padding(toLength: 6, withPad: " ", startingAt: 0) }.joined())
        var line = String(repeating: " ", count: (m.firstDay.weekday - 1) * 6)
        for d in 1...m.numberOfDays {
            let date = m.day(d)
            let marks = String(
                entries.filter { $0.date == date }.compactMap { Self.letters[$0.kind] })
            let cell = (d < 10 ? " " : "") + String(d) + marks
            line += cell.padding(toLength: 6, withPad: " ", startingAt: 0)
            if date.weekday == 7 {
                term.append(line)
                line = ""
            }
        }
        if !line.isEmpty { term.append(line) }
        let used = CalendarEntry.Kind.allCases.filter { k in entries.contains { $0.kind == k } }
        term.append(
            used.map { "\(Self.letters[$0] ?? " ") = " + t("kalender.kind." + $0.rawValue) }.joined(
                separator: "  "))
        term.append(contentsOf: text.map { "  " + $0 })
        let title = t("kalender.title", ["month": .month(m)])
        let desc = t("kalender.desc", ["month": .month(m)])
        return SummaryChart(
            title: title, description: desc, textLines: text, terminalLines: term,
            svg: calendarSVG(title: title, desc: desc, dayNames: days))
    }

    func calendarSVG(title: String, desc: String, dayNames: [String]) -> String {
        let m = summary.request.base.month
        let entries = summary.calendar
        let cellW = 96
        let cellH = 70
        let top = 40
        let w = cellW * 7 + 20
        let weeks = (m.firstDay.weekday - 1 + m.numberOfDays + 6) / 7
        let h = top + 20 + weeks * cellH + 10
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"kalender-titel kalender-desc\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\" font-size=\"11\">"
        s +=
            "<title id=\"kalender-titel\">\(Markup.escape(title))</title><desc id=\"kalender-desc\">\(Markup.escape(desc + " " + (entries.isEmpty ? t("kalender.empty") : entries.map(entryText).joined(separator: "; "))))</desc>"
        s +=
            "<text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"bold\">\(Markup.escape(title))</text>"
        for (i, d) in dayNames.enumerated() {
            s +=
                "<text x=\"\(10 + i * cellW + 4)\" y=\"\(top + 12)\" font-weight=\"bold\">\(d)</text>"
        }
        for d in 1...m.numberOfDays {
            let date = m.day(d)
            let idx = m.firstDay.weekday - 1 + d - 1
            let x = 10 + (idx % 7) * cellW
            let y = top + 20 + (idx / 7) * cellH
            let here = entries.filter { $0.date == date }
            s +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW - 2)\" height=\"\(cellH - 2)\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"\(here.isEmpty ? "0.5" : "2")\"/>"
            s += "<text x=\"\(x + 4)\" y=\"\(y + 13)\" font-weight=\"bold\">\(d)</text>"
            for (k, e) in here.prefix(3).enumerated() {
                let label = (e.incoming ? "+ " : "− ") + entryName(e)
                s +=
                    "<text x=\"\(x + 4)\" y=\"\(y + 28 + k * 13)\"\(e.incoming ? " font-weight=\"bold\"" : " font-style=\"italic\"")>\(Markup.escape(String(label.prefix(15))))</text>"
            }
        }
        s += "</svg>"
        return s
    }
}

/// XML/HTML escaping for the polyglot (XHTML-compatible) output: only the five XML entities.
enum Markup {
    static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            default: o.append(c)
            }
        }
        return o
    }
}
