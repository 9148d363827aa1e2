import KompasLocalization

/// The description of a legal parameter in the user's language.
///
/// The rule files describe each figure in Dutch (`omschrijving`); the catalogs carry that text
/// per built-in parameter under `regels.omschrijving.<id>` in every language (issue 22: English
/// output had Dutch descriptions). A parameter a user's rule file adds has no catalog entry and
/// is told with its own description.
enum ParameterText {
    static func summary(id: String, fallback: String, _ localizer: Localizer) -> String {
        let key = "regels.omschrijving." + id
        return localizer.has(key) ? localizer.text(key) : fallback
    }
}
