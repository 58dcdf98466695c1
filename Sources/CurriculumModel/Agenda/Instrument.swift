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
    /// `likert`, `single`, `multiple`, `open`, `scale`, `true-false` or `short-answer`.
    public var type: String
    public var assesses: [String]
    public var text: Label
    public var options: [Label]
    /// `false` for an opinion or self-assessment question that has no right answer (`graded="no"`); `nil` when
    /// not stated, which means graded for the kinds that can have a key (choice, true/false, short answer).
    public var isGraded: Bool?
    /// The answer key and feedback, when the question has them. Facilitator material and platform scoring use it;
    /// participant material never shows it.
    public var key: AnswerKey?
    public var location: SourceLocation?

    /// Creates a question.
    public init(
        id: String, type: String, assesses: [String] = [], text: Label, options: [Label] = [],
        isGraded: Bool? = nil, key: AnswerKey? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.type = type
        self.assesses = assesses
        self.text = text
        self.options = options
        self.isGraded = isGraded
        self.key = key
        self.location = location
    }

    /// Whether the question's kind can have a right answer: choices, true/false and short answers.
    public var canHaveKey: Bool { ["single", "multiple", "true-false", "short-answer"].contains(type) }

    /// Whether the question needs a key: a kind that can have one, not marked `graded="no"`.
    public var needsKey: Bool { canHaveKey && isGraded != false }
}

/// The right answers of a question, the feedback participants read after answering, and why.
public struct AnswerKey: Codable, Sendable, Equatable {
    /// The positions (from 0, in document order) of the options marked `correct="true"`.
    public var correctOptions: [Int]
    /// Accepted answers of a short-answer question.
    public var acceptedAnswers: [Label]
    /// Feedback on single options or on the whole question.
    public var feedback: [Feedback]
    /// Why the key is right, for facilitators only.
    public var explanation: RichText?

    /// Creates a key.
    public init(
        correctOptions: [Int] = [], acceptedAnswers: [Label] = [], feedback: [Feedback] = [],
        explanation: RichText? = nil
    ) {
        self.correctOptions = correctOptions
        self.acceptedAnswers = acceptedAnswers
        self.feedback = feedback
        self.explanation = explanation
    }

    /// Whether the key says what is right (a correct option or an accepted answer), as opposed to feedback alone.
    public var namesAnAnswer: Bool { !correctOptions.isEmpty || !acceptedAnswers.isEmpty }

    /// Feedback a participant reads after answering.
    public struct Feedback: Codable, Sendable, Equatable {
        /// The option it is about (from 0), or `nil` for the whole question.
        public var option: Int?
        public var text: Label
        public var location: SourceLocation?

        /// Creates feedback.
        public init(option: Int? = nil, text: Label, location: SourceLocation? = nil) {
            self.option = option
            self.text = text
            self.location = location
        }
    }
}
