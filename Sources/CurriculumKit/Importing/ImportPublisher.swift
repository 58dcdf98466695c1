import Foundation

/// Writes an imported curriculum: the native XML at the path asked for and its files beside it, staged in the
/// destination folder first so that a failure leaves nothing half-written. Existing files are only replaced when
/// asked; an identical file already in place is left alone.
public struct ImportPublisher: Sendable {
    /// Whether existing files may be replaced.
    public var replacesExisting: Bool

    public init(replacesExisting: Bool = false) {
        self.replacesExisting = replacesExisting
    }

    /// Writes the document to `path` and each file relative to its folder.
    ///
    /// - Throws: ``ImportError`` of kind `.usage` when the destination cannot be used or would overwrite files
    ///   without permission, `.tool` when writing fails.
    public func publish(_ imported: ImportedCurriculum, to path: String) throws(ImportError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw ImportError(kind: .usage, message: "\(path) is a folder; give a file name") }
            if !replacesExisting {
                throw ImportError(kind: .usage, message: "\(path) exists; pass --force to replace it")
            }
        }
        if Self.isSymbolicLink(path) {
            throw ImportError(kind: .usage, message: "\(path) is a symbolic link; it is never written through")
        }
        var changed: [String: [UInt8]] = [:]
        for (file, bytes) in imported.files {
            let destination = folder + "/" + file
            if let existing = manager.contents(atPath: destination) {
                if Array(existing) == bytes { continue }
                if !replacesExisting {
                    throw ImportError(
                        kind: .usage, message: "\(destination) exists with other content; pass --force to replace it")
                }
            }
            changed[file] = bytes
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportError(
                kind: .usage, message: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        guard let staging = TemporaryFolder.make(in: folder, prefix: ".\(name).staging") else {
            throw ImportError(kind: .tool, message: "cannot create a staging folder in \(folder)")
        }
        StagingFolders.insert(staging)
        defer {
            StagingFolders.remove(staging)
            try? manager.removeItem(atPath: staging)
        }
        do throws(PackFailure) {
            for (file, bytes) in changed { try FileWriting.write(bytes, to: staging + "/" + file) }
            try FileWriting.write(Array(imported.document.utf8), to: staging + "/" + name)
        } catch {
            throw ImportError(kind: .tool, message: error.message)
        }
        // Files first, the document last: a document in place always has its files.
        for file in changed.keys.sorted() {
            try move(staging + "/" + file, to: folder + "/" + file)
        }
        try move(staging + "/" + name, to: path)
        FileWriting.syncPath(folder)
    }

    private func move(_ from: String, to destination: String) throws(ImportError) {
        let parent = (destination as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw ImportError(kind: .tool, message: "cannot create \(parent): \(error.localizedDescription)")
        }
        guard rename(from, destination) == 0 else {
            throw ImportError(kind: .tool, message: "cannot write \(destination): \(String(cString: strerror(errno)))")
        }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }
}
