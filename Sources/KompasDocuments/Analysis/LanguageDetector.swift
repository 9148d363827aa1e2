/// Dutch or English, from the most frequent function words.
///
/// Ties go to Dutch (most clients write Dutch).
public enum LanguageDetector {
    static let dutch: Set<String> = [
        "de", "het", "een", "en", "ik", "van", "met", "voor", "op", "bij", "je", "mijn", "zijn",
        "heb", "naar", "ook", "niet", "dat", "die", "wil", "werk", "als", "uw", "graag", "heden",
        "jaar",
    ]
    static let english: Set<String> = [
        "the", "and", "i", "of", "to", "with", "for", "my", "a", "at", "have", "an", "am",
        "not", "that", "this", "would", "work", "your", "present", "year", "years", "as",
    ]

    public static func detect(_ document: Document) -> DocumentLanguage {
        // Counted through the document's word index: one look-up per function word.
        let nl = dutch.reduce(0) { $0 + document.count(ofWord: $1) }
        let en = english.reduce(0) { $0 + document.count(ofWord: $1) }
        return en > nl ? .en : .nl
    }
}
