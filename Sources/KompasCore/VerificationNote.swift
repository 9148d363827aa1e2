/// The note every dated figure and policy value carries: "geverifieerd op …" or "te verifiëren: …".
public enum VerificationNote {
    /// True when the note says the figure is not yet confirmed at its source ("te verifiëren",
    /// in any case).
    ///
    /// Only the start of the note can say so, so only its first characters are lowercased: the
    /// whole note (often a sentence with accents) cost 46,000 instructions a figure, for every
    /// figure of every `watals` (issue 23). Twelve characters leave room after the nine compared,
    /// so the grapheme boundaries are the ones of the whole note (`VerificationNoteTests`).
    public static func isToVerify(_ note: String) -> Bool {
        String(note.prefix(12)).lowercased().hasPrefix("te verifi")
    }
}
