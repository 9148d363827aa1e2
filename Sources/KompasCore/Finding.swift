/// A point found by a check (CV, letter, payslip validation), with its position and level.
public struct Finding: Hashable, Sendable, Codable {
    public enum Level: String, Sendable, Codable, Comparable, CaseIterable {
        case suggestie, waarschuwing, fout
        private var rank: Int {
            switch self {
            case .suggestie: 0
            case .waarschuwing: 1
            case .fout: 2
            }
        }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }
    public var ruleID: String
    public var level: Level
    public var line: Int
    public var column: Int
    public var message: Message
    public init(ruleID: String, level: Level, line: Int, column: Int, message: Message) {
        self.ruleID = ruleID
        self.level = level
        self.line = line
        self.column = column
        self.message = message
    }
}
