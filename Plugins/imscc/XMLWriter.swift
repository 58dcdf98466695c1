import CurriculumPluginKit

/// Writes an XML document with two-space indentation. Elements hold either child elements or text, never both,
/// so indentation never changes the content.
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// Opens an element that will hold child elements.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        output += indentation + "<" + name + Self.render(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        let name = open.removeLast()
        output += indentation + "</" + name + ">\n"
    }

    /// An element holding only text.
    mutating func text(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        output +=
            indentation + "<" + name + Self.render(attributes) + ">" + MarkupEscaping.text(value) + "</" + name + ">\n"
    }

    /// An empty element.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        output += indentation + "<" + name + Self.render(attributes) + "/>\n"
    }

    private var indentation: String { String(repeating: "  ", count: open.count) }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(MarkupEscaping.attribute($0.1))\"" }.joined()
    }
}
