import CurriculumModel

/// What one component of a unit contributed: text for participants, resources, a question, and how long it takes.
struct OLXComponent {
    enum Role {
        case reading, video, problem, discussion
    }

    var role: Role
    var blocks: [Block] = []
    var resourceIDs: [String] = []
    var questions: [Question] = []
    /// Text only facilitators read: content restricted to a content group or to staff.
    var facilitatorBlocks: [Block] = []
    /// Minutes, when they can be derived.
    var minutes: Int?
    /// Whether ``minutes`` is an estimate from reading time rather than a fact of the course.
    var isEstimate = false
}
