import CurriculumModel
import CurriculumXML

/// The keys a map defines (`<keydef keys="…">` and any topic reference with `keys=`), the first definition of
/// each key winning as DITA prescribes. Key scopes are not distinguished: every key is global.
struct KeySpace {
    /// What one key stands for.
    struct Definition: Equatable {
        /// The target as written, relative to the map, or a URL.
        var href: String?
        var scope: String?
        var format: String?
        /// The text of `<topicmeta><keywords><keyword>`, used for empty `<keyword keyref>` and similar.
        var keyword: String?
        /// `<navtitle>` or `<linktext>`, used as the text of an empty `<xref keyref>`.
        var linkText: String?
        /// Where the key is defined.
        var location: SourceLocation
    }

    private var definitions: [String: Definition] = [:]

    /// Collects the key definitions of a map.
    init(map: XMLElement, locate: (XMLElement) -> SourceLocation) {
        var stack: [XMLElement] = [map]
        var ordered: [XMLElement] = []
        // Document order matters (the first definition wins), so walk depth-first, children in order.
        while let element = stack.popLast() {
            ordered.append(element)
            stack.append(contentsOf: element.elements.reversed())
        }
        for element in ordered {
            guard let keys = element[attribute: "keys"] else { continue }
            let meta = element.element(named: "topicmeta")
            let keyword = meta?.element(named: "keywords")?.element(named: "keyword").map { PlainText.of($0) }
            let linkText =
                (meta?.element(named: "linktext") ?? meta?.element(named: "navtitle")).map { PlainText.of($0) }
                ?? element[attribute: "navtitle"]
            let definition = Definition(
                href: element[attribute: "href"], scope: element[attribute: "scope"],
                format: element[attribute: "format"], keyword: keyword.flatMap { $0.isEmpty ? nil : $0 },
                linkText: linkText.flatMap { $0.isEmpty ? nil : $0 }, location: locate(element))
            for key in keys.split(whereSeparator: \.isWhitespace).map(String.init) where definitions[key] == nil {
                definitions[key] = definition
            }
        }
    }

    /// The definition of the key a `keyref` names; the part after `/` (an element inside the target) is ignored.
    func definition(for keyref: String) -> Definition? {
        let key = keyref.split(separator: "/", maxSplits: 1).first.map(String.init) ?? keyref
        return definitions[key.trimmingCharacters(in: .whitespaces)]
    }
}
