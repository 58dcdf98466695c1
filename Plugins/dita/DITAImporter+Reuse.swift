import CurriculumImportKit
import CurriculumModel
import CurriculumXML

extension DITAImporter {
    /// How many `conkeyref`s are followed inside one another before the rest is kept as written.
    static let maxReuseDepth = 8

    /// The element a `conkeyref="key/id"` stands for: this element's name and attributes with the content of the
    /// element `id` in the topic the key names. `nil` when the key is undefined, names no topic or the topic has
    /// no such element; each is reported at the reference and the element's own content is kept.
    mutating func keyedReuse(_ element: XMLElement, conkeyref: String, in file: String) -> XMLElement? {
        let here = location(of: element, in: file)
        guard let definition = keys?.definition(for: conkeyref) else {
            report.warning(
                DITACode.undefinedInlineKey,
                "<\(element.name) conkeyref=\"\(conkeyref)\"> names a key that neither \(mapPath) nor the maps it refers to define; the element's own content was kept",
                at: here,
                hint:
                    "Define the key in a map with <keydef keys=\"\(KeySpace.key(of: conkeyref))\" href=\"…\"/>, or correct the key name."
            )
            return nil
        }
        let parts = conkeyref.split(separator: "/", maxSplits: 1).map(String.init)
        let elementID = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let written = definition.href?.trimmingWhitespace() ?? ""
        guard !written.isEmpty, !SourceTree.hasScheme(written), !elementID.isEmpty,
            let path = tree.resolve(written, from: definition.base), tree.exists(path),
            let root = parsedTopicFile(path)
        else {
            reportUnresolvedKeyReuse(
                element, conkeyref: conkeyref,
                reason: elementID.isEmpty
                    ? "it names no element after the key (write conkeyref=\"key/element-id\")"
                    : "the key defined at line \(definition.location.line) of \(definition.location.path) names no readable topic of the source",
                at: here)
            return nil
        }
        guard let source = Self.element(withID: elementID, in: root, topicID: Self.fragment(of: written)) else {
            reportUnresolvedKeyReuse(
                element, conkeyref: conkeyref, reason: "\(path) has no element with the id \"\(elementID)\"", at: here)
            return nil
        }
        return XMLElement(
            name: element.name, attributes: element.attributes.filter { $0.name != "conkeyref" },
            children: source.children, position: element.position)
    }

    private mutating func reportUnresolvedKeyReuse(
        _ element: XMLElement, conkeyref: String, reason: String, at here: SourceLocation
    ) {
        report.warning(
            DITACode.unresolvedReuse,
            "<\(element.name) conkeyref=\"\(conkeyref)\"> could not be resolved: \(reason); the element's own content was kept",
            at: here, hint: "Correct the key's href or the element id, or resolve the reuse before importing.")
    }

    /// A topic file parsed once for reuse and cross-reference titles, without reporting: its problems are
    /// reported where a map refers to it.
    private mutating func parsedTopicFile(_ path: String) -> XMLElement? {
        if let cached = parsedFiles[path] { return cached }
        var ignored = ImportReport()
        let root = reader.parse(path, report: &ignored)
        if let root { parsedFiles.updateValue(root, forKey: path) }
        return root
    }

    /// The topic ID of an `href="file.dita#topic"`, if any.
    private static func fragment(of href: String) -> String? {
        guard let hash = href.firstIndex(of: "#") else { return nil }
        let id = href[href.index(after: hash)...].split(separator: "/").first.map(String.init) ?? ""
        return id.isEmpty ? nil : id
    }

    /// The element with an ID inside a file, within the topic `topicID` when one is named.
    private static func element(withID id: String, in root: XMLElement, topicID: String?) -> XMLElement? {
        var scope = root
        if let topicID, root[attribute: "id"] != topicID,
            let topic = descendants(of: root, where: { $0[attribute: "id"] == topicID }).first
        {
            scope = topic
        }
        return descendants(of: scope, where: { $0[attribute: "id"] == id }).first
    }
}
