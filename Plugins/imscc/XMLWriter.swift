/// Escaping for XML and HTML text and attribute values, and a small indenting XML writer.
///
/// Characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) are dropped, so any text from the model
/// gives a well-formed document.
enum Escape {
    /// Text content: `&`, `<` and `>` escaped; carriage returns kept as character references.
    static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An attribute value in double quotes: also `"` and the whitespace characters an XML parser would normalise.
    static func attribute(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether XML 1.0 allows the character: tab, line feed, carriage return, and U+0020 upwards except
    /// U+FFFE and U+FFFF (Swift strings hold no lone surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}

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
        output += indentation + "<" + name + Self.render(attributes) + ">" + Escape.text(value) + "</" + name + ">\n"
    }

    /// An empty element.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        output += indentation + "<" + name + Self.render(attributes) + "/>\n"
    }

    private var indentation: String { String(repeating: "  ", count: open.count) }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(Escape.attribute($0.1))\"" }.joined()
    }
}
