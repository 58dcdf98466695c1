public import CurriculumModel
public import Foundation

/// The files of an import source — a folder, a single file, or an archive — addressed by `/`-separated paths
/// relative to the source, so an importer reads a zip exactly as it reads the folder it came from.
///
/// Archives are read into memory once, with every check of ``ArchiveLimits`` applied before a single file is
/// handed out; folders are read from disk on demand.
public struct SourceTree: Sendable {
    /// What the source path named.
    public enum Kind: Sendable, Equatable {
        case folder
        /// A single file; the tree is its folder and ``SourceTree/entryFile`` names it.
        case file
        case archive
    }

    private enum Storage: Sendable {
        /// Files on disk below `root`; a folder source also keeps the folder open, and its files are opened
        /// relative to it.
        case disk(root: String, folder: FolderHandle? = nil)
        case memory([String: Data])
    }

    /// What the source path named.
    public let kind: Kind
    /// The absolute path the import was asked to read.
    public let sourcePath: String
    /// The file the user named, relative to the tree, when the source is a single file.
    public let entryFile: String?
    /// Every regular file, sorted, as `/`-separated paths relative to the tree.
    public let files: [String]
    private let storage: Storage
    private let limits: ArchiveLimits
    private let fileSet: Set<String>

    private init(
        kind: Kind, sourcePath: String, entryFile: String?, files: [String], storage: Storage, limits: ArchiveLimits
    ) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.entryFile = entryFile
        self.files = files.sorted()
        self.storage = storage
        self.limits = limits
        self.fileSet = Set(files)
    }

    /// Opens a source.
    ///
    /// - Parameters:
    ///   - path: A folder, a file, or a `.zip`/`.imscc`/`.tar`/`.tar.gz`/`.tgz` archive (recognised by content).
    ///   - limits: The bounds on what the source may hold.
    /// - Throws: ``ImportFailure`` naming the file when it does not exist, cannot be read, or the archive is unsafe
    ///   (zip slip, links, bombs, damage).
    public static func open(_ path: String, limits: ArchiveLimits = .standard) throws(ImportFailure) -> SourceTree {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportFailure("\(path): no such file or folder")
        }
        if isFolder.boolValue {
            let files = try FolderListing(root: path, limits: limits).files()
            return SourceTree(
                kind: .folder, sourcePath: path, entryFile: nil, files: files,
                storage: .disk(root: path, folder: FolderHandle(path: path)),
                limits: limits)
        }
        let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let prefix = try readPrefix(path)
        let name = (path as NSString).lastPathComponent
        if ZipReader.looksLikeZip(prefix) || prefix.starts(with: [0x1F, 0x8B]) || TarReader.looksLikeTar(Array(prefix))
        {
            guard size <= limits.maxArchiveBytes else {
                throw ImportFailure(
                    "\(path): the archive is larger than \(limits.maxArchiveBytes / 1_048_576) MB (the limit; raise it with --option \(ArchiveLimits.totalOption)=N); nothing was imported"
                )
            }
            let bytes = try read(path)
            let files: [String: Data]
            if ZipReader.looksLikeZip(prefix) {
                files = try ZipReader(bytes: bytes, name: name, limits: limits).files()
            } else {
                var tar = [UInt8](bytes)
                if prefix.starts(with: [0x1F, 0x8B]) {
                    let outcome = bytes.withUnsafeBytes {
                        Inflater.expand(
                            $0, framing: .gzip, limit: limits.maxTotalBytes + limits.maxEntries * 1024,
                            ratio: (limits.maxRatio, limits.ratioFloorBytes))
                    }
                    switch outcome {
                    case .expanded(let expanded): tar = expanded
                    case .tooLarge:
                        throw ImportFailure(
                            "\(name): it expands to more than \(limits.totalDescription); nothing was imported"
                        )
                    case .tooCompressed:
                        throw ImportFailure(
                            "\(name): it expands more than \(limits.maxRatio) times (a decompression bomb?); nothing was imported"
                        )
                    case .damaged(let reason): throw ImportFailure("\(name): the gzip data is damaged: \(reason)")
                    }
                    guard TarReader.looksLikeTar(tar) else {
                        throw ImportFailure("\(name): a gzip file that does not hold a tar archive")
                    }
                }
                files = try TarReader(bytes: tar, name: name, limits: limits).files()
            }
            return SourceTree(
                kind: .archive, sourcePath: path, entryFile: nil, files: Array(files.keys), storage: .memory(files),
                limits: limits)
        }
        let folder = (path as NSString).deletingLastPathComponent
        return SourceTree(
            kind: .file, sourcePath: path, entryFile: name, files: [name], storage: .disk(root: folder), limits: limits)
    }

    /// A single-file source read from a folder further up, so that references climbing out of the file's own folder
    /// (`../topics/x.dita` from a map in `maps/`) stay inside the source: the tree's root moves `levels` folders
    /// up and ``entryFile`` keeps naming the same file.
    ///
    /// - Returns: The wider tree, or `nil` when the source is not a single file or the folder has no such parent.
    public func widened(by levels: Int) -> SourceTree? {
        guard kind == .file, levels > 0, let entry = entryFile, case .disk(let root, _) = storage else { return nil }
        var folders = root.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard folders.count > levels + 1 else { return nil }
        let climbed = folders.suffix(levels)
        folders.removeLast(levels)
        let newRoot = folders.joined(separator: "/")
        let newEntry = (climbed + [entry]).joined(separator: "/")
        return SourceTree(
            kind: .file, sourcePath: sourcePath, entryFile: newEntry, files: [newEntry],
            storage: .disk(root: newRoot.isEmpty ? "/" : newRoot), limits: limits)
    }

    /// The files of a zip archive, read from its central directory without inflating anything: enough to tell
    /// what the archive holds before an importer reads it.
    ///
    /// - Returns: The names, or `nil` when the file is not a zip archive.
    /// - Throws: ``ImportFailure`` when the archive's directory is damaged or names an unsafe entry.
    public static func zipEntryNames(
        _ path: String, limits: ArchiveLimits = .standard
    ) throws(ImportFailure)
        -> [String]?
    {
        guard ZipReader.looksLikeZip(try readPrefix(path)) else { return nil }
        let name = (path as NSString).lastPathComponent
        return try ZipReader(bytes: try read(path), name: name, limits: limits).names()
    }

    /// Whether the tree holds this file.
    public func contains(_ path: String) -> Bool { fileSet.contains(path) }

    /// The files below a folder of the tree (`""` for all).
    public func files(under folder: String) -> [String] {
        guard !folder.isEmpty else { return files }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.filter { $0.hasPrefix(prefix) }
    }

    /// The bytes of a file.
    ///
    /// - Throws: ``ImportFailure`` when the file is not in the tree, is too large, or is a link leading out of it.
    public func data(_ path: String) throws(ImportFailure) -> Data {
        switch storage {
        case .memory(let files):
            guard let data = files[path] else { throw ImportFailure("\(display(path)): no such file") }
            return data
        case .disk(let root, let folder):
            // A single-file source may read the files beside it (a map's topics), but none outside its folder.
            let full = root + "/" + path
            let isReadable = kind == .file ? exists(path) && Self.isInside(full, root: root) : fileSet.contains(path)
            guard isReadable else { throw ImportFailure("\(display(path)): no such file") }
            if let folder { return try Self.readFile(path, in: folder, shown: full, limit: limits.maxEntryBytes) }
            return try Self.readFile(full, limit: limits.maxEntryBytes)
        }
    }

    /// Whether a file beside a single-file source exists (a topic next to a map).
    public func exists(_ path: String) -> Bool {
        if contains(path) { return true }
        guard kind == .file, case .disk(let root, _) = storage else { return false }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// Where a file (and a line and column in it) is, as users should see it: the folder's path joined with the
    /// file, or the archive's path, `!/`, and the entry.
    public func location(_ path: String, line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: display(path), line: line, column: column)
    }

    /// The path users see for a file of the tree.
    public func display(_ path: String) -> String {
        switch kind {
        case .folder: sourcePath + "/" + path
        case .file:
            if case .disk(let root, _) = storage {
                root + "/" + path
            } else {
                (sourcePath as NSString).deletingLastPathComponent + "/" + path
            }
        case .archive: sourcePath + "!/" + path
        }
    }

    /// The absolute path of a file on disk, for sources that are folders or single files.
    public func diskPath(_ path: String) -> String? {
        guard case .disk(let root, _) = storage else { return nil }
        return root + "/" + path
    }

    /// A reference written in one file, as a path of the tree.
    ///
    /// - Returns: The normalised path, or `nil` for a URL, an absolute path, a fragment-only reference, or one that
    ///   climbs out of the tree. A `#fragment` or `?query` is removed and percent escapes are decoded.
    public func resolve(_ href: String, from file: String) -> String? {
        var reference = href.trimmingWhitespace()
        if let cut = reference.firstIndex(where: { $0 == "#" || $0 == "?" }) { reference = String(reference[..<cut]) }
        reference = reference.removingPercentEncoding ?? reference
        guard !reference.isEmpty, !reference.hasPrefix("/"), !Self.hasScheme(reference) else { return nil }
        var segments = file.split(separator: "/").dropLast().map(String.init)
        for segment in reference.replacingOccurrences(of: "\\", with: "/").split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    /// Whether a reference starts with a URL scheme (`https:`, `mailto:`); one letter is a Windows drive.
    public static func hasScheme(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        return scheme.count > 1 && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    // MARK: - Disk

    private static func readPrefix(_ path: String) throws(ImportFailure) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportFailure("\(path): cannot be read") }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 512)) ?? Data()
    }

    private static func read(_ path: String) throws(ImportFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ImportFailure("\(path): cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads a file through one descriptor: the size is checked on what was opened, and the path is looked up
    /// once (a course has thousands of small files, and each lookup walks the whole path).
    private static func readFile(_ path: String, limit: Int) throws(ImportFailure) -> Data {
        try readFile(Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), shown: path, limit: limit)
    }

    /// Reads a file of an open folder, by its path relative to the folder: the kernel looks up only those few
    /// components, not the whole absolute path, for each of a course's thousands of files.
    private static func readFile(
        _ path: String, in folder: FolderHandle, shown: String, limit: Int
    ) throws(ImportFailure) -> Data {
        try readFile(openat(folder.descriptor, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), shown: shown, limit: limit)
    }

    private static func readFile(_ descriptor: Int32, shown path: String, limit: Int) throws(ImportFailure) -> Data {
        guard descriptor >= 0 else {
            throw ImportFailure("\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ImportFailure("\(path): cannot be read") }
        let size = Int(info.st_size)
        if size > limit { throw ImportFailure("\(path): the file is larger than \(limit / 1_048_576) MB") }
        // Opened without blocking, so a FIFO put in the tree cannot hang the import; it is refused.
        guard info.st_mode & S_IFMT == S_IFREG else { throw ImportFailure("\(path): is not a regular file") }
        var bytes = Data(count: size)
        var done = 0
        bytes.withUnsafeMutableBytes { buffer in
            while done < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + done, size - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
        }
        // A file that shrank while it was read gives what it held.
        if done < size { bytes.count = done }
        return bytes
    }

    static func isInside(_ path: String, root: String) -> Bool {
        let resolved = (path as NSString).resolvingSymlinksInPath
        let base = (root as NSString).resolvingSymlinksInPath
        return resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}

/// An open source folder. Sendable: the descriptor never changes, and is closed when the last tree holding it goes.
final class FolderHandle: Sendable {
    let descriptor: Int32

    /// Opens a folder; `nil` when it cannot be opened (files are then opened by their full paths).
    init?(path: String) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
