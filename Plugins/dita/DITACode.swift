/// The diagnostic codes of the DITA importer. Problems with the files themselves (missing, not well-formed,
/// hostile) use the shared `IMP` codes of CurriculumImportKit.
enum DITACode {
    /// The source holds no DITA map.
    static let notDITASource = "DITA001"
    /// The source holds several maps and none can be chosen.
    static let ambiguousMap = "DITA002"
    /// A topic reference names a file that is not in the source.
    static let missingTopic = "DITA003"
    /// A topic reference has an empty `href`.
    static let emptyHref = "DITA004"
    /// A topic reference's `#fragment` names an ID the topic file does not have.
    static let topicIDMismatch = "DITA005"
    /// A topic reference's `keyref` names a key the map does not define, or a key without a target.
    static let undefinedTopicKey = "DITA006"
    /// A `keyref` or `conkeyref` inside a topic names a key no map of the source defines.
    static let undefinedInlineKey = "DITA007"
    /// A duration cannot be read.
    static let unreadableDuration = "DITA008"
    /// An element has no equivalent in the model and was left out.
    static let unmappedElement = "DITA009"
    /// A referenced file is not a DITA topic this importer reads.
    static let notATopic = "DITA010"
    /// A learning object or group holds no topic that becomes an activity.
    static let emptyGrouping = "DITA011"
    /// An assessment interaction type that has no question type in the model.
    static let unsupportedInteraction = "DITA012"
    /// A file referenced from a topic (an image, a handout) is not in the source.
    static let missingAsset = "DITA013"
    /// Content reuse the importer does not resolve: `conref`, or a `conkeyref` whose target cannot be found.
    static let unresolvedReuse = "DITA014"
    /// A reference to another map, which the importer does not follow.
    static let submapNotFollowed = "DITA015"
    /// The map has no title.
    static let untitledMap = "DITA016"
    /// An overview's duration looks like the length of its whole learning object.
    static let overviewDurationLooksLikeTotal = "DITA017"
    /// The map names no language.
    static let noLanguage = "DITA018"
    /// Content profiled for instructors or another audience, platform or product: kept as facilitator notes.
    static let profiledContent = "DITA019"
    /// A duration without a unit was read in the unit `--option durationUnit` gives.
    static let assumedDurationUnit = "DITA020"
    /// A file named `.ditamap` whose root is not a map.
    static let notAMap = "DITA021"
}
