/// A reusable unit of training on one topic, which sessions place on their agendas.
public struct Module: Codable, Sendable, Equatable {
    public var id: String
    public var topic: String?
    public var title: Label
    public var summary: RichText?
    public var objectives: [Objective]
    public var resources: [Resource]
    public var caseStudies: [CaseStudy]
    public var activities: [Activity]
    public var questions: [Question]
    public var location: SourceLocation?

    /// Creates a module.
    public init(
        id: String, topic: String? = nil, title: Label, summary: RichText? = nil, objectives: [Objective] = [],
        resources: [Resource] = [], caseStudies: [CaseStudy] = [], activities: [Activity] = [],
        questions: [Question] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.topic = topic
        self.title = title
        self.summary = summary
        self.objectives = objectives
        self.resources = resources
        self.caseStudies = caseStudies
        self.activities = activities
        self.questions = questions
        self.location = location
    }

    /// The total of the activities' durations, in minutes (activities without a valid duration count as 0).
    public var totalMinutes: Int { activities.reduce(0) { $0 + ($1.minutes ?? 0) } }
}
