/// Who an exported file is for, as an exporter declares it (`audience` of an artifact) and `pack.json` records it.
public enum ArtifactAudience: String, Codable, Sendable, CaseIterable {
    /// Participant-facing: the participant pack, printable handouts, the calendar. Goes into the participant bundle.
    case participants
    /// For the team only: the facilitator guide, facilitator files, unfiltered notes. Only in the facilitators'
    /// bundle.
    case facilitators
}
