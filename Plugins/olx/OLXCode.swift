/// The OLX importer's diagnostic codes (files that are missing, malformed or hostile use the shared `IMP` codes).
enum OLXCode {
    /// The source has no `course.xml`: it is not an OLX course.
    static let notACourse = "OLX001"
    /// The course has no chapter with content: there is nothing to import.
    static let emptyCourse = "OLX002"
    /// A component type with no equivalent in the model (LTI, library content, custom XBlocks) was left out.
    static let unmappedComponent = "OLX003"
    /// No duration can be derived for a unit.
    static let noDuration = "OLX004"
    /// A unit's duration was estimated from its reading time.
    static let estimatedDuration = "OLX005"
    /// A chapter or subsection has no units and was left out.
    static let emptyContainer = "OLX006"
    /// Markup in an HTML component with no equivalent (images, tables, iframes) was left out.
    static let droppedMarkup = "OLX007"
    /// A policy file is not valid JSON, or not shaped as OLX policies are.
    static let badPolicy = "OLX008"
    /// A `/static/` file a component refers to is not in the course.
    static let missingStatic = "OLX009"
    /// An element where the course structure expects another (a vertical directly in a chapter).
    static let unexpectedElement = "OLX010"
    /// A problem type with no equivalent question type; the question was left out.
    static let unmappedProblem = "OLX011"
    /// Course parts that are imported nowhere: grading policy, updates, wiki, tabs.
    static let notImported = "OLX012"
    /// A date in the course or policy that is not an ISO 8601 date and time.
    static let badDate = "OLX013"
    /// Content restricted to a content group or to staff: kept as facilitator notes, or left out.
    static let restrictedContent = "OLX014"
    /// A video with no address to link to (only a Studio `edx_video_id`).
    static let videoWithoutAddress = "OLX015"
}
