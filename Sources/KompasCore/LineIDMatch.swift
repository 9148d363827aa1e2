extension String {
    /// The same line id: `==`, after a length check that settles most pairs.
    ///
    /// Result lines are found by id many times a month; ids longer than fifteen bytes are not
    /// stored inline, and `==` on two of those compares them through the slow path of Unicode
    /// equality even when their lengths already differ (issue 23: a tenth of the string work of a
    /// caseload). The byte count of a native string is stored, so the check costs nothing.
    ///
    /// For ids only: they are ASCII names in code (`Projection.Line`), so a text that is
    /// canonically equal to another but encoded differently ("é" and "e" with a combining accent),
    /// which `==` calls equal, is a different id here.
    @inlinable public func isSameID(_ other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }
}
