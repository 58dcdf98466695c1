import CurriculumPluginKit

/// An indented XML document built line by line: two spaces per level, attributes in the order given, absent
/// values left out, so the same model always gives the same bytes.
struct XMLLines {
    /// Attribute names with optional values; `nil` values are not written.
    typealias Attributes = KeyValuePairs<String, String?>

    private(set) var lines: [String] = []
    private var depth = 0

    var document: String { lines.joined(separator: "\n") + "\n" }

    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        open(name, list(attributes))
    }

    mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        lines.append(indent + "<" + name + Self.render(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        lines.append(indent + "</" + name + ">")
    }

    mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
        lines.append(indent + "<" + name + Self.render(list(attributes)) + "/>")
    }

    /// An element on one line whose content is markup already escaped (text with inline elements).
    mutating func line(_ name: String, _ attributes: [(String, String?)] = [], markup: String) {
        lines.append(indent + "<" + name + Self.render(attributes) + ">" + markup + "</" + name + ">")
    }

    /// An element holding plain text.
    mutating func text(_ name: String, _ value: String, _ attributes: Attributes = [:]) {
        line(name, list(attributes), markup: MarkupEscaping.text(value))
    }

    /// A line written as is at the current indentation (the XML declaration).
    mutating func raw(_ line: String) {
        lines.append(indent + line)
    }

    func list(_ attributes: Attributes) -> [(String, String?)] {
        attributes.map { ($0.key, $0.value) }
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func render(_ attributes: [(String, String?)]) -> String {
        var result = ""
        for (name, value) in attributes {
            guard let value else { continue }
            result += " " + name + "=\"" + MarkupEscaping.attribute(value) + "\""
        }
        return result
    }
}
