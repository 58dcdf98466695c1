import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// What one import builds up while it reads a package: the source, its diagnostics, the files to copy and the IDs
/// handed out so far.
struct ImportState {
    let tree: SourceTree
    let reader: SourceXMLReader
    /// The manifest's path in the tree; file references in it are relative to its folder.
    let manifestPath: String
    var report = ImportReport()
    var assets: AssetCollector
    var ids = IDAllocator()
    /// The alt text pages give each image file of the package (`<img src alt>`), by path.
    var imageAlts: [String: String] = [:]
    /// The registry entry made for each file of the package, by path.
    var resourceIDsByPath: [String: String] = [:]
    /// `code|file|name` of the elements already reported, so each is reported once per file.
    private var reportedNames: Set<String> = []

    init(tree: SourceTree, manifestPath: String) {
        self.tree = tree
        self.reader = SourceXMLReader(tree: tree)
        self.manifestPath = manifestPath
        self.assets = AssetCollector(tree: tree)
    }

    /// Where an element of a file is, as users see it.
    func location(_ element: XMLElement, in file: String) -> SourceLocation {
        tree.location(file, line: element.position.line, column: element.position.column)
    }

    /// Where an element of the manifest is.
    func location(_ element: XMLElement) -> SourceLocation {
        location(element, in: manifestPath)
    }

    /// Reports an element once per file: the first occurrence stands for the others.
    mutating func reportElementOnce(
        _ code: String, _ element: XMLElement, in file: String, message: String, hint: String? = nil
    ) {
        guard reportedNames.insert("\(code)|\(file)|\(element.name)").inserted else { return }
        report.warning(code, message, at: location(element, in: file), hint: hint)
    }

    /// Reports an element that is not part of any specification this importer reads.
    mutating func unknownElement(_ element: XMLElement, in file: String, parent: String) {
        reportElementOnce(
            CCCode.unknownElement, element, in: file,
            message:
                "<\(element.name)> in <\(parent)> is not part of IMS Content Packaging, Common Cartridge, SCORM or LOM; it was not imported",
            hint: "If a learning platform added it, its content has to be recreated by hand.")
    }

    /// Reports a known element that the model has no place for.
    mutating func notImported(_ element: XMLElement, in file: String, what: String) {
        reportElementOnce(
            CCCode.notImported, element, in: file,
            message: "<\(element.name)> (\(what)) has no equivalent in the curriculum model and was not imported")
    }

    /// The file of the package a page's link or image points at: `$IMS-CC-FILEBASE$/x.pdf` (Canvas's base for
    /// `web_resources/`, also percent-encoded), or a path relative to the page; `nil` for a URL or a missing file.
    func localFile(_ reference: String, from page: String) -> String? {
        let decoded = reference.removingPercentEncoding ?? reference
        for marker in ["$IMS-CC-FILEBASE$/", "$IMS_CC_FILEBASE$/"] where decoded.hasPrefix(marker) {
            let rest = String(decoded.dropFirst(marker.count))
            let folder = (manifestPath as NSString).deletingLastPathComponent
            for candidate in ["web_resources/" + rest, rest] {
                let path = folder.isEmpty ? candidate : folder + "/" + candidate
                if let resolved = tree.resolve(path, from: ""), tree.contains(resolved) { return resolved }
            }
            return nil
        }
        guard !SourceTree.hasScheme(decoded), !decoded.hasPrefix("#"), !decoded.hasPrefix("/"),
            let resolved = tree.resolve(decoded, from: page), tree.contains(resolved)
        else { return nil }
        return resolved
    }

    /// A path of the tree for a reference written in the manifest, after `xml:base`; `nil` when it leaves the
    /// package.
    func resolve(_ href: String, base: String) -> String? {
        tree.resolve(base + href, from: manifestPath)
    }
}
