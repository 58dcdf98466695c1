import CurriculumPluginKit
import CurriculumXML
import Foundation
import Synchronization

/// Finds the curriculum documents named on the command line: files as given, folders searched recursively.
public enum CurriculumDiscovery {
    /// A document to validate.
    public struct Unit: Sendable, Equatable {
        /// The absolute path.
        public var path: String
        /// Whether the document's root is `<programme>` (or could not be determined, so it is read in full).
        public var isPrimary: Bool
    }

    /// An entry a folder search did not read, and why; reported as a warning so nothing is skipped silently.
    public struct SkippedEntry: Sendable, Equatable {
        /// The absolute path, with every byte that is not UTF-8 escaped as `\xHH`.
        public var path: String
        /// Why it was skipped.
        public var reason: String
        /// What to do about it.
        public var hint: String
    }

    /// What a search of the command line's paths found.
    public struct Search: Sendable {
        /// The documents to read, each once.
        public var units: [Unit]
        /// Entries in the folders that were not read, sorted by path.
        public var skipped: [SkippedEntry]
    }

    /// Folders never searched.
    static let skippedFolders: Set<String> = [".build", ".git", "node_modules", "packs", ".swiftpm"]

    /// Lists the documents under the paths.
    ///
    /// - Throws: ``DiscoveryError`` when a path does not exist or a folder holds no XML files.
    public static func units(for paths: [String]) throws(DiscoveryError) -> [Unit] {
        try search(paths).units
    }

    /// Lists the documents under the paths, and the entries of their folders that were not read.
    ///
    /// Folders are searched without following symbolic links to other folders: two links to `.` would make the
    /// walk endless, and a link to a folder elsewhere would read files outside the curriculum.
    ///
    /// - Throws: ``DiscoveryError`` when a path does not exist or a folder holds no XML files.
    public static func search(_ paths: [String]) throws(DiscoveryError) -> Search {
        try search(paths, rootNames: RootSniffer.rootNames(ofFiles:))
    }

    /// Lists the documents under the paths as ``search(_:)`` does, naming each found file's root element with
    /// `rootNames`: a repeated validation answers from what it learnt before for the files that did not change.
    static func search(
        _ paths: [String], rootNames: ([String]) -> [String?]
    ) throws(DiscoveryError) -> Search {
        var units: [Unit] = []
        var skipped: [SkippedEntry] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Arguments reach Swift with bytes that are not UTF-8 replaced, so such a name can never be found.
                let reason =
                    path.contains("\u{FFFD}")
                    ? "no such file or folder (names that are not valid UTF-8 cannot be read; rename it)"
                    : "no such file or folder"
                throw DiscoveryError(path: path, reason: reason)
            }
            let absolute = CurriculumRoot.canonical(path)
            if !isDirectory.boolValue {
                units.append(Unit(path: absolute, isPrimary: true))
                continue
            }
            let (found, passed) = xmlFiles(under: absolute)
            skipped += passed
            if found.isEmpty { throw DiscoveryError(path: path, reason: "the folder contains no .xml files") }
            let roots = rootNames(found)
            units += zip(found, roots).map { file, root in
                Unit(
                    path: file,
                    isPrimary: root.map { $0 == "programme" || !NativeFormat.rootElements.contains($0) } ?? true)
            }
        }
        var seen = Set<String>()
        var seenSkipped = Set<String>()
        return Search(
            units: units.filter { seen.insert($0.path).inserted },
            skipped: skipped.filter { seenSkipped.insert($0.path).inserted }.sorted { $0.path < $1.path })
    }

    /// Every `.xml` file below a folder, sorted, skipping hidden and build folders, with the entries not read.
    ///
    /// Folders are read with `readdir`, whose entry types spare a `stat` per file on the file systems that
    /// report them. The folder's own subfolders (one per curriculum in a collection) are searched on every core.
    static func xmlFiles(under folder: String) -> (files: [String], skipped: [SkippedEntry]) {
        let top = entries(of: folder)
        let subfolders = top.folders
        let found = Mutex([Entries](repeating: Entries(), count: subfolders.count))
        DispatchQueue.concurrentPerform(iterations: subfolders.count) { index in
            let below = entries(below: subfolders[index])
            found.withLock { $0[index] = below }
        }
        var files = top.files
        var skipped = top.skipped
        for below in found.withLock({ $0 }) {
            files += below.files
            skipped += below.skipped
        }
        return (files.sorted(), skipped)
    }

    /// What one folder, or a tree of folders, holds.
    struct Entries: Sendable {
        var files: [String] = []
        var folders: [String] = []
        var skipped: [SkippedEntry] = []
    }

    /// Every `.xml` file below a folder, searched on this thread.
    private static func entries(below folder: String) -> Entries {
        var result = Entries()
        var pending = [folder]
        while let current = pending.popLast() {
            let found = entries(of: current)
            result.files += found.files
            result.skipped += found.skipped
            pending += found.folders
        }
        return result
    }

    /// Whether an entry of an open folder is a folder or a link to one, asked by its bytes.
    private static func isFolder(_ name: FileNameBytes, in directory: OpaquePointer) -> Bool {
        var status = stat()
        let path = (name.bytes + [0]).map { CChar(bitPattern: $0) }
        return fstatat(dirfd(directory), path, &status, 0) == 0 && FileKind(mode: status.st_mode) == .folder
    }

    /// The `.xml` files and the folders to search directly inside a folder, and the entries skipped.
    private static func entries(of folder: String) -> Entries {
        var result = Entries()
        guard let directory = opendir(folder) else { return result }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let raw = FileNameBytes(entry)
            guard raw.bytes.first != UInt8(ascii: ".") else { continue }
            let type = Int32(entry.pointee.d_type)
            guard let name = raw.string else {
                // A name that is not UTF-8 cannot be named by a Swift path, nor by an include; say so.
                if raw.hasXMLExtension || type == Int32(DT_DIR)
                    || (type != Int32(DT_REG) && isFolder(raw, in: directory))
                {
                    result.skipped.append(
                        SkippedEntry(
                            path: folder + "/" + raw.escaped, reason: "its name is not valid UTF-8",
                            hint: "Rename it in UTF-8; paths in curricula and on the command line are UTF-8."))
                }
                continue
            }
            let child = folder + "/" + name
            switch type {
            case Int32(DT_DIR):
                if !skippedFolders.contains(name) { result.folders.append(child) }
            case Int32(DT_REG):
                if raw.hasXMLExtension { result.files.append(child) }
            default:
                // A link, a special file, or a file system that does not report types: ask it, without following
                // the link first.
                var status = stat()
                guard fstatat(dirfd(directory), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch FileKind(mode: status.st_mode) {
                case .folder:
                    if !skippedFolders.contains(name) { result.folders.append(child) }
                case .symbolicLink:
                    var target = stat()
                    let pointsToFolder =
                        fstatat(dirfd(directory), name, &target, 0) == 0
                        && FileKind(mode: target.st_mode) == .folder
                    if pointsToFolder {
                        if !skippedFolders.contains(name) {
                            result.skipped.append(
                                SkippedEntry(
                                    path: child, reason: "it is a symbolic link to a folder",
                                    hint:
                                        "Links to folders are not followed, so a search stays inside the folder it was given; name the folder on the command line to validate it."
                                ))
                        }
                    } else if raw.hasXMLExtension {
                        result.files.append(child)
                    }
                default:
                    // Special files named .xml are listed so that reading them reports what they are.
                    if raw.hasXMLExtension { result.files.append(child) }
                }
            }
        }
        return result
    }
}

/// A path given on the command line that cannot be used.
public struct DiscoveryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

/// Reads just enough of a file to name its root element, so folders can be sorted into programmes and the
/// documents they include without parsing everything twice.
enum RootSniffer {
    /// The root element names of many files, read on every core; `nil` where a file cannot be read or has no
    /// recognisable root.
    static func rootNames(ofFiles paths: [String]) -> [String?] {
        let names = Mutex([String?](repeating: nil, count: paths.count))
        let chunk = 64
        DispatchQueue.concurrentPerform(iterations: (paths.count + chunk - 1) / chunk) { part in
            let range = (part * chunk)..<min(paths.count, (part + 1) * chunk)
            let found = range.map { rootName(ofFile: paths[$0]) }
            names.withLock { $0.replaceSubrange(range, with: found) }
        }
        return names.withLock { $0 }
    }

    static func rootName(ofFile path: String) -> String? {
        // Without O_NONBLOCK, opening a FIFO waits for a writer for ever; only regular files are sniffed, and
        // nothing else is even opened.
        var status = stat()
        guard stat(path, &status) == 0, FileKind(mode: status.st_mode) == .regularFile else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, FileKind(mode: status.st_mode) == .regularFile else { return nil }
        // The root tag nearly always starts in the first kilobyte; a long comment or DOCTYPE before it is given
        // up to 8 KB.
        var prefix = read(descriptor, upTo: 1024)
        if let name = rootName(in: prefix) { return name }
        guard prefix.count == 1024 else { return nil }
        prefix += read(descriptor, upTo: 8192 - 1024)
        return rootName(in: prefix)
    }

    private static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = max(0, Foundation.read(descriptor, buffer.baseAddress, buffer.count))
        }
    }

    /// The local name of the first element in a document's first bytes, or `nil` when the bytes end before it
    /// does.
    static func rootName(in bytes: [UInt8]) -> String? {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                let terminator: [UInt8] =
                    bytes[index...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : Array(">".utf8)
                guard let end = find(terminator, in: bytes, from: index + 2) else { return nil }
                index = end + terminator.count
                continue
            }
            var end = index + 1
            while end < bytes.count,
                ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x0A, 0x0D, 0x09].contains(bytes[end])
            {
                end += 1
            }
            guard end < bytes.count else { return nil }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
