import KompasCore

/// What the person did at a question, as the conversation engine sees it.
///
/// The terminal layer turns
/// keystrokes into these: a typed line, Ctrl-C (`interrupt`) or Ctrl-D / end of a piped file
/// (`endOfInput`).
enum GuideInput: Equatable, Sendable {
    case line(String)
    case interrupt
    case endOfInput
}

/// One question of the guide: what is asked, why (one line, shown the first time), what `?` shows,
/// and how an answer is checked.
///
/// A check returns the answer in its stored form (`"14,71"` →
/// `"14.71"`) or the gentle re-ask that says what is expected ("Typ een bedrag, bijvoorbeeld 14,71").
struct GuideQuestion: Sendable {
    var id: String
    var prompt: Message
    var why: Message?
    var help: Message
    /// Choices shown as a numbered list under the prompt (the check accepts the number or the word).
    var choices: [GuideChoice] = []
    /// Typed without echo (the passphrase).
    var secret = false
    /// The check, with the answers given so far in this form.
    var check: @Sendable (_ raw: String, _ earlier: [String: String]) -> CheckResult
    /// Whether the question applies, given the earlier answers (partner age only when living together).
    var applies: @Sendable (_ earlier: [String: String]) -> Bool = { _ in true }
}

/// What a check says about an answer: accepted (in its stored form) or asked again with what is expected.
enum CheckResult: Sendable, Equatable {
    case accepted(String)
    case reask(Message)
}

/// One numbered choice: the value stored, its label, and extra words that also select it.
struct GuideChoice: Sendable, Equatable {
    var value: String
    var label: Message
    var words: [String] = []
}

/// The pure conversation engine: a list of questions asked in order, with the words every
/// question understands: `?` (help), `terug` (back one question), `stop` (leave the guide).
///
/// It does
/// no I/O: the session feeds it ``GuideInput`` and acts on the ``GuideStep`` it returns, so every
/// path (wrong answer, back, Ctrl-C, Ctrl-D) is unit-tested without a terminal.
struct Conversation: Sendable {
    let questions: [GuideQuestion]
    /// Answers accepted so far, by question id (also those given before a resume).
    private(set) var answers: [String: String]
    /// The question being asked (an index into ``questions``), nil when finished.
    private(set) var current: Int?
    /// Indices of questions answered in this form, in order, so `terug` goes to the one asked before.
    private var asked: [Int] = []

    /// What the session does next.
    enum Outcome: Equatable, Sendable {
        /// Ask this question (the first time, after an answer, or after `terug`).
        case ask(id: String)
        /// The answer was not understood: say what is expected and ask again.
        case reask(id: String, Message)
        /// `?`: show the help of this question and ask again.
        case help(id: String, Message)
        /// Every question is answered.
        case finished([String: String])
        /// `terug` at the first question: back to where this form was started from.
        case backOut
        /// Ctrl-C: the current question is cancelled (confirmed answers stay).
        case cancelled
        /// `stop` typed: leave the guide.
        case stop
        /// Ctrl-D or the end of a piped file: leave the guide.
        case endOfInput
    }

    struct Step: Equatable, Sendable {
        /// The answer just accepted (question id, stored value): the session saves it at once.
        var accepted: (id: String, value: String)?
        var outcome: Outcome
        static func == (a: Step, b: Step) -> Bool {
            a.accepted?.id == b.accepted?.id && a.accepted?.value == b.accepted?.value
                && a.outcome == b.outcome
        }
    }

    /// Words that mean the same in every language, so a person who switches language mid-way is
    /// understood: Dutch and English, and the Polish, Turkish and Arabic words a translation may
    /// tell the person to type (issue 24); the Dutch words work in every language.
    static let helpWords: Set<String> = [
        "?", "help", "hulp", "pomoc", "yardım", "yardim", "مساعدة", "؟",
    ]
    static let backWords: Set<String> = [
        "terug", "back", "vorige", "wstecz", "cofnij", "powrót", "geri", "رجوع", "عودة",
    ]
    static let stopWords: Set<String> = [
        "stop", "stoppen", "quit", "exit", "koniec", "zakończ", "dur", "çık", "çıkış", "توقف",
        "خروج",
    ]

    /// Starts a form; answers already given (a resumed form) are kept and their questions skipped.
    init(_ questions: [GuideQuestion], answers: [String: String] = [:]) {
        self.questions = questions
        self.answers = answers
        self.current = nil
    }

    /// The first question still to be answered, or `finished` when there is none.
    mutating func start() -> Step {
        Step(accepted: nil, outcome: advance(from: 0))
    }

    var question: GuideQuestion? { current.map { questions[$0] } }

    mutating func handle(_ input: GuideInput) -> Step {
        guard let index = current else { return Step(accepted: nil, outcome: .finished(answers)) }
        let q = questions[index]
        switch input {
        case .interrupt: return Step(accepted: nil, outcome: .cancelled)
        case .endOfInput: return Step(accepted: nil, outcome: .endOfInput)
        case .line(let raw):
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let word = trimmed.lowercased()
            // A passphrase is taken exactly as typed; other answers without surrounding spaces.
            let text = q.secret ? raw : trimmed
            // Also at a passphrase: none of these words is long enough to be one (minimum 8).
            if Self.helpWords.contains(word) {
                return Step(accepted: nil, outcome: .help(id: q.id, q.help))
            }
            if Self.stopWords.contains(word) { return Step(accepted: nil, outcome: .stop) }
            if Self.backWords.contains(word) {
                guard let previous = asked.popLast() else {
                    return Step(accepted: nil, outcome: .backOut)
                }
                answers[questions[previous].id] = nil
                current = previous
                return Step(accepted: nil, outcome: .ask(id: questions[previous].id))
            }
            switch q.check(text, answers) {
            case .reask(let expected):
                return Step(accepted: nil, outcome: .reask(id: q.id, expected))
            case .accepted(let value):
                answers[q.id] = value
                asked.append(index)
                return Step(accepted: (q.id, value), outcome: advance(from: index + 1))
            }
        }
    }

    private mutating func advance(from start: Int) -> Outcome {
        var i = start
        while i < questions.count {
            let q = questions[i]
            if answers[q.id] == nil && q.applies(answers) {
                current = i
                return .ask(id: q.id)
            }
            if !q.applies(answers) { answers[q.id] = nil }
            i += 1
        }
        current = nil
        return .finished(answers)
    }
}
