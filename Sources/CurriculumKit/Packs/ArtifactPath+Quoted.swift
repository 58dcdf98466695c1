import CurriculumPluginKit

extension ArtifactPath {
    /// A readable, escaped form of a path for messages.
    static func quoted(_ path: String) -> String {
        Preview.of(Array(path.utf8), limit: 120)
    }
}
