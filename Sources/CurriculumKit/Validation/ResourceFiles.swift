import CurriculumModel
import CurriculumPluginKit
import CurriculumXML
import Foundation

/// What the file system says about every local resource file, found once per run and read by the rules on missing
/// files (REF005), names that differ in case (REF006) and paths that leave the root (REF007).
///
/// Folder listings and the folders' containment in the root are worked out once per folder, and each file once: a
/// programme lists dozens of handouts from a few folders, often the same handout from several modules.
struct ResourceFiles: Sendable {
    /// What is wrong with one resource's file.
    enum Problem: Sendable, Equatable {
        /// The href is an absolute path.
        case absolute(href: String)
        /// The href climbs out of the curriculum root.
        case outsideRoot(href: String)
        /// The file is a symbolic link whose target is outside the root.
        case linkLeavesRoot(href: String)
        /// No file of that name exists, but one whose name differs only in case does.
        case caseDiffers(name: String, actual: String)
        /// No such file.
        case missing(href: String)
        /// The name leads to something that is not a regular file (a FIFO, a device, a socket), which a pack
        /// could not copy: reading a FIFO waits for a writer for ever, and a device may never end.
        case notRegularFile(href: String, kind: FileKind)
    }

    /// One resource whose file has a problem.
    struct Finding: Sendable {
        var resource: Resource
        var problem: Problem
    }

    /// Every problem, in resource order.
    let findings: [Finding]

    init(_ resources: [Resource], root: CurriculumRoot) {
        var check = FileCheck(root: root)
        var findings: [Finding] = []
        for resource in resources {
            guard let href = resource.href, !resource.isExternal else { continue }
            let problem: Problem?
            if href.hasPrefix("/") || href.contains("\\") || (href.count > 1 && href.dropFirst().first == ":") {
                problem = .absolute(href: href)
            } else if let relative = resource.rootRelativePath, PathArithmetic.staysInside(relative) {
                problem = check.problem(with: relative, href: href)
            } else {
                problem = .outsideRoot(href: href)
            }
            if let problem { findings.append(Finding(resource: resource, problem: problem)) }
        }
        self.findings = findings
    }
}

/// Checks that resource files exist with exactly the names given, remembering folder listings and answers.
private struct FileCheck {
    let root: CurriculumRoot
    /// Each folder's entries and their types as `readdir` reports them (`DT_UNKNOWN` where it does not).
    private var listings: [String: [String: UInt8]] = [:]
    private var foldersInside: [String: Bool] = [:]
    /// Root-relative files already found present, inside the root, and not folders.
    private var present: Set<String> = []

    init(root: CurriculumRoot) {
        self.root = root
    }

    mutating func problem(with relative: String, href: String) -> ResourceFiles.Problem? {
        if present.contains(relative) { return nil }
        let absolute = root.absolute(relative)
        let slash = absolute.lastIndex(of: "/")
        let folder = slash.map { String(absolute[..<$0]) } ?? "."
        let name = slash.map { String(absolute[absolute.index(after: $0)...]) } ?? absolute
        let siblings = listing(of: folder)
        // A regular file, as the listing already says, is neither a folder nor a link: no lstat is needed.
        if siblings[name] == UInt8(DT_REG), isInside(PathArithmetic.directory(of: relative)) {
            present.insert(relative)
            return nil
        }
        var status = stat()
        if siblings[name] != nil, lstat(absolute, &status) == 0 {
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            var target = stat()
            // A link that leads nowhere is as missing as no file at all.
            let kind =
                isLink
                ? (stat(absolute, &target) == 0 ? FileKind(mode: target.st_mode) : nil) : FileKind(mode: status.st_mode)
            if let kind, kind != .regularFile, kind != .folder {
                return .notRegularFile(href: href, kind: kind)
            }
            if kind == .regularFile {
                let inside =
                    isLink
                    ? root.contains(resolvingLinksIn: relative) : isInside(PathArithmetic.directory(of: relative))
                if inside {
                    present.insert(relative)
                    return nil
                }
                return .linkLeavesRoot(href: href)
            }
        }
        if let match = siblings.keys.sorted().first(where: { $0.lowercased() == name.lowercased() }) {
            return .caseDiffers(name: name, actual: match)
        }
        return .missing(href: href)
    }

    private mutating func listing(of folder: String) -> [String: UInt8] {
        if let known = listings[folder] { return known }
        var entries: [String: UInt8] = [:]
        if let directory = opendir(folder) {
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = DirectoryEntryName.string(of: entry)
                if name != "." && name != ".." { entries[name] = entry.pointee.d_type }
            }
        }
        listings[folder] = entries
        return entries
    }

    /// Whether a root-relative folder, links resolved, is inside the root (the root itself is).
    private mutating func isInside(_ folder: String) -> Bool {
        if folder.isEmpty { return true }
        if let known = foldersInside[folder] { return known }
        let inside = root.contains(resolvingLinksIn: folder)
        foldersInside[folder] = inside
        return inside
    }
}
