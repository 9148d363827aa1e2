import KompasLocalization
import KompasProvisions

extension LocalizedText {
    /// The text for a language: the municipality's data has Dutch and English only, so Polish,
    /// Turkish and Arabic read the Dutch (``Language/dataLanguage`` says why).
    func text(_ language: Language) -> String {
        language.dataLanguage == .en ? en : nl
    }
}
