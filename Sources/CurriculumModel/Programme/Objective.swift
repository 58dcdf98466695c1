/// A learning objective. Activities say which objectives they develop, evaluation questions which they assess.
public struct Objective: Codable, Sendable, Equatable {
    public var id: String
    /// `knowledge`, `skill` or `attitude`.
    public var domain: String
    /// A level of Bloom's taxonomy: `remember` … `create`.
    public var level: String?
    public var text: Label
    public var location: SourceLocation?

    /// Creates an objective.
    public init(id: String, domain: String, level: String? = nil, text: Label, location: SourceLocation? = nil) {
        self.id = id
        self.domain = domain
        self.level = level
        self.text = text
        self.location = location
    }
}
