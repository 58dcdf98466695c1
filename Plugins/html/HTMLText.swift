import Foundation

/// HTML escaping and the few other string helpers every page needs.
///
/// Everything the exporter writes into a page goes through here or through Mustache's `{{…}}` (which escapes the
/// same five characters); only values whose key ends in `Html` or `Svg` are inserted raw, and those are built
/// from escaped pieces by this plugin.
enum HTMLText {
    /// Escapes text for an HTML text node or a quoted attribute value.
    static func escape(_ text: String) -> String {
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
                // Control characters other than tab and line feed are not allowed in HTML text.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The `href` to write for a link in content, or `nil` when it must not become a link: only `http:`,
    /// `https:` and `mailto:` targets are linked, so `javascript:`, `data:` and relative paths stay plain text.
    static func safeExternalHref(_ href: String?) -> String? {
        guard let href else { return nil }
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            return nil
        }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return trimmed
    }

    /// A fragment identifier made from a model ID (which is an XML name) with a prefix; other characters become `-`.
    static func anchor(_ prefix: String, _ id: String) -> String {
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

    /// A number with one decimal, independent of locale: `12.5`, `3.0`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
