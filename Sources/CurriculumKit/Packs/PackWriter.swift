import CurriculumModel
public import CurriculumPluginKit
import Foundation
import Synchronization

/// Writes session packs: checks a pack's name and every artifact, writes it into a staging folder beside the
/// destination with `pack.json` and optionally the bundles (``stage(_:manifest:into:named:zip:)``), flushes every
/// staged pack of a run to disk at once (``flush(_:)``), and publishes each by renaming it into place
/// (``publish(_:)``, through ``PackPublication``).
///
/// On any failure the destination is exactly as it was and no staging folder is left, unless even undoing the
/// renames failed, which ``PackFailure/outcome`` reports. An existing pack is
/// replaced whole, never merged into. Files get fixed permissions (0644, folders 0755) whatever the umask, and
/// nothing in the output depends on the clock, time zone or locale.
public struct PackWriter: Sendable {
    /// An artifact together with the exporter that produced it, for messages.
    public struct Item: Sendable {
        public var artifact: Artifact
        public var exporter: String
        /// The exporter's version from its handshake, recorded in `pack.json`.
        public var exporterVersion: String?

        public init(artifact: Artifact, exporter: String, exporterVersion: String? = nil) {
            self.artifact = artifact
            self.exporter = exporter
            self.exporterVersion = exporterVersion
        }
    }

    /// The curriculum root, for `copyOf` artifacts.
    public var root: CurriculumRoot
    /// What the plugins producing the artifacts are called in messages: `exporter`, or `importer`.
    public var producer: String

    public init(root: CurriculumRoot, producer: String = "exporter") {
        self.root = root
        self.producer = producer
    }

    /// A pack written to its staging folder beside the destination and not yet published: ``flush(_:)`` makes it
    /// durable, ``publish(_:)`` renames it into place, ``discard(_:)`` removes it.
    public struct StagedPack: Sendable {
        /// The manifest as written.
        public let manifest: PackManifest
        /// What was cleared from an earlier interrupted run, as sentences.
        public let cleared: [String]
        fileprivate let staging: String
        fileprivate let publication: PackPublication
        fileprivate let zips: [PackPublication.StagedZip]
    }

    /// Writes a pack into a staging folder beside its destination, with `pack.json` and the bundles; nothing is
    /// published. On failure nothing of it is left.
    ///
    /// - Parameters:
    ///   - items: The artifacts of every exporter for this session.
    ///   - manifest: The manifest without its file list, which is filled in here.
    ///   - folder: The output folder, absolute; a symbolic link anywhere in it is refused.
    ///   - name: The pack folder's name inside `folder`; anything but one plain path component is refused.
    ///   - zip: Whether to write the bundles `<name>-participants.zip` (participant files only) and
    ///     `<name>-facilitators.zip` (every file and `pack.json`) beside the folder too.
    public func stage(
        _ items: [Item], manifest: PackManifest, into folder: String, named name: String, zip: Bool
    ) throws(PackFailure) -> StagedPack {
        if let problem = PackName.problem(with: name) {
            throw PackFailure(
                kind: .content, message: "cannot write a pack named \(ArtifactPath.quoted(name)): \(problem)")
        }
        let files = try resolve(items)
        let parent = "/" + PathArithmetic.normalise(folder)
        let publication = PackPublication(parent: parent, name: name)
        let destination = publication.destination
        try OutputFolder.prepare(parent)
        try checkDestination(destination)
        let cleared = publication.clearLeftovers()
        guard let staging = TemporaryFolder.make(in: parent, prefix: ".\(name).staging") else {
            throw PackFailure(kind: .io, message: "cannot create a staging folder in \(parent)")
        }
        var staged = false
        StagingFolders.insert(staging)
        defer {
            if !staged {
                StagingFolders.remove(staging)
                try? FileManager.default.removeItem(atPath: staging)
            }
        }
        var manifest = manifest
        manifest.files = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            let target = staging + "/" + path
            let written: (size: Int, sha256: String)
            switch file.body {
            case .bytes(let bytes):
                try FileWriting.write(bytes, to: target, sync: false)
                written = (bytes.count, SHA256.hex(bytes))
            case .copy(let source):
                // Streamed: a large resource never sits in memory whole.
                written = try FileWriting.copy(source, to: target, refused: source.refusal, sync: false)
            }
            manifest.files.append(
                .init(
                    path: path, size: written.size, sha256: written.sha256, mediaType: file.mediaType,
                    audience: file.audience, plugin: file.plugin))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let manifestData = try? encoder.encode(manifest) else {
            throw PackFailure(kind: .io, message: "cannot encode pack.json")
        }
        try FileWriting.write(Array(manifestData) + [0x0A], to: staging + "/pack.json", sync: false)
        FileWriting.setFolderPermissions(staging)
        var stagedZips: [PackPublication.StagedZip] = []
        defer { if !staged { publication.discard(stagedZips) } }
        if zip {
            // Two bundles: everything for the team, and only the participant files for participants. Both are
            // complete on disk before the published folder is touched.
            for bundle in PackPublication.Bundle.allCases {
                // Entries in the order ZipWriter gives them (by path, as UTF-8 bytes), each streamed from the
                // staging folder, so no bundle is ever held in memory whole.
                var entries = files.keys.filter { bundle == .facilitators || files[$0]?.audience == .participants }
                if bundle == .facilitators { entries.append("pack.json") }
                entries.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                stagedZips.append(
                    try publication.stageZip(for: bundle) { zip throws(PackFailure) in
                        for path in entries {
                            try zip.add(path: "\(name)/\(path)", contentsOf: staging + "/" + path)
                        }
                    })
            }
        }
        staged = true
        return StagedPack(
            manifest: manifest, cleared: cleared, staging: staging, publication: publication, zips: stagedZips)
    }

    /// Makes staged packs durable before any is renamed into place: one flush of each file system they are on
    /// (files, folders and bundles), as durable as a flush per file without waiting for a journal commit per file.
    public func flush(_ packs: [StagedPack]) throws(PackFailure) {
        var flushed: Set<String> = []
        for pack in packs where flushed.insert(pack.publication.parent).inserted {
            try FileWriting.syncFileSystem(containing: pack.staging)
        }
    }

    /// Renames a flushed pack (and its bundles) into place, replacing an earlier pack whole; on failure the
    /// destination is as it was and the staged pack is still there to ``discard(_:)``.
    public func publish(_ pack: StagedPack) throws(PackFailure) {
        try pack.publication.publish(staging: pack.staging, zips: pack.zips)
        StagingFolders.remove(pack.staging)
        for zip in pack.zips { StagingFolders.remove(zip.path) }
    }

    /// Removes a pack that was staged and not published.
    public func discard(_ pack: StagedPack) {
        pack.publication.discard(pack.zips)
        StagingFolders.remove(pack.staging)
        try? FileManager.default.removeItem(atPath: pack.staging)
    }

    /// Checks every artifact the way ``stage(_:manifest:into:named:zip:)`` will, without writing anything.
    public func check(_ items: [Item]) throws(PackFailure) {
        _ = try resolve(items)
    }

    /// The bytes of every artifact by path, after the checks ``stage(_:manifest:into:named:zip:)`` makes.
    public func contents(of items: [Item]) throws(PackFailure) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for (path, file) in try resolve(items) {
            switch file.body {
            case .bytes(let bytes): contents[path] = bytes
            case .copy(let source): contents[path] = try FileWriting.read(source.absolutePath, refused: source.refusal)
            }
        }
        return contents
    }

    // MARK: - Steps

    private struct ResolvedFile {
        /// What the file holds: bytes from the exporter's answer, or a file of the curriculum to copy.
        enum Body {
            case bytes([UInt8])
            case copy(CopySource)
        }

        var body: Body
        var mediaType: String?
        var audience: ArtifactAudience
        var plugin: PackManifest.Producer?
    }

    /// Checks every path and turns every artifact into bytes; one bad artifact fails the whole pack.
    private func resolve(_ items: [Item]) throws(PackFailure) -> [String: ResolvedFile] {
        try checkPaths(items)
        var files: [String: ResolvedFile] = [:]
        for item in items {
            let artifact = item.artifact
            let path = artifact.path
            let bodies = [artifact.text != nil, artifact.base64 != nil, artifact.copyOf != nil].filter { $0 }.count
            guard bodies == 1 else {
                throw PackFailure(
                    kind: .exporter,
                    message:
                        "\(producer) \"\(item.exporter)\" returned \(ArtifactPath.quoted(path)) with \(bodies) bodies; exactly one of text, base64 and copyOf is needed"
                )
            }
            let body: ResolvedFile.Body
            if let text = artifact.text {
                body = .bytes(Array(text.utf8))
            } else if let base64 = artifact.base64 {
                guard let data = Data(base64Encoded: base64) else {
                    throw PackFailure(
                        kind: .exporter,
                        message:
                            "\(producer) \"\(item.exporter)\" returned \(ArtifactPath.quoted(path)) with invalid base64"
                    )
                }
                body = .bytes(Array(data))
            } else {
                body = .copy(try copySource(artifact.copyOf ?? "", for: path, exporter: item.exporter))
            }
            files[path] = ResolvedFile(
                body: body, mediaType: artifact.mediaType, audience: artifact.audience ?? .facilitators,
                plugin: item.exporterVersion.map { PackManifest.Producer(name: item.exporter, version: $0) })
        }
        return files
    }

    /// Every path of a pack, checked together before any byte is read or staged: each path on its own
    /// (``ArtifactPath/problem(with:)``), `pack.json`, two paths that differ only in case, and a file that is also
    /// a folder of another path (`x` and `x/y`). A clash names both paths and both exporters.
    private func checkPaths(_ items: [Item]) throws(PackFailure) {
        var lowered: [String: Item] = [:]
        for item in items {
            let path = item.artifact.path
            if let problem = ArtifactPath.problem(with: path) {
                throw PackFailure(
                    kind: .exporter,
                    message:
                        "\(producer) \"\(item.exporter)\" returned the artifact path \(ArtifactPath.quoted(path)): \(problem)"
                )
            }
            if path.lowercased() == "pack.json" {
                throw PackFailure(
                    kind: .exporter,
                    message: "\(producer) \"\(item.exporter)\" returned pack.json, which the core writes")
            }
            if let other = lowered[path.lowercased()] {
                throw PackFailure(
                    kind: .exporter,
                    message:
                        "\(producer) \"\(item.exporter)\" returned \(ArtifactPath.quoted(path)), which clashes with \(ArtifactPath.quoted(other.artifact.path)) from \(producer) \"\(other.exporter)\" (paths must be unique ignoring case)"
                )
            }
            lowered[path.lowercased()] = item
        }
        for item in items {
            let segments = item.artifact.path.lowercased().split(separator: "/")
            for length in segments.indices.dropLast() {
                let folder = segments[...length].joined(separator: "/")
                guard let file = lowered[folder] else { continue }
                throw PackFailure(
                    kind: .exporter,
                    message:
                        "\(producer) \"\(item.exporter)\" returned \(ArtifactPath.quoted(item.artifact.path)), which needs \(ArtifactPath.quoted(file.artifact.path)) to be a folder, but \(producer) \"\(file.exporter)\" returned it as a file"
                )
            }
        }
    }

    /// The largest file a `copyOf` artifact may name: exporters set their own, lower limits (the HTML exporter's
    /// `maxResourceMB`), and this one keeps any exporter from making the core hold more.
    static let largestCopy = 1 << 30

    /// A `copyOf` source after its checks: a regular file inside the curriculum root, no larger than
    /// ``largestCopy`` when checked. It is read only when the pack is written, in chunks (``FileWriting/copy``).
    struct CopySource: Sendable {
        var absolutePath: String
        /// The message that says why the copy failed, given the reason.
        var refusal: @Sendable (String) -> PackFailure
    }

    /// Checks a `copyOf` source without reading it.
    ///
    /// The file is opened without blocking (a FIFO would otherwise wait for ever) and checked on the open
    /// descriptor; the copy checks again, since the file may change in between.
    private func copySource(_ source: String, for path: String, exporter: String) throws(PackFailure) -> CopySource {
        if let problem = ArtifactPath.problem(with: source) {
            throw PackFailure(
                kind: .exporter,
                message: "\(producer) \"\(exporter)\" asked to copy \(ArtifactPath.quoted(source)): \(problem)")
        }
        guard root.contains(resolvingLinksIn: source) else {
            throw PackFailure(
                kind: .exporter,
                message:
                    "\(producer) \"\(exporter)\" asked to copy \(ArtifactPath.quoted(source)), which leaves the curriculum root"
            )
        }
        let producer = producer
        let refused: @Sendable (String) -> PackFailure = { reason in
            PackFailure(
                kind: .exporter,
                message:
                    "\(producer) \"\(exporter)\" asked to copy \(ArtifactPath.quoted(source)) into \(path), but \(reason)"
            )
        }
        let absolute = root.absolute(source)
        Foundation.close(try FileWriting.openForCopy(absolute, refused: refused))
        return CopySource(absolutePath: absolute, refusal: refused)
    }

    /// The pack folder itself must be a folder or nothing, never a link to write through.
    private func checkDestination(_ destination: String) throws(PackFailure) {
        if isSymbolicLink(destination) {
            throw PackFailure(
                kind: .output,
                message: "\(destination) is a symbolic link; it is never written through. Remove it first")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw PackFailure(kind: .output, message: "\(destination) exists and is a file; remove it first")
        }
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }
}

/// Writing files with fixed permissions and durable contents.
enum FileWriting {
    /// Writes a new file; with `sync` false the caller flushes it later (``syncFileSystem(containing:)``).
    static func write(_ bytes: [UInt8], to path: String, sync: Bool = true) throws(PackFailure) {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(bytes[...], to: descriptor, path: path)
        guard !sync || fsync(descriptor) == 0 else {
            throw PackFailure(kind: .io, message: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates a new file (and its folders) with fixed permissions, returning its descriptor.
    static func create(_ path: String) throws(PackFailure) -> Int32 {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        } catch {
            throw PackFailure(kind: .io, message: "cannot create \(folder): \(error.localizedDescription)")
        }
        // O_NOFOLLOW and O_EXCL: never write through a link, never into a file that was already there.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PackFailure(kind: .io, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(descriptor, 0o644)
        return descriptor
    }

    /// Writes every byte, retrying short and interrupted writes.
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws(PackFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw PackFailure(kind: .io, message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Opens a file to copy: without blocking, a regular file, no larger than ``PackWriter/largestCopy``.
    static func openForCopy(
        _ path: String, refused: (String) -> PackFailure
    ) throws(PackFailure) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw refused(
                errno == ENOENT
                    ? "that file does not exist" : "it cannot be opened: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            Foundation.close(descriptor)
            throw refused("that is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= PackWriter.largestCopy else {
            Foundation.close(descriptor)
            throw refused("the file holds \(size) bytes, more than the \(PackWriter.largestCopy) bytes the core copies")
        }
        return descriptor
    }

    /// Copies a file into a new file in 1 MiB chunks, hashing as it goes, so the copy never sits in memory whole.
    ///
    /// - Returns: The bytes copied and their SHA-256 in hexadecimal.
    static func copy(
        _ source: PackWriter.CopySource, to path: String, refused: (String) -> PackFailure, sync: Bool = true
    ) throws(PackFailure) -> (size: Int, sha256: String) {
        let output = try create(path)
        defer { Foundation.close(output) }
        var hasher = SHA256.Hasher()
        let total = try forEachChunk(of: source.absolutePath, refused: refused) { chunk throws(PackFailure) in
            hasher.update(chunk)
            try writeAll(chunk, to: output, path: path)
        }
        guard !sync || fsync(output) == 0 else {
            throw PackFailure(kind: .io, message: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
        return (total, SHA256.hex(digest: hasher.finalize()))
    }

    /// Reads a whole `copyOf` source, for callers that need the bytes themselves (an import's assets).
    static func read(_ path: String, refused: (String) -> PackFailure) throws(PackFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(of: path, refused: refused) { chunk throws(PackFailure) in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Reads a `copyOf` source in 1 MiB chunks, checked as ``openForCopy(_:refused:)`` checks it; a source that
    /// grows past ``PackWriter/largestCopy`` while it is read is refused.
    ///
    /// - Returns: How many bytes were read.
    @discardableResult
    private static func forEachChunk(
        of path: String, refused: (String) -> PackFailure,
        _ body: (ArraySlice<UInt8>) throws(PackFailure) -> Void
    ) throws(PackFailure) -> Int {
        let input = try openForCopy(path, refused: refused)
        defer { Foundation.close(input) }
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw refused("it cannot be read: \(String(cString: strerror(errno)))") }
            if got == 0 { return total }
            total += got
            guard total <= PackWriter.largestCopy else {
                throw refused("the file grew past the \(PackWriter.largestCopy) bytes the core copies")
            }
            try body(chunk[0..<got])
        }
    }

    /// Sets every folder's permissions to 0755, whatever the umask.
    static func setFolderPermissions(_ folder: String) {
        chmod(folder, 0o755)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return }
        while let entry = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                chmod(folder + "/" + entry, 0o755)
            }
        }
    }

    /// Flushes everything written to the file system that holds `path` — file contents and folder entries — to
    /// disk, in one call (`syncfs`).
    static func syncFileSystem(containing path: String) throws(PackFailure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PackFailure(
                kind: .io, message: "cannot open \(path) to flush it: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard let syncfs = Self.syncfs else {
            sync()
            return
        }
        guard syncfs(descriptor) == 0 else {
            throw PackFailure(kind: .io, message: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// `syncfs(2)`, looked up at run time: the C library declares it only for GNU sources, which Swift's import
    /// does not see. Without it, `sync(2)` flushes every file system instead.
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    static func syncPath(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// Staging folders being filled now, so an interrupted run can remove them before it exits.
public enum StagingFolders {
    private static let folders = Mutex<Set<String>>([])
    /// Held while a pack's renames run, so an interruption waits for them: it then finds either the old pack or
    /// the new one in place, never a pack moved aside with its replacement deleted.
    private static let publishing = NSLock()

    static func insert(_ folder: String) {
        _ = folders.withLock { $0.insert(folder) }
    }

    static func remove(_ folder: String) {
        _ = folders.withLock { $0.remove(folder) }
    }

    /// Runs the renames that publish a pack without an interruption cleaning up in between.
    static func publishing<T>(_ body: () throws(PackFailure) -> T) throws(PackFailure) -> T {
        publishing.lock()
        defer { publishing.unlock() }
        return try body()
    }

    /// Deletes every staging folder and partial zip (used on Ctrl-C and SIGTERM), after any publishing under way
    /// has finished; published packs are never touched.
    public static func removeAll() {
        publishing.lock()
        defer { publishing.unlock() }
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }
}
