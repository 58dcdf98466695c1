import Foundation

/// HTML escaping and fragment identifiers, the same for every exporter that writes HTML.
public enum HTMLEscaping {
    /// Escapes text for an HTML text node or a quoted attribute value; control characters other than tab and line
    /// feed, which HTML does not allow in text, become spaces.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A fragment identifier made from a model ID (an XML name) with a prefix; other characters become `-`.
    public static func anchor(_ prefix: String, _ id: String) -> String {
        var result = prefix + "-"
        for scalar in id.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") {
                result.unicodeScalars.append(scalar)
            } else {
                result += "-"
            }
        }
        return result
    }
}
