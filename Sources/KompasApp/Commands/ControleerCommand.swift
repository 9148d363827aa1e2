import Foundation
import KompasCore
import KompasCrypto
import KompasDocuments
import KompasLayout

/// `kompas controleer cv|brief BESTAND` (check): rule-based checks of a CV or cover letter, on the
/// client's own machine.
///
/// Reads the file (and runs `pdftotext` for a PDF) here at the edge; the
/// checks themselves are the pure KompasDocuments engine. Exit 1 when there are warnings or errors.
enum ControleerCommand {
    static let vacancy = FlagSpec(["--vacature", "--vacancy"], .value(placeholder: "BESTAND"))
    static let off = FlagSpec(["--uit", "--off"], .repeated(placeholder: "REGEL-ID"))
    static let documentLanguage = FlagSpec(
        ["--documenttaal", "--document-language"], .value(placeholder: "nl|en"))

    static let spec = CommandSpec(
        names: ["controleer", "check"], summary: "cmd.controleer.summary",
        subcommands: [
            SubcommandSpec(["cv"], summary: "sub.controleer.cv"),
            SubcommandSpec(["brief", "letter"], summary: "sub.controleer.brief"),
        ],
        operands: "BESTAND", flags: [vacancy, off, documentLanguage] + StoreAccess.flags, run: run)

    /// Where earlier checks are remembered: the encrypted store when it is there and open-able
    /// (document hash, rule ids and levels, a letter's fingerprint — never the document), else
    /// only for this run, in memory.
    static func makeHistory(_ inv: Invocation) throws -> CheckHistory {
        if let store = try StoreAccess.openIfAvailable(inv) {
            return StoreCheckHistory(store: store)
        }
        return InMemoryCheckHistory()
    }

    static func run(_ inv: Invocation) throws -> ExitCode {
        guard let sub = try inv.subcommand() else { return .usage }
        let kind: DocumentKind = sub.names[0] == "cv" ? .cv : .brief
        let operands = Array(inv.arguments.operands.dropFirst())
        guard let path = operands.first else {
            throw UserError(.usage, Message("doc.error.noFile"))
        }
        if operands.count > 1 {
            throw UsageError.unexpectedOperand(operands[1], command: inv.spec.name)
        }

        let disabled = inv.arguments.values(off)
        let unknown = DocumentChecker.unknownIDs(disabled)
        if let bad = unknown.first {
            throw UserError(
                .usage,
                Message(
                    "doc.error.unknownRule",
                    [
                        "id": .text(bad),
                        "choices": .text(
                            DocumentRules.all.map { $0.description.id }.joined(separator: ", ")),
                    ]))
        }
        var language: DocumentLanguage?
        if let raw = inv.arguments.value(documentLanguage) {
            guard let l = DocumentLanguage(rawValue: raw.lowercased()) else {
                throw UsageError.invalidValue(
                    flag: inv.flagName(documentLanguage), value: raw,
                    expected: Message("flag.documenttaal"))
            }
            language = l
        }

        let loader = DocumentLoader()
        let (document, bytes) = try load(path, inv: inv, loader: loader)
        var vacancyDocument: Document?
        if let v = inv.arguments.value(vacancy) {
            if v == "-" {
                var lines: [String] = []
                while let l = inv.context.readLine() { lines.append(l) }
                let d = Document(lines: lines)
                if d.isBlank { throw UserError(.dataError, Message("doc.error.emptyVacancy")) }
                vacancyDocument = d
            } else {
                vacancyDocument = try load(v, inv: inv, loader: loader).0
            }
        }

        let name = (path as NSString).lastPathComponent
        let hash = try SHA256.hex(bytes)
        let history = try makeHistory(inv)
        let report = try DocumentChecker(disabled: Set(disabled)).check(
            document: document, kind: kind, language: language, vacancy: vacancyDocument,
            documentName: name,
            documentHash: hash, today: inv.context.clock.now(), history: history)

        if inv.json {
            inv.out.print(JSONOutput.string(json(report, file: path, hash: hash, inv: inv)))
        } else {
            render(report, file: path, inv: inv)
        }
        return report.hasProblems ? .findings : .ok
    }

    /// Reads a file and turns it into a Document.
    ///
    /// PDFs go through `pdftotext` from PATH.
    static func load(_ path: String, inv: Invocation, loader: DocumentLoader) throws -> (
        Document, [UInt8]
    ) {
        let url = URL(fileURLWithPath: path, relativeTo: inv.context.workingDirectory)
        guard let format = DocumentLoader.format(forFileName: path) else {
            throw DocumentError.unsupportedType(file: path)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir),
            !isDir.boolValue
        else {
            throw UserError(.noInput, Message("doc.error.readFailed", ["file": .text(path)]))
        }
        // Refuse huge files before reading them into memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
            size > loader.maxFileSize
        {
            throw DocumentError.tooLarge(file: path, limitMB: loader.maxFileSize / (1024 * 1024))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UserError(.noInput, Message("doc.error.readFailed", ["file": .text(path)]))
        }
        let bytes = [UInt8](data)
        if format == .pdf {
            if bytes.isEmpty { throw DocumentError.empty(file: path) }
            let text = try PDFText.extract(url, name: path, environment: inv.context.environment)
            return (try loader.load(Array(text.utf8), name: path, format: .pdf), bytes)
        }
        return (try loader.load(bytes, name: path, format: format), bytes)
    }

    static func levelWord(_ l: Finding.Level, _ inv: Invocation) -> String {
        inv.t("doc.level." + l.rawValue)
    }

    /// The level word before the message, unless the message already starts with it: a tip
    /// reads "Tip: …", not "tip Tip: …" (issue 22).
    static func withLevel(_ word: String, _ message: String) -> String {
        message.lowercased().hasPrefix(word.lowercased() + ":") ? message : word + " " + message
    }

    static func render(_ report: CheckReport, file: String, inv: Invocation) {
        let style = inv.context.style
        let l = inv.context.localizer
        inv.out.print(style.bold(inv.t("doc.out.good")))
        for s in report.strengths { inv.out.print("  ✓ " + l.render(s)) }
        inv.out.print("")
        // One finding, one line, for editors and grep when the output goes to a pipe or a file;
        // laid out to the width on a terminal or with COLUMNS (issue 22).
        // On a terminal the lines after a finding's first hang by two, so each finding stands out.
        let known = inv.context.terminal.widthIsKnown
        let layout = TextLayout(width: inv.context.terminal.width)
        for f in report.findings {
            let record =
                "\(file):\(f.line):\(f.column): "
                + withLevel(levelWord(f.level, inv), l.render(f.message))
            if known {
                inv.out.print(layout.wrap(record, first: "", rest: "  ").joined(separator: "\n"))
            } else {
                inv.out.unformatted.print(record)
            }
            // The rule's id is for switching it off (`--uit`); it is named only with --uitleg.
            if inv.explain {
                inv.out.print("    " + inv.t("doc.out.rule", ["id": .text(f.ruleID)]))
            }
            if inv.explain, let rule = DocumentRules.rule(id: f.ruleID) {
                inv.out.print(
                    "    "
                        + inv.t(
                            "doc.out.reason", ["reason": .text(inv.t(rule.description.reasonKey))]))
                if let link = rule.description.link {
                    inv.out.print("    " + inv.t("doc.out.source", ["link": .text(link)]))
                }
            }
        }
        if let k = report.keyTerms {
            inv.out.print("")
            inv.out.print(
                inv.t(
                    "doc.out.keyTerms",
                    [
                        "covered": .number(k.covered.count),
                        "total": .number(k.covered.count + k.missing.count),
                    ]))
            if !k.missing.isEmpty {
                inv.out.print(
                    inv.t(
                        "doc.out.missingTerms", ["terms": .text(k.missing.joined(separator: ", "))])
                )
            }
        }
        if !report.requirements.isEmpty {
            inv.out.print("")
            inv.out.print(inv.t("doc.out.requirements"))
            for r in report.requirements {
                let key = r.mentioned ? "doc.out.requirement.met" : "doc.out.requirement.missing"
                inv.out.print(inv.t(key, ["text": .text(r.label)]))
            }
        }
        if let r = report.readability {
            inv.out.print("")
            inv.out.print(
                inv.t(
                    "doc.out.readability",
                    [
                        "score": .number(r.lix),
                        "band": .text(inv.t("doc.readability." + r.band.rawValue)),
                    ]))
        }
        if report.kind == .brief, !report.vacancyChecked {
            inv.out.print("")
            inv.out.print(inv.t("doc.out.vacancyMissing"))
        }
        if let p = report.progress {
            if p.unchanged {
                inv.out.print(inv.t("doc.out.unchanged", ["date": .date(p.previousDate)]))
            } else {
                inv.out.print(
                    inv.t(
                        "doc.out.progress",
                        ["date": .date(p.previousDate), "count": .number(p.solved.count)]))
                if !p.new.isEmpty {
                    inv.out.print(
                        inv.t(
                            "doc.out.progressNew",
                            ["count": .number(p.new.count)]))
                }
            }
        }
        inv.out.print("")
        if report.findings.isEmpty {
            inv.out.print(inv.t("doc.out.none"))
            return
        }
        inv.out.print(inv.t("doc.out.summary", ["counts": .text(countsText(report, inv))]))
        inv.out.print(style.bold(inv.t("doc.out.top")))
        for (i, f) in report.topThree.enumerated() {
            inv.out.print("  \(i + 1). " + l.render(f.message))
        }
    }

    /// "1 belangrijk punt, 2 punten om op te letten, 3 tips": each count with its own word, in
    /// the plural form the language's rule picks (issue 20: "1 tips"; issue 22: CLDR categories).
    static func countsText(_ report: CheckReport, _ inv: Invocation) -> String {
        [Finding.Level.fout, .waarschuwing, .suggestie].map { level in
            let n = report.count(level)
            return inv.t("doc.count.\(level.rawValue)", ["count": .number(n)])
        }.joined(separator: ", ")
    }

    static func json(_ report: CheckReport, file: String, hash: String, inv: Invocation) -> [String:
        Any]
    {
        let l = inv.context.localizer
        func finding(_ f: Finding) -> [String: Any] {
            [
                "regel": f.ruleID, "niveau": f.level.rawValue, "lijn": f.line, "kolom": f.column,
                "sleutel": f.message.key, "bericht": l.render(f.message),
            ]
        }
        var o: [String: Any] = [
            "bestand": file, "soort": report.kind.rawValue,
            "documenttaal": report.language.rawValue, "documenthash": hash,
            "bevindingen": report.findings.map(finding),
            "sterk": report.strengths.map { l.render($0) },
            "belangrijkst": report.topThree.map(finding),
            "samenvatting": [
                "fout": report.count(.fout), "waarschuwing": report.count(.waarschuwing),
                "suggestie": report.count(.suggestie),
            ],
        ]
        if let k = report.keyTerms {
            o["kernwoorden"] = ["gedekt": k.covered, "ontbreekt": k.missing]
        }
        if !report.requirements.isEmpty {
            o["eisen"] = report.requirements.map {
                ["eis": $0.label, "genoemd": $0.mentioned] as [String: Any]
            }
        }
        if let r = report.readability {
            o["leesbaarheid"] =
                ["lix": r.lix, "niveau": r.band.rawValue, "zinnen": r.sentences] as [String: Any]
        }
        o["vacature_gecontroleerd"] = report.vacancyChecked
        if let p = report.progress {
            o["verbeterd"] =
                [
                    "vorige_controle": p.previousDate.description, "opgelost": p.solved,
                    "nieuw": p.new, "ongewijzigd": p.unchanged,
                ] as [String: Any]
        }
        return o
    }
}

/// Runs `pdftotext -layout -enc UTF-8 FILE -` (poppler-utils) found on PATH.
enum PDFText {
    static func extract(_ url: URL, name: String, environment: [String: String]) throws -> String {
        let path =
            environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard
            let tool = path.split(separator: ":").map({
                URL(fileURLWithPath: String($0)).appendingPathComponent("pdftotext")
            })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            throw DocumentError.pdftotextMissing(file: name)
        }
        let p = Process()
        p.executableURL = tool
        p.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw DocumentError.pdfFailed(file: name) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw DocumentError.pdfFailed(file: name) }
        return String(decoding: data, as: UTF8.self)
    }
}
