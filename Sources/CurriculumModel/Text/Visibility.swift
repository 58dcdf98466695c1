/// Who may see a piece of content (`for=` in the XML). Participant and platform outputs never carry content
/// whose visibility excludes participants.
public enum Visibility: String, Codable, Sendable, CaseIterable {
    case all
    case participant
    case facilitator
    case organiser

    /// Whether participants may see content with this visibility.
    public var isVisibleToParticipants: Bool { self == .all || self == .participant }
}
