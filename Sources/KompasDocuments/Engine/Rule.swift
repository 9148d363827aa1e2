import KompasCore

/// One check on a CV or letter.
///
/// One rule per file (`Rules/`), registered in ``DocumentRules``;
/// its examples are its tests (``RuleVerifier``), like SwiftLint's `RuleDescription`.
public protocol DocumentRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ input: CheckInput) -> [Finding]
    /// The line of praise for this document, given what the rule found: only what was checked and
    /// is true (a "✓" is a claim). The default praises when the rule has a praise key and found
    /// nothing; rules whose silence proves nothing (no contact person to greet) override it.
    func praise(_ input: CheckInput, findings: [Finding]) -> Message?
}

extension DocumentRule {
    public func praise(_ input: CheckInput, findings: [Finding]) -> Message? {
        guard findings.isEmpty, let key = Self.description.praiseKey else { return nil }
        return Message(key)
    }
}

/// Everything about a rule except its logic.
public struct RuleDescription: Sendable {
    /// Stable id (`cv.…`, `brief.…`, `doc.…`): used with `--uit` and as the prefix of its message keys.
    public let id: String
    public let level: Finding.Level
    /// The kinds of document it applies to.
    public let kinds: Set<DocumentKind>
    /// Every message key the rule may put in a finding (all in `Locales/`).
    public let messageKeys: [String]
    /// Key of the short reason (why this matters), shown with `--uitleg`.
    public var reasonKey: String { id + ".waarom" }
    /// Key of a line of praise when the rule ran and found nothing ("start with what is good").
    public let praiseKey: String?
    /// Where the advice comes from, when there is a public source.
    public let link: String?
    /// Runs only with a vacancy (`--vacature`).
    public let needsVacancy: Bool
    public let nonTriggering: [RuleExample]
    public let triggering: [RuleExample]
    /// For a rule with praise: documents that must get its praise, and documents that must not
    /// (besides the triggering ones), so every "✓" has failing examples too.
    public let praised: [RuleExample]
    public let notPraised: [RuleExample]

    public init(
        id: String, level: Finding.Level, kinds: Set<DocumentKind>, messages: [String]? = nil,
        praise: String? = nil,
        link: String? = nil, needsVacancy: Bool = false, nonTriggering: [RuleExample],
        triggering: [RuleExample], praised: [RuleExample] = [], notPraised: [RuleExample] = []
    ) {
        self.praised = praised
        self.notPraised = notPraised
        self.id = id
        self.level = level
        self.kinds = kinds
        self.messageKeys = messages ?? [id]
        self.praiseKey = praise
        self.link = link
        self.needsVacancy = needsVacancy
        self.nonTriggering = nonTriggering
        self.triggering = triggering
    }

    public func finding(
        _ line: Int, _ column: Int, _ key: String? = nil, _ args: Message.Arguments = [:]
    ) -> Finding {
        Finding(
            ruleID: id, level: level, line: line, column: column,
            message: Message(key ?? messageKeys[0], args))
    }
}

/// An example document for a rule.
///
/// In triggering examples `↓` marks where each finding must be
/// (line and column of the character after the marker).
public struct RuleExample: Sendable {
    public let text: String
    public let vacancy: String?
    public let language: DocumentLanguage?
    /// Letters checked before (their text; the verifier fingerprints them).
    public let earlierLetters: [String]
    /// Only for this kind of document (a praise that a CV gets and a letter does not).
    public let kind: DocumentKind?
    public let file: StaticString
    public let line: UInt

    public init(
        _ text: String, vacancy: String? = nil, language: DocumentLanguage? = nil,
        earlierLetters: [String] = [], kind: DocumentKind? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.kind = kind
        self.text = text
        self.vacancy = vacancy
        self.language = language
        self.earlierLetters = earlierLetters
        self.file = file
        self.line = line
    }
}

/// What a rule sees: the document with its analysis, the optional vacancy, earlier letters, today.
public struct CheckInput: Sendable {
    public let document: Document
    public let kind: DocumentKind
    public let language: DocumentLanguage
    public let vacancy: Vacancy?
    public let earlierLetters: [LetterFingerprint]
    public let documentHash: String
    public let today: LocalDate
    public let sections: [Section]
    /// All date periods, with the section each is in.
    public let periods: [(period: Period, section: SectionKind?)]
    /// With a vacancy: which of its key terms the document uses, computed once for every rule.
    public let keyTermCoverage: (covered: [String], missing: [String])?

    public init(
        document: Document, kind: DocumentKind, language: DocumentLanguage? = nil,
        vacancy: Document? = nil,
        earlierLetters: [LetterFingerprint] = [], documentHash: String = "", today: LocalDate
    ) {
        self.document = document
        self.kind = kind
        self.language = language ?? LanguageDetector.detect(document)
        let v = vacancy.map { Vacancy.analysed($0) }
        self.vacancy = v
        self.keyTermCoverage = v.map { KeyTerms.covered($0.keyTerms, in: document) }
        self.earlierLetters = earlierLetters
        self.documentHash = documentHash
        self.today = today
        let sections = SectionFinder.sections(in: document)
        self.sections = sections
        var periods: [(Period, SectionKind?)] = []
        // A period has a year or a month number: lines without two digits have none.
        for (n, tokens) in document.tokens.enumerated() where document.digitCounts[n] >= 2 {
            let section = sections.last { $0.headingLine <= n + 1 }?.kind
            for p in PeriodParser.periods(in: tokens, today: today.calendarMonth) {
                periods.append((p, section))
            }
        }
        self.periods = periods
    }

    public func section(_ kind: SectionKind) -> Section? { sections.first { $0.kind == kind } }
    /// Periods in the work-experience section (or in the whole CV when it has no such heading).
    public var workPeriods: [Period] {
        if sections.contains(where: { $0.kind == .werkervaring }) {
            return periods.filter { $0.section == .werkervaring }.map(\.period)
        }
        if sections.isEmpty { return periods.map(\.period) }
        return []
    }
    public func words(_ nl: [String], _ en: [String]) -> [String] { language == .nl ? nl : en }
}
