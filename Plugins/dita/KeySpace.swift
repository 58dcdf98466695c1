import CurriculumModel
import CurriculumXML

/// The keys a map and its submaps define (`<keydef keys="…">` and any topic reference with `keys=`). As DITA
/// prescribes, a key defined in a map takes precedence over the same key in the maps it refers to, and within one
/// map the first definition in document order wins; so maps are read breadth first from the root map, each map's
/// definitions before those of the submaps it references. Key scopes are not distinguished: every key is global.
struct KeySpace {
    /// What one key stands for.
    struct Definition: Equatable {
        /// The target as written, relative to ``base``, or a URL.
        var href: String?
        var scope: String?
        var format: String?
        /// The text of `<topicmeta><keywords><keyword>`, used for empty `<keyword keyref>` and similar.
        var keyword: String?
        /// `<navtitle>` or `<linktext>`, used as the text of an empty `<xref keyref>`.
        var linkText: String?
        /// The map that defines the key, as a path of the source: ``href`` is relative to it.
        var base: String
        /// Where the key is defined.
        var location: SourceLocation
    }

    /// A map to read keys from: its root element and its path in the source.
    struct Map {
        var root: XMLElement
        var path: String
    }

    /// The most maps whose keys are read, against a source that references maps without end.
    static let maxMaps = 256

    private var definitions: [String: Definition] = [:]

    /// Collects the key definitions of a map and of every map it refers to.
    ///
    /// - Parameters:
    ///   - root: The root map.
    ///   - submap: The map a submap reference of a map names (`nil` when it is missing, broken or outside the
    ///     source; the outline reports it where it reads the reference).
    ///   - locate: Where an element of a map is.
    init(
        root: Map, submap: (_ reference: XMLElement, _ from: String) -> Map?,
        locate: (_ element: XMLElement, _ map: String) -> SourceLocation
    ) {
        var queue = [root]
        var seen: Set<String> = [root.path]
        var next = 0
        while next < queue.count {
            let map = queue[next]
            next += 1
            for element in Self.inDocumentOrder(map.root) {
                if DITAImporter.isSubmapReference(element) {
                    if queue.count < Self.maxMaps, let found = submap(element, map.path),
                        seen.insert(found.path).inserted
                    {
                        queue.append(found)
                    }
                    continue
                }
                guard let keys = element[attribute: "keys"] else { continue }
                let definition = Self.definition(of: element, base: map.path, location: locate(element, map.path))
                for key in keys.split(whereSeparator: \.isWhitespace).map(String.init) where definitions[key] == nil {
                    definitions[key] = definition
                }
            }
        }
    }

    /// The definition of the key a `keyref` names; the part after `/` (an element inside the target) is ignored.
    func definition(for keyref: String) -> Definition? {
        definitions[Self.key(of: keyref)]
    }

    /// The key of a `keyref` or `conkeyref`: the part before `/`.
    static func key(of keyref: String) -> String {
        let key = keyref.split(separator: "/", maxSplits: 1).first.map(String.init) ?? keyref
        return key.trimmingCharacters(in: .whitespaces)
    }

    /// The elements below a map's root depth first, children in order, without descending into submap references (their
    /// keys are the submap's, read after this map's).
    private static func inDocumentOrder(_ root: XMLElement) -> [XMLElement] {
        var stack = Array(root.elements.reversed())
        var ordered: [XMLElement] = []
        while let element = stack.popLast() {
            ordered.append(element)
            if DITAImporter.isSubmapReference(element) { continue }
            stack.append(contentsOf: element.elements.reversed())
        }
        return ordered
    }

    private static func definition(of element: XMLElement, base: String, location: SourceLocation) -> Definition {
        let meta = element.element(named: "topicmeta")
        let keyword = meta?.element(named: "keywords")?.element(named: "keyword").map { PlainText.of($0) }
        let linkText =
            (meta?.element(named: "linktext") ?? meta?.element(named: "navtitle")).map { PlainText.of($0) }
            ?? element[attribute: "navtitle"]
        return Definition(
            href: element[attribute: "href"], scope: element[attribute: "scope"], format: element[attribute: "format"],
            keyword: keyword.flatMap { $0.isEmpty ? nil : $0 }, linkText: linkText.flatMap { $0.isEmpty ? nil : $0 },
            base: base, location: location)
    }
}
