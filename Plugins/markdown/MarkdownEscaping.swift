import Foundation

/// Makes curriculum text safe to put into Markdown, so that no CommonMark renderer reads it as formatting, raw HTML
/// or a link of its own.
///
/// Text is backslash-escaped. A link target is written in the angle-bracket form `<…>`, with every character that
/// could end the target or start markup percent-encoded, so a target such as `https:x) <img src=x onerror=…>` stays
/// one target and never becomes HTML.
///
/// Text is never turned into an image or a reference definition: `!` and `[` are escaped, and the exporter writes
/// inline links only.
enum MarkdownEscaping {
    /// Text with every character Markdown reads as formatting escaped: emphasis, code, links, raw HTML and
    /// autolinks (`<`, `>`), headings, tables, and entity references (`&`).
    static func text(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>#|&!~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A table cell: escaped text on one line.
    static func cell(_ text: String) -> String {
        self.text(text).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// The target of a link, in angle brackets, or `nil` when it must not become a link.
    ///
    /// Only `http:`, `https:` and `mailto:` targets are linked, as in the HTML and cartridge exporters:
    /// `javascript:`, `data:` and relative paths (which would point at nothing beside the notes) stay plain text.
    static func destination(_ href: String?) -> String? {
        guard let href else { return nil }
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
            return nil
        }
        var result = "<"
        for byte in trimmed.utf8 {
            switch byte {
            // Controls, space, what could close the target or start markup, and bytes outside ASCII.
            case 0..<0x21, 0x7F..., UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
                UInt8(ascii: "`"):
                result += "%" + hex(byte)
            case UInt8(ascii: "&"):
                // Kept as `&` (a query separator), but escaped so that `&amp;` is not read as an entity.
                result += "\\&"
            default:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result + ">"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
