import CurriculumModel

/// What one `<resource>` of the manifest became: entries in the resource registry, and what an item that shows it
/// takes from it (its page, its text, its kind of activity).
struct MappedResource {
    /// What the resource is for a trainer.
    enum Role: Equatable {
        /// Web content, associated content, a SCORM SCO or asset: pages and files.
        case content
        /// A CC web link.
        case link
        /// A CC discussion topic.
        case discussion
        /// A QTI assessment or question bank.
        case assessment
        /// An LTI tool link.
        case tool
        /// A CC 1.3 assignment.
        case assignment
    }

    var role: Role
    /// SCORM's `scormType="sco"`: an interactive unit that reports to the platform.
    var isSCO: Bool = false
    /// The registry IDs it produced, in order.
    var entries: [String] = []
    /// The page whose text becomes the instructions of an item that shows it, as a path of the source.
    var page: String?
    /// The text of a discussion topic or an assignment.
    var text: PageText?
    /// An assignment's instructor text.
    var notes: PageText?
    /// The title the resource gives itself (LOM, a web link's or a topic's `<title>`).
    var title: String?
    /// Marked for instructors (`intendeduse="lessonplan"`, or an instructor role in its LOM).
    var isForInstructors: Bool = false
    var learningTime: LOMRecord.LearningTime?
    /// The questions of a QTI assessment or question bank, with their keys.
    var questions: [Question] = []
    /// The location of the `<resource>` element.
    var location: SourceLocation
}
