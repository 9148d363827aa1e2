import KompasCore
import KompasRules

/// Where the national figures come from.
///
/// One constant per publication, so a source is written once
/// and every parameter row can name it. "Verified" texts say what was read where (issue 3).
enum Src {
    static let pw2025January =
        "Participatiewet, tekst geldend vanaf 1-1-2025 (wetten.overheid.nl BWBR0015703/2025-01-01; MinBZK/regelrecht-corpus participatiewet/2025-01-01.yaml)"
    static let pw2025July =
        "Participatiewet, tekst geldend vanaf 1-7-2025 (wetten.overheid.nl BWBR0015703/2025-07-01; MinBZK/regelrecht-corpus participatiewet/2025-07-01.yaml)"
    static let pw2026January =
        "Participatiewet, tekst geldend vanaf 1-1-2026 (wetten.overheid.nl BWBR0015703/2026-01-01; MinBZK/regelrecht-corpus participatiewet/2026-01-01.yaml)"
    static let pw2026July =
        "Participatiewet, tekst geldend vanaf 1-7-2026 (wetten.overheid.nl BWBR0015703/2026-07-01; MinBZK/regelrecht-corpus participatiewet/2026-07-01.yaml)"
    /// Indexed amounts are set every 1 January and 1 July; the 2027 figures are not in this build.
    static let notYetKnown = "Bedragen per 1-1-2027 zijn nog niet opgenomen: eerst bijwerken"
    static let pib2027 =
        "Wet Participatiewet in balans (Stb. 2025, 312), art. I, per 1-1-2027 (wetten.overheid.nl BWBR0051679/2027-01-01)"
    static let verifiedInCorpus = "geverifieerd in de geconsolideerde wettekst (regelrecht-corpus)"
    static let toVerify = "te verifiëren"

    static func pw(_ article: String, date: String = "2026-01-01") -> LegalReference {
        .law(
            "Participatiewet", article: article,
            url:
                "https://wetten.overheid.nl/BWBR0015703/\(date)#Artikel\(article.split(separator: " ").dropFirst().first.map(String.init) ?? "")"
        )
    }
}

/// `pct(35_750)` is 35,750 %: thousandths of a percent, exact for every rate in the tax law.
@inline(__always) func pct(_ thousandths: Int64) -> Rate { Rate(partsPerMillion: thousandths * 10) }
/// `eur(1_401_50)` is € 1.401,50: written in cents.
@inline(__always) func eur(_ cents: Int64) -> Money { Money(cents: cents) }
