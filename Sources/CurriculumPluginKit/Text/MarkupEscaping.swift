/// Escaping for XML and HTML text and attribute values written by hand, shared by the core and the exporters.
///
/// Characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) are dropped, so any text from the model
/// gives a well-formed document.
public enum MarkupEscaping {
    /// Text content: `&`, `<` and `>` escaped; carriage returns kept as character references.
    public static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// An attribute value in double quotes: also `"` and the whitespace characters an XML parser would normalise.
    public static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        // Most text needs nothing escaped: a scan of its UTF-8 finds that without building a new string.
        var copy = value
        let clean = copy.withUTF8 { utf8 in !utf8.contains(where: { needsWork($0, inAttribute: inAttribute) }) }
        if clean { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a UTF-8 byte may start something to escape or drop: markup characters, controls, and the lead byte
    /// 0xEF of U+FFFE and U+FFFF (which also leads many allowed characters; those then take the careful path).
    private static func needsWork(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\r"), 0xEF, 0x7F: true
        case UInt8(ascii: "\""), UInt8(ascii: "\t"), UInt8(ascii: "\n"): inAttribute
        case ..<0x20: true
        default: false
        }
    }

    /// Whether XML 1.0 allows the character: tab, line feed, carriage return, and U+0020 upwards except
    /// U+FFFE and U+FFFF (Swift strings hold no lone surrogates).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }
}
