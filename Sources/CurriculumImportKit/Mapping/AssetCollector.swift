public import CurriculumPluginKit
import Foundation

/// Gathers the files an imported curriculum refers to (handouts, images), so the core can write them beside the
/// native XML: each is returned as an ``Artifact`` whose path is the `href` the curriculum uses.
public struct AssetCollector: Sendable {
    /// The folder, relative to the output file, that assets are written into.
    public static let folder = "files"

    private let tree: SourceTree
    private var paths: [String] = []

    /// Creates a collector for a source.
    public init(tree: SourceTree) {
        self.tree = tree
    }

    /// Adds a file of the source and returns the `href` to use for it (`files/<path in the source>`).
    public mutating func add(_ path: String) -> String {
        if !paths.contains(path) { paths.append(path) }
        return Self.folder + "/" + path
    }

    /// The files to write: a copy instruction for sources on disk, the bytes (base64) for archives.
    ///
    /// - Throws: ``ImportFailure`` when a file cannot be read.
    public func artifacts() throws(ImportFailure) -> [Artifact] {
        var artifacts: [Artifact] = []
        for path in paths {
            let href = Self.folder + "/" + path
            if tree.kind == .archive {
                artifacts.append(Artifact(path: href, base64: try tree.data(path).base64EncodedString()))
            } else {
                artifacts.append(Artifact(path: href, copyOf: path))
            }
        }
        return artifacts
    }
}
