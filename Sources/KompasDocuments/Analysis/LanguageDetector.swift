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
        var nl = 0
        var en = 0
        for line in document.tokens {
            for t in line where t.kind == .word {
                if dutch.contains(t.lower) { nl += 1 }
                if english.contains(t.lower) { en += 1 }
            }
        }
        return en > nl ? .en : .nl
    }
}
