import CurriculumModel
import Foundation

/// The files a curriculum's resources name, looked at and read one way by every exporter.
///
/// A file is looked at before it is read: only a regular file within a size limit is read or handed to the core to
/// copy (a FIFO would block the read for ever, a device never end, and a huge file be held in memory). A file read
/// here is also kept inside the curriculum root: symbolic links are resolved and the result must still be under the
/// root's real path, as the core requires of every file it copies.
public struct ResourceFiles: Sendable {
    /// Why a file cannot be copied or read.
    public enum Problem: Error, Equatable, Sendable {
        /// The path, once links are resolved, leads outside the curriculum root.
        case outsideRoot
        case missing
        /// A folder, FIFO, device or socket.
        case notAFile
        case unreadable(String)
        /// A regular file larger than the limit; its size in bytes.
        case tooLarge(size: Int, limit: Int)
    }

    /// The curriculum root, links resolved.
    private let rootPath: String

    /// Files under a curriculum root (absolute, or relative to the working directory).
    public init(root: String) {
        rootPath = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// What keeps the file at a path from being copied, following symbolic links, without reading it; `nil` for a
    /// regular file of at most `limit` bytes.
    public static func problem(at path: String, limit: Int) -> Problem? {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        guard status.st_mode & S_IFMT == S_IFREG else { return .notAFile }
        let size = Int(status.st_size)
        return size > limit ? .tooLarge(size: size, limit: limit) : nil
    }

    /// The bytes of a file given relative to the root, if it stays inside the root and is a regular file of at most
    /// `limit` bytes.
    public func read(_ relativePath: String, limit: Int) -> Result<[UInt8], Problem> {
        guard !relativePath.isEmpty, PathArithmetic.staysInside(relativePath) else { return .failure(.outsideRoot) }
        let path = URL(fileURLWithPath: rootPath, isDirectory: true).appendingPathComponent(relativePath)
            .standardizedFileURL.resolvingSymlinksInPath().path
        let inside = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        guard path.hasPrefix(inside) else { return .failure(.outsideRoot) }
        if let problem = Self.problem(at: path, limit: limit) { return .failure(problem) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // The file may have grown since it was looked at.
            guard data.count <= limit else { return .failure(.tooLarge(size: data.count, limit: limit)) }
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
    }
}
