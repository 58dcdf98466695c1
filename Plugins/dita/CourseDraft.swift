import CurriculumModel

/// The parts of the curriculum collected while the map's structure is walked.
struct CourseDraft {
    var objectives: [Objective] = []
    /// Objective IDs by normalised text, so an objective restated in a summary is the same objective.
    var objectiveIDs: [String: String] = [:]
    var audiences: [Audience] = []
    var audienceKeys: Set<String> = []
    var modules: [Module] = []
    var sessions: [Session] = []
    var plan = PlanContent()

    /// An objective's text reduced for comparison: lower case, single spaces, no final full stop.
    static func key(_ text: String) -> String {
        var key = PlainText.collapse(text).lowercased()
        while let last = key.last, ".;:".contains(last) { key.removeLast() }
        return key
    }
}
