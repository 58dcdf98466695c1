import CurriculumModel

/// What the map itself says about the course.
struct MapHeader {
    var id: String?
    var title: String?
    var subtitle: String?
    var summary: [Block] = []
    var keywords: [String] = []
    var language: String?
    var location: SourceLocation
}
