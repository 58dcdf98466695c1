import CurriculumModel
import CurriculumPluginKit
import Foundation

/// The folder a curriculum lives in: the nearest folder at or above the programme file that holds a
/// `curriculum.json`, or else the programme file's own folder. Includes and resource files must stay inside it,
/// and paths in the model are relative to it.
public struct CurriculumRoot: Sendable, Equatable {
    /// The root folder, absolute and without symbolic links.
    public var path: String

    /// Creates a root from an absolute folder path.
    public init(path: String) {
        self.path = CurriculumRoot.canonical(path)
    }

    /// Finds the root for a file: walks up from its folder to the first folder with a `curriculum.json`, stopping
    /// at a repository's top (a folder with `.git`).
    public static func find(for file: String) -> CurriculumRoot {
        let start = (canonical(file) as NSString).deletingLastPathComponent
        var folder = start
        let manager = FileManager.default
        while true {
            if manager.fileExists(atPath: folder + "/" + NativeFormat.configurationFileName) {
                return CurriculumRoot(path: folder)
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || manager.fileExists(atPath: folder + "/.git") { break }
            folder = parent
        }
        return CurriculumRoot(path: start)
    }

    /// The absolute path of a root-relative path.
    public func absolute(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// The root-relative path of an absolute path inside the root, or `nil` when it is outside.
    public func relative(_ absolutePath: String) -> String? {
        let canonicalPath = CurriculumRoot.canonical(absolutePath)
        if canonicalPath == path { return "" }
        guard canonicalPath.hasPrefix(path + "/") else { return nil }
        return String(canonicalPath.dropFirst(path.count + 1))
    }

    /// Whether a root-relative path, with every symbolic link resolved, is still inside the root.
    public func contains(resolvingLinksIn relativePath: String) -> Bool {
        if hasNoLinks(relativePath) { return true }
        let resolved = CurriculumRoot.canonical(absolute(relativePath))
        return resolved == path || resolved.hasPrefix(path + "/")
    }

    /// Whether every part of a root-relative path exists and none is a symbolic link. The root itself has no
    /// links, so such a path is inside it; one `lstat` per part settles what resolving the whole path with
    /// `realpath` would (a system call per part of the absolute path, and more per link).
    private func hasNoLinks(_ relativePath: String) -> Bool {
        var prefix = path
        var parts = 0
        for part in relativePath.split(separator: "/") {
            guard part != ".", part != ".." else { return false }
            prefix += "/" + part
            parts += 1
            var status = stat()
            guard lstat(prefix, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK else { return false }
        }
        return parts > 0
    }

    /// A short name for messages: the root's folder name.
    public var displayName: String { "\"\((path as NSString).lastPathComponent)\"" }

    /// An absolute path with `.`/`..` removed and symbolic links resolved where the file exists.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let resolved = realpath(absolute, nil) else {
            return "/" + PathArithmetic.normalise(absolute)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
