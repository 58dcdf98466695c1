import CurriculumModel

/// A topic as the importer needs it: its type, texts and the Learning & Training parts found in its body.
struct Topic {
    /// The topic types the importer distinguishes.
    enum Kind: Equatable {
        case plan, overview, content, summary, assessment, task, generic

        /// The kind of a topic's root element.
        init(root name: String) {
            switch name {
            case "learningPlan": self = .plan
            case "learningOverview": self = .overview
            case "learningContent": self = .content
            case "learningSummary": self = .summary
            case "learningAssessment": self = .assessment
            case "task": self = .task
            default: self = .generic
            }
        }
    }

    var path: String
    var kind: Kind
    var id: String?
    var title: String
    var location: SourceLocation
    /// `shortdesc` or `abstract`.
    var purpose: RichText?
    /// The running text of the body.
    var body: RichText?
    /// The `lcInstructornote`s.
    var notes: RichText?
    var objectives: [ObjectiveText] = []
    var duration: WrittenDuration?
    var audiences: [AudienceDraft] = []
    var questions: [QuestionDraft] = []
    var resourceIDs: [String] = []
    /// Whether the topic asks participants to do something: a challenge, an interaction, task steps.
    var isPractical = false
    /// What a learning plan says about the programme.
    var plan: PlanContent?
}

/// An objective as written in a topic.
struct ObjectiveText {
    var text: String
    var sourceID: String?
    var location: SourceLocation
}

/// A question read from an interaction.
struct QuestionDraft {
    var sourceID: String?
    var type: String
    var text: String
    var options: [String]
    /// The right options, the feedback and the model answer, when the interaction gives them.
    var key: AnswerKey?
    var location: SourceLocation
}

/// An audience described in a topic (`lcAudience`) or a plan (`lcPlanAudience`).
struct AudienceDraft {
    var name: String?
    var description: RichText?
    var background: String?
    var priorKnowledge: String?
    var needs: String?
    var location: SourceLocation
}

/// What a `learningPlan` contributes to the programme.
struct PlanContent {
    var title: String?
    var client: String?
    var subject: String?
    var description: [Block] = []
    var audiences: [AudienceDraft] = []
}
