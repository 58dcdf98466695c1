import CurriculumModel

/// A duration as written in the source, and where.
struct WrittenDuration: Equatable {
    var text: String
    var location: SourceLocation
}
