extension RichText {
    /// Whether participants may read this text.
    ///
    /// A text's own `for=` decides; without one, the default of the element that holds it does (`participant` for
    /// `<participant-instructions>`, `all` for summaries, purposes, descriptions and case-study sections). Every
    /// participant-facing output asks this same question, so the defaults are applied one way everywhere.
    ///
    /// - Parameter fallback: The visibility of the holding element when the text has no `for=` of its own.
    /// - Returns: `true` when the text is for everyone or for participants.
    public func isVisibleToParticipants(byDefault fallback: Visibility = .all) -> Bool {
        (audience ?? fallback).isVisibleToParticipants
    }
}
