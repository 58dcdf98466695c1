public import CurriculumPluginKit
import Foundation

/// Gathers the files an imported curriculum refers to (handouts, images), so the core can write them beside the
/// native XML: each is returned as an ``Artifact`` whose path is the `href` the curriculum uses.
public struct AssetCollector: Sendable {
    /// The folder, relative to the output file, that assets are written into.
    public static let folder = "files"

    private let tree: SourceTree
    /// The source files and the paths they are written to, below ``folder``, in the order added.
    private var entries: [(source: String, name: String)] = []

    /// Creates a collector for a source.
    public init(tree: SourceTree) {
        self.tree = tree
    }

    /// Adds a file of the source and returns the `href` to use for it.
    ///
    /// - Parameters:
    ///   - path: The file in the source.
    ///   - name: Where to write it below ``folder``; the path in the source by default. Give a shorter one when
    ///     the source nests its content in a folder of its own (`course/static/a.pdf` → `static/a.pdf`).
    /// - Returns: `files/<name>`.
    public mutating func add(_ path: String, as name: String? = nil) -> String {
        if let existing = entries.first(where: { $0.source == path }) { return Self.folder + "/" + existing.name }
        entries.append((path, name ?? path))
        return Self.folder + "/" + (name ?? path)
    }

    /// The files to write: a copy instruction for sources on disk, the bytes (base64) for archives.
    ///
    /// - Throws: ``ImportFailure`` when a file cannot be read.
    public func artifacts() throws(ImportFailure) -> [Artifact] {
        var artifacts: [Artifact] = []
        for (path, name) in entries {
            let href = Self.folder + "/" + name
            if tree.kind == .archive {
                artifacts.append(Artifact(path: href, base64: try tree.data(path).base64EncodedString()))
            } else {
                artifacts.append(Artifact(path: href, copyOf: path))
            }
        }
        return artifacts
    }
}
