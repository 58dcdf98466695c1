/// A group of people a programme is for or involves.
public struct Audience: Codable, Sendable, Equatable {
    public var id: String
    /// `participant`, `facilitator`, `organiser` or `observer`.
    public var role: String
    public var name: Label
    public var description: RichText?
    public var sectors: [String]
    public var background: String?
    public var priorKnowledge: String?
    public var needs: String?
    public var groupSizeMin: Int?
    public var groupSizeMax: Int?
    public var location: SourceLocation?

    /// Creates an audience.
    public init(
        id: String, role: String, name: Label, description: RichText? = nil, sectors: [String] = [],
        background: String? = nil, priorKnowledge: String? = nil, needs: String? = nil, groupSizeMin: Int? = nil,
        groupSizeMax: Int? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.role = role
        self.name = name
        self.description = description
        self.sectors = sectors
        self.background = background
        self.priorKnowledge = priorKnowledge
        self.needs = needs
        self.groupSizeMin = groupSizeMin
        self.groupSizeMax = groupSizeMax
        self.location = location
    }
}
