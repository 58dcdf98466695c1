/// A group of people a programme is for or involves.
public struct Audience: Codable, Sendable, Equatable {
    public var id: String
    /// `participant`, `facilitator`, `organiser` or `observer`.
    public var role: String
    public var name: Label
    public var description: RichText?
    /// The profile's sectors, background, prior knowledge and needs are labels, so a guide in another language
    /// can show them translated (`<t xml:lang>` children).
    public var sectors: [Label]
    public var background: Label?
    public var priorKnowledge: Label?
    public var needs: Label?
    public var groupSizeMin: Int?
    public var groupSizeMax: Int?
    public var location: SourceLocation?

    /// Creates an audience.
    public init(
        id: String, role: String, name: Label, description: RichText? = nil, sectors: [Label] = [],
        background: Label? = nil, priorKnowledge: Label? = nil, needs: Label? = nil, groupSizeMin: Int? = nil,
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

    private enum CodingKeys: String, CodingKey {
        case id, role, name, description, sectors, sectorLabels, background, backgroundLabel, priorKnowledge
        case priorKnowledgeLabel, needs, needsLabel, groupSizeMin, groupSizeMax, location
    }

    /// Decodes an audience whose profile fields are strings (model 1.0) or carry their labels beside them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        role = try container.decode(String.self, forKey: .role)
        name = try container.decode(Label.self, forKey: .name)
        description = try container.decodeIfPresent(RichText.self, forKey: .description)
        sectors = try container.decodeCompatibleLabels(texts: .sectors, labels: .sectorLabels)
        background = try container.decodeCompatibleLabel(text: .background, label: .backgroundLabel)
        priorKnowledge = try container.decodeCompatibleLabel(text: .priorKnowledge, label: .priorKnowledgeLabel)
        needs = try container.decodeCompatibleLabel(text: .needs, label: .needsLabel)
        groupSizeMin = try container.decodeIfPresent(Int.self, forKey: .groupSizeMin)
        groupSizeMax = try container.decodeIfPresent(Int.self, forKey: .groupSizeMax)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
    }

    /// Encodes the profile fields as strings, as model 1.0 readers expect, with each translated one's label beside
    /// it (`backgroundLabel`, `sectorLabels`…).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(role, forKey: .role)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeCompatibly(sectors, texts: .sectors, labels: .sectorLabels)
        try container.encodeCompatibly(background, text: .background, label: .backgroundLabel)
        try container.encodeCompatibly(priorKnowledge, text: .priorKnowledge, label: .priorKnowledgeLabel)
        try container.encodeCompatibly(needs, text: .needs, label: .needsLabel)
        try container.encodeIfPresent(groupSizeMin, forKey: .groupSizeMin)
        try container.encodeIfPresent(groupSizeMax, forKey: .groupSizeMax)
        try container.encodeIfPresent(location, forKey: .location)
    }
}
