import KompasCore

/// Where the person was in the guide, kept in the encrypted store (collection `profiel`, id
/// `gids-positie`) and rewritten after every confirmed answer, so Ctrl-C, Ctrl-D or a closed window
/// lose nothing: the next start offers to continue with the answers already given.
///
/// Never holds the passphrase.
struct GuidePosition: Codable, Equatable, Sendable {
    static let recordID = "gids-positie"

    /// The language chosen in the guide (`nl`, `en`).
    var language: String
    /// The task being done (`huishouden`, `loonstrook`, …), nil between tasks.
    var flow: String?
    /// The answers confirmed in that task so far, by question id.
    var answers: [String: String]
    var savedOn: LocalDate
}

/// The tasks of the guide: the menu's items and the first-run questions.
///
/// The raw value is what the
/// position record keeps and the locale key suffix (`gids.menu.<raw>`, `gids.flow.<raw>`).
enum GuideFlow: String, CaseIterable, Sendable {
    case huishouden
    case watals
    case loonstrook
    case uren
    case verrekening
    case controleer
    case samenvatting
    case sync
    case werk
    case instellingen
}
