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

    /// Folders never searched.
    static let skippedFolders: Set<String> = [".build", ".git", "node_modules", "packs", ".swiftpm"]

    /// Lists the documents under the paths.
    ///
    /// - Throws: ``DiscoveryError`` when a path does not exist or a folder holds no XML files.
    public static func units(for paths: [String]) throws(DiscoveryError) -> [Unit] {
        var units: [Unit] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DiscoveryError(path: path, reason: "no such file or folder")
            }
            let absolute = CurriculumRoot.canonical(path)
            if !isDirectory.boolValue {
                units.append(Unit(path: absolute, isPrimary: true))
                continue
            }
            let found = xmlFiles(under: absolute)
            if found.isEmpty { throw DiscoveryError(path: path, reason: "the folder contains no .xml files") }
            let roots = RootSniffer.rootNames(ofFiles: found)
            units += zip(found, roots).map { file, root in
                Unit(
                    path: file,
                    isPrimary: root.map { $0 == "programme" || !NativeFormat.rootElements.contains($0) } ?? true)
            }
        }
        var seen = Set<String>()
        return units.filter { seen.insert($0.path).inserted }
    }

    /// Whether a file name ends in `.xml`, in any case, checked on its bytes.
    private static func hasXMLExtension(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count > 4 else { return false }
        return utf8.suffix(4).elementsEqual(".xml".utf8) { $0 | 0x20 == $1 }
    }

    /// Every `.xml` file below a folder, sorted, skipping hidden and build folders.
    ///
    /// Folders are read with `readdir`, whose entry types spare a `stat` per file on the file systems that
    /// report them. The folder's own subfolders (one per curriculum in a collection) are searched on every core.
    static func xmlFiles(under folder: String) -> [String] {
        let (top, subfolders) = entries(of: folder)
        let found = Mutex([[String]](repeating: [], count: subfolders.count))
        DispatchQueue.concurrentPerform(iterations: subfolders.count) { index in
            let files = xmlFiles(below: subfolders[index])
            found.withLock { $0[index] = files }
        }
        var result = top
        for files in found.withLock({ $0 }) { result += files }
        return result.sorted()
    }

    /// Every `.xml` file below a folder, searched on this thread.
    private static func xmlFiles(below folder: String) -> [String] {
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let (files, subfolders) = entries(of: current)
            result += files
            pending += subfolders
        }
        return result
    }

    /// The `.xml` files and the folders to search directly inside a folder.
    private static func entries(of folder: String) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        guard let directory = opendir(folder) else { return ([], []) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                if !skippedFolders.contains(name) { folders.append(folder + "/" + name) }
            case Int32(DT_REG): if hasXMLExtension(name) { files.append(folder + "/" + name) }
            default:
                // A link, or a file system that does not report types: ask the file system, following links.
                let child = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !skippedFolders.contains(name) { folders.append(child) }
                } else if hasXMLExtension(name) {
                    files.append(child)
                }
            }
        }
        return (files, folders)
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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
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
