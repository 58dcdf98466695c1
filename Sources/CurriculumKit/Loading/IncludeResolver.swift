import CurriculumModel
import CurriculumXML
import Foundation

/// Resolves `<include>` elements: keeps them inside the curriculum root, detects cycles, and reads the files.
final class IncludeResolver {
    let root: CurriculumRoot
    let reader: DocumentReader
    /// Root-relative paths of the documents being built, outermost first.
    private var stack: [String] = []
    /// Every file read, root-relative, in the order first read.
    private(set) var files: [String] = []
    /// Whether each folder that holds an included file is inside the root once its links are resolved.
    private var foldersInside: [String: Bool] = [:]
    /// Where each included file was first included, by root-relative path.
    private var includedAt: [String: SourceLocation] = [:]

    init(root: CurriculumRoot, reader: DocumentReader) {
        self.root = root
        self.reader = reader
    }

    /// Reads the top-level document and marks it as being built.
    func open(_ relativePath: String, diagnostics: inout DiagnosticCollector) -> LoadedDocument {
        let document = reader.read(
            absolutePath: root.absolute(relativePath), relativePath: relativePath, into: &diagnostics)
        stack.append(relativePath)
        record(relativePath)
        return document
    }

    /// Reads the target of an include, or reports why it cannot be read. Call ``finish(_:)`` after building it.
    func resolve(_ include: XMLNode, from file: String, diagnostics: inout DiagnosticCollector) -> LoadedDocument? {
        let href = include[attribute: "href"] ?? ""
        let at = SourceLocation(path: file, line: include.position.line, column: include.position.column)
        let target = PathArithmetic.join(PathArithmetic.directory(of: file), href)
        guard !href.isEmpty, !href.hasPrefix("/"), !href.contains("://"), PathArithmetic.staysInside(target) else {
            diagnostics.report(
                IncludeEscapesRoot.self, "include \"\(href)\" points outside the curriculum root \(root.displayName)",
                at: at)
            return nil
        }
        // One lstat answers existence, folder and link for ordinary files; only a link needs its target looked at.
        var status = stat()
        guard lstat(root.absolute(target), &status) == 0 else {
            diagnostics.report(IncludeTargetMissing.self, "included file \"\(href)\" does not exist", at: at)
            return nil
        }
        let isLink = (status.st_mode & S_IFMT) == S_IFLNK
        if isLink && stat(root.absolute(target), &status) != 0 {
            diagnostics.report(IncludeTargetMissing.self, "included file \"\(href)\" does not exist", at: at)
            return nil
        }
        switch FileKind(mode: status.st_mode) {
        case .regularFile: break
        case .folder:
            diagnostics.report(IncludeTargetMissing.self, "include \"\(href)\" names a folder, not a file", at: at)
            return nil
        case let kind:
            // Reading a FIFO would wait for a writer for ever, and a device may never end.
            diagnostics.report(
                IncludeTargetMissing.self, "included file \"\(href)\" is \(kind), not a regular file", at: at)
            return nil
        }
        guard staysInsideThroughLinks(target, isLink: isLink) else {
            diagnostics.report(
                IncludeEscapesRoot.self, "include \"\(href)\" leaves the curriculum root through a symbolic link",
                at: at)
            return nil
        }
        if let start = stack.firstIndex(of: target) {
            let cycle = (stack[start...] + [target]).joined(separator: " → ")
            diagnostics.report(IncludeCycle.self, "include cycle: \(cycle)", at: at)
            return nil
        }
        // Each file is read once. Including it again would define its IDs twice, and repeated includes multiply:
        // a module included a thousand times, each including a case study a thousand times, is a million reads.
        if let first = includedAt[target] {
            diagnostics.report(
                DuplicateID.self,
                "\"\(href)\" is already included at \(first.path):\(first.line):\(first.column); a file is included once, or its IDs would be defined twice",
                at: at,
                hint: "Remove the repeated <include>: what one include brings in is known to the whole programme.")
            return nil
        }
        includedAt[target] = at
        let document = reader.read(absolutePath: root.absolute(target), relativePath: target, into: &diagnostics)
        stack.append(target)
        record(target)
        return document
    }

    /// Marks a document as built, so including it again elsewhere is not a cycle.
    func finish(_ document: LoadedDocument) {
        if stack.last == document.path { stack.removeLast() }
    }

    /// Whether a root-relative file, with every symbolic link resolved, is still inside the root. Resolving a
    /// path costs a system call per component, so folders are resolved once and files only when they are links.
    private func staysInsideThroughLinks(_ target: String, isLink: Bool) -> Bool {
        if isLink { return root.contains(resolvingLinksIn: target) }
        let folder = PathArithmetic.directory(of: target)
        if let known = foldersInside[folder] { return known }
        let inside = root.contains(resolvingLinksIn: folder)
        foldersInside[folder] = inside
        return inside
    }

    private func record(_ path: String) {
        if !files.contains(path) { files.append(path) }
    }
}
