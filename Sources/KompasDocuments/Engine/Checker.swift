import KompasCore

/// The result of checking one document.
public struct CheckReport: Sendable {
    public let kind: DocumentKind
    public let language: DocumentLanguage
    /// Sorted by line and column.
    public let findings: [Finding]
    /// What is good, said first (at least one line).
    public let strengths: [Message]
    /// The three most important things to do: the most serious findings, one per rule.
    public let topThree: [Finding]
    /// With a vacancy: its key terms found and missing in the document.
    public let keyTerms: (covered: [String], missing: [String])?
    /// Compared with the previous check of the same document, when there was one.
    public let progress: Progress?
    /// With a vacancy: its key requirements, each mentioned or not.
    public var requirements: [Requirement] = []
    /// A readability figure for letters (LIX), when there are enough sentences.
    public var readability: ReadabilityScore?
    /// False when a letter was checked without its vacancy: the role, company and greeting were
    /// then not checked, and a view must not say the letter is ready to send.
    public var vacancyChecked: Bool = true
    /// True when a finding of level "let op" or "belangrijk" is open: the letter is not ready.
    public var blocksSending: Bool { hasProblems }

    public func count(_ level: Finding.Level) -> Int { findings.filter { $0.level == level }.count }
    /// Warnings or errors: the check "fails" for scripts (exit code 1).
    public var hasProblems: Bool { findings.contains { $0.level >= .waarschuwing } }
}

/// Runs the registered rules on a document.
public struct DocumentChecker: Sendable {
    public var rules: [any DocumentRule.Type]
    /// Rule ids switched off (`--uit`).
    public var disabled: Set<String>

    public init(rules: [any DocumentRule.Type] = DocumentRules.all, disabled: Set<String> = []) {
        self.rules = rules
        self.disabled = Set(disabled.flatMap { Self.renamed[$0] ?? [$0] })
    }

    /// Ids that were split or renamed, so `--uit` with an old id in a script keeps working.
    public static let renamed: [String: [String]] = [
        "brief.functie-bedrijf": ["brief.functie", "brief.bedrijf"]
    ]

    /// Ids in `ids` that are not a rule (for a clear usage error).
    public static func unknownIDs(_ ids: [String]) -> [String] {
        let known = Set(DocumentRules.all.map { $0.description.id }).union(renamed.keys)
        return ids.filter { !known.contains($0) }
    }

    public func check(_ input: CheckInput) -> CheckReport {
        var findings: [Finding] = []
        var praise: [Message] = []
        var order: [String: Int] = [:]
        for (i, rule) in rules.enumerated() {
            let d = rule.description
            order[d.id] = i
            guard d.kinds.contains(input.kind), !disabled.contains(d.id),
                !d.needsVacancy || input.vacancy != nil
            else { continue }
            let r = rule.init()
            let found = r.check(input)
            if let p = r.praise(input, findings: found) { praise.append(p) }
            findings += found
        }
        findings.sort { a, b in
            a.line != b.line
                ? a.line < b.line : a.column != b.column ? a.column < b.column : a.ruleID < b.ruleID
        }
        // The three most important: most serious first, then the rule's place in the list. The
        // rank is looked up once per finding, not in every comparison.
        var seen = Set<String>()
        let keys = findings.map { f -> (Int, Int, Int) in
            (f.level == .fout ? 0 : f.level == .waarschuwing ? 1 : 2, order[f.ruleID] ?? 0, f.line)
        }
        let byImportance = findings.indices.sorted { keys[$0] < keys[$1] }
        let top = byImportance.map { findings[$0] }.filter { seen.insert($0.ruleID).inserted }
            .prefix(3)
        var strengths = Array(praise.prefix(3))
        if strengths.isEmpty { strengths = [Message("doc.praise.checking")] }
        let coverage = input.keyTermCoverage
        var report = CheckReport(
            kind: input.kind, language: input.language, findings: findings, strengths: strengths,
            topThree: Array(top), keyTerms: coverage, progress: nil)
        report.requirements =
            input.vacancy.map {
                Requirements.checklist(vacancy: $0.document, document: input.document)
            } ?? []
        report.readability = input.kind == .brief ? ReadabilityScore.of(input.document) : nil
        report.vacancyChecked = input.vacancy != nil
        return report
    }

    /// Checks with a history: earlier letters are compared, the result is compared with the
    /// previous check of the same document name, and the check is remembered (hash and findings only).
    public func check(
        document: Document, kind: DocumentKind, language: DocumentLanguage?, vacancy: Document?,
        documentName: String, documentHash: String, today: LocalDate,
        history: CheckHistory
    ) throws -> CheckReport {
        let earlier = kind == .brief ? try history.letterFingerprints() : []
        let input = CheckInput(
            document: document, kind: kind, language: language, vacancy: vacancy,
            earlierLetters: earlier, documentHash: documentHash, today: today)
        let report = check(input)
        let previous = try history.lastCheck(documentName: documentName, kind: kind)
        let progress = previous.map {
            Progress(previous: $0, current: report.findings, documentHash: documentHash)
        }
        try history.record(
            CheckRecord(
                documentHash: documentHash, documentName: documentName, kind: kind,
                checkedOn: today,
                findings: report.findings.map { .init(ruleID: $0.ruleID, level: $0.level) },
                fingerprint: kind == .brief
                    ? LetterFingerprint(document: document, documentHash: documentHash) : nil))
        var result = CheckReport(
            kind: report.kind, language: report.language, findings: report.findings,
            strengths: report.strengths,
            topThree: report.topThree, keyTerms: report.keyTerms, progress: progress)
        result.requirements = report.requirements
        result.readability = report.readability
        result.vacancyChecked = report.vacancyChecked
        return result
    }
}
