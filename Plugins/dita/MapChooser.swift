import CurriculumImportKit
import CurriculumModel
import CurriculumXML
import Foundation

/// Finds the map to import: the file the user named, the only `.ditamap` of the source, or — among several —
/// the one no other map refers to, preferring a learning map (`learningMap`, `learningBookmap`, or a map holding
/// learning objects or groups).
struct MapChooser {
    let tree: SourceTree
    let reader: SourceXMLReader
    /// The map `--option map=PATH` names, for sources holding several courses.
    var preferred: String?

    /// The map's path in the tree, or `nil` after reporting why there is none.
    func choose(report: inout ImportReport) -> String? {
        if let preferred {
            let named = preferred.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if tree.exists(named) && named.lowercased().hasSuffix(".ditamap") { return named }
            report.error(
                DITACode.ambiguousMap, "the source has no map \"\(named)\" (from --option map)",
                at: SourceLocation(path: tree.sourcePath), hint: "Name the map by its path inside the source.")
            return nil
        }
        if let entry = tree.entryFile {
            if entry.lowercased().hasSuffix(".ditamap") { return entry }
            report.error(
                DITACode.notDITASource, "\"\(entry)\" is not a DITA map (.ditamap), so this is not a DITA source",
                at: tree.location(entry), hint: "Import the course's .ditamap file, or the folder or zip that holds it."
            )
            return nil
        }
        let maps = tree.files.filter { $0.lowercased().hasSuffix(".ditamap") }
        guard maps.count > 1 else {
            if maps.isEmpty {
                report.error(
                    DITACode.notDITASource,
                    "\(tree.sourcePath) holds no DITA map (.ditamap file), so it is not a DITA source",
                    at: SourceLocation(path: tree.sourcePath),
                    hint: "A DITA course is a .ditamap file and the topics it refers to.")
            }
            return maps.first
        }
        // Problems in maps that are not chosen are not the user's concern here; the chosen map is parsed again.
        var probe = ImportReport()
        var referenced: Set<String> = []
        var learning: Set<String> = []
        for map in maps {
            guard let root = reader.parse(map, report: &probe) else { continue }
            if Self.isLearningMap(root) { learning.insert(map) }
            for href in Self.mapReferences(in: root) {
                if let target = tree.resolve(href, from: map) { referenced.insert(target) }
            }
        }
        let topLevel = maps.filter { !referenced.contains($0) }
        if topLevel.count == 1 { return topLevel[0] }
        let learningTopLevel = topLevel.filter { learning.contains($0) }
        if learningTopLevel.count == 1 { return learningTopLevel[0] }
        let listed = (learningTopLevel.isEmpty ? topLevel : learningTopLevel).map { "\"\($0)\"" }
        report.error(
            DITACode.ambiguousMap,
            "the source holds \(maps.count) maps and none stands out as the course to import: "
                + listed.joined(separator: ", "),
            at: SourceLocation(path: tree.sourcePath),
            hint:
                "Choose one with --option map=PATH (its path inside the source), import one .ditamap file directly, or keep a single learningMap in the folder."
        )
        return nil
    }

    /// Whether a root element is a DITA map of any specialisation (`map`, `bookmap`, `learningMap` …): by name,
    /// or by the `class` attribute DTD-aware tools write.
    static func isMap(_ root: XMLElement) -> Bool {
        if root.name.lowercased().hasSuffix("map") { return true }
        return (root[attribute: "class"] ?? "").contains("map/map")
    }

    /// How many folders up a single map's references climb (`../topics/x.dita` → 1), at most three: the source's
    /// root must be that far up for them to stay inside it.
    static func climbingLevels(of root: XMLElement) -> Int {
        var deepest = 0
        var stack = [root]
        while let element = stack.popLast() {
            if let href = element[attribute: "href"], !SourceTree.hasScheme(href) {
                var levels = 0
                for segment in href.split(separator: "/") {
                    guard segment == ".." else { break }
                    levels += 1
                }
                deepest = max(deepest, levels)
            }
            stack.append(contentsOf: element.elements)
        }
        return min(deepest, 3)
    }

    /// Whether a map is written with the Learning & Training map domain.
    static func isLearningMap(_ root: XMLElement) -> Bool {
        if ["learningMap", "learningBookmap", "learningGroupMap", "learningObjectMap"].contains(root.name) {
            return true
        }
        var stack = root.elements
        while let element = stack.popLast() {
            if ["learningObject", "learningGroup"].contains(element.name) { return true }
            stack.append(contentsOf: element.elements)
        }
        return false
    }

    /// The `href`s of a map that point at other maps.
    static func mapReferences(in root: XMLElement) -> [String] {
        var result: [String] = []
        var stack = root.elements
        while let element = stack.popLast() {
            if let href = element[attribute: "href"],
                element[attribute: "format"] == "ditamap" || href.lowercased().hasSuffix(".ditamap")
                    || ["mapref", "learningGroupMapRef", "learningObjectMapRef"].contains(element.name)
            {
                result.append(href)
            }
            stack.append(contentsOf: element.elements)
        }
        return result
    }
}
