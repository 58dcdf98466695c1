import CurriculumImportKit
import CurriculumModel
import CurriculumPluginKit
import CurriculumXML
import Foundation

/// One import of a DITA Learning & Training source: chooses the map, reads its keys, structure and topics, and
/// builds the curriculum, collecting every diagnostic on the way.
///
/// The work is split by stage into extensions: `+Map` (the map's structure), `+Topics` (reading a topic),
/// `+Body` (topic bodies to rich text), `+Plan` (the learning plan), `+Course` (the model).
struct DITAImporter {
    let tree: SourceTree
    let reader: SourceXMLReader
    var report = ImportReport()
    var ids = IDAllocator()
    var assets: AssetCollector
    var resources = ResourceRegistry()
    var keys: KeySpace?
    /// The chosen map, as a path of the tree.
    var mapPath = ""
    /// Where the map's root element is.
    var mapLocation = SourceLocation(path: "")
    /// `file|element` pairs already reported as unmapped, so each is reported once per file.
    var reportedUnmapped: Set<String> = []
    /// Parsed topic files (`nil` when the file was refused).
    var parsedFiles: [String: XMLElement?] = [:]
    /// The maps being read, the chosen one and the submaps on the way to the current reference, against cycles.
    var openMaps: Set<String> = []
    /// What a duration written as a bare number means (`minutes`, `hours`), from `--option durationUnit`.
    var durationUnit: String?
    /// The map to import when the source holds several (`--option map=PATH`).
    var preferredMap: String?
    /// Read topics, by `path#id`.
    var readTopics: [String: Topic] = [:]
    /// How many `conkeyref`s deep the element being normalised is, against content that reuses itself.
    var reuseDepth = 0

    /// Creates an import of a source tree.
    init(tree: SourceTree) {
        self.tree = tree
        self.reader = SourceXMLReader(tree: tree)
        self.assets = AssetCollector(tree: tree)
    }

    /// Runs the import.
    mutating func run() -> ImportResult {
        guard let chosen = MapChooser(tree: tree, reader: reader, preferred: preferredMap).choose(report: &report),
            let map = reader.parse(chosen, report: &report)
        else {
            return .failed(report)
        }
        guard MapChooser.isMap(map) else {
            report.error(
                DITACode.notAMap,
                "\(chosen) is named .ditamap but its root is <\(map.name)>, not a DITA map, so this is not a DITA source",
                at: location(of: map, in: chosen), hint: "Import the course's real .ditamap file.")
            return .failed(report)
        }
        mapPath = chosen
        openMaps = [chosen]
        mapLocation = location(of: map, in: chosen)
        let (tree, reader) = (tree, reader)
        let keySpace = KeySpace(
            root: KeySpace.Map(root: map, path: chosen),
            submap: { reference, from in
                // Problems with the submap are reported where the outline follows the reference.
                var ignored = ImportReport()
                guard let href = reference[attribute: "href"], let path = tree.resolve(href, from: from),
                    tree.exists(path), let root = reader.parse(path, report: &ignored), MapChooser.isMap(root)
                else { return nil }
                return KeySpace.Map(root: root, path: path)
            },
            locate: { tree.location($1, line: $0.position.line, column: $0.position.column) })
        keys = keySpace
        let header = readHeader(of: map)
        let outline = readOutline(of: map)
        let curriculum = buildCurriculum(header: header, outline: outline, map: map)
        var files: [Artifact] = []
        do throws(ImportFailure) {
            files = try assets.artifacts()
        } catch {
            report.error(ImportCode.missingFile, error.message, at: nil)
        }
        return ImportResult(curriculum: curriculum, diagnostics: report.diagnostics, files: files)
    }

    // MARK: - Shared helpers

    /// Where an element of a file is, as users see it.
    func location(of element: XMLElement, in file: String) -> SourceLocation {
        tree.location(file, line: element.position.line, column: element.position.column)
    }

    /// Reports an element that has no equivalent in the model, once per element name and file.
    mutating func reportUnmapped(_ element: XMLElement, in file: String, context: String? = nil) {
        let key = file + "|" + element.name
        guard !reportedUnmapped.contains(key) else { return }
        reportedUnmapped.insert(key)
        let inside = context.map { " in \($0)" } ?? ""
        report.warning(
            DITACode.unmappedElement,
            "<\(element.name)>\(inside) has no equivalent in the curriculum model and was left out",
            at: location(of: element, in: file),
            hint: "Its content is not imported; move what matters into a paragraph, list or section.")
    }
}
