/// An evaluation instrument: a pre-test, post-test, feedback form or follow-up survey.
public struct Instrument: Codable, Sendable, Equatable {
    public var id: String
    /// `pre`, `post`, `session-feedback` or `follow-up`.
    public var kind: String
    public var audience: Visibility?
    public var title: Label
    /// Questions written in the instrument itself.
    public var questions: [Question]
    /// Modules whose evaluation questions the instrument includes.
    public var questionModules: [String]
    public var location: SourceLocation?

    /// Creates an instrument.
    public init(
        id: String, kind: String, audience: Visibility? = nil, title: Label, questions: [Question] = [],
        questionModules: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.audience = audience
        self.title = title
        self.questions = questions
        self.questionModules = questionModules
        self.location = location
    }
}

/// An evaluation question.
public struct Question: Codable, Sendable, Equatable {
    public var id: String
    /// `likert`, `single`, `multiple`, `open` or `scale`.
    public var type: String
    public var assesses: [String]
    public var text: Label
    public var options: [Label]
    public var location: SourceLocation?

    /// Creates a question.
    public init(
        id: String, type: String, assesses: [String] = [], text: Label, options: [Label] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.type = type
        self.assesses = assesses
        self.text = text
        self.options = options
        self.location = location
    }
}
