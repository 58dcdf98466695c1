/// What a topic reference in the map says about the topic it points at, beyond the topic's own type.
enum ReferenceRole: Equatable {
    case plan
    case overview
    case content
    case summary
    case preAssessment
    case postAssessment
    /// A plain `topicref` (or a book map's `chapter`, `part` …): the topic's own type decides.
    case generic

    /// The role of a map element, or `nil` when it is not a topic reference of the learning map domain.
    init?(element name: String) {
        switch name {
        case "learningPlanRef": self = .plan
        case "learningOverviewRef": self = .overview
        case "learningContentRef", "learningContentComponentRef": self = .content
        case "learningSummaryRef": self = .summary
        case "learningPreAssessmentRef": self = .preAssessment
        case "learningPostAssessmentRef": self = .postAssessment
        default: return nil
        }
    }
}
