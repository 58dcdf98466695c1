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

    /// Appends text content, escaped as ``text(_:)`` escapes it, to UTF-8 bytes.
    public static func appendText(_ value: String, to bytes: inout [UInt8]) {
        append(value, inAttribute: false, to: &bytes)
    }

    /// Appends an attribute value, escaped as ``attribute(_:)`` escapes it, to UTF-8 bytes.
    public static func appendAttribute(_ value: String, to bytes: inout [UInt8]) {
        append(value, inAttribute: true, to: &bytes)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        // Most text needs nothing escaped: a scan of its UTF-8 finds that without building a new string.
        var copy = value
        if copy.withUTF8({ isClean($0, inAttribute: inAttribute) }) { return value }
        return escapedSlowly(value, inAttribute: inAttribute)
    }

    private static func append(_ value: String, inAttribute: Bool, to bytes: inout [UInt8]) {
        var copy = value
        let clean = copy.withUTF8 { utf8 in
            guard isClean(utf8, inAttribute: inAttribute) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !clean { bytes.append(contentsOf: escapedSlowly(value, inAttribute: inAttribute).utf8) }
    }

    private static func isClean(_ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        let table = inAttribute ? attributeWork : textWork
        return table.withUnsafeBufferPointer { work in
            for byte in utf8 where work[Int(byte)] { return false }
            return true
        }
    }

    private static func escapedSlowly(_ value: String, inAttribute: Bool) -> String {
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

    /// For each byte value, whether it needs work in text and in attribute values (see `needsWork`).
    private static let textWork = (0...255).map { needsWork(UInt8($0), inAttribute: false) }
    private static let attributeWork = (0...255).map { needsWork(UInt8($0), inAttribute: true) }

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
