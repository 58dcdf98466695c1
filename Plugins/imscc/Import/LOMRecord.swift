import CurriculumModel
import CurriculumXML
import Foundation

/// What the importer takes from one IEEE LOM record (CC's LOM profiles, SCORM 2004's LOM, or SCORM 1.2's IMS
/// Meta-data 1.2): title, description, language, keywords, licence, typical learning time and intended roles.
struct LOMRecord: Sendable, Equatable {
    /// A text in one language, as `<string language>` (LOM) or `<langstring xml:lang>` (IMS MD 1.2) holds it.
    struct LangString: Sendable, Equatable {
        var text: String
        var language: String?
    }

    /// A typical learning time as written, with where it was written.
    struct LearningTime: Sendable, Equatable {
        var text: String
        var location: SourceLocation
    }

    var titles: [LangString] = []
    var descriptions: [LangString] = []
    var language: String?
    var keywords: [String] = []
    var licence: String?
    var learningTime: LearningTime?
    /// `intendedEndUserRole` values: `Learner`, `Instructor`, `Mentor`…
    var roles: [String] = []

    /// The title in a language, or the first one.
    func title(in language: String?) -> LangString? { Self.pick(titles, language) }

    /// The description in a language, or the first one.
    func description(in language: String?) -> LangString? { Self.pick(descriptions, language) }

    /// Whether the record marks its object for instructors (CC's `Instructor`, LOM's `teacher`, `Mentor`).
    var isForInstructors: Bool {
        !roles.isEmpty
            && roles.allSatisfy { ["instructor", "teacher", "mentor", "author", "manager"].contains($0.lowercased()) }
    }

    /// The record with the other's values filling what this one lacks.
    func filled(from other: LOMRecord) -> LOMRecord {
        var merged = self
        if merged.titles.isEmpty { merged.titles = other.titles }
        if merged.descriptions.isEmpty { merged.descriptions = other.descriptions }
        if merged.language == nil { merged.language = other.language }
        if merged.keywords.isEmpty { merged.keywords = other.keywords }
        if merged.licence == nil { merged.licence = other.licence }
        if merged.learningTime == nil { merged.learningTime = other.learningTime }
        if merged.roles.isEmpty { merged.roles = other.roles }
        return merged
    }

    private static func pick(_ strings: [LangString], _ language: String?) -> LangString? {
        if let language, let match = strings.first(where: { $0.language?.lowercased() == language.lowercased() }) {
            return match
        }
        return strings.first
    }
}
