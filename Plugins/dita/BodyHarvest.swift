import CurriculumXML

/// What a walk through a topic body finds besides running text: the Learning & Training elements that map onto
/// parts of the model rather than onto rich text.
struct BodyHarvest {
    /// `lcInstructornote` elements, already normalised, for the facilitator notes.
    var notes: [XMLElement] = []
    /// `lcObjective` elements, in order.
    var objectives: [XMLElement] = []
    /// `lcDuration` elements; the first one counts.
    var durations: [XMLElement] = []
    /// `lcAudience` sections, already normalised.
    var audiences: [XMLElement] = []
    /// Assessment interactions (`lcSingleSelect`, `lcTrueFalse2` …).
    var interactions: [XMLElement] = []
    /// The resources the body refers to, by ID, in order.
    var resourceIDs: [String] = []
    /// The title of the figure being read, the best name for the image inside it.
    var figureTitle: String?
    /// Whether the body asks participants to do something (`lcChallenge`, an interaction, task steps).
    var isPractical = false

    /// Adds a resource ID once.
    mutating func use(resource id: String) {
        if !resourceIDs.contains(id) { resourceIDs.append(id) }
    }
}
