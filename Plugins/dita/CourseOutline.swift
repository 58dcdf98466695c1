import CurriculumModel

/// One reference from the map to a topic that exists in the source.
struct TopicReference: Equatable {
    /// The topic file, as a path of the source tree.
    var path: String
    /// The topic ID after `#`, when the reference names one.
    var fragment: String?
    var role: ReferenceRole
    /// Where the reference is in the map.
    var location: SourceLocation
    /// `lomTypicalLearningTime` from the reference's `topicmeta`, used when the topic states no duration.
    var typicalLearningTime: WrittenDuration?
}

/// A `learningObject`: the topics that become one module.
struct LearningObjectNode: Equatable {
    var id: String?
    var title: String?
    var summary: [Block]
    var location: SourceLocation
    var references: [TopicReference]
}

/// A `learningGroup`: what becomes one session.
struct LearningGroupNode: Equatable {
    var id: String?
    var title: String?
    var summary: [Block]
    var location: SourceLocation
    var entries: [OutlineEntry]
}

/// One entry of the map's structure, in reading order.
indirect enum OutlineEntry: Equatable {
    case topic(TopicReference)
    case object(LearningObjectNode)
    case group(LearningGroupNode)
}
